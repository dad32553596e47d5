//! Classification: tells a quotation (direct or partial) from a quoted title or a scare quote.
//! Must never move a span or look for a speaker: it only labels the spans `detect` found.
//!
//! The decision rests on where the opening mark stands and what the quoted text looks like. On
//! PolNeAR train, a quoted span that opens a sentence (or a paragraph) and ends in punctuation is
//! a direct quotation 98% of the time; one that opens after a plain word ("called Comey a “nut
//! job”") is one 2-20% of the time; after a comma or a colon it is one 70-90% of the time when it
//! is a clause of four words or more.

use super::Ctx;
use crate::quotes::detect::Marked;
use crate::quotes::lexicon;
use crate::text::TokenKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// A quotation standing as its own clause or sentences.
    Direct,
    /// Reported words inside the writer's own sentence.
    Partial,
    /// A title, a name or scare quotes: nobody's words.
    NotAQuote,
}

/// What stands before the opening mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Left {
    /// Start of a paragraph or of a sentence.
    Start,
    Colon,
    Comma,
    /// A cue verb ("said “...”").
    Cue,
    /// "so-called", "dubbed", "titled"...
    Naming,
    /// Any other word.
    Word,
}

pub(crate) fn classify(ctx: &Ctx, m: &Marked) -> Class {
    if m.continues || m.close.is_none() {
        return Class::Direct;
    }
    // A paragraph that is a phrase in single marks and nothing else is a subheading
    // ("'A Legend in the Coal Fields.'"), never somebody's words on PolNeAR train.
    if m.single && m.close.is_some_and(|c| alone_in_paragraph(ctx, m.open, c)) {
        return Class::NotAQuote;
    }
    let class = classify_marks(ctx, m);
    // American news marks quotations with double marks; single marks at top level are a
    // headline's quotation (“Trump: ‘This Cannot Continue.’”) or, in the body, a quotation
    // within a quotation whose outer marks were lost, or scare quotes.
    if m.single && class == Class::Direct && !is_headline(ctx, m.open) {
        return Class::Partial;
    }
    class
}

/// Do the marks at `open` and `close` hold their whole paragraph (punctuation aside)?
fn alone_in_paragraph(ctx: &Ctx, open: usize, close: usize) -> bool {
    open == ctx.para_first_token(open)
        && (close + 1..ctx.para_end_token(open)).all(|i| ctx.tokens[i].kind == TokenKind::Punct)
}

/// A headline: the first paragraph, or a short paragraph of one sentence.
fn is_headline(ctx: &Ctx, tok: usize) -> bool {
    let first = ctx.para_first_token(tok);
    let end = ctx.para_end_token(tok);
    first == 0 || (end - first <= 25 && ctx.sent_of[first] == ctx.sent_of[end - 1])
}

fn classify_marks(ctx: &Ctx, m: &Marked) -> Class {
    let left = left_of(ctx, m.open);
    let content = ctx.slice(m.content);
    let Some(first_char) = content.chars().next() else {
        return Class::NotAQuote;
    };
    // A quotation ending with a quotation inside it ("... do something.'") ends where the
    // inner one does.
    let last_char = content
        .trim_end_matches(['\'', '’', '"', '”'])
        .chars()
        .next_back()
        .unwrap_or(' ');
    let ends_punct = matches!(last_char, ',' | '.' | '?' | '!' | '…' | '—' | '-' | ';');
    let upper = first_char.is_uppercase()
        || first_char.is_ascii_digit()
        || matches!(first_char, '[' | '…' | '.' | '(');
    let words = (m.first..m.end)
        .filter(|&i| matches!(ctx.tokens[i].kind, TokenKind::Word | TokenKind::Number))
        .take(12)
        .count();
    let long = words >= 4;
    match left {
        Left::Start => {
            if !ends_punct && words <= 3 {
                Class::NotAQuote
            } else if !ends_punct && continues_sentence(ctx, m) {
                // “We are tired of waiting” for the council, Okafor said.
                Class::Partial
            } else {
                Class::Direct
            }
        }
        Left::Colon if words >= 2 || ends_punct => Class::Direct,
        // "said Friday that if he won, “she would sign it”": words inside reported speech.
        // Not when a new cue opens the quotation: "signaled that it would, Mr. Barrett said,
        // “we were floored.”"
        Left::Comma if in_that_clause(ctx, m.open) && !cue_before_comma(ctx, m.open) => {
            Class::Partial
        }
        Left::Comma if long && (ends_punct || upper) => Class::Direct,
        // "he said, “Maybe.”"
        Left::Comma if ends_punct && (upper || words >= 3) && cue_before_comma(ctx, m.open) => {
            Class::Direct
        }
        Left::Cue if long && ends_punct => Class::Direct,
        Left::Naming => Class::NotAQuote,
        _ => {
            if looks_like_title(ctx, m, words) || (words <= 2 && !sentence_has_cue(ctx, m.open)) {
                Class::NotAQuote
            } else {
                Class::Partial
            }
        }
    }
}

/// The writer's sentence goes on after the closing mark with a plain lower-case word.
fn continues_sentence(ctx: &Ctx, m: &Marked) -> bool {
    let Some(close) = m.close else { return false };
    let next = close + 1;
    if next >= ctx.tokens.len() || ctx.sent_of[next] != ctx.sent_of[close] {
        return false;
    }
    let t = &ctx.tokens[next];
    let w = t.text(ctx.text);
    t.kind == TokenKind::Word
        && w.starts_with(|c: char| c.is_lowercase())
        && !lexicon::is_pronoun(w)
        && !lexicon::is_cue(w)
        && !lexicon::is_determiner(w)
        && w != "according"
}

/// Does the opening mark at `open` stand inside a "that" clause of reported speech ("tweeted
/// that, “…”", "said Friday that if she won, “…”"), with no quotation mark between? On
/// PolNeAR train such quotations are mostly partial (inside a paraphrase).
fn in_that_clause(ctx: &Ctx, open: usize) -> bool {
    let first = ctx.sentences[ctx.sent_of[open] as usize].tokens.start;
    (first..open)
        .rev()
        .take(40)
        .take_while(|&i| ctx.tokens[i].kind != TokenKind::Quote)
        .any(|i| ctx.tok(i) == "that" && said_before(ctx, i, first))
}

/// Is there a cue verb among the three words before token `i` (not before `first`): "said
/// Friday that", "wrote in an email that"?
fn said_before(ctx: &Ctx, i: usize, first: usize) -> bool {
    (first.max(i.saturating_sub(4))..i)
        .any(|k| ctx.tokens[k].kind == TokenKind::Word && ctx.is_cue_word(k))
}

/// "said, “…”": a cue verb right before the comma that precedes the opening mark.
fn cue_before_comma(ctx: &Ctx, open: usize) -> bool {
    open >= 2 && {
        let t = &ctx.tokens[open - 2];
        t.kind == TokenKind::Word && ctx.is_cue_word(open - 2)
    }
}

fn left_of(ctx: &Ctx, open: usize) -> Left {
    let para_first = ctx.para_first_token(open);
    if open == para_first {
        return Left::Start;
    }
    let prev = &ctx.tokens[open - 1];
    let w = prev.text(ctx.text);
    match prev.kind {
        TokenKind::Punct => match w {
            "." | "!" | "?" => Left::Start,
            ":" => Left::Colon,
            "," => Left::Comma,
            _ => Left::Word,
        },
        TokenKind::Ellipsis => Left::Start,
        TokenKind::Quote => {
            // After a closing mark that ends a sentence (“Yes.” “No.”).
            if open - 1 > para_first
                && matches!(ctx.tokens[open - 2].text(ctx.text), "." | "!" | "?")
            {
                Left::Start
            } else {
                Left::Word
            }
        }
        TokenKind::Word => {
            let lw = ctx.lower(open - 1);
            if lexicon::is_naming(&lw) {
                Left::Naming
            } else if lexicon::is_cue(&lw) {
                Left::Cue
            } else {
                Left::Word
            }
        }
        _ => Left::Word,
    }
}

/// A short quoted name in title case ("Meet the Press", “The Art of the Deal”), or one after a
/// possessive ("the station’s “Morning Hour”").
fn looks_like_title(ctx: &Ctx, m: &Marked, words: usize) -> bool {
    if words == 0 || words > 8 {
        return false;
    }
    let after_possessive = m.open > 0 && {
        let w = ctx.tokens[m.open - 1].text(ctx.text);
        w == "’s" || w == "'s"
    };
    let mut capitalised = 0;
    let mut lower_long = 0;
    for i in m.first..m.end {
        let t = &ctx.tokens[i];
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = t.text(ctx.text);
        if w.chars().next().is_some_and(char::is_uppercase) {
            capitalised += 1;
        } else if w.chars().count() > 3 {
            lower_long += 1;
        }
    }
    let first_upper = ctx.slice(m.content).starts_with(char::is_uppercase);
    first_upper
        && lower_long == 0
        && capitalised >= 1
        && (after_possessive || capitalised >= 2 || words == 1)
}

/// Whether the sentence of token `tok` has a cue word (looked up once per sentence).
fn sentence_has_cue(ctx: &Ctx, tok: usize) -> bool {
    let k = ctx.sent_of[tok] as usize;
    if let Some(&known) = ctx.scans.sentence_cue.borrow().get(&k) {
        return known;
    }
    let s = &ctx.sentences[k];
    let found = s.tokens.clone().any(|i| {
        let t = &ctx.tokens[i];
        t.kind == TokenKind::Word && {
            let w = t.text(ctx.text);
            w == "according" || ctx.is_cue_word(i) || lexicon::is_judging(w)
        }
    });
    ctx.scans.sentence_cue.borrow_mut().insert(k, found);
    found
}
