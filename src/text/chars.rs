//! Character classes of the tokenizer and a cursor over a text by byte position. Pure
//! functions of one character; they must never look at tokens or sentences.

pub(super) fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D
        | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F
        | 0xE0100..=0xE01EF)
}

/// Whether byte `b` is an ASCII letter or digit: one table lookup, the tokenizer's innermost
/// test (most of a text is ASCII words).
#[inline]
pub(super) fn is_ascii_word_byte(b: u8) -> bool {
    ASCII_WORD_BYTES[usize::from(b)]
}

/// [`is_ascii_word_byte`] for every byte value.
static ASCII_WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The number of ASCII letters and digits that `bytes` starts with, looked at eight bytes at a
/// time (most words are a few ASCII letters: one step finds their end).
#[inline]
pub(super) fn ascii_word_len(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let others = !word_bytes(x) & HIGH_BITS;
        if others != 0 {
            return n + (others.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    while n < bytes.len() && is_ascii_word_byte(bytes[n]) {
        n += 1;
    }
    n
}

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `x` (little-endian) with the high bit set where the byte is an ASCII
/// letter or digit, and nothing else set.
#[inline]
fn word_bytes(x: u64) -> u64 {
    // Seven-bit values, so that no sum or difference below crosses a byte.
    let low7 = x & !HIGH_BITS;
    // High bit set where lo <= v <= hi.
    let within = |v: u64, lo: u8, hi: u8| {
        v.wrapping_add(LOW_BITS * u64::from(0x80 - lo))
            & (LOW_BITS * u64::from(0x80 + hi)).wrapping_sub(v)
            & HIGH_BITS
    };
    let letter = within(low7 | (LOW_BITS * 0x20), b'a', b'z');
    let digit = within(low7, b'0', b'9');
    (letter | digit) & !x & HIGH_BITS
}

/// Quotation marks, dashes, hyphens and the ellipsis: marks, never letters or digits.
#[inline]
pub(super) fn is_common_mark(c: char) -> bool {
    is_quote_char(c) || is_dash_char(c) || is_hyphen(c) || c == '\u{2026}'
}

/// `c.is_alphanumeric()`, sparing the Unicode tables the ASCII characters and the usual marks
/// beyond ASCII (a curly quote after a word's period is common).
#[inline]
pub(super) fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !is_common_mark(c) && c.is_alphanumeric()
}

#[inline]
pub(super) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // the usual marks beyond ASCII first: the Unicode tables are slow
    if is_quote_char(c) || is_dash_char(c) || is_hyphen(c) {
        return false;
    }
    c.is_alphanumeric() || is_mark(c)
}

pub(super) fn is_apostrophe(c: char) -> bool {
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

pub(super) fn is_dash_char(c: char) -> bool {
    matches!(
        c,
        '\u{2014}' | '\u{2013}' | '\u{2015}' | '\u{2012}' | '\u{2E3A}' | '\u{2E3B}'
    )
}

pub(super) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

pub(super) fn is_punct_char(c: char) -> bool {
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
pub(super) struct Cursor<'a> {
    pub(super) text: &'a str,
}

impl<'a> Cursor<'a> {
    /// The character at byte position `i`; `None` at or past the end or inside a character.
    /// An ASCII byte is its own character: no UTF-8 decoding for the usual case.
    #[inline]
    pub(super) fn at(&self, i: usize) -> Option<char> {
        match self.text.as_bytes().get(i) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            _ => self.text.get(i..).and_then(|s| s.chars().next()),
        }
    }
    #[inline]
    pub(super) fn next_pos(&self, i: usize) -> usize {
        i + self.at(i).map_or(1, char::len_utf8)
    }
    /// The character before byte position `i`.
    #[inline]
    pub(super) fn before(&self, i: usize) -> Option<char> {
        match i.checked_sub(1).map(|k| self.text.as_bytes()[k]) {
            Some(b) if b.is_ascii() => Some(char::from(b)),
            _ => self.text[..i].chars().next_back(),
        }
    }
}
