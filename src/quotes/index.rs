//! Lookups built once per document, so attributing a quotation costs the same however long the
//! document is: token runs and the entity mentions sorted by offset.
//! Must never change an answer: each lookup returns exactly what the plain scan it replaces would.

use std::cell::OnceCell;

use crate::text::{Token, TokenKind};
use crate::types::{Entity, Label, Span};

use super::lexicon;

/// Counts units of work (candidates inspected, tokens stepped over) in tests, so that a test can
/// check the work per quotation stays bounded without timing anything. Free in other builds.
#[cfg(test)]
pub(crate) mod work {
    use std::cell::Cell;
    thread_local!(static WORK: Cell<u64> = const { Cell::new(0) });
    pub(crate) fn tick(n: usize) {
        WORK.with(|w| w.set(w.get() + n as u64));
    }
    /// The work counted on this thread since the last call.
    pub(crate) fn take() -> u64 {
        WORK.with(|w| w.replace(0))
    }
}
#[cfg(not(test))]
pub(crate) mod work {
    #[inline(always)]
    pub(crate) fn tick(_: usize) {}
}

/// How many tokens a lookup steps over directly before it builds (once) an index over the whole
/// document: most runs are short, and most documents never need the index.
const SHORT: usize = 64;

/// Runs of tokens (time words, non-words, up to the next comma, back to the last double mark or
/// verb of judging), stepped over directly when short and looked up in an index built on first
/// need when long, so that a scan repeated from many quotations never steps over the same long
/// run again.
pub(crate) struct Runs<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// For token i: the first token at or after i that is not a time word.
    time_run_end: OnceCell<Vec<u32>>,
    /// For token i: the first word or number at or after i.
    next_word: OnceCell<Vec<u32>>,
    /// For token i: the first "," at or after i.
    next_comma: OnceCell<Vec<u32>>,
    /// Positions of the double quotation marks, in order.
    double_marks: OnceCell<Vec<u32>>,
    /// Positions of the verbs of finding and judging, in order.
    judging: OnceCell<Vec<u32>>,
}

fn is_time_word(r: &Runs, i: usize) -> bool {
    lexicon::is_time_word(r.tokens[i].text(r.text))
}

fn is_word(r: &Runs, i: usize) -> bool {
    matches!(r.tokens[i].kind, TokenKind::Word | TokenKind::Number)
}

fn is_comma(r: &Runs, i: usize) -> bool {
    r.tokens[i].kind == TokenKind::Punct && r.tokens[i].text(r.text) == ","
}

fn is_double_mark(r: &Runs, i: usize) -> bool {
    r.tokens[i].kind == TokenKind::Quote
        && matches!(
            r.tokens[i].text(r.text),
            "\u{201C}" | "\u{201D}" | "\"" | "``" | "''"
        )
}

fn is_judging(r: &Runs, i: usize) -> bool {
    lexicon::is_judging(r.tokens[i].text(r.text))
}

impl<'a> Runs<'a> {
    pub(crate) fn new(text: &'a str, tokens: &'a [Token]) -> Self {
        Runs {
            text,
            tokens,
            time_run_end: OnceCell::new(),
            next_word: OnceCell::new(),
            next_comma: OnceCell::new(),
            double_marks: OnceCell::new(),
            judging: OnceCell::new(),
        }
    }

    /// For each token, the first token at or after it where `hit` holds (or the token count).
    fn next_hits(&self, hit: fn(&Self, usize) -> bool) -> Vec<u32> {
        let n = self.tokens.len();
        let mut next = vec![n as u32; n + 1];
        for i in (0..n).rev() {
            work::tick(1);
            next[i] = if hit(self, i) { i as u32 } else { next[i + 1] };
        }
        next
    }

    /// The positions where `hit` holds, in order.
    fn positions(&self, hit: fn(&Self, usize) -> bool) -> Vec<u32> {
        work::tick(self.tokens.len());
        (0..self.tokens.len())
            .filter(|&i| hit(self, i))
            .map(|i| i as u32)
            .collect()
    }

    /// The first token at or after `i` where `hit` holds, or `ub` if there is none before it.
    fn first_from(
        &self,
        i: usize,
        ub: usize,
        hit: fn(&Self, usize) -> bool,
        index: &OnceCell<Vec<u32>>,
    ) -> usize {
        let mut j = i;
        while j < ub && j < i + SHORT {
            work::tick(1);
            if hit(self, j) {
                return j;
            }
            j += 1;
        }
        if j >= ub {
            return ub.max(i);
        }
        (index.get_or_init(|| self.next_hits(hit))[j] as usize).min(ub)
    }

    /// The last token in `lb..end` where `hit` holds, if any.
    fn last_before(
        &self,
        lb: usize,
        end: usize,
        hit: fn(&Self, usize) -> bool,
        index: &OnceCell<Vec<u32>>,
    ) -> Option<usize> {
        let mut j = end;
        while j > lb && j + SHORT > end {
            work::tick(1);
            j -= 1;
            if hit(self, j) {
                return Some(j);
            }
        }
        if j <= lb {
            return None;
        }
        let list = index.get_or_init(|| self.positions(hit));
        let k = list.partition_point(|&i| (i as usize) < j);
        let i = *list[..k].last()? as usize;
        (i >= lb).then_some(i)
    }

    /// The first token at or after `i` that is not a time word ("Monday", "later"); `i` itself
    /// past the end.
    pub(crate) fn time_run_end(&self, i: usize) -> usize {
        let not_time_word = |r: &Self, j| !is_time_word(r, j);
        let n = self.tokens.len();
        if i >= n {
            return i;
        }
        self.first_from(i, n, not_time_word, &self.time_run_end)
    }

    /// Steps over the time words from `i`, not past `ub`.
    pub(crate) fn skip_time_words(&self, i: usize, ub: usize) -> usize {
        if i >= ub {
            return i;
        }
        self.time_run_end(i).min(ub)
    }

    /// The first word or number at or after `i`, or `ub` if there is none before it.
    pub(crate) fn next_word(&self, i: usize, ub: usize) -> usize {
        self.first_from(i, ub, is_word, &self.next_word)
    }

    /// The first "," at or after `i`, or `ub` if there is none before it.
    pub(crate) fn next_comma(&self, i: usize, ub: usize) -> usize {
        self.first_from(i, ub, is_comma, &self.next_comma)
    }

    /// The last double quotation mark in `lb..end`, if any.
    pub(crate) fn last_double_mark(&self, lb: usize, end: usize) -> Option<usize> {
        self.last_before(lb, end, is_double_mark, &self.double_marks)
    }

    /// The last verb of finding or judging in `lb..end`, if any.
    pub(crate) fn last_judging(&self, lb: usize, end: usize) -> Option<usize> {
        self.last_before(lb, end, is_judging, &self.judging)
    }
}

/// `s.partition_point(pred)` for a predicate that turns false near the start of `s`: galloping
/// from the front, so the cost grows with the distance to the answer, not with the length of `s`
/// (the rest of the document).
pub(crate) fn partition_near<T>(s: &[T], pred: impl Fn(&T) -> bool) -> usize {
    let mut end = 1;
    while end < s.len() && pred(&s[end - 1]) {
        end *= 2;
    }
    let end = end.min(s.len());
    let start = end / 2;
    start + s[start..end].partition_point(&pred)
}

/// `s.partition_point(pred)` for a predicate that turns false near the end of `s`: galloping
/// from the back (a mention shortly before a pronoun).
pub(crate) fn partition_near_end<T>(s: &[T], pred: impl Fn(&T) -> bool) -> usize {
    let n = s.len();
    let mut d = 1;
    while d < n && !pred(&s[n - d]) {
        d *= 2;
    }
    let d = d.min(n);
    let (lo, hi) = (n - d, n - d / 2);
    lo + s[lo..hi].partition_point(&pred)
}

/// The entity mentions of a document, sorted for the two questions the speaker step asks.
pub(crate) struct Mentions {
    /// Entity indexes sorted by start offset (then index).
    by_start: Vec<u32>,
    /// Prefix maximum of the end offsets in `by_start` order.
    max_end: Vec<usize>,
    /// Per label (persons, organisations): the mentions outside every quotation, sorted by
    /// start offset and, at equal starts, by falling index (so a walk from the back meets them
    /// nearest first, in document order at equal starts).
    per: Vec<u32>,
    org: Vec<u32>,
}

impl Mentions {
    /// `quoted`: the contents of the quotations (mentions inside them are not antecedents).
    pub(crate) fn new(entities: &[Entity], quoted: &[Span]) -> Self {
        let mut by_start: Vec<u32> = (0..entities.len() as u32).collect();
        // The keys are unique (the index breaks ties): an unstable sort gives the same order.
        by_start.sort_unstable_by_key(|&i| (entities[i as usize].span.start, i));
        let mut max_end = Vec::with_capacity(by_start.len());
        let mut m = 0;
        for &i in &by_start {
            m = m.max(entities[i as usize].span.end);
            max_end.push(m);
        }
        // Whether a span lies inside a quotation: among the quotations starting at or before
        // it, the furthest end reaches its end.
        let mut quotes: Vec<Span> = quoted.to_vec();
        quotes.sort_by_key(|q| q.start);
        let mut reach = Vec::with_capacity(quotes.len());
        let mut r = 0;
        for q in &quotes {
            r = r.max(q.end);
            reach.push(r);
        }
        let inside_quote = |s: &Span| {
            let k = quotes.partition_point(|q| q.start <= s.start);
            k > 0 && reach[k - 1] >= s.end
        };
        let mut per = Vec::new();
        let mut org = Vec::new();
        for (i, e) in entities.iter().enumerate() {
            let list = match e.label {
                Label::Per => &mut per,
                Label::Org => &mut org,
                _ => continue,
            };
            if !inside_quote(&e.span) {
                list.push(i as u32);
            }
        }
        for list in [&mut per, &mut org] {
            list.sort_unstable_by_key(|&i| (entities[i as usize].span.start, std::cmp::Reverse(i)));
        }
        Mentions {
            by_start,
            max_end,
            per,
            org,
        }
    }

    /// The indexes of the entities overlapping `span`, in no particular order.
    pub(crate) fn overlapping<'s>(
        &'s self,
        entities: &'s [Entity],
        span: Span,
    ) -> impl Iterator<Item = usize> + 's {
        let hi = self
            .by_start
            .partition_point(|&i| entities[i as usize].span.start < span.end);
        (0..hi)
            .rev()
            .take_while(move |&k| self.max_end[k] > span.start)
            .map(move |k| self.by_start[k] as usize)
            .filter(move |&i| {
                work::tick(1);
                entities[i].span.overlaps(&span)
            })
    }

    /// The indexes of the mentions of `label` outside quotations that end at or before `at`, nearest first
    /// (by falling start offset, in document order at equal starts).
    pub(crate) fn before<'s>(
        &'s self,
        entities: &'s [Entity],
        label: Label,
        at: usize,
    ) -> impl Iterator<Item = usize> + 's {
        let list: &[u32] = match label {
            Label::Per => &self.per,
            Label::Org => &self.org,
            _ => &[],
        };
        // A mention ending at or before `at` starts at or before it.
        let hi = list.partition_point(|&i| entities[i as usize].span.start <= at);
        list[..hi]
            .iter()
            .rev()
            .map(|&i| i as usize)
            .filter(move |&i| {
                work::tick(1);
                entities[i].span.end <= at
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `find(s, cut)` answers `s.partition_point(|&x| x < cut)` on every short sorted list.
    fn agrees_with_partition_point(find: impl Fn(&[usize], usize) -> usize) {
        for n in 0..40 {
            let v: Vec<usize> = (0..n).collect();
            for cut in 0..=n + 1 {
                assert_eq!(
                    find(&v, cut),
                    v.partition_point(|&x| x < cut),
                    "n = {n}, cut = {cut}"
                );
            }
        }
    }

    #[test]
    fn partition_near_is_partition_point() {
        agrees_with_partition_point(|v, cut| partition_near(v, |&x| x < cut));
    }

    #[test]
    fn partition_near_end_is_partition_point() {
        agrees_with_partition_point(|v, cut| partition_near_end(v, |&x| x < cut));
    }
}
