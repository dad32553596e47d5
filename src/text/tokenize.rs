//! The tokenizer's main loop and everything that is not a word: handles, hashtags, quotes,
//! ellipses, dashes, punctuation and symbols. It must never drop or merge a non-space character:
//! every one is covered by exactly one token.

use super::chars::{
    is_apostrophe, is_ascii_word_byte, is_dash_char, is_hyphen, is_letter_or_digit, is_mark,
    is_punct_char, is_quote_char, is_word_char, Cursor,
};
use super::lexicon::CLITICS;
use super::words::scan_word;
use crate::types::{Token, TokenKind};

/// Splits text into tokens with byte ranges. Whitespace is dropped; every other character is
/// covered by exactly one token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let cur = Cursor { text };
    let bytes = text.as_bytes();
    let n = text.len();
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        // Fast paths for ASCII whitespace and words.
        if b == b' ' || b == b'\n' || b == b'\t' || b == b'\r' {
            i += 1;
            continue;
        }
        if is_ascii_word_byte(b) {
            i = scan_word(&cur, i, &mut tokens);
            continue;
        }
        let c = cur.at(i).unwrap();
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if is_letter_or_digit(c) {
            i = scan_word(&cur, i, &mut tokens);
            continue;
        }
        let (end, kind) = scan_mark(&cur, i, c);
        tokens.push(Token {
            start: i,
            end,
            kind,
        });
        i = end;
    }
    tokens
}

/// The end and kind of the one token that starts at `start` with `c`, which is neither a space
/// nor a letter or digit.
#[inline]
fn scan_mark(cur: &Cursor, start: usize, c: char) -> (usize, TokenKind) {
    let next = cur.next_pos(start);
    // punctuation other than a period (which may open an ellipsis) stands alone
    if c != '.' && is_punct_char(c) {
        return (next, TokenKind::Punct);
    }
    let nc = cur.at(next);
    if (c == '@' || c == '#') && nc.is_some_and(|x| x.is_alphanumeric() || x == '_') {
        let end = run_end(cur, next, |x| x.is_alphanumeric() || x == '_');
        let kind = if c == '@' {
            TokenKind::Handle
        } else {
            TokenKind::Hashtag
        };
        return (end, kind);
    }
    if is_apostrophe(c) {
        if let Some(end) = leading_clitic(cur, start) {
            return (end, TokenKind::Word);
        }
    }
    if c == '`' && nc == Some('`') || c == '\'' && nc == Some('\'') {
        return (cur.next_pos(next), TokenKind::Quote);
    }
    if is_quote_char(c) {
        return (next, TokenKind::Quote);
    }
    if c == '.' && nc == Some('.') || c == '\u{2026}' {
        return (ellipsis_end(cur, start, c), TokenKind::Ellipsis);
    }
    if is_dash_char(c) || is_hyphen(c) {
        let end = run_end(cur, next, |x| is_dash_char(x) || is_hyphen(x));
        return (end, TokenKind::Dash);
    }
    if is_punct_char(c) {
        return (next, TokenKind::Punct);
    }
    (symbol_end(cur, next), TokenKind::Symbol)
}

/// The end of the run of characters from `from` on that satisfy `keep`.
#[inline]
fn run_end(cur: &Cursor, from: usize, keep: impl Fn(char) -> bool) -> usize {
    let mut j = from;
    while let Some(x) = cur.at(j) {
        if keep(x) {
            j += x.len_utf8();
        } else {
            break;
        }
    }
    j
}

/// The end of an ellipsis starting with `c` at `start`: "..", "…", and ". . ." when it opens
/// with a period.
fn ellipsis_end(cur: &Cursor, start: usize, c: char) -> usize {
    let mut j = start;
    while let Some(x) = cur.at(j) {
        if x == '.' || x == '\u{2026}' {
            j += x.len_utf8();
        } else if x == ' ' && cur.at(j + 1) == Some('.') && c == '.' {
            // ". . ."
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// The end of a symbol whose first character ends at `next`, with whatever combining marks,
/// variation selectors and joiners follow it (so an emoji sequence is one token).
fn symbol_end(cur: &Cursor, next: usize) -> usize {
    let n = cur.text.len();
    let mut j = next;
    while let Some(x) = cur.at(j) {
        if is_mark(x) {
            let after = j + x.len_utf8();
            j = if x == '\u{200D}' {
                cur.next_pos(after).min(n)
            } else {
                after
            };
        } else {
            break;
        }
    }
    j.min(n)
}

/// An apostrophe that starts a clitic or an abbreviated year ("‘s" in "Manafort ‘s", "’90s").
fn leading_clitic(cur: &Cursor, i: usize) -> Option<usize> {
    let prev = cur.before(i);
    let after = cur.next_pos(i);
    let rest = &cur.text[after..];
    // ’90s / '16
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 2 {
        let mut end = after + 2;
        if rest[2..].starts_with('s') {
            end += 1;
        }
        if !cur.at(end).is_some_and(is_word_char) {
            return Some(end);
        }
    }
    // Only directly after a word, or after one space following a word ("Manafort ‘s").
    let attached = prev.is_some_and(is_word_char)
        || (prev == Some(' ') && cur.before(i - 1).is_some_and(|c| c.is_alphabetic()));
    if !attached {
        return None;
    }
    for cl in CLITICS {
        if rest.starts_with(cl) && !cur.at(after + cl.len()).is_some_and(is_word_char) {
            return Some(after + cl.len());
        }
    }
    None
}
