//! Paragraphs and sentences over the tokens of a text. It must never split a sentence across
//! paragraphs nor change the tokens it is given.

use super::lexicon::{NUMBER_ABBREVIATIONS, SENTENCE_STARTERS, TITLES};
use crate::types::{Sentence, Span, Token, TokenKind};

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
        // one byte, read without slicing the text: this is asked of every token
        TokenKind::Punct => {
            tok.end - tok.start == 1 && matches!(text.as_bytes()[tok.start], b'.' | b'!' | b'?')
        }
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
        // the paragraph's tokens, found by bisection (tokens are in order and never overlap)
        let first = t + tokens[t..].partition_point(|x| x.end <= para.start);
        let last = first + tokens[first..].partition_point(|x| x.start < para.end); // exclusive
        t = last;
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
            } else if tok.kind == TokenKind::Word
                && text.as_bytes()[tok.end - 1] == b'.'
                && k + 1 < last
            {
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
