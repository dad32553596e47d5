//! The tense around a token: the nearest tense marker of its sentence (or of the quotation
//! it stands in), with the deadlines, plans and participles that change it.
//! Never reads beyond the current sentence and never looks at dates or the document date.

use crate::text::TokenKind;

use super::lex;
use super::scan::Scan;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
    None,
}

impl Scan<'_> {
    /// The tense around token `i`: the nearest tense marker in the sentence.
    pub(super) fn tense(&self, i: usize) -> Tense {
        // "since March": a starting point already passed.
        if self.prev(i) == "since" {
            return Tense::Past;
        }
        // "given until 9 a.m. Tuesday", "postponed until Tuesday": a deadline, ahead. A
        // clause-opening "Until Thursday, they had ..." or "up until" looks back.
        let mut k = i;
        while k > self.sent_start
            && k + 4 > i
            && (self.kind(k - 1) == Some(TokenKind::Number)
                || matches!(
                    self.w(k - 1),
                    "a.m." | "p.m." | "am" | "pm" | "noon" | "midnight"
                )
                || self.w(k - 1).len() == 3 && self.w(k - 1).ends_with('t') && self.cap(k - 1))
        {
            k -= 1;
        }
        if matches!(self.prev(k), "until" | "till")
            && k >= self.sent_start + 2
            && !matches!(self.w(k - 2), "up" | "not" | "," | "``" | "\"")
        {
            return Tense::Future;
        }
        // "ahead of the Nov. 8 election": a dated event still to come. (A weekday keeps the
        // sentence's tense: "Ahead of Friday's meeting, they unveiled a plan" looks back.)
        let before = if self.prev(i) == "the" { i - 1 } else { i };
        if lex::month(self.w(i)).is_some()
            && self.prev(before) == "of"
            && before >= self.sent_start + 2
            && self.w(before - 2) == "ahead"
        {
            return Tense::Future;
        }
        // "marching toward November", "closer to November": a month still to come.
        if lex::month(self.w(i)).is_some()
            && (matches!(self.prev(before), "toward" | "towards")
                || self.prev(before) == "to"
                    && before >= self.sent_start + 2
                    && matches!(self.w(before - 2), "closer" | "up"))
        {
            return Tense::Future;
        }
        // "ahead of Saturday's caucus" in a sentence with no tensed word: still to come.
        let weekday_ahead = lex::weekday(self.w(i)).is_some()
            && self.prev(before) == "of"
            && before >= self.sent_start + 2
            && self.w(before - 2) == "ahead";
        // Reported speech keeps its own tense: "``He will leave Thursday,'' Castro said."
        // The search stays between the quotation marks around `i`; the sentence as a whole
        // is the fallback when the quoted stretch has no tensed word.
        let is_mark = |k: usize| matches!(self.w(k), "``" | "''" | "\"" | "“" | "”");
        let lo = (self.sent_start..i)
            .rev()
            .find(|&k| is_mark(k))
            .map_or(self.sent_start, |k| k + 1);
        let hi = (i..self.lim).find(|&k| is_mark(k)).unwrap_or(self.lim);
        // "told voters on Sunday that he would": the clause after "that" has its own tense.
        let hi = (i + 1..hi)
            .find(|&k| self.w(k) == "that" && self.kind(k + 1) == Some(TokenKind::Word))
            .unwrap_or(hi);
        let t = self.nearest_tense(i, lo, hi);
        if t != Tense::None || (lo, hi) == (self.sent_start, self.lim) {
            return if t == Tense::None && weekday_ahead {
                Tense::Future
            } else {
                t
            };
        }
        match self.nearest_tense(i, self.sent_start, self.lim) {
            Tense::None if weekday_ahead => Tense::Future,
            t => t,
        }
    }

    /// Does the sentence being read step back in time with a pluperfect ("had signed",
    /// "had been")?
    pub(super) fn pluperfect(&self) -> bool {
        (self.sent_start..self.lim)
            .any(|k| matches!(self.w(k), "had" | "'d" | "’d") && self.participle_after(k))
    }

    /// Does the sentence being read use a present perfect ("has made", "have been")?
    pub(super) fn present_perfect(&self) -> bool {
        (self.sent_start..self.lim).any(|k| {
            matches!(self.w(k), "has" | "have" | "'ve" | "’ve") && self.participle_after(k)
        })
    }

    /// Is the verb after the auxiliary at `k` a past participle ("had signed", "has
    /// already been", "had not yet met")?
    fn participle_after(&self, k: usize) -> bool {
        let mut j = k + 1;
        while matches!(
            self.w(j),
            "already" | "not" | "never" | "just" | "also" | "since" | "yet"
        ) || self.w(j).len() > 4 && self.w(j).ends_with("ly")
        {
            j += 1;
        }
        let w = self.w(j);
        self.kind(j) == Some(TokenKind::Word) && (w.ends_with("ed") || lex::participle(w))
    }

    /// The tense of the tensed word nearest to `i` within tokens `lo..hi` (the earlier of two
    /// as near).
    pub(super) fn nearest_tense(&self, i: usize, lo: usize, hi: usize) -> Tense {
        // Outward from `i`, the earlier side first: the first tensed word met is the nearest.
        let reach = i.saturating_sub(lo).max(hi.saturating_sub(i));
        for d in 0..=reach {
            let sides = [i.checked_sub(d), (d > 0).then(|| i + d)];
            for k in sides.into_iter().flatten().filter(|k| (lo..hi).contains(k)) {
                if let Some(t) = self.tense_marked(k) {
                    return t;
                }
            }
        }
        Tense::None
    }

    /// The tense token `k` marks, if it is a tensed word ("will", "said", "expected to").
    fn tense_marked(&self, k: usize) -> Option<Tense> {
        let w = self.w(k);
        Some(match w {
            // "was planning", "is set to", "are due": the auxiliary belongs to the
            // future marker that follows it.
            "was" | "were" | "is" | "are" if self.w(k + 1) == "to" => Tense::Future,
            "was" | "were" | "is" | "are"
                if matches!(
                    self.w(k + 1),
                    "set" | "due" | "going" | "planning" | "scheduled" | "expected"
                ) =>
            {
                return None
            }
            "set" if self.w(k + 1) == "to" => Tense::Future,
            // "is likely to bounce back Tuesday".
            "likely" if self.w(k + 1) == "to" => Tense::Future,
            // "had been scheduled to expire Friday": a plan already overtaken.
            "had" if matches!(self.w(k + 1), "been" | "scheduled" | "planned" | "expected") => {
                Tense::Past
            }
            "scheduled" | "planned" | "expected"
                if self.prev(k) == "had" || self.prev(k) == "been" && self.w(k - 2) == "had" =>
            {
                return None
            }
            // "vacation plans for the trip", "the hastily planned trip": nouns and
            // adjectives, not intentions; "plans to", "planned for Monday" look ahead.
            "plans" | "plan" if self.w(k + 1) != "to" => return None,
            "planned" | "planning"
                if !matches!(self.w(k + 1), "to" | "for")
                    && !matches!(
                        self.prev(k),
                        "was" | "were" | "is" | "are" | "am" | "be" | "been"
                    ) =>
            {
                return None
            }
            "will" | "'ll" | "’ll" | "shall" | "would" | "scheduled" | "expected" | "expects"
            | "expect" | "plans" | "planned" | "plan" | "planning" | "upcoming" | "tomorrow"
            | "soon" | "nears" | "approaches" | "approaching" | "looms" => Tense::Future,
            "said" | "was" | "were" | "had" | "did" | "ago" | "last" | "took" | "went" | "came"
            | "told" | "made" | "got" | "gave" | "met" | "began" | "fell" | "rose" | "won"
            | "lost" | "left" | "saw" | "yesterday" | "earlier" | "sold" | "paid" | "held"
            | "brought" | "sent" | "ended" | "closed" | "agreed" | "announced" | "wrote"
            | "spoke" | "became" | "found" | "thought" | "knew" | "ran" | "led" | "chose"
            | "felt" | "kept" | "stood" | "struck" | "heard" | "bought" | "sought" | "fought"
            | "drove" | "flew" | "grew" | "drew" | "broke" | "fled" | "spent" | "built"
            | "shot" | "tweeted" | "posted" => Tense::Past,
            // A past participle, not a name ("United", "Red"): capitals mid-sentence
            // do not count.
            _ if w.len() > 4
                && w.ends_with("ed")
                && self.toks[k].kind == TokenKind::Word
                && (k == self.sent_start || !self.cap(k))
                // "will be named", "markets untouched by the crisis": a passive
                // participle; the auxiliary, if any, carries the tense.
                && !matches!(self.w(k.wrapping_sub(1)), "be" | "been" | "being")
                && self.w(k + 1) != "by" =>
            {
                Tense::Past
            }
            // "a poll taken Wednesday": an irregular participle, as "-ed" above.
            _ if lex::participle(w)
                && !matches!(w, "been" | "said")
                && !matches!(
                    self.w(k.wrapping_sub(1)),
                    "be" | "been"
                        | "being"
                        | "has"
                        | "have"
                        | "had"
                        | "will"
                        | "could"
                        | "would"
                        | "can"
                        | "may"
                        | "might"
                        | "should"
                        | "must"
                        | "to"
                        | "did"
                        | "do"
                        | "does"
                        | "'ll"
                        | "’ll"
                ) =>
            {
                Tense::Past
            }
            _ => return None,
        })
    }
}
