//! The present, the past and the future as such (TimeML PRESENT_REF, PAST_REF,
//! FUTURE_REF): "now", "these days", "today" meaning nowadays, "long ago", "your future".
//! Never gives a calendar value and never moves the story.

use crate::text::TokenKind;

use super::super::tense::Tense;
use super::super::value::Value;
use super::super::Tagger;
use super::Hit;

impl Tagger<'_> {
    /// Is the clause of token `i` a hypothesis ("could be blackmailed tomorrow", "doesn't
    /// mean he quits tomorrow")? A modal of possibility or "mean" before it in the sentence.
    pub(super) fn hypothetical(&self, i: usize) -> bool {
        (self.sent_start..i).any(|k| matches!(self.w(k), "could" | "might" | "mean" | "means"))
    }

    /// Does a past verb follow token `i` closely ("Twitter soon made", "Soon, he found"),
    /// with no word before it looking ahead?
    fn past_clause(&self, i: usize) -> bool {
        let after = self.nearest_tense(i, i + 1, (i + 6).min(self.lim));
        after == Tense::Past && self.nearest_tense(i, self.sent_start, i) != Tense::Future
    }

    /// Words for the present, past and future ("now", "recently", "soon", "your future"):
    /// `Some(None)` when the word is no timex here ("Now, ..." opening a sentence).
    pub(super) fn reference_word(&self, i: usize) -> Option<Option<Hit>> {
        let w = self.w(i);
        let n1 = self.w(i + 1);
        let refv = match w {
            "now" => {
                // "Now, ..." opening a sentence is a discourse marker, not the present.
                if n1 == "-"
                    || n1 == ","
                        && (i == self.sent_start
                            || i == self.sent_start + 1
                                && matches!(self.prev(i), "``" | "\"" | "“" | "‘"))
                {
                    return Some(None);
                }
                Some(Value::PRESENT)
            }
            "currently" | "nowadays" | "presently" => Some(Value::PRESENT),
            "recently" | "lately" | "formerly" => Some(Value::PAST),
            // "soon", "anytime soon"; not "soon after", "as soon as", "too soon to tell", nor
            // a narrative's "Soon, he found the town welcoming" (a past clause).
            "soon"
                if !matches!(n1, "after" | "as" | "thereafter" | "enough" | "became")
                    && !self.past_clause(i)
                    && !n1.ends_with("ed")
                    && !matches!(self.prev(i), "as" | "too" | "how" | "was" | "were" | "had") =>
            {
                Some(Value::FUTURE)
            }
            "future" if matches!(self.prev(i), "in" | "near" | "distant" | "foreseeable") => {
                Some(Value::FUTURE)
            }
            // "your future", "Elian's future", "a much brighter future": the future as a
            // noun (not "future losses", "its future leaders"); "Trump's past", "a
            // difficult past" likewise.
            "future" if self.owned_noun(i) => Some(Value::FUTURE),
            "past" if self.owned_noun(i) && self.future_described(i) != Some(i - 2) => {
                Some(Value::PAST)
            }
            _ => None,
        };
        if let Some(v) = refv {
            // "right now", "more recently", "until recently"; "a much brighter future"
            let s = match (self.prev(i), w) {
                ("more" | "most", "recently") | ("right", "now") => i - 1,
                (p, "future" | "past")
                    if !matches!(p, "in" | "near" | "distant" | "foreseeable") =>
                {
                    self.future_described(i).unwrap_or(i)
                }
                _ => i,
            };
            return Some(Some(Hit::date(s, i + 1, v)));
        }
        None
    }

    /// "these days", "long ago", "a long time ago", "not that long ago", "this (crucial)
    /// moment": the present or the past as a phrase.
    pub(super) fn present_or_past_phrase(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let n1 = self.w(i + 1);
        // "these days": nowadays.
        if w == "these" && n1 == "days" {
            return Some(Hit::date(i, i + 2, Value::PRESENT));
        }
        // "long ago", "a long time ago", "not that long ago": the past.
        if w == "long" {
            let e = match (n1, self.w(i + 2)) {
                ("ago", _) => i + 2,
                ("time", "ago") => i + 3,
                _ => 0,
            };
            if e > 0 {
                let s = match (self.w(i.wrapping_sub(2)), self.prev(i)) {
                    ("not", "that" | "so") if i >= self.sent_start + 2 => i - 2,
                    (_, "a") if e == i + 3 => i - 1,
                    _ => i,
                };
                return Some(Hit::date(s, e, Value::PAST));
            }
        }
        // "at this point", "by this point": the present (not "at this point during his
        // presidency", "at this point in the race").
        if w == "point"
            && self.prev(i) == "this"
            && i >= self.sent_start + 2
            && matches!(self.w(i - 2), "at" | "by")
            && !matches!(
                n1,
                "during" | "in" | "of" | "where" | "when" | "that" | "last" | "since"
            )
        {
            return Some(Hit::date(i - 1, i + 1, Value::PRESENT));
        }
        // "this moment", "this crucial moment": the present.
        if w == "moment" {
            let s = match (self.w(i.wrapping_sub(2)), self.prev(i)) {
                (_, "this") => Some(i - 1),
                ("this", p) if i >= self.sent_start + 2 && !p.is_empty() && !self.cap(i - 1) => {
                    Some(i - 2)
                }
                _ => None,
            };
            if let Some(s) = s {
                return Some(Hit::date(s, i + 1, Value::PRESENT));
            }
        }
        None
    }

    /// Is "future" (or "past") at `i` a noun owned or described ("your future", "Elian's
    /// future", "a much brighter future", "the digital future", "a difficult past")? Its
    /// next word is not a noun it modifies.
    pub(super) fn owned_noun(&self, i: usize) -> bool {
        let n1 = self.w(i + 1);
        let noun = self.kind(i + 1) != Some(TokenKind::Word)
            || matches!(
                n1,
                "of" | "for"
                    | "away"
                    | "is"
                    | "was"
                    | "will"
                    | "looks"
                    | "that"
                    | "with"
                    | "in"
                    | "and"
                    | "or"
                    | "as"
                    | "at"
            );
        if !noun {
            return false;
        }
        let p = self.prev(i);
        if matches!(
            p,
            "your" | "our" | "their" | "his" | "her" | "its" | "my" | "'s" | "’s"
        ) {
            return true;
        }
        self.future_described(i).is_some()
    }

    /// The article opening "a brighter future", "a positive principled future", "the
    /// digital future" (up to three words between), where "future" (or "past") at `i` is
    /// described.
    pub(super) fn future_described(&self, i: usize) -> Option<usize> {
        let described = |k: usize| {
            k > self.sent_start
                && self.kind(k) == Some(TokenKind::Word)
                && !self.cap(k)
                && !matches!(
                    self.w(k),
                    "near" | "distant" | "foreseeable" | "the" | "a" | "an"
                )
        };
        (1..=3usize)
            .find(|&n| {
                i > self.sent_start + n
                    && matches!(self.w(i - n - 1), "a" | "an" | "the")
                    && (i - n..i).all(described)
            })
            .map(|n| i - n - 1)
    }

    /// Does "today" at `i` speak of the present as a state ("is as true today", "What are
    /// her numbers today?") rather than of the day: the verb of its clause before it is a
    /// present form of "be" saying what the present is, and no word of the clause before it
    /// marks a past or future.
    pub(super) fn generic_today(&self, i: usize) -> bool {
        let lo = (self.sent_start..i)
            .rev()
            .find(|&k| {
                matches!(
                    self.w(k),
                    "," | ";"
                        | ":"
                        | "``"
                        | "''"
                        | "\""
                        | "“"
                        | "”"
                        | "—"
                        | "–"
                        | "that"
                        | "which"
                        | "who"
                        | "when"
                        | "while"
                        | "because"
                        | "if"
                )
            })
            .map_or(self.sent_start, |k| k + 1);
        // "by today", "until today": a day.
        if matches!(
            self.prev(i),
            "by" | "until" | "till" | "since" | "from" | "through" | "before" | "after"
        ) {
            return false;
        }
        let Some(be) = (lo..i)
            .rev()
            .find(|&k| matches!(self.w(k), "is" | "are" | "'s" | "’s" | "'re" | "’re" | "am"))
        else {
            return false;
        };
        // What the present is: a noun phrase or a comparison ("is a safer place", "'s as true",
        // "are her numbers"). Not "is in Paris today", "are flying today", "are proud today".
        matches!(
            self.w(be + 1),
            "a" | "an"
                | "the"
                | "as"
                | "her"
                | "his"
                | "their"
                | "its"
                | "our"
                | "your"
                | "my"
                | "more"
                | "less"
                | "much"
                | "far"
                | "no"
                | "still"
                | "even"
        ) && self.nearest_tense(i, lo, i) == Tense::None
    }
}
