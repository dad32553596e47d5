//! Quotations and their speakers (issue 5).
//!
//! Three cheap passes over the tokens: `detect` pairs the quotation marks paragraph by
//! paragraph (curly and straight double marks, single marks only where they flank like marks,
//! never apostrophes; the stack is reset at every paragraph so a stray mark spoils at most its
//! own paragraph; a quotation left open at a paragraph end continues when the next paragraph
//! opens with a mark), `classify` keeps quotations, direct or partial, and drops titles and
//! scare quotes, `attribution` finds the cue and the speaker of each: "X said" / "said X" /
//! "according to X" / "X said: “…”" / a dash byline, in the quotation's sentence, then a colon or
//! the previous sentences of its paragraph, then the previous paragraph; an interrupted
//! quotation (“…,” he wrote. “…”) and the paragraphs of one quotation share a `group` and a
//! speaker, and a quotation with no cue of its own inherits the speaker of the quotation before
//! it (within three paragraphs).
//!
//! Speakers are named through the entity layer when it has run: an entity mention inside the
//! speaker phrase gives its group's canonical name; a pronoun names the entity it refers to
//! (a compatible mention before it, outside quotations, preferring a recent sentence subject),
//! while `speaker_span` stays on the pronoun. Without entities the speaker is the phrase's name
//! (its capitalised run) or the role phrase ("a Pence spokeswoman"), and he/she names the last
//! speaker named before, if any.
//!
//! On PolNeAR (direct quotations, `examples/quotes_dev.rs` + `score.py`, no entities): train
//! overlap F1 0.925, speaker accuracy 0.964, end to end 0.891; dev 0.928 / 0.982 / 0.911.

mod attribution;
mod classify;
mod detect;
mod lexicon;

use std::borrow::Cow;

use crate::error::Result;
use crate::layer::Extractor;
use crate::text::Token;
use crate::types::{Document, Entity, Label, Quote, QuoteKind, Sentence, Span};
use attribution::{Found, Np};
use classify::Class;

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
}

impl<'a> Ctx<'a> {
    fn new(doc: &'a Document) -> Self {
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
        }
    }
    pub(crate) fn tok(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }
    pub(crate) fn lower(&self, i: usize) -> Cow<'a, str> {
        let w = self.tok(i);
        if w.bytes().any(|b| b.is_ascii_uppercase()) || !w.is_ascii() {
            Cow::Owned(w.to_lowercase())
        } else {
            Cow::Borrowed(w)
        }
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
}

/// How a quotation got its speaker.
#[derive(Debug, Clone, Copy)]
enum Source {
    /// Its own cue.
    Own(Found),
    /// The attribution of an earlier quotation (index into the output).
    Inherit(usize),
}

impl QuoteExtractor {
    /// Finds the quotations of a prepared document (tokens, sentences, paragraphs and, if the
    /// entity layer ran, entities).
    pub fn find(&self, doc: &Document) -> Vec<Quote> {
        if doc.tokens.is_empty() || doc.sentences.is_empty() {
            return Vec::new();
        }
        let ctx = Ctx::new(doc);
        let marks = detect::find(
            &doc.text,
            &doc.tokens,
            &doc.paragraphs,
            self.apostrophe_pairs,
        );
        // Quotation contents: mentions inside them are not antecedents of the writer's pronouns.
        let quoted: Vec<Span> = if doc.entities.is_empty() {
            Vec::new()
        } else {
            marks.iter().map(|m| m.content).collect()
        };
        let mut out: Vec<Quote> = Vec::new();
        // Per output quote: how it was attributed and its paragraph (for inheritance).
        let mut info: Vec<(Option<Source>, usize, Option<usize>)> = Vec::new();
        let mut next_group = 0usize;
        let mut last_named: Option<String> = None;
        let mut prev_mark_open: Option<bool> = None; // previous kept mark ran on (no close)
        for m in &marks {
            let class = classify::classify(&ctx, m);
            let kind = match class {
                Class::Direct => QuoteKind::Direct,
                Class::Partial => QuoteKind::Partial,
                Class::NotAQuote => continue,
            };
            let para = m.paragraph;
            let prev = out.len().checked_sub(1);
            let continues = m.continues && prev_mark_open == Some(true) && prev.is_some();
            prev_mark_open = Some(m.close.is_none());

            let own = find_own(&ctx, m, kind);
            let mut group = if continues {
                prev.map(|p| out[p].group)
            } else {
                None
            };
            let source = match own {
                Some(f) => Some(Source::Own(f)),
                None => {
                    if continues {
                        group = prev.map(|p| out[p].group);
                        prev.map(Source::Inherit)
                    } else if kind == QuoteKind::Partial {
                        None
                    } else {
                        // An interrupted quotation: “…,” he wrote. “…”
                        let interrupted = prev.filter(|&p| {
                            info[p].1 == para
                                && matches!(info[p].0, Some(Source::Own(f))
                                    if info[p].2.is_some_and(|c| f.cue_start > c && f.cue_start < m.open))
                        });
                        if let Some(p) = interrupted {
                            group = Some(out[p].group);
                            Some(Source::Inherit(p))
                        } else {
                            find_context(&ctx, m)
                                .map(Source::Own)
                                .or_else(|| inherit_nearby(&info, &out, para).map(Source::Inherit))
                        }
                    }
                }
            };
            let group = group.unwrap_or_else(|| {
                next_group += 1;
                next_group - 1
            });
            let (speaker, speaker_span, cue, cue_span) = match source {
                Some(Source::Own(f)) => {
                    let (name, span) = name_speaker(&ctx, &quoted, &f.np, &last_named);
                    let cs = attribution::span_of(&ctx, f.cue_start, f.cue_end);
                    (
                        Some(name),
                        Some(span),
                        Some(ctx.slice(cs).to_owned()),
                        Some(cs),
                    )
                }
                Some(Source::Inherit(p)) => (
                    out[p].speaker.clone(),
                    out[p].speaker_span,
                    out[p].cue.clone(),
                    out[p].cue_span,
                ),
                None => (None, None, None, None),
            };
            if let (Some(Source::Own(f)), Some(name)) = (source, &speaker) {
                if !f.np.pronoun {
                    last_named = Some(name.clone());
                }
            }
            if kind == QuoteKind::Partial && !self.partial {
                continue;
            }
            let resolved_source = match source {
                Some(Source::Inherit(p)) => info[p].0,
                s => s,
            };
            out.push(Quote {
                span: m.content,
                kind,
                speaker,
                speaker_span,
                cue,
                cue_span,
                group,
            });
            info.push((resolved_source, para, m.close));
        }
        out
    }
}

/// The quotation's own attribution, in its sentence (or a short "X said." right after it).
fn find_own(ctx: &Ctx, m: &detect::Marked, kind: QuoteKind) -> Option<Found> {
    let ends_comma = ctx.slice(m.content).ends_with(',');
    if ends_comma {
        if let Some(f) = attribution::cue_after(ctx, m) {
            return Some(f);
        }
    }
    if let Some(f) = attribution::cue_before(ctx, m) {
        return Some(f);
    }
    if kind == QuoteKind::Partial {
        // "Mueller found a “benefit”": verbs of finding and judging attribute quoted words too.
        return attribution::judging_cue_before(ctx, m);
    }
    if !ends_comma {
        return attribution::cue_after(ctx, m);
    }
    None
}

/// An attribution in the context of a quotation that has none in its own sentence.
fn find_context(ctx: &Ctx, m: &detect::Marked) -> Option<Found> {
    let pf = ctx.para_first_token(m.open);
    // A colon at the end of the previous sentence or paragraph: "Okafor continued:".
    if m.open > 0 && ctx.tok(m.open - 1) == ":" {
        if let Some(f) = attribution::colon_intro(ctx, m.open - 1) {
            return Some(f);
        }
    }
    if m.open > pf && ctx.tok(m.open - 1) == "," {
        if let Some(f) = attribution::comma_intro(ctx, m.open - 1) {
            return Some(f);
        }
    }
    if m.open > pf {
        if let Some(f) = attribution::cue_in_previous_sentences(ctx, m.open, pf) {
            return Some(f);
        }
    } else if pf > 0 {
        // The last sentence of the previous paragraph, if it is not a quotation itself.
        let ppf = ctx.para_first_token(pf - 1);
        let s = ctx.sentences[ctx.sent_of[pf - 1] as usize]
            .tokens
            .start
            .max(ppf);
        if ctx.tokens[s].kind != crate::text::TokenKind::Quote
            && ctx.tokens[pf - 1].kind != crate::text::TokenKind::Quote
        {
            if let Some(f) = attribution::cue_backwards(ctx, pf, s) {
                return Some(f);
            }
        }
    }
    None
}

/// The nearest earlier quotation with a speaker, within three paragraphs.
fn inherit_nearby(
    info: &[(Option<Source>, usize, Option<usize>)],
    out: &[Quote],
    para: usize,
) -> Option<usize> {
    (0..out.len())
        .rev()
        .take_while(|&p| info[p].1 + 3 >= para)
        .find(|&p| out[p].speaker.is_some() && out[p].kind == QuoteKind::Direct)
}

/// The speaker's name and the span of the mention the attribution rests on.
fn name_speaker(
    ctx: &Ctx,
    quoted: &[Span],
    np: &Np,
    last_named: &Option<String>,
) -> (String, Span) {
    let span = attribution::span_of(ctx, np.start, np.end);
    let head = attribution::span_of(ctx, np.head_start, np.head_end);
    if np.pronoun {
        let w = ctx.slice(span);
        if !ctx.entities.is_empty() {
            if let Some(e) = resolve_pronoun(ctx, quoted, w, span) {
                return (e.canonical.clone(), span);
            }
            return (w.to_owned(), span);
        }
        // Without entities: the last speaker named before, for he/she.
        let personal = matches!(w.to_ascii_lowercase().as_str(), "he" | "she");
        if personal {
            if let Some(n) = last_named {
                return (n.clone(), span);
            }
        }
        return (w.to_owned(), span);
    }
    // An entity mention inside the phrase names it (a person first, then an organisation).
    let best = ctx
        .entities
        .iter()
        .filter(|e| e.span.overlaps(&span))
        .min_by_key(|e| (e.label != Label::Per, !e.span.overlaps(&head), e.span.start));
    if let Some(e) = best {
        return (e.canonical.clone(), span);
    }
    (ctx.slice(head).to_owned(), span)
}

/// The entity a pronoun refers to: a compatible mention before it (a person for he/she/I, an
/// organisation for it, an organisation or else a person for they/we), outside quotations.
/// Among the mentions of the last few sentences, one that opens its sentence (a subject) wins
/// over a more recent one inside the sentence ("Roe attacked Doe. “…,” he said.");
/// otherwise the most recent.
pub(crate) fn resolve_pronoun<'e>(
    ctx: &Ctx<'e>,
    quoted: &[Span],
    pronoun: &str,
    at: Span,
) -> Option<&'e Entity> {
    let p = pronoun.to_ascii_lowercase();
    let labels: &[Label] = match p.as_str() {
        "he" | "she" | "i" => &[Label::Per],
        "it" => &[Label::Org],
        _ => &[Label::Org, Label::Per],
    };
    let at_tok = ctx.tokens.partition_point(|t| t.start < at.start);
    let at_sent = ctx.sent_of.get(at_tok).copied().unwrap_or(0) as usize;
    for &label in labels {
        let mut cands: Vec<&Entity> = ctx
            .entities
            .iter()
            .filter(|e| e.label == label && e.span.end <= at.start)
            .filter(|e| !quoted.iter().any(|q| q.contains(&e.span)))
            .collect();
        if cands.is_empty() {
            continue;
        }
        cands.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        let subject = cands.iter().take(8).find(|e| {
            let t = ctx.tokens.partition_point(|x| x.start < e.span.start);
            let Some(&sent) = ctx.sent_of.get(t) else {
                return false;
            };
            let first = ctx.sentences[sent as usize].tokens.start;
            at_sent.saturating_sub(sent as usize) <= 3
                && (t == first
                    || (t > first && ctx.tok(t - 1) == ",")
                    || (t - first <= 3
                        && (first..t).all(|i| ctx.tok(i).starts_with(char::is_uppercase))))
        });
        return Some(subject.copied().unwrap_or(cands[0]));
    }
    None
}
