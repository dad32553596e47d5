//! The text layer: a tokenizer for news English, a paragraph and sentence splitter, and the
//! conversion from byte offsets to Python code-point offsets.
//!
//! Tokens keep byte ranges into the original text; nothing is normalised or copied. The token
//! types are declared with the other result types in [`crate::types`].

use crate::types::{Sentence, Span};
pub use crate::types::{Token, TokenKind};

/// Abbreviations that keep their period ("Jr." is one token). Titles never end a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Gen", "Lt",
    "Col", "Maj", "Sgt", "Capt", "Cmdr", "Adm", "Prof", "Rev", "Pres", "Supt", "Insp", "Hon",
    "Amb", "Atty", "St", "Mt", "Ft", "Sr", "Jr", "Sra", "Mme", "Mlle", "Msgr", "Fr", "Cpl", "Pvt",
    "Brig", "Gens",
];
/// Other abbreviations that keep their period; these may end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Inc", "Corp", "Co", "Ltd", "Bros", "Cos", "Dept", "Univ", "Assn", "Ave", "Blvd", "Rd", "Hwy",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon",
    "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "vs", "etc", "approx",
    "est", "cf", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind",
    "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev",
    "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "Ph", "Esq",
    "ca", "al",
];
/// Abbreviations that keep their period only before a number ("No. 1", "Vol. 3").
const NUMBER_ABBREVIATIONS: &[&str] = &["No", "Nos", "Vol", "Art", "pp", "Fig", "Ch", "Sec"];
/// Words that often start a sentence; after an abbreviation like "U.S." they signal a boundary.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "There",
    "When",
    "After",
    "Before",
    "While",
    "If",
    "As",
    "Yet",
    "So",
    "Still",
    "Now",
    "Then",
    "Meanwhile",
    "However",
    "Some",
    "Many",
    "Most",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "For",
    "Since",
    "What",
    "Why",
    "How",
    "Who",
];

fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D
        | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F
        | 0xE0100..=0xE01EF)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// Quotation marks: straight and curly, single and double, guillemets, low-9 marks, backtick.
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\u{201B}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2039}'
            | '\u{203A}'
            | '`'
            | '\u{2033}'
            | '\u{FF02}'
    )
}

fn is_dash_char(c: char) -> bool {
    matches!(
        c,
        '\u{2014}' | '\u{2013}' | '\u{2015}' | '\u{2012}' | '\u{2E3A}' | '\u{2E3B}'
    )
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_punct_char(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '/'
            | '\\'
            | '|'
            | '¿'
            | '¡'
    )
}

/// A cursor over the characters of a text, by byte position.
struct Cursor<'a> {
    text: &'a str,
}

impl<'a> Cursor<'a> {
    #[inline]
    fn at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }
    #[inline]
    fn next_pos(&self, i: usize) -> usize {
        i + self.at(i).map_or(1, char::len_utf8)
    }
    /// The character before byte position `i`.
    #[inline]
    fn before(&self, i: usize) -> Option<char> {
        self.text[..i].chars().next_back()
    }
}

const CLITICS: &[&str] = &[
    "s", "S", "ll", "LL", "re", "RE", "ve", "VE", "d", "D", "m", "M",
];

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
        // Fast path for ASCII whitespace.
        if b == b' ' || b == b'\n' || b == b'\t' || b == b'\r' {
            i += 1;
            continue;
        }
        let c = cur.at(i).unwrap();
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            i = scan_word(&cur, i, &mut tokens);
            continue;
        }
        let start = i;
        let next = cur.next_pos(i);
        let nc = cur.at(next);
        if (c == '@' || c == '#') && nc.is_some_and(|x| x.is_alphanumeric() || x == '_') {
            let mut j = next;
            while let Some(x) = cur.at(j) {
                if x.is_alphanumeric() || x == '_' {
                    j += x.len_utf8();
                } else {
                    break;
                }
            }
            let kind = if c == '@' {
                TokenKind::Handle
            } else {
                TokenKind::Hashtag
            };
            tokens.push(Token {
                start,
                end: j,
                kind,
            });
            i = j;
            continue;
        }
        if is_apostrophe(c) {
            if let Some(end) = leading_clitic(&cur, i) {
                tokens.push(Token {
                    start,
                    end,
                    kind: TokenKind::Word,
                });
                i = end;
                continue;
            }
        }
        if c == '`' && nc == Some('`') || c == '\'' && nc == Some('\'') {
            let end = cur.next_pos(next);
            tokens.push(Token {
                start,
                end,
                kind: TokenKind::Quote,
            });
            i = end;
            continue;
        }
        if is_quote_char(c) {
            tokens.push(Token {
                start,
                end: next,
                kind: TokenKind::Quote,
            });
            i = next;
            continue;
        }
        if c == '.' && nc == Some('.') || c == '\u{2026}' {
            let mut j = i;
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
            tokens.push(Token {
                start,
                end: j,
                kind: TokenKind::Ellipsis,
            });
            i = j;
            continue;
        }
        if is_dash_char(c) || is_hyphen(c) {
            let mut j = next;
            while let Some(x) = cur.at(j) {
                if is_dash_char(x) || is_hyphen(x) {
                    j += x.len_utf8();
                } else {
                    break;
                }
            }
            tokens.push(Token {
                start,
                end: j,
                kind: TokenKind::Dash,
            });
            i = j;
            continue;
        }
        if is_punct_char(c) {
            tokens.push(Token {
                start,
                end: next,
                kind: TokenKind::Punct,
            });
            i = next;
            continue;
        }
        // A symbol, with whatever combining marks, variation selectors and joiners follow it
        // (so an emoji sequence is one token).
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
        tokens.push(Token {
            start,
            end: j.min(n),
            kind: TokenKind::Symbol,
        });
        i = j.min(n);
    }
    tokens
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

fn is_letter_dot_sequence(w: &str) -> bool {
    // "U.S", "D.N.C", "a.m", "U.K": single letters separated by periods.
    let mut saw_dot = false;
    for (k, part) in w.split('.').enumerate() {
        let mut cs = part.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) if c.is_alphabetic() => {}
            _ => return false,
        }
        if k > 0 {
            saw_dot = true;
        }
    }
    saw_dot
}

/// Scans a word or number starting at `start`, pushes one or more tokens, returns the end.
fn scan_word(cur: &Cursor, start: usize, tokens: &mut Vec<Token>) -> usize {
    let text = cur.text;
    // URLs and e-mail addresses.
    let head = text.as_bytes()[start..(start + 8).min(text.len())].to_ascii_lowercase();
    if head.starts_with(b"http://") || head.starts_with(b"https://") || head.starts_with(b"www.") {
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
        tokens.push(Token {
            start,
            end: j,
            kind: TokenKind::Url,
        });
        return j;
    }

    let mut j = start;
    let mut has_at = false;
    let mut apostrophes: Vec<usize> = Vec::new();
    while let Some(c) = cur.at(j) {
        if is_word_char(c) {
            j += c.len_utf8();
            continue;
        }
        let after = j + c.len_utf8();
        let nc = cur.at(after);
        let prev = cur.before(j);
        let next_word = nc.is_some_and(|x| x.is_alphanumeric());
        let cont = if is_hyphen(c) || c == '&' && prev.is_some_and(|p| p.is_uppercase()) {
            next_word
        } else if c == '.' {
            // "3.5", "U.S", "putintrump.org"; not "end.The"
            let segment_start = text[start..j]
                .rfind(['.', '-'])
                .map_or(start, |k| start + k + 1);
            let segment = &text[segment_start..j];
            let single = segment.chars().count() == 1;
            match nc {
                Some(x) if x.is_ascii_digit() && prev.is_some_and(|p| p.is_ascii_digit()) => true,
                Some(x) if x.is_alphabetic() && single => true,
                Some(x) if x.is_lowercase() && segment.chars().count() > 1 => {
                    // a domain name: the part after the dot is a lowercase run
                    let tail = &text[after..];
                    let run: usize = tail.chars().take_while(|c| c.is_ascii_lowercase()).count();
                    (2..=6).contains(&run)
                        && !tail[run..].starts_with(|c: char| c.is_alphanumeric())
                }
                _ => false,
            }
        } else if matches!(c, ',' | ':' | '/') {
            prev.is_some_and(|p| p.is_ascii_digit()) && nc.is_some_and(|x| x.is_ascii_digit())
        } else if c == '@' {
            has_at = !has_at && next_word;
            has_at
        } else if is_apostrophe(c) {
            if next_word && prev.is_some_and(|p| p.is_alphanumeric()) {
                apostrophes.push(j);
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
    let word = &text[start..j];
    // Keep the period of abbreviations and initials.
    if cur.at(j) == Some('.') {
        let base = word.trim_end_matches('.');
        let after = j + 1;
        let next_nonspace = text[after..].trim_start_matches(' ').chars().next();
        let keep = is_letter_dot_sequence(base)
            || (base.chars().count() == 1 && base.chars().all(char::is_uppercase))
            || TITLES.contains(&base)
            || ABBREVIATIONS.contains(&base)
            || (NUMBER_ABBREVIATIONS.contains(&base)
                && next_nonspace.is_some_and(|c| c.is_ascii_digit()));
        if keep && !cur.at(after).is_some_and(|c| c.is_alphanumeric()) {
            tokens.push(Token {
                start,
                end: after,
                kind: TokenKind::Word,
            });
            return after;
        }
    }
    if has_at {
        tokens.push(Token {
            start,
            end: j,
            kind: TokenKind::Email,
        });
        return j;
    }
    let first_digit = word.starts_with(|c: char| c.is_ascii_digit());
    // "6:35pm" -> "6:35" "pm"
    if first_digit {
        let lw = word.to_ascii_lowercase();
        for suffix in ["am", "pm"] {
            if lw.len() > 2
                && lw.ends_with(suffix)
                && lw[..lw.len() - 2]
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b':')
            {
                let cut = start + word.len() - 2;
                tokens.push(Token {
                    start,
                    end: cut,
                    kind: TokenKind::Number,
                });
                tokens.push(Token {
                    start: cut,
                    end: j,
                    kind: TokenKind::Word,
                });
                return j;
            }
        }
    }
    let kind = if first_digit {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    // Split clitics: "don’t" -> "do" "n’t"; "Trump’s" -> "Trump" "’s".
    if let Some(&a) = apostrophes.last() {
        let after = a + cur.at(a).unwrap().len_utf8();
        let suffix = &text[after..j];
        if (suffix == "t" || suffix == "T")
            && a > start + 1
            && matches!(cur.before(a), Some('n') | Some('N'))
        {
            let cut = a - 1;
            tokens.push(Token {
                start,
                end: cut,
                kind,
            });
            tokens.push(Token {
                start: cut,
                end: j,
                kind: TokenKind::Word,
            });
            return j;
        }
        if CLITICS.contains(&suffix) {
            tokens.push(Token {
                start,
                end: a,
                kind,
            });
            tokens.push(Token {
                start: a,
                end: j,
                kind: TokenKind::Word,
            });
            return j;
        }
    }
    tokens.push(Token {
        start,
        end: j,
        kind,
    });
    j
}

/// Paragraphs: maximal runs of lines without a line break. Returns their byte spans (trimmed).
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (k, _) in text
        .match_indices('\n')
        .chain(std::iter::once((text.len(), "")))
    {
        let line = &text[start..k];
        let trimmed_start = line.len() - line.trim_start().len();
        let t = line.trim();
        if !t.is_empty() {
            let s = start + trimmed_start;
            out.push(Span::new(s, s + t.len()));
        }
        start = k + 1;
    }
    out
}

fn is_terminal(tok: &Token, text: &str) -> bool {
    match tok.kind {
        TokenKind::Punct => matches!(tok.text(text), "." | "!" | "?"),
        TokenKind::Ellipsis => true,
        _ => false,
    }
}

fn is_closing(tok: &Token, text: &str) -> bool {
    match tok.kind {
        TokenKind::Quote => !matches!(
            tok.text(text),
            "\u{201C}" | "\u{2018}" | "\u{201E}" | "\u{00AB}" | "``"
        ),
        TokenKind::Punct => matches!(tok.text(text), ")" | "]" | "}"),
        _ => false,
    }
}

fn starts_sentence(tok: &Token, text: &str) -> bool {
    let s = tok.text(text);
    let c = s.chars().next().unwrap_or(' ');
    c.is_uppercase()
        || c.is_ascii_digit()
        || (tok.kind == TokenKind::Quote
            && (!is_closing(tok, text)
                || text[tok.end..].starts_with(|c: char| !c.is_whitespace())))
        || matches!(s, "(" | "[")
        || matches!(
            tok.kind,
            TokenKind::Handle | TokenKind::Hashtag | TokenKind::Url
        )
}

/// Splits the text into sentences, never across paragraphs. Abbreviations do not end a sentence
/// unless a typical sentence opener follows; a terminal mark followed by closing quotes ends the
/// sentence after the quotes, and only if what follows can start a sentence (“Thanks!” he wrote).
pub fn sentences(text: &str, tokens: &[Token], paragraphs: &[Span]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut t = 0;
    for (p, para) in paragraphs.iter().enumerate() {
        while t < tokens.len() && tokens[t].end <= para.start {
            t += 1;
        }
        let first = t;
        while t < tokens.len() && tokens[t].start < para.end {
            t += 1;
        }
        let last = t; // exclusive
        let mut s = first;
        let mut k = first;
        while k < last {
            let tok = &tokens[k];
            let mut boundary = false;
            let mut end = k;
            if is_terminal(tok, text) {
                // closing marks written right after the terminal mark: “Thanks.”
                while end + 1 < last
                    && tokens[end + 1].start == tokens[end].end
                    && is_closing(&tokens[end + 1], text)
                {
                    end += 1;
                }
                boundary = end + 1 >= last || starts_sentence(&tokens[end + 1], text);
            } else if tok.kind == TokenKind::Word && tok.text(text).ends_with('.') && k + 1 < last {
                let w = tok.text(text).trim_end_matches('.');
                let is_title = TITLES.contains(&w)
                    || (w.chars().count() == 1 && w.chars().all(char::is_uppercase));
                let month_or_number =
                    NUMBER_ABBREVIATIONS.contains(&w) || tokens[k + 1].kind == TokenKind::Number;
                if !is_title && !month_or_number {
                    let nt = &tokens[k + 1];
                    let ns = nt.text(text);
                    boundary = SENTENCE_STARTERS.contains(&ns)
                        || (nt.kind == TokenKind::Quote && !is_closing(nt, text));
                }
            }
            if boundary || end + 1 >= last {
                let e = end.min(last - 1);
                out.push(Sentence {
                    span: Span::new(tokens[s].start, tokens[e].end),
                    tokens: s..e + 1,
                    paragraph: p,
                });
                s = e + 1;
                k = e + 1;
            } else {
                k += 1;
            }
        }
    }
    out
}

/// Converts byte offsets of one text into code-point offsets (what Python's `str` indexes).
/// It keeps one count per block of [`CharOffsets::BLOCK`] bytes (an eighth of a byte per byte
/// of text, where a table per byte cost four) and counts the rest of a block on each lookup.
pub struct CharOffsets<'a> {
    text: &'a str,
    /// Code points before the start of each block; empty for ASCII text, where bytes and code
    /// points coincide.
    blocks: Vec<usize>,
}

impl<'a> CharOffsets<'a> {
    const BLOCK: usize = 64;

    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return CharOffsets {
                text,
                blocks: Vec::new(),
            };
        }
        let mut blocks = Vec::with_capacity(text.len() / Self::BLOCK + 1);
        let mut before = 0;
        for block in text.as_bytes().chunks(Self::BLOCK) {
            blocks.push(before);
            before += starts(block);
        }
        CharOffsets { text, blocks }
    }

    /// The code-point offset of byte offset `byte` (`byte <= text.len()`); a byte inside a
    /// character maps to that character.
    #[inline]
    pub fn get(&self, byte: usize) -> usize {
        if self.blocks.is_empty() {
            return byte;
        }
        let bytes = self.text.as_bytes();
        let k = byte / Self::BLOCK;
        let Some(&before) = self.blocks.get(k) else {
            // byte == text.len() at the start of a block past the last one.
            return self.blocks.last().copied().unwrap_or(0)
                + starts(&bytes[(k - 1) * Self::BLOCK..]);
        };
        let n = before + starts(&bytes[k * Self::BLOCK..byte]);
        if byte < bytes.len() && is_continuation(bytes[byte]) {
            n - 1
        } else {
            n
        }
    }
}

#[inline]
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// The number of characters that start in `bytes`.
#[inline]
fn starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| !is_continuation(b)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_clitics_and_keeps_abbreviations() {
        assert_eq!(
            toks("Trump’s son don’t"),
            ["Trump", "’s", "son", "do", "n’t"]
        );
        assert_eq!(
            toks("Donald Trump Jr. met Sen. Warren"),
            ["Donald", "Trump", "Jr.", "met", "Sen.", "Warren"]
        );
        assert_eq!(
            toks("the U.S. and the D.N.C."),
            ["the", "U.S.", "and", "the", "D.N.C."]
        );
        assert_eq!(toks("O'Brien isn't"), ["O'Brien", "is", "n't"]);
        assert_eq!(toks("Manafort ‘s lawyer"), ["Manafort", "‘s", "lawyer"]);
    }

    #[test]
    fn urls_handles_numbers_dashes() {
        assert_eq!(
            toks("See https://wikileaks.org/x. @wikileaks #Vault7 putintrump.org"),
            [
                "See",
                "https://wikileaks.org/x",
                ".",
                "@wikileaks",
                "#Vault7",
                "putintrump.org"
            ]
        );
        assert_eq!(
            toks("at 6:35pm on 9/11, 1,000 or 3.5"),
            ["at", "6:35", "pm", "on", "9/11", ",", "1,000", "or", "3.5"]
        );
        assert_eq!(
            toks("cooperation—in sharing -- anti-Trump"),
            ["cooperation", "—", "in", "sharing", "--", "anti-Trump"]
        );
        assert_eq!(
            toks("“Hi,” he said..."),
            ["“", "Hi", ",", "”", "he", "said", "..."]
        );
    }

    #[test]
    fn sentence_ends_inside_quote_and_not_at_abbreviations() {
        let text = "“Thanks.” He left. \"Go.\" She went. Mr. Assange met Donald Trump Jr. in the U.S. on Monday. “Stop!” he wrote.";
        let tokens = tokenize(text);
        let paras = paragraphs(text);
        let sents: Vec<&str> = sentences(text, &tokens, &paras)
            .iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect();
        assert_eq!(
            sents,
            [
                "“Thanks.”",
                "He left.",
                "\"Go.\"",
                "She went.",
                "Mr. Assange met Donald Trump Jr. in the U.S. on Monday.",
                "“Stop!” he wrote."
            ]
        );
    }

    #[test]
    fn abbreviation_followed_by_opener_ends_sentence() {
        let text = "He moved to the U.S. The next day he left. Good news!!! – or not.";
        let tokens = tokenize(text);
        let sents = sentences(text, &tokens, &paragraphs(text));
        assert_eq!(sents.len(), 3);
    }

    #[test]
    fn paragraphs_split_on_newlines() {
        let text = "  One.\n\nTwo two.\nThree\n";
        let p: Vec<&str> = paragraphs(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(p, ["One.", "Two two.", "Three"]);
    }

    #[test]
    fn every_non_space_char_is_in_exactly_one_token() {
        let text = "Café\u{301} 習近平 said 👍🏽 and 👨‍👩‍👧 “ok”… x\u{0308}y 'twas ’90s";
        let tokens = tokenize(text);
        let mut covered = vec![false; text.len()];
        for t in &tokens {
            assert!(t.start < t.end);
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            for c in covered.iter_mut().take(t.end).skip(t.start) {
                assert!(!*c);
                *c = true;
            }
        }
        for (b, ch) in text.char_indices() {
            assert_eq!(covered[b], !ch.is_whitespace(), "byte {b} {ch:?}");
        }
    }

    #[test]
    fn char_offsets_match_code_points() {
        let text = "é👍a";
        let m = CharOffsets::new(text);
        assert_eq!(m.get(0), 0);
        assert_eq!(m.get(2), 1);
        assert_eq!(m.get(6), 2);
        assert_eq!(m.get(7), 3);
    }

    #[test]
    fn char_offsets_match_code_points_at_every_byte_of_long_texts() {
        let texts = [63, 64, 65, 128, 1000]
            .map(|n| "aé👍 b\n€".chars().cycle().take(n).collect::<String>());
        // A text whose length is a whole number of blocks.
        let whole = format!("é{}", "a".repeat(126));
        for text in texts.iter().chain([&whole]) {
            let m = CharOffsets::new(text);
            let mut expected = vec![0; text.len() + 1];
            for (ci, (b, c)) in text.char_indices().enumerate() {
                expected[b..b + c.len_utf8()].fill(ci);
            }
            expected[text.len()] = text.chars().count();
            for (b, &e) in expected.iter().enumerate() {
                assert_eq!(m.get(b), e, "byte {b} of a {}-byte text", text.len());
            }
        }
    }
}
