//! Quotations and their speakers: finds quoted spans, keeps the quotations and attributes each.
//! Must never decide anything itself: it runs the steps below in order and passes each
//! quotation's attribution on to the quotations after it (groups, inheritance).
//!
//! The steps, one file each:
//! - `detect`: pairs the quotation marks paragraph by paragraph (curly and straight double
//!   marks, single marks only where they flank like marks, never apostrophes; a stray mark
//!   spoils at most its own paragraph; a quotation left open at a paragraph end continues when
//!   the next paragraph opens with a mark).
//! - `classify`: keeps quotations, direct or partial, and drops titles and scare quotes.
//! - `cues`: finds the cue of each and its speaker phrase: "X said" / "said X" / "according to
//!   X" / "X said: “…”" / a dash byline, in the quotation's sentence, then a colon or the
//!   previous sentences of its paragraph, then the previous paragraph.
//! - `speaker`: the speaker phrase next to a cue, and its name: through the entity layer when it
//!   has run (an entity mention inside the phrase gives its group's canonical name; a pronoun
//!   names the entity it refers to, a compatible mention before it, outside quotations,
//!   preferring a recent sentence subject, while `speaker_span` stays on the pronoun); without
//!   entities the phrase's name (its capitalised run) or the role phrase ("a Pence
//!   spokeswoman"), and he/she names the last speaker named before, if any.
//! - `when`: the day each quotation was said, from the dates layer's values (a date in its
//!   attribution, the narrative's day, its section's date, the document date).
//! - `index`: lookups built once per document, so each step costs the same however long the
//!   document is; `lexicon`: the word lists.
//!
//! Here: an interrupted quotation (“…,” he wrote. “…”) and the paragraphs of one quotation share
//! a `group` and a speaker, and a quotation with no cue of its own inherits the speaker of the
//! quotation before it (within three paragraphs).
//!
//! On PolNeAR (direct quotations, `examples/quotes_dev.rs` + `score.py`, no entities): train
//! overlap F1 0.926, speaker accuracy 0.966, end to end 0.894; dev 0.930 / 0.982 / 0.913.

mod classify;
mod cues;
mod detect;
mod index;
mod lexicon;
mod speaker;
#[cfg(test)]
mod tests;
mod when;

use std::borrow::Cow;
use std::cell::OnceCell;

use crate::error::Result;
use crate::layer::Extractor;
use crate::types::{Document, Entity, Quote, QuoteKind, Sentence, Span};
use crate::types::{Token, TokenKind};
use classify::Class;
use cues::{find_context, find_own, Found, Scans};
use index::{work, Mentions, Runs};
use speaker::name_speaker;

/// The quote layer.
#[derive(Debug, Clone)]
pub struct QuoteExtractor {
    /// Also report partial quotations (quoted words inside the writer's sentence). Default: true.
    pub partial: bool,
    /// Let a pair of apostrophes open a quotation (''Yes,'' he said), the style of some
    /// archives (New York Times). Default: false, where '' only closes: PolNeAR's gold never
    /// counts such quotations, and in most text '' is a typo for ”.
    pub apostrophe_pairs: bool,
}

impl Default for QuoteExtractor {
    fn default() -> Self {
        QuoteExtractor {
            partial: true,
            apostrophe_pairs: false,
        }
    }
}

impl Extractor for QuoteExtractor {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn extract(&self, doc: &mut Document) -> Result<()> {
        let quotes = self.find(doc);
        doc.quotes = quotes;
        Ok(())
    }
}

/// Read-only views of a document shared by the passes.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [Sentence],
    /// Sentence index of each token.
    pub sent_of: Vec<u32>,
    /// First token of each paragraph, plus the token count at the end.
    pub para_first: Vec<usize>,
    pub entities: &'a [Entity],
    /// Token runs (time words, next word, next comma, double marks).
    pub runs: Runs<'a>,
    /// The contents of the quotations found: mentions inside them are not antecedents.
    quoted: Vec<Span>,
    /// The entity mentions sorted by offset, built on first need.
    mentions: OnceCell<Mentions>,
    /// Full names by family name, built on first need (see [`speaker::FullNames`]).
    full_names: OnceCell<speaker::FullNames<'a>>,
    /// Memoised scans.
    pub scans: Scans,
    /// Per token, whether it is a cue verb ([`lexicon::is_cue`] of its lower case), found on
    /// first need: the scans ask about the same tokens again and again.
    cue_word: Vec<OnceCell<bool>>,
    /// Per token, whether it is a cue verb in place (`is_cue_at`), found on first need.
    cue_in_place: Vec<OnceCell<bool>>,
}

impl<'a> Ctx<'a> {
    fn new(doc: &'a Document, quoted: Vec<Span>) -> Self {
        let mut sent_of = vec![0u32; doc.tokens.len()];
        let mut para_first = vec![doc.tokens.len(); doc.paragraphs.len() + 1];
        for (k, s) in doc.sentences.iter().enumerate() {
            for x in &mut sent_of[s.tokens.clone()] {
                *x = k as u32;
            }
            if para_first[s.paragraph] > s.tokens.start {
                para_first[s.paragraph] = s.tokens.start;
            }
        }
        // Paragraphs without tokens take the next paragraph's start.
        for p in (0..doc.paragraphs.len()).rev() {
            para_first[p] = para_first[p].min(para_first[p + 1]);
        }
        Ctx {
            text: &doc.text,
            tokens: &doc.tokens,
            sentences: &doc.sentences,
            sent_of,
            para_first,
            entities: &doc.entities,
            runs: Runs::new(&doc.text, &doc.tokens),
            quoted,
            mentions: OnceCell::new(),
            full_names: OnceCell::new(),
            scans: Scans::default(),
            cue_word: vec![OnceCell::new(); doc.tokens.len()],
            cue_in_place: vec![OnceCell::new(); doc.tokens.len()],
        }
    }
    /// The entity mentions, if the entity layer found any.
    fn mentions(&self) -> Option<&Mentions> {
        if self.entities.is_empty() {
            return None;
        }
        Some(
            self.mentions
                .get_or_init(|| Mentions::new(self.entities, &self.quoted)),
        )
    }
    /// The first full name of each family name among the person mentions.
    fn full_names(&self) -> &speaker::FullNames<'a> {
        self.full_names
            .get_or_init(|| speaker::FullNames::new(self.text, self.entities))
    }
    pub(crate) fn tok(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }
    pub(crate) fn lower(&self, i: usize) -> Cow<'a, str> {
        let w = self.tok(i);
        // one pass: an upper-case ASCII letter or any byte beyond ASCII needs the copy
        if w.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
            Cow::Owned(w.to_lowercase())
        } else {
            Cow::Borrowed(w)
        }
    }
    /// Whether token `i` is a cue verb, any case ("said", "Said"): looked up once per token.
    pub(crate) fn is_cue_word(&self, i: usize) -> bool {
        *self.cue_word[i].get_or_init(|| lexicon::is_cue(&self.lower(i)))
    }
    pub(crate) fn slice(&self, s: Span) -> &'a str {
        &self.text[s.start..s.end]
    }
    fn paragraph_of(&self, i: usize) -> usize {
        self.sentences
            .get(self.sent_of[i] as usize)
            .map_or(0, |s| s.paragraph)
    }
    pub(crate) fn para_first_token(&self, i: usize) -> usize {
        self.para_first[self.paragraph_of(i)]
    }
    pub(crate) fn para_end_token(&self, i: usize) -> usize {
        self.para_first[self.paragraph_of(i) + 1]
    }
    /// The byte span of a token range.
    pub(crate) fn span_of(&self, start: usize, end: usize) -> Span {
        Span::new(self.tokens[start].start, self.tokens[end - 1].end)
    }
    fn is_word(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Word || self.tokens[i].kind == TokenKind::Number
    }
    fn is_cap(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        // an ASCII first byte is the first character: no decoding
        t.kind == TokenKind::Word
            && match self.text.as_bytes()[t.start] {
                b if b.is_ascii() => b.is_ascii_uppercase(),
                _ => self.tok(i).starts_with(char::is_uppercase),
            }
    }
    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tokens[i].kind == TokenKind::Punct && self.tok(i) == p
    }
    fn is_terminal(&self, i: usize) -> bool {
        matches!(self.tokens[i].kind, TokenKind::Punct | TokenKind::Ellipsis)
            && matches!(self.tok(i), "." | "!" | "?" | "…" | "...")
    }
    fn is_double_mark(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Quote
            && matches!(self.tok(i), "\u{201C}" | "\u{201D}" | "\"" | "``" | "''")
    }
    fn is_possessive(&self, i: usize) -> bool {
        matches!(self.tok(i), "’s" | "'s" | "’" | "'")
    }
    /// Name connectors inside a capitalised run ("Beto O'Rourke", "Ruth Bader Ginsburg",
    /// "Osama bin Laden").
    fn is_name_link(&self, i: usize) -> bool {
        matches!(
            self.tok(i),
            "de" | "van" | "von" | "bin" | "al" | "der" | "la" | "du" | "del" | "da" | "&"
        )
    }
}

/// How a quotation got its speaker.
#[derive(Debug, Clone, Copy)]
enum Source {
    /// Its own cue.
    Own(Found),
    /// The attribution of an earlier quotation (index into the output).
    Inherit(usize),
}

/// How an output quotation was attributed, kept for the quotations after it.
#[derive(Debug, Clone, Copy)]
struct Attributed {
    /// Its own cue, or the cue it inherited (never an inheritance: followed to its source).
    source: Option<Source>,
    /// Its paragraph.
    paragraph: usize,
    /// The token of its closing mark (`None` when it runs on to the next paragraph).
    close: Option<usize>,
}

impl QuoteExtractor {
    /// Finds the quotations of a prepared document (tokens, sentences, paragraphs and, if the
    /// entity layer ran, entities).
    pub fn find(&self, doc: &Document) -> Vec<Quote> {
        if doc.tokens.is_empty() || doc.sentences.is_empty() {
            return Vec::new();
        }
        let marks = detect::find(
            &doc.text,
            &doc.tokens,
            &doc.paragraphs,
            self.apostrophe_pairs,
        );
        if marks.is_empty() {
            return Vec::new();
        }
        // Quotation contents: mentions inside them are not antecedents of the writer's pronouns.
        let quoted: Vec<Span> = marks.iter().map(|m| m.content).collect();
        let ctx = Ctx::new(doc, quoted);
        let mut story = Story::default();
        for m in &marks {
            let kind = match classify::classify(&ctx, m) {
                Class::Direct => QuoteKind::Direct,
                Class::Partial => QuoteKind::Partial,
                Class::NotAQuote => continue,
            };
            let continues =
                m.continues && story.prev_mark_open == Some(true) && !story.out.is_empty();
            story.prev_mark_open = Some(m.close.is_none());
            let (source, group) = story.source_of(&ctx, m, kind, continues);
            let group = group.unwrap_or_else(|| {
                story.next_group += 1;
                story.next_group - 1
            });
            let said = story.said(&ctx, source);
            if let (Some(Source::Own(f)), Some(name)) = (source, &said.speaker) {
                if !f.np.pronoun {
                    story.last_named = Some(name.clone());
                }
            }
            if kind == QuoteKind::Partial && !self.partial {
                continue;
            }
            story.push(m, kind, source, said, group);
        }
        when::date_quotes(doc, &mut story.out);
        story.out
    }
}

/// What the quotations found so far pass on to the next ones.
#[derive(Default)]
struct Story {
    /// The quotations output so far, and how each was attributed.
    out: Vec<Quote>,
    info: Vec<Attributed>,
    next_group: usize,
    /// The last speaker named by a name (not a pronoun): who he/she is without entities.
    last_named: Option<String>,
    /// Whether the previous quotation kept ran on to the next paragraph (no closing mark).
    prev_mark_open: Option<bool>,
    /// The last direct quotation with a speaker (what a quotation without a cue inherits).
    last_spoken: Option<usize>,
}

/// The speaker and the cue a quotation carries.
struct Said {
    speaker: Option<String>,
    speaker_span: Option<Span>,
    cue: Option<String>,
    cue_span: Option<Span>,
}

impl Story {
    /// How quotation `m` is attributed, and the group it joins (`None`: a group of its own).
    /// `continues`: it continues the previous quotation into a new paragraph.
    fn source_of(
        &self,
        ctx: &Ctx,
        m: &detect::Marked,
        kind: QuoteKind,
        continues: bool,
    ) -> (Option<Source>, Option<usize>) {
        let prev = self.out.len().checked_sub(1);
        let group = if continues {
            prev.map(|p| self.out[p].group)
        } else {
            None
        };
        if let Some(f) = find_own(ctx, m, kind) {
            return (Some(Source::Own(f)), group);
        }
        if continues {
            return (prev.map(Source::Inherit), group);
        }
        if kind == QuoteKind::Partial {
            return (None, None);
        }
        // An interrupted quotation: “…,” he wrote. “…”
        let interrupted = prev.filter(|&p| {
            let a = &self.info[p];
            a.paragraph == m.paragraph
                && matches!(a.source, Some(Source::Own(f))
                    if a.close.is_some_and(|c| f.cue_start > c && f.cue_start < m.open))
        });
        if let Some(p) = interrupted {
            return (Some(Source::Inherit(p)), Some(self.out[p].group));
        }
        let source = find_context(ctx, m).map(Source::Own).or_else(|| {
            inherit_nearby(&self.info, self.last_spoken, m.paragraph).map(Source::Inherit)
        });
        (source, None)
    }

    /// The speaker and cue that `source` gives.
    fn said(&self, ctx: &Ctx, source: Option<Source>) -> Said {
        match source {
            Some(Source::Own(f)) => {
                let (name, span) = name_speaker(ctx, &f.np, &self.last_named);
                let cs = ctx.span_of(f.cue_start, f.cue_end);
                Said {
                    speaker: Some(name),
                    speaker_span: Some(span),
                    cue: Some(ctx.slice(cs).to_owned()),
                    cue_span: Some(cs),
                }
            }
            Some(Source::Inherit(p)) => Said {
                speaker: self.out[p].speaker.clone(),
                speaker_span: self.out[p].speaker_span,
                cue: self.out[p].cue.clone(),
                cue_span: self.out[p].cue_span,
            },
            None => Said {
                speaker: None,
                speaker_span: None,
                cue: None,
                cue_span: None,
            },
        }
    }

    /// Outputs quotation `m`.
    fn push(
        &mut self,
        m: &detect::Marked,
        kind: QuoteKind,
        source: Option<Source>,
        said: Said,
        group: usize,
    ) {
        let source = match source {
            Some(Source::Inherit(p)) => self.info[p].source,
            s => s,
        };
        if said.speaker.is_some() && kind == QuoteKind::Direct {
            self.last_spoken = Some(self.out.len());
        }
        self.out.push(Quote {
            span: m.content,
            kind,
            speaker: said.speaker,
            speaker_span: said.speaker_span,
            cue: said.cue,
            cue_span: said.cue_span,
            group,
            date: None,
            date_start: None,
            date_end: None,
            date_source: None,
        });
        self.info.push(Attributed {
            source,
            paragraph: m.paragraph,
            close: m.close,
        });
    }
}

/// The nearest earlier direct quotation with a speaker (`last_spoken`), if it stands within
/// three paragraphs (quotations come in paragraph order, so no earlier one can be nearer).
fn inherit_nearby(info: &[Attributed], last_spoken: Option<usize>, para: usize) -> Option<usize> {
    work::tick(1);
    last_spoken.filter(|&p| info[p].paragraph + 3 >= para)
}
