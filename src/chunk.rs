//! Long documents in pieces: where to cut a text, and how to join the analyses of the pieces
//! back into one document. It must never cut inside a character, and every offset, index and
//! group id it joins must point into the whole text exactly as the piece's pointed into the piece.

use std::ops::Range;

use crate::types::{Document, Span};

/// Texts longer than this many bytes are analysed in pieces of at most this size.
pub const CHUNK_BYTES: usize = 1 << 20;

/// Cuts `text` into consecutive byte ranges of at most `size` bytes that cover it. Each cut
/// falls, in this order of preference, after a blank line, after a line break (tidings'
/// paragraphs are lines, and sentences never cross them), after a sentence end (`.`, `!`, `?`
/// and a space), at a space, or else at a character boundary; a cut is looked for in the second
/// half of the piece first, so pieces are not needlessly small. A text of at most `size` bytes is
/// one piece.
pub fn cut(text: &str, size: usize) -> Vec<Range<usize>> {
    let size = size.max(8);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / size + 1);
    let mut start = 0;
    while text.len() - start > size {
        let mut end = start + size;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let half = start + size / 2;
        let at = [half, start + 1]
            .iter()
            .find_map(|&lo| best_cut(bytes, lo, end))
            .unwrap_or(end);
        out.push(start..at);
        start = at;
    }
    out.push(start..text.len());
    out
}

/// The best cut in `bytes[lo..end]` (a position just after the break), if any. All the
/// candidates are ASCII bytes, so the position is always a character boundary.
fn best_cut(bytes: &[u8], lo: usize, end: usize) -> Option<usize> {
    let window = &bytes[lo..end];
    let blank_line = memchr::memrchr_iter(b'\n', window).find(|&i| {
        let before = window[..i]
            .iter()
            .rev()
            .find(|b| !matches!(b, b' ' | b'\t' | b'\r'));
        before == Some(&b'\n')
    });
    let line = || memchr::memrchr(b'\n', window);
    let sentence = || {
        window
            .windows(2)
            .rposition(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ')
            .map(|i| i + 1)
    };
    let space = || memchr::memrchr2(b' ', b'\t', window);
    blank_line
        .or_else(line)
        .or_else(sentence)
        .or_else(space)
        .map(|i| lo + i + 1)
}

/// Joins the analyses of consecutive pieces of a text into one document, one piece at a time
/// (so a piece is dropped as soon as it is joined): spans shifted by the piece's byte offset in
/// the text, token, sentence and paragraph indices by the counts before it, entity and quote
/// groups renumbered so that they stay unique. The document date and its source are the first
/// piece's; the first error of any piece is kept.
#[derive(Default)]
pub struct Joiner {
    doc: Document,
    pieces: usize,
    entity_groups: usize,
    quote_groups: usize,
}

impl Joiner {
    /// Adds the analysis of the piece that starts at byte `off` of the text.
    pub fn push(&mut self, off: usize, piece: Document) {
        let doc = &mut self.doc;
        if self.pieces == 0 {
            doc.date = piece.date;
            doc.date_source = piece.date_source;
        }
        self.pieces += 1;
        let shift = |s: Span| Span::new(s.start + off, s.end + off);
        let (n_tokens, n_paragraphs) = (doc.tokens.len(), doc.paragraphs.len());
        doc.tokens.extend(piece.tokens.into_iter().map(|mut t| {
            t.start += off;
            t.end += off;
            t
        }));
        doc.paragraphs
            .extend(piece.paragraphs.into_iter().map(shift));
        doc.sentences
            .extend(piece.sentences.into_iter().map(|mut s| {
                s.span = shift(s.span);
                s.tokens = s.tokens.start + n_tokens..s.tokens.end + n_tokens;
                s.paragraph += n_paragraphs;
                s
            }));
        let groups = piece
            .entities
            .iter()
            .map(|e| e.group + 1)
            .max()
            .unwrap_or(0);
        let before = self.entity_groups;
        doc.entities.extend(piece.entities.into_iter().map(|mut e| {
            e.span = shift(e.span);
            e.group += before;
            e
        }));
        self.entity_groups += groups;
        doc.dates.extend(piece.dates.into_iter().map(|mut t| {
            t.span = shift(t.span);
            t
        }));
        let groups = piece.quotes.iter().map(|q| q.group + 1).max().unwrap_or(0);
        let before = self.quote_groups;
        doc.quotes.extend(piece.quotes.into_iter().map(|mut q| {
            q.span = shift(q.span);
            q.speaker_span = q.speaker_span.map(shift);
            q.cue_span = q.cue_span.map(shift);
            q.group += before;
            q
        }));
        self.quote_groups += groups;
        doc.sections.extend(piece.sections.into_iter().map(|mut x| {
            x.span = shift(x.span);
            x
        }));
        doc.story.extend(piece.story.into_iter().map(|mut x| {
            x.at += off;
            x
        }));
        if doc.error.is_none() {
            doc.error = piece.error;
        }
    }

    /// The joined document of `text` (the whole text the pieces were cut from).
    pub fn finish(self, text: String) -> Document {
        Document { text, ..self.doc }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, size: usize) -> Vec<&str> {
        cut(text, size).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn short_text_is_one_piece() {
        assert_eq!(pieces("Hello there.", 100), ["Hello there."]);
        assert_eq!(pieces("", 100), [""]);
    }

    #[test]
    fn prefers_blank_lines_then_lines_then_sentences_then_spaces() {
        let t = "aaaa aaaa.\n\nbbbb. bbbb\ncccc";
        assert_eq!(pieces(t, 16), ["aaaa aaaa.\n\n", "bbbb. bbbb\ncccc"]);
        assert_eq!(
            pieces("aaaa. bbbb\ncccc dddd", 14),
            ["aaaa. bbbb\n", "cccc dddd"]
        );
        assert_eq!(
            pieces("aaaa bbbb. cccc dddd", 14),
            ["aaaa bbbb. ", "cccc dddd"]
        );
        assert_eq!(
            pieces("aaaa bbbb cccc dddd", 12),
            ["aaaa bbbb ", "cccc dddd"]
        );
    }

    #[test]
    fn never_cuts_inside_a_character() {
        let t = "é".repeat(1000);
        let ps = pieces(&t, 15);
        assert!(ps.iter().all(|p| p.len() <= 15 && !p.is_empty()));
        assert_eq!(ps.concat(), t);
    }

    #[test]
    fn pieces_cover_the_text_in_order() {
        let t = "Mr. Smith went to Paris.\nHe said: no. ".repeat(500);
        for size in [8, 50, 333, 4096] {
            let rs = cut(&t, size);
            assert_eq!(rs[0].start, 0);
            assert_eq!(rs.last().unwrap().end, t.len());
            assert!(rs.windows(2).all(|w| w[0].end == w[1].start));
            assert!(rs.iter().all(|r| r.len() <= size.max(8)));
        }
    }
}
