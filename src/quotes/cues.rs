//! Cue finding: the verb (or colon, comma, dash) a quotation hangs on, with its speaker phrase.
//! Must never name a speaker or pair marks: it reads the tokens around a quotation already found
//! and returns token ranges; `speaker` turns the phrase into a name.
//!
//! In order: "“…,” said X" / "“…,” X said" after the quotation, "X said: “…”" before it in its
//! sentence, "Mueller found a “benefit”" for partial quotations; without one of its own, a colon
//! or comma introduction, the previous sentences of its paragraph, or the last sentence of the
//! paragraph before.

use std::cell::{Cell, RefCell};

use rustc_hash::FxHashMap as HashMap;

use super::detect::Marked;
use super::index::work;
use super::speaker::{clause_subject, np_after, np_before, Np};
use super::Ctx;
use crate::quotes::lexicon;
use crate::text::TokenKind;
use crate::types::QuoteKind;

/// An attribution found in the text: a speaker phrase and a cue (token ranges).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub np: Np,
    pub cue_start: usize,
    pub cue_end: usize,
}

impl Ctx<'_> {
    /// A cue verb: lower case (or opening its sentence), not a noun after a determiner or a
    /// possessive ("a tweet", "his call"). Looked at once per token: the backward scans of the
    /// quotations of a sentence pass the same tokens many times.
    fn is_cue_at(&self, i: usize) -> bool {
        *self.cue_in_place[i].get_or_init(|| self.cue_in_place_uncached(i))
    }
    /// [`Ctx::is_cue_at`] computed afresh.
    fn cue_in_place_uncached(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        if t.kind != TokenKind::Word {
            return false;
        }
        let w = self.tok(i);
        let lower_initial = self.text.as_bytes()[t.start].is_ascii_lowercase();
        if !lower_initial && self.sentences[self.sent_of[i] as usize].tokens.start != i {
            return false;
        }
        if !self.is_cue_word(i) {
            // "as one critic put it, “…”", "the mayor shot back, “…”"
            let next = if i + 1 < self.tokens.len() {
                self.tok(i + 1)
            } else {
                ""
            };
            return (matches!(w, "put" | "puts") && next == "it")
                || (matches!(w, "shot" | "fired" | "hit" | "fires" | "shoots") && next == "back");
        }
        !(i > 0
            && (matches!(
                self.tok(i - 1),
                "a" | "an"
                    | "the"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "A"
                    | "The"
                    | "His"
                    | "Her"
                    | "Their"
                    | "Its"
            ) || self.is_possessive(i - 1)))
    }
    fn is_according(&self, i: usize) -> bool {
        const ACCORDING: &str = "according";
        i + 1 < self.tokens.len()
            // the length first: most tokens are no "according"
            && self.tokens[i].end - self.tokens[i].start == ACCORDING.len()
            && self.tok(i).eq_ignore_ascii_case(ACCORDING)
            && self.tok(i + 1) == "to"
    }
}

/// The first token of the sentence of token `i`, not before the paragraph start.
fn sentence_first(ctx: &Ctx, i: usize) -> usize {
    ctx.sentences[ctx.sent_of[i] as usize].tokens.start
}

fn sentence_end(ctx: &Ctx, i: usize) -> usize {
    ctx.sentences[ctx.sent_of[i] as usize].tokens.end
}

/// The cue after the closing mark: "“…,” said X", "“…,” X said", "“…,” X, a Y, told Z",
/// "“…,” according to X", and "“…!” Trump said." across a sentence break.
pub(crate) fn cue_after(ctx: &Ctx, m: &Marked) -> Option<Found> {
    let close = m.close?;
    let para_end = ctx.para_end_token(close);
    let mut k = close + 1;
    // A byline after a dash, ending the paragraph: "“…” ― Ines Varga".
    if k + 1 < para_end && ctx.tokens[k].kind == TokenKind::Dash {
        if let Some(f) = byline(ctx, k, para_end) {
            return Some(f);
        }
    }
    while k < para_end && (ctx.is_punct(k, ",") || ctx.tokens[k].kind == TokenKind::Dash) {
        k += 1;
    }
    if k >= para_end {
        // A byline paragraph after the quotation: "“…”¶- Ada Okafor."
        if para_end < ctx.tokens.len() && ctx.tokens[para_end].kind == TokenKind::Dash {
            return byline(ctx, para_end, ctx.para_end_token(para_end));
        }
        return None;
    }
    // The quote ended its sentence: only a short "X said." clause may follow.
    let new_sentence = ctx.sent_of[k] != ctx.sent_of[close];
    let limit = if new_sentence {
        sentence_end(ctx, k)
    } else {
        sentence_end(ctx, close).max(k)
    }
    .min(para_end);
    if let Some(found) = inverted_cue_after(ctx, k, limit, new_sentence) {
        return found;
    }
    subject_cue_after(ctx, m, k, limit, new_sentence)
}

/// A byline: the dash at `dash`, then a name and nothing but punctuation up to `end`.
fn byline(ctx: &Ctx, dash: usize, end: usize) -> Option<Found> {
    let np = np_after(ctx, dash + 1, end)?;
    let rest = np.end..end;
    if np.pronoun || !rest.clone().all(|i| ctx.tokens[i].kind == TokenKind::Punct) {
        return None;
    }
    Some(Found {
        np,
        cue_start: dash,
        cue_end: dash + 1,
    })
}

/// An inverted cue at token `k`, right after the quotation, with the speaker after it: "said
/// X", "according to X", "read the email". `None` when `k` is no such cue, `Some(None)` when it
/// is one without a speaker.
fn inverted_cue_after(
    ctx: &Ctx,
    k: usize,
    limit: usize,
    new_sentence: bool,
) -> Option<Option<Found>> {
    let found = |cue_end: usize| {
        move |np| Found {
            np,
            cue_start: k,
            cue_end,
        }
    };
    if matches!(ctx.tok(k), "read" | "reads") && !new_sentence {
        return Some(np_after(ctx, k + 1, limit).map(found(k + 1)));
    }
    if ctx.is_according(k) {
        return Some(np_after(ctx, k + 2, limit).map(found(k + 2)));
    }
    if ctx.is_cue_at(k) && !new_sentence {
        let lw = ctx.lower(k);
        if lexicon::takes_addressee(&lw) || lexicon::is_participle(&lw) {
            return Some(None);
        }
        return Some(np_after(ctx, k + 1, limit).map(found(k + 1)));
    }
    None
}

/// "“…,” X said": the first cue verb within a few tokens after the quotation (from token `k`,
/// before `limit`), with its subject starting at `k`.
fn subject_cue_after(
    ctx: &Ctx,
    m: &Marked,
    k: usize,
    limit: usize,
    new_sentence: bool,
) -> Option<Found> {
    let mut v = k;
    while v < limit && v < k + 30 {
        if ctx.is_double_mark(v) {
            return None;
        }
        if ctx.is_cue_at(v) || ctx.is_according(v) {
            break;
        }
        v += 1;
    }
    if v >= limit || v >= k + 30 {
        if ctx.slice(m.content).ends_with(',') && !new_sentence {
            return unlisted_cue_after(ctx, k, limit);
        }
        return None;
    }
    if ctx.is_according(v) {
        // "“…,” he said, according to X" is rare; "“…,” according to X" was handled above.
        return None;
    }
    // The subject opens the clause after the quotation: "“…,” Tom Reyes, 52, of Dayton, Ohio,
    // who took part in the survey, said".
    let np = match np_after(ctx, k, v) {
        Some(np)
            if np.end == v
                || ctx.is_punct(np.end, ",")
                || ctx.is_punct(np.end, "(")
                || lexicon::is_skippable(ctx.tok(np.end)) =>
        {
            np
        }
        _ => np_before(ctx, v, k)?,
    };
    // "“…,” officials confirmed that …": the verb reports a clause of its own; the
    // quotation was the object of something before it.
    if v + 1 < limit && ctx.tok(v + 1) == "that" {
        return None;
    }
    if new_sentence && !short_clause_ends(ctx, v, limit) {
        return None;
    }
    Some(Found {
        np,
        cue_start: v,
        cue_end: v + 1,
    })
}

/// "“…,” the nominee riffed": after a quotation ending in a comma, a past-tense verb right after
/// the phrase that opens the clause (at `k`) is its cue, listed or not.
fn unlisted_cue_after(ctx: &Ctx, k: usize, limit: usize) -> Option<Found> {
    let np = np_after(ctx, k, limit)?;
    let c = np.end;
    if c >= limit || ctx.tokens[c].kind != TokenKind::Word {
        return None;
    }
    let w = ctx.tok(c);
    let verbish = w.ends_with("ed") || w.ends_with('s') || w.ends_with('e');
    if !verbish || !w.starts_with(|ch: char| ch.is_ascii_lowercase()) || lexicon::is_np_stop(w) {
        return None;
    }
    Some(Found {
        np,
        cue_start: c,
        cue_end: c + 1,
    })
}

/// After a quotation that ended its sentence, only a short clause may follow the cue verb `v`:
/// "X said." / "X said in a statement." / "X said Tuesday, ...".
fn short_clause_ends(ctx: &Ctx, v: usize, limit: usize) -> bool {
    let mut a = v + 1;
    if lexicon::takes_addressee(&ctx.lower(v)) {
        // "Ortiz told reporters during …": skip the addressee.
        while a < limit
            && a < v + 8
            && (ctx.is_word(a) || ctx.is_possessive(a))
            && !lexicon::is_np_stop(ctx.tok(a))
        {
            a += 1;
        }
    }
    a = ctx.runs.skip_time_words(a, limit);
    a >= limit
        || ctx.is_terminal(a)
        || ctx.is_punct(a, ",")
        || ctx.tokens[a].kind == TokenKind::Quote
        || matches!(
            ctx.tok(a),
            "in" | "on"
                | "at"
                | "during"
                | "to"
                | "of"
                | "about"
                | "after"
                | "before"
                | "while"
                | "when"
                | "as"
                | "with"
                | "from"
                | "last"
                | "this"
                | "via"
                | "through"
                | "back"
                | "then"
                | "later"
                | "recently"
                | "earlier"
        )
}

/// The cue before the opening mark in the same sentence: "X said: “…”", "X told Y, “…”",
/// "According to X, “…”", "Trump called Comey a “nut job”", "said X: “…”".
pub(crate) fn cue_before(ctx: &Ctx, m: &Marked) -> Option<Found> {
    let lb = sentence_first(ctx, m.open).max(ctx.para_first_token(m.open));
    // The sentence splitter glues a straight opening mark to the sentence before it
    // (`… on Monday. "I will …"`): then the quotation opens its own sentence.
    if m.open == lb || sentence_end(ctx, m.open) == m.open + 1 {
        return None;
    }
    cue_backwards(ctx, m.open, lb)
}

/// For partial quotations: the nearest verb of finding or judging before the quote in its
/// sentence ("Mueller found a “benefit”"), with its subject.
pub(crate) fn judging_cue_before(ctx: &Ctx, m: &Marked) -> Option<Found> {
    let lb = sentence_first(ctx, m.open).max(ctx.para_first_token(m.open));
    let v = ctx.runs.last_judging(lb, m.open)?;
    // The partial quotations after one verb share its subject: look it up once.
    let mut memo = ctx.scans.judging_subject.borrow_mut();
    let np = match *memo {
        Some((mv, ml, np)) if mv == v && ml == lb => np,
        _ => {
            let np = np_before(ctx, v, lb);
            *memo = Some((v, lb, np));
            np
        }
    }?;
    Some(Found {
        np,
        cue_start: v,
        cue_end: v + 1,
    })
}

/// The nearest cue verb with a speaker, scanning backwards from `from` (exclusive) to `lb`.
///
/// What the scan finds at a token `v` depends on `from` only while the speaker phrase after
/// `v` could reach `from` (a few tokens, more over a run of time words); further back it is the
/// same for every `from`. So the scan steps back over that near stretch, and beyond it looks up
/// a table of the cues found from `lb` upwards, built once per `lb` and extended as needed. The
/// table also keeps, for each participle cue ("adding"), the scan's answer from it, which the
/// cue inherits: without it each participle would rescan everything before it.
pub(crate) fn cue_backwards(ctx: &Ctx, from: usize, lb: usize) -> Option<Found> {
    if let Some(found) = quick_scan(ctx, from, lb) {
        return found;
    }
    let mut tables = ctx.scans.tables.borrow_mut();
    let table = tables.entry(lb).or_default();
    table.extend(ctx, lb, from);
    table.scan(ctx, lb, from)
}

/// Most scans end at a cue a few tokens before `from`: the plain scan, given up (`None`) after
/// [`QUICK_STEPS`] tokens or at a participle cue, which need the table.
fn quick_scan(ctx: &Ctx, from: usize, lb: usize) -> Option<Option<Found>> {
    let needs_table = Cell::new(false);
    let earlier = |_| {
        needs_table.set(true);
        None
    };
    let mut v = from;
    while v > lb {
        v -= 1;
        work::tick(1);
        if v + QUICK_STEPS < from {
            return None;
        }
        let found = cue_at(ctx, v, from, lb, &earlier);
        if needs_table.get() {
            return None;
        }
        if found.is_some() {
            return Some(found);
        }
    }
    Some(None)
}

/// How far back [`quick_scan`] looks.
const QUICK_STEPS: usize = 64;

/// Where a step back stopped.
enum Scan {
    /// It found the answer (or reached `lb`).
    Done(Option<Found>),
    /// It reached token `v`, from where on the answer does not depend on the start.
    Far(usize),
}

/// Steps back from `from` while the start still matters. `earlier(v)` is the scan's answer
/// from a participle cue `v`.
fn near_scan(ctx: &Ctx, from: usize, lb: usize, earlier: &dyn Fn(usize) -> Option<Found>) -> Scan {
    let mut v = from;
    while v > lb {
        v -= 1;
        work::tick(1);
        // The speaker phrase after `v` (see `np_after`) ends within 8 tokens after the time
        // words that follow `v + 1` or `v + 2`: if that is before `from`, `from` no longer matters.
        if ctx.runs.time_run_end(v + 2) + 8 <= from {
            return Scan::Far(v);
        }
        if let Some(f) = cue_at(ctx, v, from, lb, earlier) {
            return Scan::Done(Some(f));
        }
    }
    Scan::Done(None)
}

/// Memoised backward scans for cues (see `cue_backwards`), one table per lower bound.
#[derive(Default)]
pub(crate) struct Scans {
    pub tables: RefCell<HashMap<usize, ScanTable>>,
    /// Whether a sentence has a cue word (sentence index -> answer), filled on first use.
    pub sentence_cue: RefCell<HashMap<usize, bool>>,
    /// The last subject found before a verb of judging: (verb, lower bound) -> answer.
    pub judging_subject: RefCell<Option<(usize, usize, Option<Np>)>>,
}

/// The cues found scanning back to one lower bound, for every start far enough after them.
#[derive(Debug, Default)]
pub(crate) struct ScanTable {
    /// Tokens from the lower bound up to `done` (exclusive) have been looked at.
    done: usize,
    /// The tokens where a cue with a speaker stands, in order, with what was found there.
    hits: Vec<(u32, Found)>,
    /// Each participle cue, in order, with the scan's answer from it.
    participles: Vec<(u32, Option<Found>)>,
}

impl ScanTable {
    /// Looks at the tokens up to `to` (exclusive).
    fn extend(&mut self, ctx: &Ctx, lb: usize, to: usize) {
        self.done = self.done.max(lb);
        while self.done < to {
            let y = self.done;
            work::tick(1);
            if participle_cue(ctx, y, lb) {
                let before = self.scan(ctx, lb, y);
                self.participles.push((y as u32, before));
            }
            if let Some(f) = cue_at(ctx, y, ctx.tokens.len(), lb, &|v| self.earlier(v)) {
                self.hits.push((y as u32, f));
            }
            self.done += 1;
        }
    }

    /// The scan from `from`, once the table reaches `from`.
    fn scan(&self, ctx: &Ctx, lb: usize, from: usize) -> Option<Found> {
        match near_scan(ctx, from, lb, &|v| self.earlier(v)) {
            Scan::Done(found) => found,
            Scan::Far(v) => {
                let k = self.hits.partition_point(|h| h.0 as usize <= v);
                k.checked_sub(1).map(|k| self.hits[k].1)
            }
        }
    }

    /// The scan's answer from participle cue `v` (looked at already).
    fn earlier(&self, v: usize) -> Option<Found> {
        let k = self
            .participles
            .binary_search_by_key(&(v as u32), |p| p.0)
            .expect("the table holds every participle cue it has looked at");
        self.participles[k].1
    }
}

/// A participle cue with no subject right before it (", adding, “…”"): it takes the attribution
/// before it.
fn participle_cue(ctx: &Ctx, v: usize, lb: usize) -> bool {
    !ctx.is_according(v)
        && ctx.is_cue_at(v)
        && lexicon::is_participle(&ctx.lower(v))
        && v > lb
        && !lexicon::is_pronoun(ctx.tok(v - 1))
        && !ctx.is_cap(v - 1)
}

/// The attribution whose cue is token `v`, if any, in a scan back from `from` to `lb` (`from`
/// limits the speaker phrase after the cue). `earlier(v)` is the scan's answer from `v`.
fn cue_at(
    ctx: &Ctx,
    v: usize,
    from: usize,
    lb: usize,
    earlier: &dyn Fn(usize) -> Option<Found>,
) -> Option<Found> {
    if ctx.is_according(v) {
        let np = np_after(ctx, v + 2, from)?;
        return Some(Found {
            np,
            cue_start: v,
            cue_end: v + 2,
        });
    }
    if !ctx.is_cue_at(v) {
        return None;
    }
    if participle_cue(ctx, v, lb) {
        // "Okafor said, adding, “…”": the subject of an earlier cue in the sentence.
        if let Some(f) = earlier(v) {
            return Some(Found {
                np: f.np,
                cue_start: v,
                cue_end: v + 1,
            });
        }
        // "The mayor claimed victory online, saying: “…”": the main clause's subject.
        if let Some(np) = clause_subject(ctx, lb, v) {
            return Some(Found {
                np,
                cue_start: v,
                cue_end: v + 1,
            });
        }
    }
    if let Some(np) = np_before(ctx, v, lb) {
        return Some(Found {
            np,
            cue_start: v,
            cue_end: v + 1,
        });
    }
    // "Said Smith: “…”" / ", said Smith, “…”"
    let lw = ctx.lower(v);
    if !lexicon::takes_addressee(&lw) && !matches!(&*lw, "put" | "puts") {
        if let Some(np) = np_after(ctx, v + 1, from) {
            if ctx.is_cap(np.head_start) || np.pronoun {
                return Some(Found {
                    np,
                    cue_start: v,
                    cue_end: v + 1,
                });
            }
        }
    }
    // A participle with no subject of its own (", adding: “…”"): the scan goes on.
    None
}

/// A quotation introduced by a colon without a verb: "The mayor on Twitter: “…”", a headline
/// "Council Chief On Budget: ‘…’". The speaker is the phrase that opens the sentence.
pub(crate) fn colon_intro(ctx: &Ctx, colon: usize) -> Option<Found> {
    let lb = sentence_first(ctx, colon).max(ctx.para_first_token(colon));
    if let Some(f) = cue_backwards(ctx, colon, lb) {
        return Some(f);
    }
    if headline_line(ctx, lb, colon) {
        return None;
    }
    // A topic, a dash, then the speaker: "RED STATES OUTNUMBER BLUE - Jane Roe: “…”".
    let lb = (lb..colon)
        .rev()
        .take(8)
        .find(|&i| ctx.tokens[i].kind == TokenKind::Dash)
        .map_or(lb, |d| d + 1);
    let np = clause_subject(ctx, lb, colon)?;
    Some(Found {
        np,
        cue_start: colon,
        cue_end: colon + 1,
    })
}

/// Is `lb..colon` a headline line over a quoted text ("Trump Campaign-Related Matters:" above
/// the statement): a line of its own, every long word capitalised, three of them at least?
/// A headline names a topic, not a speaker.
fn headline_line(ctx: &Ctx, lb: usize, colon: usize) -> bool {
    if colon + 1 != ctx.para_end_token(colon) || lb != ctx.para_first_token(colon) {
        return false;
    }
    let long: Vec<usize> = (lb..colon)
        .filter(|&i| ctx.tokens[i].kind == TokenKind::Word && ctx.tok(i).chars().count() >= 4)
        .collect();
    long.len() >= 3 && long.iter().all(|&i| ctx.is_cap(i))
}

/// A quotation introduced by a comma without a cue verb ("The mayor shared her worries with the
/// crowd, “…”"): the subject of the sentence.
pub(crate) fn comma_intro(ctx: &Ctx, comma: usize) -> Option<Found> {
    let lb = sentence_first(ctx, comma).max(ctx.para_first_token(comma));
    let np = clause_subject(ctx, lb, comma)?;
    Some(Found {
        np,
        cue_start: comma,
        cue_end: comma + 1,
    })
}

/// The attribution in the sentences of the paragraph before token `before` (nearest first),
/// not before `lb`: "Ortiz answered the paper. “I never met him…”".
pub(crate) fn cue_in_previous_sentences(ctx: &Ctx, before: usize, lb: usize) -> Option<Found> {
    let mut end = before;
    let mut n = 0;
    while end > lb && n < 2 {
        let s = sentence_first(ctx, end - 1).max(lb);
        // Only the writer's words: the part after the sentence's last quotation mark.
        let tail = ctx.runs.last_double_mark(s, end).map_or(s, |i| i + 1);
        if let Some(f) = cue_backwards(ctx, end, tail) {
            return Some(f);
        }
        if tail > s {
            // A quotation sentence without its own cue: stop here, the earlier quote's
            // speaker is the better guess.
            return None;
        }
        end = s;
        n += 1;
    }
    None
}

/// The quotation's own attribution, in its sentence (or a short "X said." right after it).
pub(crate) fn find_own(ctx: &Ctx, m: &Marked, kind: QuoteKind) -> Option<Found> {
    let ends_comma = ctx.slice(m.content).ends_with(',');
    if ends_comma {
        if let Some(f) = cue_after(ctx, m) {
            return Some(f);
        }
    }
    if let Some(f) = cue_before(ctx, m) {
        return Some(f);
    }
    if kind == QuoteKind::Partial {
        // "Mueller found a “benefit”": verbs of finding and judging attribute quoted words too.
        return judging_cue_before(ctx, m);
    }
    if !ends_comma {
        return cue_after(ctx, m);
    }
    None
}

/// An attribution in the context of a quotation that has none in its own sentence.
pub(crate) fn find_context(ctx: &Ctx, m: &Marked) -> Option<Found> {
    let pf = ctx.para_first_token(m.open);
    // A colon at the end of the previous sentence or paragraph: "Okafor continued:".
    if m.open > 0 && ctx.tok(m.open - 1) == ":" {
        if let Some(f) = colon_intro(ctx, m.open - 1) {
            return Some(f);
        }
    }
    if m.open > pf && ctx.tok(m.open - 1) == "," {
        if let Some(f) = comma_intro(ctx, m.open - 1) {
            return Some(f);
        }
    }
    if m.open > pf {
        if let Some(f) = cue_in_previous_sentences(ctx, m.open, pf) {
            return Some(f);
        }
    } else if pf > 0 {
        // The last sentence of the previous paragraph, if it is not a quotation itself.
        let ppf = ctx.para_first_token(pf - 1);
        let s = ctx.sentences[ctx.sent_of[pf - 1] as usize]
            .tokens
            .start
            .max(ppf);
        if ctx.tokens[s].kind != crate::text::TokenKind::Quote
            && ctx.tokens[pf - 1].kind != crate::text::TokenKind::Quote
        {
            if let Some(f) = cue_backwards(ctx, pf, s) {
                return Some(f);
            }
        }
    }
    None
}
