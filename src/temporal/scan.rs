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
        let heads = doc
            .tokens
            .iter()
            .map(|t| head_trigger(t.kind, &lower[t.start..t.end]))
            .collect();
        Scan {
            text: &doc.text,
            lower,
            toks: &doc.tokens,
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
            Trigger::No => false,
            Trigger::Yes => true,
            Trigger::IfNext => {
                i + 1 < self.lim
                    && match self.heads[i + 1] {
                        Trigger::Yes => true,
                        // "at least the past", "the last two", "the early 1990s"
                        Trigger::IfNext => i + 2 < self.lim && self.heads[i + 2] != Trigger::No,
                        // "earlier in the week", "long ago", "Trump's past, but"
                        Trigger::No => {
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

    pub(super) fn prev(&self, i: usize) -> &str {
        if i > self.sent_start {
            let t = &self.toks[i - 1];
            &self.lower[t.start..t.end]
        } else {
            ""
        }
    }
}

/// How a token of kind `kind`, lower-cased `w`, may start an expression on its own: always
/// (numbers, month names, time words), only before another trigger (function words), or
/// never.
fn head_trigger(kind: TokenKind, w: &str) -> Trigger {
    match kind {
        TokenKind::Number | TokenKind::Quote => return Trigger::Yes,
        TokenKind::Word => {}
        _ => return Trigger::No,
    }
    // One pass over the bytes: a digit makes a trigger ("1990s", "10-month"; no word of the
    // table has one), and a compound is split at its last hyphen.
    let mut hyphen = None;
    for (k, &x) in w.as_bytes().iter().enumerate() {
        if x.is_ascii_digit() {
            return Trigger::Yes;
        }
        if x == b'-' {
            hyphen = Some(k);
        }
    }
    match lex::trigger_class(w) {
        1 => return Trigger::Yes,
        2 => return Trigger::IfNext,
        _ => {}
    }
    // "the fiscal-first quarter"
    if w.strip_prefix("fiscal-").and_then(lex::ordinal).is_some() {
        return Trigger::IfNext;
    }
    // Compounds: "10-month", "third-quarter", "mid-1990s", "twenty-four", "year-end".
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
