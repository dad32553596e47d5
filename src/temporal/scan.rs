//! Token access for the date grammar: lower-cased words, capitals and kinds within the current
//! sentence, and the cheap trigger test that decides where a date phrase may start.
//! Never resolves a value and never looks outside the sentence being tagged.

use crate::text::{Token, TokenKind};
use crate::types::Document;

use super::lex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Trigger {
    No,
    Yes,
    IfNext,
    /// Not a trigger, but a token the tagger still reads: a word an expression the grammar
    /// is asked about may open ("calendar" in "calendar 1990 third quarter"), or a quotation
    /// mark written as a token of another kind.
    Lead,
    /// A quotation mark (but an apostrophe before digits): starts no expression, but counts
    /// as a trigger after a function word.
    Mark,
}

/// The tokens of a document and the bounds of the sentence being read.
pub(super) struct Scan<'a> {
    pub(super) text: &'a str,
    lower: String,
    pub(super) toks: &'a [Token],
    /// How each token may start an expression ([`head_trigger`]), read once per document.
    heads: Vec<Trigger>,
    /// The first token of the current sentence.
    pub(super) sent_start: usize,
    /// One past its last token: words beyond read as "".
    pub(super) lim: usize,
}

pub(super) fn is_num(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
}

/// A four-digit year from 1000 to 2100 ("1990").
pub(super) fn year_of(w: &str) -> Option<i32> {
    if w.len() == 4 && is_num(w) {
        let y: i32 = w.parse().ok()?;
        if (1000..=2100).contains(&y) {
            return Some(y);
        }
    }
    None
}

impl<'a> Scan<'a> {
    pub(super) fn new(doc: &'a Document) -> Self {
        let lower = doc.text.to_ascii_lowercase();
        let toks = &doc.tokens;
        let heads = toks
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let digits_next = || {
                    toks.get(k + 1)
                        .is_some_and(|n| lower.as_bytes()[n.start].is_ascii_digit())
                };
                head_trigger(t.kind, &lower[t.start..t.end], digits_next)
            })
            .collect();
        Scan {
            text: &doc.text,
            lower,
            toks,
            heads,
            sent_start: 0,
            lim: 0,
        }
    }

    /// The lower-cased token `i`, or "" outside the current sentence.
    pub(super) fn w(&self, i: usize) -> &str {
        if i < self.lim && i < self.toks.len() {
            let t = &self.toks[i];
            &self.lower[t.start..t.end]
        } else {
            ""
        }
    }

    /// The lower-cased token `i` wherever it is (a caption looks at the line after it).
    pub(super) fn w_any(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.lower[t.start..t.end])
    }

    pub(super) fn cap(&self, i: usize) -> bool {
        i < self.toks.len()
            && self.text[self.toks[i].start..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase())
    }

    pub(super) fn kind(&self, i: usize) -> Option<TokenKind> {
        (i < self.lim).then(|| self.toks[i].kind)
    }

    /// A cheap first test: can a temporal expression start at token `i`? Function words
    /// ("the", "about", "last"...) count only when the next token is itself a trigger.
    pub(super) fn trigger(&self, i: usize) -> bool {
        match self.heads[i] {
            Trigger::No | Trigger::Lead | Trigger::Mark => false,
            Trigger::Yes => true,
            Trigger::IfNext => {
                i + 1 < self.lim
                    && match self.heads[i + 1] {
                        Trigger::Yes | Trigger::Mark => true,
                        // "at least the past", "the last two", "the early 1990s"
                        Trigger::IfNext => {
                            i + 2 < self.lim
                                && matches!(
                                    self.heads[i + 2],
                                    Trigger::Yes | Trigger::IfNext | Trigger::Mark
                                )
                        }
                        // "earlier in the week", "long ago", "Trump's past, but"
                        Trigger::No | Trigger::Lead => {
                            matches!(self.w(i), "earlier" | "later")
                                && self.w(i + 1) == "in"
                                && self.w(i + 2) == "the"
                                || self.w(i) == "long"
                                    && (self.w(i + 1) == "ago"
                                        || self.w(i + 1) == "time" && self.w(i + 2) == "ago")
                                || self.w(i) == "past"
                        }
                    }
            }
        }
    }

    /// Can an expression start at token `i` at all, whatever follows it? False for most
    /// words, so the grammar is not walked for them.
    pub(super) fn may_start(&self, i: usize) -> bool {
        self.heads
            .get(i)
            .is_some_and(|&h| matches!(h, Trigger::Yes | Trigger::IfNext | Trigger::Lead))
    }

    /// Is token `i` of no use to the tagger: no expression starts at it, and it is no
    /// quotation mark? True for most words.
    pub(super) fn inert(&self, i: usize) -> bool {
        self.heads[i] == Trigger::No
    }

    pub(super) fn prev(&self, i: usize) -> &str {
        if i > self.sent_start {
            let t = &self.toks[i - 1];
            &self.lower[t.start..t.end]
        } else {
            ""
        }
    }
}

/// [`BYTE_MARKS`] of an ASCII digit and of a hyphen.
const DIGIT: u8 = 1;
const HYPHEN: u8 = 2;

/// What each byte value tells [`head_trigger`]: a digit, a hyphen, or nothing.
const BYTE_MARKS: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = b'0';
    while b <= b'9' {
        t[b as usize] = DIGIT;
        b += 1;
    }
    t[b'-' as usize] = HYPHEN;
    t
};

/// How a token of kind `kind`, lower-cased `w`, may start an expression on its own: always
/// (numbers, month names, time words), only before another trigger (function words), or
/// never; an apostrophe only when `digits_next` says digits follow it. Every expression the
/// grammar finds starts at a token that is not [`Trigger::No`] or [`Trigger::Mark`] (a word
/// of no class starts no phrase of `grammar/`, a quotation mark only a decade or a year
/// written with an apostrophe).
fn head_trigger(kind: TokenKind, w: &str, digits_next: impl FnOnce() -> bool) -> Trigger {
    match kind {
        TokenKind::Number => return Trigger::Yes,
        // An apostrophe before digits may open a decade or a year ("’ 90s", "in ' 16").
        TokenKind::Quote if matches!(w, "'" | "’" | "‘") && digits_next() => {
            return Trigger::Yes
        }
        TokenKind::Quote => return Trigger::Mark,
        TokenKind::Word => {}
        _ if super::quote_mark(w, false).is_some() => return Trigger::Lead,
        _ => return Trigger::No,
    }
    // One pass over the bytes: a digit makes a trigger ("1990s", "10-month"; no word of the
    // table has one), a hyphen a compound to look into.
    let marks = w.bytes().fold(0, |m, b| m | BYTE_MARKS[usize::from(b)]);
    if marks & DIGIT != 0 {
        return Trigger::Yes;
    }
    match lex::trigger_class(w) {
        1 => return Trigger::Yes,
        2 => return Trigger::IfNext,
        _ => {}
    }
    if w == "calendar" {
        return Trigger::Lead;
    }
    // "the fiscal-first quarter"
    if w.strip_prefix("fiscal-").and_then(lex::ordinal).is_some() {
        return Trigger::IfNext;
    }
    // Compounds: "10-month", "third-quarter", "mid-1990s", "twenty-four", "year-end".
    let hyphen = (marks & HYPHEN != 0)
        .then(|| w.bytes().rposition(|x| x == b'-'))
        .flatten();
    if let Some(k) = hyphen {
        let (a, b) = (&w[..k], &w[k + 1..]);
        if lex::unit(b).is_some()
            || matches!(b, "half" | "end" | "ago" | "earlier" | "old" | "long")
            || a == "mid"
            || matches!(a, "early" | "late") && lex::month(b).is_some()
            || lex::number_word(a).is_some()
        {
            return Trigger::Yes;
        }
    }
    Trigger::No
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::Tagger;

    /// The grammar, asked at every token with and without the [`Scan::may_start`] filter,
    /// finds the same expressions: none starts at a token of class [`Trigger::No`].
    #[test]
    fn expressions_start_only_where_a_token_may_start() {
        let text = "In the calendar 1990 third quarter and calendar fourth quarter, sales rose. \
            Last Friday, about two weeks ago, he wrote: \"We met on Oct. 3, 2016.\" In the \
            '90s and mid-1990s, a few days, 2.5 years, 5½ hours, twenty-four hours, multi-year \
            deals, the fiscal-first quarter, every other week, year-end, centuries-old rules, \
            these days, long ago, at this point, this moment, Christmas Eve, Labor Day, the \
            early 2000s, later in the week, more than a decade, earlier this year, tonight. \
            « In ‘16 » and „in ’08“, ``in '92'' and in ' 94 the ’90s ‘80s' the “first quarter”.";
        let doc = crate::layer::prepare(text, chrono::NaiveDate::from_ymd_opt(2016, 10, 5));
        let mut filtered = Tagger::new(&doc, doc.date);
        let mut every = Tagger::new(&doc, doc.date);
        every.scan.heads = vec![Trigger::Yes; doc.tokens.len()];
        filtered.scan.lim = doc.tokens.len();
        every.scan.lim = doc.tokens.len();
        let mut found = 0;
        for k in 0..doc.tokens.len() {
            let a = filtered
                .at(k)
                .map(|h| (h.start, h.end, h.value.to_string()));
            let b = every.at(k).map(|h| (h.start, h.end, h.value.to_string()));
            assert_eq!(a, b, "token {k} {:?}", every.w(k));
            found += usize::from(b.is_some());
        }
        assert!(found > 25, "{found}");
    }
}
