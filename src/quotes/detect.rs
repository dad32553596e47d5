//! Detection: finds quoted spans by pairing the quotation marks, paragraph by paragraph.
//! Must never judge what a span is (quotation, title) or who said it; it reads only the marks.
//!
//! Double marks (curly “ ” and straight ") pair on a small stack; single marks (‘ ’ ') only count
//! as quotation marks when they flank like one (an apostrophe in "voters’ concerns" or "don’t"
//! never opens or closes anything). The stack is reset at each paragraph boundary, so a stray mark
//! can only spoil its own paragraph; an opening curly mark met while another curly quotation is
//! open re-synchronises (the earlier one was stray). A quotation still open at the end of its
//! paragraph continues when the next paragraph opens with a mark (the newspaper convention for
//! quotations over several paragraphs); otherwise it is dropped.

use super::index::{partition_near, work};
use crate::text::{Token, TokenKind};
use crate::types::Span;

/// A quoted span found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marked {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the quotation runs on to the next paragraph.
    pub close: Option<usize>,
    /// Token range of the content (between the marks).
    pub first: usize,
    pub end: usize,
    /// Byte span of the content (between the marks, trimmed).
    pub content: Span,
    /// Index of the paragraph.
    pub paragraph: usize,
    /// Continues the quotation left open at the end of the previous paragraph.
    pub continues: bool,
    /// Single quotation marks (‘…’).
    pub single: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// “ „ ‟ « ``
    DoubleOpen,
    /// ” » ''
    DoubleClose,
    /// " ″ ＂
    DoubleStraight,
    /// ‘ ‛ ‹ `
    SingleOpen,
    /// ’ ›
    SingleClose,
    /// '
    SingleStraight,
}

fn mark_of(s: &str) -> Option<Mark> {
    Some(match s {
        "\u{201C}" | "\u{201E}" | "\u{201F}" | "\u{00AB}" | "``" => Mark::DoubleOpen,
        "\u{201D}" | "\u{00BB}" | "''" => Mark::DoubleClose,
        "\"" | "\u{2033}" | "\u{FF02}" => Mark::DoubleStraight,
        "\u{2018}" | "\u{201B}" | "\u{2039}" | "`" | "\u{201A}" => Mark::SingleOpen,
        "\u{2019}" | "\u{203A}" => Mark::SingleClose,
        "'" => Mark::SingleStraight,
        _ => return None,
    })
}

/// Whether the mark can open (text glued to its right, space or opening punctuation to its left)
/// and whether it can close (the mirror image), judged from the neighbouring characters.
fn flanks(text: &str, tok: &Token) -> (bool, bool) {
    let before = text[..tok.start].chars().next_back();
    let after = text[tok.end..].chars().next();
    let left_space = before.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | '[' | '{' | '—' | '–' | '-' | '/' | '\u{201C}' | '\u{2018}' | '"'
            )
    });
    let right_space = after.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ','
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | ')'
                    | ']'
                    | '}'
                    | '…'
                    | '—'
                    | '–'
                    | '\u{201D}'
                    | '\u{2019}'
                    | '"'
            )
    });
    let can_open =
        !right_space && (left_space || before.is_some_and(|c| matches!(c, ',' | ':' | ';')));
    let can_close = !left_space && right_space;
    (can_open, can_close)
}

#[derive(Debug, Clone, Copy)]
struct Open {
    tok: usize,
    curly: bool,
    single: bool,
}

/// The open marks of a paragraph, innermost last. The positions of the open double marks are
/// kept apart, so that finding the innermost one never walks over single marks.
#[derive(Debug, Default)]
struct OpenMarks {
    all: Vec<Open>,
    /// Positions in `all` of the curly and of the straight double marks.
    curly: Vec<usize>,
    straight: Vec<usize>,
}

impl OpenMarks {
    fn push(&mut self, o: Open) {
        if !o.single {
            let k = self.all.len();
            if o.curly {
                self.curly.push(k);
            } else {
                self.straight.push(k);
            }
        }
        self.all.push(o);
    }
    /// Keeps the first `k` marks.
    fn truncate(&mut self, k: usize) {
        work::tick(self.all.len().saturating_sub(k));
        self.all.truncate(k);
        while self.curly.last().is_some_and(|&i| i >= k) {
            self.curly.pop();
        }
        while self.straight.last().is_some_and(|&i| i >= k) {
            self.straight.pop();
        }
    }
    /// The position of the innermost open double mark.
    fn last_double(&self) -> Option<usize> {
        self.curly.last().max(self.straight.last()).copied()
    }
    fn last_curly(&self) -> Option<usize> {
        self.curly.last().copied()
    }
    fn last_straight(&self) -> Option<usize> {
        self.straight.last().copied()
    }
}

/// Finds the quoted spans of a text, in text order.
///
/// `apostrophe_pairs`: a pair of apostrophes ('') that can open a quotation opens one (the
/// New York Times archive style ''…''); otherwise '' only closes.
pub(crate) fn find(
    text: &str,
    tokens: &[Token],
    paragraphs: &[Span],
    apostrophe_pairs: bool,
) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut t = 0;
    // The previous paragraph left a quotation open and this one may continue it.
    let mut carried = false;
    // The quotation-mark tokens, in order: the only ones this pass looks at.
    let marks: Vec<usize> = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TokenKind::Quote)
        .map(|(i, _)| i)
        .collect();
    let mut q = 0;
    for (p, para) in paragraphs.iter().enumerate() {
        let first = t + partition_near(&tokens[t..], |x| x.end <= para.start);
        let last = first + partition_near(&tokens[first..], |x| x.start < para.end);
        t = last;
        let continues = carried
            && first < last
            && tokens[first].kind == TokenKind::Quote
            && matches!(
                mark_of(tokens[first].text(text)),
                Some(Mark::DoubleOpen | Mark::DoubleStraight)
            );
        carried = false;
        while q < marks.len() && marks[q] < first {
            q += 1;
        }
        if q >= marks.len() || marks[q] >= last {
            continue;
        }
        let mut pairing = Paragraph {
            text,
            tokens,
            index: p,
            first,
            last,
            continues,
            stack: OpenMarks::default(),
            nested: Vec::new(),
        };
        let mut first_in_para = true;
        while q < marks.len() && marks[q] < last {
            let i = marks[q];
            q += 1;
            work::tick(1);
            if pairing.mark(i, apostrophe_pairs, first_in_para, &mut out) {
                first_in_para = false;
            }
        }
        let next_opens = || {
            paragraphs.get(p + 1).is_some_and(|np| {
                let k = t + partition_near(&tokens[t..], |x| x.start < np.start);
                tokens.get(k).is_some_and(|x| {
                    x.start < np.end
                        && x.kind == TokenKind::Quote
                        && matches!(
                            mark_of(x.text(text)),
                            Some(Mark::DoubleOpen | Mark::DoubleStraight)
                        )
                })
            })
        };
        carried = pairing.finish(next_opens, &mut out);
    }
    out
}

/// The marks of one paragraph being paired.
struct Paragraph<'t> {
    text: &'t str,
    tokens: &'t [Token],
    /// The paragraph's index, first token and end token (exclusive).
    index: usize,
    first: usize,
    last: usize,
    /// It opens by continuing a quotation left open by the paragraph before.
    continues: bool,
    stack: OpenMarks,
    /// Quotations closed inside an open one, kept in case the outer mark turns out stray.
    nested: Vec<Marked>,
}

impl Paragraph<'_> {
    /// Pairs the quotation-mark token `i`; false if it is no mark this pass knows.
    fn mark(
        &mut self,
        i: usize,
        apostrophe_pairs: bool,
        first_in_para: bool,
        out: &mut Vec<Marked>,
    ) -> bool {
        let tok = &self.tokens[i];
        let Some(mark) = mark_of(tok.text(self.text)) else {
            return false;
        };
        let (can_open, can_close) = flanks(self.text, tok);
        // Two apostrophes open as well as close in some styles (''Yes,'' he said).
        let mark = if apostrophe_pairs
            && mark == Mark::DoubleClose
            && can_open
            && tok.end - tok.start == 2
        {
            Mark::DoubleOpen
        } else {
            mark
        };
        let open = |curly: bool, single: bool| Open {
            tok: i,
            curly,
            single,
        };
        match mark {
            Mark::DoubleOpen => {
                if let Some(k) = self.stack.last_curly() {
                    // An open curly quotation and another opening mark: the first was stray.
                    self.stack.truncate(k);
                }
                self.stack.push(open(true, false));
            }
            Mark::DoubleClose => {
                if let Some(k) = self.stack.last_double() {
                    self.close_at(k, i, out);
                }
                // else: a stray closing mark, ignored.
            }
            Mark::DoubleStraight => match (self.stack.last_straight(), self.stack.last_curly()) {
                (Some(k), _) if can_close || !can_open => self.close_at(k, i, out),
                (Some(k), _) => {
                    // Opening-looking mark while a straight quotation is open: re-sync.
                    self.stack.truncate(k);
                    self.stack.push(open(false, false));
                }
                (None, Some(k)) if can_close && !can_open => self.close_at(k, i, out),
                (None, _) if can_open || (!can_close && first_in_para) => {
                    self.stack.push(open(false, false))
                }
                (None, _) => {}
            },
            Mark::SingleOpen | Mark::SingleStraight if can_open => {
                self.stack.push(open(mark == Mark::SingleOpen, true));
            }
            Mark::SingleClose | Mark::SingleStraight
                if can_close && self.stack.all.last().is_some_and(|o| o.single) =>
            {
                // "voters’ concerns": a plural possessive, not a closing mark.
                let possessive = self.text[..tok.start].ends_with(['s', 'S'])
                    && next_is_lower_word(self.text, self.tokens, i + 1, self.last);
                if !possessive {
                    self.close_at(self.stack.all.len() - 1, i, out);
                }
            }
            _ => {}
        }
        true
    }

    /// Closes the open mark at stack position `k` with the mark at token `close`.
    fn close_at(&mut self, k: usize, close: usize, out: &mut Vec<Marked>) {
        let o = self.stack.all[k];
        self.stack.truncate(k);
        if close <= o.tok + 1 {
            return;
        }
        let (text, tokens, end_b) = (self.text, self.tokens, self.tokens[close].start);
        if k == 0 {
            let cont = self.continues && o.tok == self.first && !o.single;
            out.push(marked(text, tokens, o, close, end_b, self.index, cont));
            self.nested.clear();
        } else if k == 1 && !o.single {
            // Inside a quotation: kept in case the outer mark turns out to be stray.
            let m = marked(text, tokens, o, close, end_b, self.index, false);
            self.nested.push(m);
        }
    }

    /// At the paragraph end: keeps a quotation left open if the next paragraph continues it
    /// (`next_opens`: whether it opens with a double mark), and then says so.
    fn finish(mut self, next_opens: impl FnOnce() -> bool, out: &mut Vec<Marked>) -> bool {
        let Some(o) = self.stack.all.first().copied().filter(|o| !o.single) else {
            return false;
        };
        if !self.nested.is_empty() {
            // The open mark never closed but quotations inside it did: the outer mark was
            // stray (or an excerpt convention); keep the inner quotations.
            out.append(&mut self.nested);
        } else if self.last > o.tok + 1 && next_opens() {
            let cont = self.continues && o.tok == self.first;
            let end_b = self.tokens[self.last - 1].end;
            let mut m = marked(
                self.text,
                self.tokens,
                o,
                self.last,
                end_b,
                self.index,
                cont,
            );
            m.close = None;
            out.push(m);
            return true;
        }
        false
    }
}

fn next_is_lower_word(text: &str, tokens: &[Token], i: usize, last: usize) -> bool {
    i < last
        && tokens[i].kind == TokenKind::Word
        && tokens[i]
            .text(text)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

/// A quoted span from the opening mark `o` to token `end` (exclusive) ending at byte `end_b`.
fn marked(
    text: &str,
    tokens: &[Token],
    o: Open,
    end: usize,
    end_b: usize,
    paragraph: usize,
    continues: bool,
) -> Marked {
    let start_b = tokens[o.tok].end;
    let raw = &text[start_b..end_b];
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    Marked {
        open: o.tok,
        close: Some(end),
        first: o.tok + 1,
        end,
        content: Span::new(start_b + lead, start_b + lead + trimmed.len()),
        paragraph,
        continues,
        single: o.single,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{paragraphs, tokenize};

    fn spans(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        find(text, &toks, &paragraphs(text), false)
            .iter()
            .map(|m| &text[m.content.start..m.content.end])
            .collect()
    }

    #[test]
    fn pairs_curly_and_straight_marks() {
        assert_eq!(spans("“Hi,” he said. \"Bye.\""), ["Hi,", "Bye."]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            spans("“The voters’ concerns don’t matter to Manafort ‘s team,” she said."),
            ["The voters’ concerns don’t matter to Manafort ‘s team,"]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_eq!(
            spans("“The password is ‘harbor.’ See ‘Notes,’” Greenleaf wrote."),
            ["The password is ‘harbor.’ See ‘Notes,’"]
        );
    }

    #[test]
    fn stray_mark_is_confined_to_its_paragraph() {
        let text = "He said “this never closes.\n\nA “nut job” here.\n\n“Fine,” she said.";
        assert_eq!(spans(text), ["nut job", "Fine,"]);
        let text = "Stray ” closing “and “real” quote.";
        assert_eq!(spans(text), ["real"]);
    }

    #[test]
    fn quotes_inside_a_stray_opening_mark_survive() {
        let text = "\"The mayor walked in, chanting “Go team!” and “We win!”\n\n“Yes,” she said.";
        assert_eq!(spans(text), ["Go team!", "We win!", "Yes,"]);
    }

    #[test]
    fn multi_paragraph_quotation() {
        let text = "“First part.\n\n“Second part.\n\n“Last part,” he said.";
        let toks = tokenize(text);
        let m = find(text, &toks, &paragraphs(text), false);
        assert_eq!(m.len(), 3);
        assert!(m[0].close.is_none() && !m[0].continues);
        assert!(m[1].close.is_none() && m[1].continues);
        assert!(m[2].close.is_some() && m[2].continues);
        assert_eq!(&text[m[1].content.start..m[1].content.end], "Second part.");
    }

    #[test]
    fn apostrophe_pairs_open_when_asked() {
        let text = "''Yes,'' he said.";
        let toks = tokenize(text);
        assert!(find(text, &toks, &paragraphs(text), false).is_empty());
        let m = find(text, &toks, &paragraphs(text), true);
        assert_eq!(&text[m[0].content.start..m[0].content.end], "Yes,");
    }

    #[test]
    fn single_quoted_headline() {
        assert_eq!(
            spans("Trump: ‘This Cannot Continue.’\n\nText."),
            ["This Cannot Continue."]
        );
    }
}
