//! Words and numbers: URLs and e-mail addresses, abbreviations and initials that keep their
//! period, "6:35pm", and clitics split from their word. It must never read past the word it
//! scans except to look at the next character or two.

use super::chars::{
    ascii_word_len, is_apostrophe, is_hyphen, is_letter_or_digit, is_word_char, Cursor,
};
use super::lexicon::{ABBREVIATIONS, CLITICS, NUMBER_ABBREVIATIONS, TITLES};
use crate::types::{Token, TokenKind};

#[inline]
fn push(tokens: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind) {
    tokens.push(Token { start, end, kind });
}

/// Scans a word or number starting at `start`, pushes one or more tokens, returns the end.
pub(super) fn scan_word(cur: &Cursor, start: usize, tokens: &mut Vec<Token>) -> usize {
    if let Some(end) = url_end(cur, start) {
        push(tokens, start, end, TokenKind::Url);
        return end;
    }
    let (j, has_at, apostrophe) = word_run(cur, start);
    if let Some(end) = kept_period_end(cur, start, j) {
        push(tokens, start, end, TokenKind::Word);
        return end;
    }
    if has_at {
        push(tokens, start, j, TokenKind::Email);
        return j;
    }
    split_word(cur, start, j, apostrophe, tokens);
    j
}

/// The end of a URL starting at `start` ("http://", "https://", "www."), trailing punctuation
/// left out; `None` if none starts there.
fn url_end(cur: &Cursor, start: usize) -> Option<usize> {
    let text = cur.text;
    let head = &text.as_bytes()[start..];
    // "ht" or "ww", any case, before comparing whole prefixes: most words start otherwise
    let lower = |k: usize| head.get(k).map(|b| b | 0x20);
    if !matches!(
        (lower(0), lower(1)),
        (Some(b'h'), Some(b't')) | (Some(b'w'), Some(b'w'))
    ) {
        return None;
    }
    let starts = |p: &[u8]| head.len() >= p.len() && head[..p.len()].eq_ignore_ascii_case(p);
    if !(starts(b"http://") || starts(b"https://") || starts(b"www.")) {
        return None;
    }
    let mut j = start;
    while let Some(x) = cur.at(j) {
        if x.is_whitespace() || matches!(x, '"' | '\u{201C}' | '\u{201D}' | '<' | '>') {
            break;
        }
        j += x.len_utf8();
    }
    while let Some(x) = cur.before(j) {
        if j > start + 4
            && matches!(
                x,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'' | '\u{2019}'
            )
        {
            j -= x.len_utf8();
        } else {
            break;
        }
    }
    Some(j)
}

/// The end of the word or number at `start`, through inner hyphens, periods, separators of
/// digits, one "@" and apostrophes; whether it holds an "@" (an e-mail address); and where its
/// last inner apostrophe is.
fn word_run(cur: &Cursor, start: usize) -> (usize, bool, Option<usize>) {
    let mut j = start;
    let mut has_at = false;
    let mut apostrophe = None;
    let bytes = cur.text.as_bytes();
    loop {
        // ASCII letters and digits a byte at a time: most words are nothing else
        j += ascii_word_len(&bytes[j..]);
        // most words end at a space or an ASCII mark that never joins
        if bytes.get(j).is_none_or(|&b| {
            b.is_ascii() && !matches!(b, b'-' | b'\'' | b'&' | b'.' | b',' | b':' | b'/' | b'@')
        }) {
            break;
        }
        let Some(c) = cur.at(j) else { break };
        // an ASCII letter or digit would have been taken above
        if !c.is_ascii() && is_word_char(c) {
            j += c.len_utf8();
            continue;
        }
        // most words end at a space or a mark that never joins: decide before looking around
        if !(is_hyphen(c) || is_apostrophe(c) || matches!(c, '&' | '.' | ',' | ':' | '/' | '@')) {
            break;
        }
        let after = j + c.len_utf8();
        let nc = cur.at(after);
        let prev = cur.before(j);
        let next_word = nc.is_some_and(is_letter_or_digit);
        let cont = if is_hyphen(c) || c == '&' && prev.is_some_and(|p| p.is_uppercase()) {
            next_word
        } else if c == '.' {
            period_continues(cur.text, start, j, nc, prev)
        } else if matches!(c, ',' | ':' | '/') {
            prev.is_some_and(|p| p.is_ascii_digit()) && nc.is_some_and(|x| x.is_ascii_digit())
        } else if c == '@' {
            has_at = !has_at && next_word;
            has_at
        } else if is_apostrophe(c) {
            if next_word && prev.is_some_and(|p| p.is_alphanumeric()) {
                apostrophe = Some(j);
                true
            } else {
                false
            }
        } else {
            false
        };
        if cont {
            j = after;
        } else {
            break;
        }
    }
    (j, has_at, apostrophe)
}

/// Whether the period at `j` inside the word from `start` belongs to it: "3.5", "U.S",
/// "putintrump.org"; not "end.The".
fn period_continues(
    text: &str,
    start: usize,
    j: usize,
    nc: Option<char>,
    prev: Option<char>,
) -> bool {
    let after = j + 1;
    let segment_start = text[start..j]
        .rfind(['.', '-'])
        .map_or(start, |k| start + k + 1);
    let segment = &text[segment_start..j];
    let single = segment.chars().count() == 1;
    match nc {
        // neither a digit nor a letter (and spared the Unicode tables)
        Some(x) if !is_letter_or_digit(x) => false,
        Some(x) if x.is_ascii_digit() && prev.is_some_and(|p| p.is_ascii_digit()) => true,
        Some(x) if x.is_alphabetic() && single => true,
        Some(x) if x.is_lowercase() && segment.chars().count() > 1 => {
            // a domain name: the part after the dot is a lowercase run
            let tail = &text[after..];
            let run: usize = tail.chars().take_while(|c| c.is_ascii_lowercase()).count();
            (2..=6).contains(&run) && !tail[run..].starts_with(|c: char| c.is_alphanumeric())
        }
        _ => false,
    }
}

fn is_letter_dot_sequence(w: &str) -> bool {
    // "U.S", "D.N.C", "a.m", "U.K": single letters separated by periods.
    let mut chars = w.chars();
    let mut dots = 0;
    loop {
        if !chars.next().is_some_and(char::is_alphabetic) {
            return false;
        }
        match chars.next() {
            None => return dots > 0,
            Some('.') => dots += 1,
            Some(_) => return false,
        }
    }
}

/// Whether `w` is in `list`, comparing the length and the first byte before the bytes
/// themselves: the lists are short and most words are in none of them.
fn listed(list: &[&str], w: &str) -> bool {
    let first = w.as_bytes().first();
    list.iter()
        .any(|x| x.len() == w.len() && x.as_bytes().first() == first && *x == w)
}

/// The lists of abbreviations that keep their period.
const ABBREVIATION_LISTS: [&[&str]; 3] = [TITLES, ABBREVIATIONS, NUMBER_ABBREVIATIONS];

/// The length in bytes of the longest word in [`ABBREVIATION_LISTS`]: a longer word is in none
/// of them (most words before a period are no abbreviation).
const LONGEST_ABBREVIATION: usize = {
    let mut longest = 0;
    let mut l = 0;
    while l < ABBREVIATION_LISTS.len() {
        let mut k = 0;
        while k < ABBREVIATION_LISTS[l].len() {
            if ABBREVIATION_LISTS[l][k].len() > longest {
                longest = ABBREVIATION_LISTS[l][k].len();
            }
            k += 1;
        }
        l += 1;
    }
    longest
};

/// Whether a word of [`ABBREVIATION_LISTS`] starts with each byte: a word starting otherwise
/// is in none of them (most words before a period start with a lower-case letter no
/// abbreviation starts with).
static ABBREVIATION_INITIALS: [bool; 256] = {
    let mut initials = [false; 256];
    let mut l = 0;
    while l < ABBREVIATION_LISTS.len() {
        let mut k = 0;
        while k < ABBREVIATION_LISTS[l].len() {
            initials[ABBREVIATION_LISTS[l][k].as_bytes()[0] as usize] = true;
            k += 1;
        }
        l += 1;
    }
    initials
};

/// The end of the word from `start` to `j` with the period that follows it, when that period
/// is kept: abbreviations, titles and initials ("Jr.", "U.S.", "No. 1").
fn kept_period_end(cur: &Cursor, start: usize, j: usize) -> Option<usize> {
    let after = j + 1;
    // never before a letter or digit: decided before looking at the word
    if cur.at(j) != Some('.') || cur.at(after).is_some_and(is_letter_or_digit) {
        return None;
    }
    let text = cur.text;
    let base = text[start..j].trim_end_matches('.');
    let before_number = || {
        text[after..]
            .trim_start_matches(' ')
            .starts_with(|c: char| c.is_ascii_digit())
    };
    let keep = is_letter_dot_sequence(base)
        || (base.chars().count() == 1 && base.chars().all(char::is_uppercase))
        || (base.len() <= LONGEST_ABBREVIATION
            && base
                .as_bytes()
                .first()
                .is_some_and(|&b| ABBREVIATION_INITIALS[usize::from(b)])
            && (listed(TITLES, base)
                || listed(ABBREVIATIONS, base)
                || (listed(NUMBER_ABBREVIATIONS, base) && before_number())));
    keep.then_some(after)
}

/// Pushes the word or number from `start` to `j` as one token, or two where a time runs into
/// "am"/"pm" or a clitic follows its last apostrophe.
fn split_word(
    cur: &Cursor,
    start: usize,
    j: usize,
    apostrophe: Option<usize>,
    tokens: &mut Vec<Token>,
) {
    let first_digit = cur.text.as_bytes()[start].is_ascii_digit();
    // "6:35pm" -> "6:35" "pm"
    if first_digit && is_time_with_meridiem(&cur.text[start..j]) {
        let cut = j - 2;
        push(tokens, start, cut, TokenKind::Number);
        push(tokens, cut, j, TokenKind::Word);
        return;
    }
    let kind = if first_digit {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    // Split clitics: "don’t" -> "do" "n’t"; "Trump’s" -> "Trump" "’s".
    if let Some(cut) = apostrophe.and_then(|a| clitic_start(cur, start, j, a)) {
        push(tokens, start, cut, kind);
        push(tokens, cut, j, TokenKind::Word);
        return;
    }
    push(tokens, start, j, kind);
}

/// Whether `word` is digits and colons ending in "am" or "pm", any case ("6:35pm").
fn is_time_with_meridiem(word: &str) -> bool {
    let w = word.as_bytes();
    w.len() > 2 && {
        let (digits, suffix) = w.split_at(w.len() - 2);
        (suffix.eq_ignore_ascii_case(b"am") || suffix.eq_ignore_ascii_case(b"pm"))
            && digits.iter().all(|&b| b.is_ascii_digit() || b == b':')
    }
}

/// Where the clitic after the apostrophe at `a` starts in the word from `start` to `j`: the
/// "n" of "n’t", or the apostrophe of "’s", "’ll", ...; `None` if what follows is no clitic.
fn clitic_start(cur: &Cursor, start: usize, j: usize, a: usize) -> Option<usize> {
    let after = a + cur.at(a).unwrap().len_utf8();
    let suffix = &cur.text[after..j];
    if (suffix == "t" || suffix == "T")
        && a > start + 1
        && matches!(cur.before(a), Some('n') | Some('N'))
    {
        return Some(a - 1);
    }
    CLITICS.contains(&suffix).then_some(a)
}
