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
