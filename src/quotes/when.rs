//! When each quotation was said: a date in its attribution's sentence ("he said Thursday"), else
//! the day the narrative stands at, else its section's date, else the document date.
//! Must never resolve a date itself: it reads the values the temporal layer wrote
//! (`Document::dates`, `Document::story`, `Document::sections`).

use chrono::{Duration, NaiveDate};

use crate::types::{Document, Quote, QuoteDateSource, Section, SectionDateSource, Span, TimexType};

/// How many sentences back the narrative's day still dates a quotation.
const STORY_SENTENCES: usize = 8;

/// The longest interval a date of the attribution may span to say when words were said (a
/// month: "he said in May"; not "the 2016 election").
const SAID_DAYS: i64 = 31;

/// How far (bytes) from the cue or the speaker a date of the attribution may stand ("told
/// reporters at a rally on Monday").
const SAID_REACH: usize = 40;

/// Fills `date`, `date_start`, `date_end` and `date_source` of the quotations of `doc`
/// (`quotes` in text order).
pub(crate) fn date_quotes(doc: &Document, quotes: &mut [Quote]) {
    if quotes.is_empty() || doc.sentences.is_empty() {
        return;
    }
    let contents: Vec<Span> = quotes.iter().map(|q| q.span).collect();
    for q in quotes.iter_mut() {
        let section = doc.section_at(q.span.start);
        // Words are said on or before the day they are reported.
        let reported = section.and_then(|s| s.date).or(doc.date);
        let stated = section
            .filter(|s| s.date_source == SectionDateSource::Stated)
            .and_then(|s| s.date);
        // The narrative at its section's own date (its date line) is the section's date.
        let story = story(doc, q, section, reported).map(|d| match stated {
            Some(s) if s == d => (d, d, QuoteDateSource::Section),
            _ => (d, d, QuoteDateSource::Story),
        });
        let when = said(doc, q, &contents, reported)
            .map(|(a, b)| (a, b, QuoteDateSource::Said))
            .or(story)
            .or_else(|| stated.map(|d| (d, d, QuoteDateSource::Section)))
            .or_else(|| doc.date.map(|d| (d, d, QuoteDateSource::Document)));
        if let Some((start, end, source)) = when {
            q.date = (start == end).then_some(start);
            q.date_start = Some(start);
            q.date_end = Some(end);
            q.date_source = Some(source);
        }
    }
}

/// The days `[first, last]` a date in the quotation's attribution names: in the sentence of
/// its cue, outside every quotation, next to the cue or the speaker ("said Thursday", "On
/// October 3, 2016, he wrote"), the nearest; only calendar dates of at most a month, not after
/// the day it was reported.
fn said(
    doc: &Document,
    q: &Quote,
    contents: &[Span],
    reported: Option<NaiveDate>,
) -> Option<(NaiveDate, NaiveDate)> {
    let cue = q.cue_span?;
    let sent = doc.sentences[doc.sentence_at(cue.start)?].span;
    let gap = |a: Span, b: Span| {
        if a.end <= b.start {
            b.start - a.end
        } else {
            a.start.saturating_sub(b.end)
        }
    };
    let first = doc.dates.partition_point(|t| t.span.start < sent.start);
    doc.dates[first..]
        .iter()
        .take_while(|t| t.span.end <= sent.end)
        .filter(|t| matches!(t.ttype, TimexType::Date | TimexType::Time))
        .filter(|t| !inside_any(contents, t.span))
        .filter_map(|t| {
            let (b, e) = t.interval?;
            let (first, last) = (b.date(), (e - Duration::seconds(1)).date());
            let short = (last - first).num_days() < SAID_DAYS;
            let before = reported.is_none_or(|r| first <= r);
            let dist = q
                .speaker_span
                .map_or(usize::MAX, |s| gap(t.span, s))
                .min(gap(t.span, cue));
            (short && before && dist <= SAID_REACH).then_some((dist, first, last))
        })
        .min_by_key(|&(dist, ..)| dist)
        .map(|(_, a, b)| (a, b))
}

/// Is `span` inside one of the quotation contents (sorted by start)?
fn inside_any(contents: &[Span], span: Span) -> bool {
    let k = contents.partition_point(|c| c.start <= span.start);
    contents[..k]
        .iter()
        .rev()
        .take(4)
        .any(|c| c.contains(&span))
}

/// The day the narrative stands at where the quotation opens: the last day the writer's words
/// set before it, in its section, within a few sentences, not after the day it was reported.
fn story(
    doc: &Document,
    q: &Quote,
    section: Option<&Section>,
    reported: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let k = doc.story.partition_point(|p| p.at <= q.span.start);
    let p = doc.story[..k].last()?;
    if section.is_some_and(|s| p.at < s.span.start) {
        return None;
    }
    let near = doc
        .sentence_at(q.span.start)?
        .saturating_sub(doc.sentence_at(p.at.saturating_sub(1))?)
        <= STORY_SENTENCES;
    (near && reported.is_none_or(|r| p.day <= r)).then_some(p.day)
}
