//! Byte offsets to Python code-point offsets, for one text. It must never look at tokens.

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
