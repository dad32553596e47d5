//! Dates and times (TimeML TIMEX3): a rule-based tagger over the tokens of the text layer.
//! Never changes the text, tokens or other layers, and never writes a year outside 1..=9999.
//!
//! Layout: `scan` reads tokens and triggers, `tense` the tense around a token, `grammar/`
//! the phrases (dates, durations, "the ..." phrases, relative and fixed words, references to
//! the present, past and future), `anchor` holds the story's time (document date, narrative
//! year, day and quarter of reference, the date of the section or quotation being read),
//! `sections` finds the dated pieces of a compilation, `markup` the tags pasted into a text
//! (an embedded tweet and its date), `value` types TIMEX3 values and writes them once, `lex`
//! holds the word lists.
//!
//! The story's time is kept apart from the document date: a retrospective (month-dated events,
//! every written year before the document's) keeps its own year for bare dates; a quotation
//! whose sentence says when it was said or sent ("On October 3, 2016, he wrote: “...today”")
//! counts from that day until it closes; each section of a compilation with a date line of its
//! own counts from it ([`sections`] lists them).
//!
//! Candidates start only at trigger tokens (month and weekday names, numbers, time words,
//! relative words such as "last" or "the"; each token is classified once per document), so
//! the grammar walks only a few places per sentence. Values are resolved against the document
//! date, the discourse (the year of the most recent explicit date within 15 sentences, the most
//! recent day mentioned, the quarter being reported) and the tense of the sentence.
//!
//! API: [`TemporalExtractor`] (the [`Extractor`] the pipeline runs: fills `Document::dates`,
//! and `Document::date` with [`DateSource::Inferred`] when none was given and the text states
//! one), [`tag`] (tag a prepared document without touching its date), [`infer_date`] and
//! [`interval`] (the `[begin, end)` a TIMEX3 value denotes).
//!
//! Conventions (TempEval-3): spans carry no preposition; "the" belongs to "the third quarter"
//! and "the past two months" but not to "the third-quarter loss"; "early/late/mid" are in the
//! span and set `mod` START/END/MID; "nearly/more than/at least" are in the span, "about/over"
//! are not (they still set `mod`). A bare weekday in a past-tense sentence is the latest such
//! day on or before the document date, in a future-tense one the next on or after it; "last
//! Friday" / "next Friday" never mean the document date itself; "until Tuesday" inside a clause
//! is a deadline ahead; "the previous Friday" counts from the day the story is at. The year of
//! a bare date is the year of the last day the story was placed on (an explicit date, or a day
//! counted from the document date such as "Friday"), never putting a past event after the
//! document date. Ages ("52 years old") are not durations; "n and a half" units carry the half
//! ("P2Y6M"). Unresolvable values keep their unknown parts: `XXXX-10-12`, `XXXX-WXX-1`.

mod anchor;
mod grammar;
mod lex;
mod markup;
mod scan;
mod sections;
mod tense;
mod value;

use chrono::{Datelike, NaiveDate};

use crate::error::Result;
use crate::layer::Extractor;
use crate::text::TokenKind;
use crate::types::{DateSource, Document, StoryPoint, Timex, TimexType};

pub use crate::types::{Section, SectionDateSource};
use anchor::{Anchor, Found, Story};
use grammar::Hit;
use markup::TagKind;
use scan::Scan;
pub use value::interval;
use value::Value;

/// The temporal layer: fills `Document::dates`, and `Document::date` (as
/// [`DateSource::Inferred`]) when no date was given and the text states one.
#[derive(Debug, Clone)]
pub struct TemporalExtractor {
    /// Read the document date from the text ("posted November 13, 2017", a dateline) when
    /// none was given. On by default.
    pub infer_date: bool,
}

impl Default for TemporalExtractor {
    fn default() -> Self {
        TemporalExtractor { infer_date: true }
    }
}

impl Extractor for TemporalExtractor {
    fn name(&self) -> &'static str {
        "dates"
    }
    fn extract(&self, doc: &mut Document) -> Result<()> {
        // One tagger reads the document for both its date and its dates.
        let mut t = Tagger::new(doc, doc.date);
        let inferred = if doc.date.is_none() && self.infer_date {
            t.infer_date()
        } else {
            None
        };
        if inferred.is_some() {
            t.story = Story::new(inferred);
        }
        t.run();
        let (dates, sections, story) = (t.out, t.sections_found, t.points);
        if inferred.is_some() {
            doc.date = inferred;
            doc.date_source = Some(DateSource::Inferred);
        }
        doc.dates = dates;
        doc.sections = sections;
        doc.story = story;
        Ok(())
    }
}

/// Tags a prepared document (tokens and sentences) against its `date`, without changing it.
pub fn tag(doc: &Document) -> Vec<Timex> {
    tag_in_sections(doc).0
}

/// Like [`tag`], and also the sections of a compilation the document was read in (empty for
/// a single piece).
pub fn tag_in_sections(doc: &Document) -> (Vec<Timex>, Vec<Section>) {
    let (dates, sections, _) = tag_story(doc);
    (dates, sections)
}

/// Like [`tag_in_sections`], and also where the narrative stands through the text: a
/// [`StoryPoint`] each time the day the writer's own words set changes.
pub fn tag_story(doc: &Document) -> (Vec<Timex>, Vec<Section>, Vec<StoryPoint>) {
    let mut t = Tagger::new(doc, doc.date);
    t.run();
    (t.out, t.sections_found, t.points)
}

/// The sections of a compilation of dated pieces (date lines, datelines, source tags such as
/// "[Reuters]" closing a piece), each with the date its relative dates count from; empty when
/// the document is a single piece.
pub fn sections(doc: &Document) -> Vec<Section> {
    let mut t = Tagger::new(doc, doc.date);
    t.scan.lim = doc.tokens.len();
    t.sections()
}

/// Reads a document date from the start of the text: a full date after "posted", "published",
/// "updated" or "dated", or a dateline (a full date opening one of the first paragraphs).
pub fn infer_date(doc: &Document) -> Option<NaiveDate> {
    Tagger::new(doc, None).infer_date()
}

/// Reads a document sentence by sentence: the grammar finds each expression from the tokens
/// ([`Scan`]) and the story's time ([`Story`]), and the tagger records it in both.
struct Tagger<'a> {
    scan: Scan<'a>,
    story: Story,
    out: Vec<Timex>,
    sentences: Vec<(usize, usize)>,
    paragraphs: &'a [crate::types::Span],
    /// The days found in the sentence being read: (end token, anchor).
    sent_days: Vec<(usize, NaiveDate)>,
    /// The sections `run` read the document in (empty for a single piece).
    sections_found: Vec<Section>,
    /// Inside quotation marks: the dates found are the speaker's, not the narrative's.
    quoted: bool,
    /// Where the narrative's day moved (outside quotations), in reading order.
    points: Vec<StoryPoint>,
    /// Markup tags pasted into the text (embedded tweets), in order.
    tags: Vec<markup::Tag>,
}

/// The grammar reads tokens through the tagger.
impl<'a> std::ops::Deref for Tagger<'a> {
    type Target = Scan<'a>;
    fn deref(&self) -> &Scan<'a> {
        &self.scan
    }
}

impl<'a> Tagger<'a> {
    fn new(doc: &'a Document, dct: Option<NaiveDate>) -> Self {
        let sentences = if doc.sentences.is_empty() {
            vec![(0, doc.tokens.len())]
        } else {
            doc.sentences
                .iter()
                .map(|s| (s.tokens.start, s.tokens.end))
                .collect()
        };
        Tagger {
            scan: Scan::new(doc),
            story: Story::new(dct),
            out: Vec::new(),
            sentences,
            paragraphs: &doc.paragraphs,
            sent_days: Vec::new(),
            sections_found: Vec::new(),
            quoted: false,
            points: Vec::new(),
            tags: markup::tags(&doc.text),
        }
    }

    fn run(&mut self) {
        let sentences = std::mem::take(&mut self.sentences);
        self.scan.lim = self.toks.len();
        let retro = self.retrospective_year();
        self.story.set_story_year(retro);
        let mut sections = self.sections();
        if sections
            .iter()
            .all(|x| x.date_source == SectionDateSource::Document)
        {
            sections.clear();
        }
        self.sections_found = sections.clone();
        // A single piece whose dateline gives another day than the document date counts
        // from the dateline's day.
        if sections.is_empty() {
            if let Some(d) = self.dateline_date() {
                self.story.enter_section(Some(d));
            }
        }
        let mut next_section = 0;
        let mut para = 0;
        let mut tag = 0;
        // Inside quotation marks (straight quotes toggle).
        self.quoted = false;
        for (k, &(s, e)) in sentences.iter().enumerate() {
            self.story.enter_sentence(k);
            self.scan.sent_start = s;
            self.scan.lim = e;
            self.sent_days.clear();
            let mut i = s;
            while i < e {
                let at = self.toks[i].start;
                while next_section < sections.len() && sections[next_section].span.start <= at {
                    self.story.enter_section(sections[next_section].date);
                    next_section += 1;
                    self.quoted = false;
                }
                // A new paragraph closes any quotation left open.
                let mut new_para = false;
                while para < self.paragraphs.len() && self.paragraphs[para].start <= at {
                    para += 1;
                    new_para = true;
                }
                if new_para {
                    self.quoted = false;
                    self.story.leave_quote();
                }
                // Markup is not prose; an embedded tweet counts from the day it was sent.
                while tag < self.tags.len() && self.tags[tag].end <= at {
                    tag += 1;
                }
                if let Some(t) = self.tags.get(tag).filter(|t| t.start <= at) {
                    // Act once, at the tag's last token.
                    let last = self.toks.get(i + 1).is_none_or(|n| n.start >= t.end);
                    match t.kind {
                        TagKind::TweetOpen(Some(d)) if last => {
                            self.story.enter_quote(d);
                            self.quoted = true;
                        }
                        TagKind::TweetClose if last => {
                            // The story reads on from the day the tweet was sent.
                            let sent = self.story.dct().filter(|_| self.quoted);
                            self.story.leave_quote();
                            self.quoted = false;
                            if let Some(d) = sent {
                                self.story.record(Found::day(d));
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                    continue;
                }
                // Most tokens neither start an expression nor mark a quotation.
                if self.inert(i) {
                    i += 1;
                    continue;
                }
                if let Some(open) = quote_mark(self.w(i), self.quoted) {
                    self.quoted = open;
                    if open {
                        if let Some(d) = self.said_on(i) {
                            self.story.enter_quote(d);
                        }
                    } else {
                        self.story.leave_quote();
                    }
                    i += 1;
                    continue;
                }
                if !self.trigger(i) {
                    i += 1;
                    continue;
                }
                if let Some((a, b)) = self.range_in_token(i) {
                    let end = a.end.max(b.end);
                    self.push(a);
                    self.push(b);
                    i = end;
                    continue;
                }
                match self.at(i) {
                    Some(h) => {
                        let mut end = h.end;
                        let to = self.range_end(&h);
                        self.push(h);
                        if let Some(t) = to {
                            end = t.end;
                            self.push(t);
                        }
                        i = end.max(i + 1);
                    }
                    None => i += 1,
                }
            }
        }
    }

    fn push(&mut self, h: Hit) {
        // A date used as a modifier ("the Dec. 21, 1988, bombing", "the August 1988
        // cease-fire") names an event aside; it does not move the narrative.
        let attributive = matches!(self.prev(h.start), "the" | "a" | "an" | "'s" | "’s") && {
            let k = if self.w(h.end) == "," {
                h.end + 1
            } else {
                h.end
            };
            self.kind(k) == Some(TokenKind::Word)
                && !self.cap(k)
                && !matches!(self.w(k), "and" | "or" | "when" | "to" | "in" | "at" | "of")
        };
        // A year written as a number: "in 1990", "fiscal 1990".
        let number_year = match h.value {
            Value::Year(y) if self.kind(h.end - 1) == Some(TokenKind::Number) => Some(y),
            _ => None,
        };
        if let Anchor::Day(d, _) = h.anchor {
            self.sent_days.push((h.end, d));
        }
        self.story.record(Found {
            anchor: h.anchor,
            attributive,
            number_year,
            quarter: matches!(h.value, Value::Quarter(..)),
            month: match h.value {
                Value::Month(Some(y), m) if h.ttype == TimexType::Date => Some((y, m)),
                _ => None,
            },
        });
        let span = match h.bytes {
            Some((a, b)) => crate::types::Span::new(a, b),
            None => crate::types::Span::new(self.toks[h.start].start, self.toks[h.end - 1].end),
        };
        // The narrative moves to a day its own words set (not a date aside, not a quotation's).
        if let (Anchor::Day(day, _), false, false) = (h.anchor, attributive, self.quoted) {
            self.points.push(StoryPoint { at: span.end, day });
        }
        let interval = match h.ttype {
            TimexType::Date | TimexType::Time => h.value.interval(),
            _ => None,
        };
        self.out.push(Timex {
            span,
            ttype: h.ttype,
            value: h.value.to_string(),
            modifier: h.modifier.map(str::to_owned),
            interval,
        });
    }
}

impl Tagger<'_> {
    /// The document date the start of the text states ([`infer_date`]), read with the
    /// tagger's document date unset.
    fn infer_date(&mut self) -> Option<NaiveDate> {
        let (text, toks) = (self.text, self.toks);
        let limit = self.paragraphs.get(4).map_or(text.len(), |p| p.start);
        let limit = limit.min(2000);
        self.scan.lim = toks.len();
        let mut i = 0;
        while i < toks.len() && toks[i].start < limit {
            if let Some(h) = self.at(i) {
                if let Anchor::Day(d, true) = h.anchor {
                    let cue = (i.saturating_sub(6)..i).any(|k| {
                        matches!(
                            self.w(k),
                            "posted" | "published" | "updated" | "dated" | "modified"
                        )
                    });
                    let para_start = self.paragraphs.iter().any(|p| {
                        p.start <= toks[h.start].start
                            && text[p.start..toks[h.start].start]
                                .chars()
                                .all(|c| !c.is_alphanumeric() || c.is_uppercase() || c == ' ')
                            && toks[h.start].start - p.start < 40
                    });
                    if cue || para_start {
                        return Some(d);
                    }
                }
                i = h.end.max(i + 1);
            } else {
                i += 1;
            }
        }
        None
    }
}

/// Is `w` a quotation mark, and does it open (true) or close (false) a quotation? Straight
/// quotes open when no quotation is open.
fn quote_mark(w: &str, quoted: bool) -> Option<bool> {
    match w {
        "``" | "“" => Some(true),
        "''" | "”" => Some(false),
        "\"" => Some(!quoted),
        _ => None,
    }
}

/// Words that say a quotation was said or sent: "he wrote:", "she said on", "in an email".
fn is_speech(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "wrote"
            | "writes"
            | "tweeted"
            | "posted"
            | "stated"
            | "told"
            | "added"
            | "emailed"
            | "e-mailed"
            | "texted"
            | "messaged"
            | "declared"
            | "replied"
            | "responded"
            | "email"
            | "e-mail"
            | "message"
            | "letter"
            | "memo"
            | "tweet"
            | "statement"
    )
}

impl Tagger<'_> {
    /// The day the quotation opening at token `i` was said or sent, where its sentence says
    /// so with a full date and a verb of saying or writing, before the quotation ("On
    /// October 3, 2016, he wrote: “...”") or after it ("“...,” he wrote on October 3, 2016.").
    fn said_on(&self, i: usize) -> Option<NaiveDate> {
        let before = self
            .sent_days
            .iter()
            .rev()
            .find(|&&(end, _)| end <= i)
            .filter(|_| (self.sent_start..i).any(|k| is_speech(self.w(k))))
            .map(|&(_, d)| d);
        if before.is_some() {
            return before;
        }
        let close = (i + 1..self.lim).find(|&k| quote_mark(self.w(k), true) == Some(false))?;
        let end = (close + 1..self.lim)
            .find(|&k| quote_mark(self.w(k), false) == Some(true))
            .unwrap_or(self.lim);
        if !(close + 1..end).any(|k| is_speech(self.w(k))) {
            return None;
        }
        (close + 1..end).find_map(|k| match self.at(k)?.anchor {
            Anchor::Day(d, _) => Some(d),
            _ => None,
        })
    }

    /// A range written as one token, two timexes (rule 26 of the news set): "from 2009-2013"
    /// is 2009 and 2013; "March 17-20" is March 17 and the 20th. `i` is the range token or the
    /// month before it.
    fn range_in_token(&self, i: usize) -> Option<(Hit, Hit)> {
        let month = lex::month(self.w(i)).filter(|_| self.cap(i));
        let k = if month.is_some() { i + 1 } else { i };
        if let Some(m) = month.filter(|_| k < self.lim) {
            if let Some(pair) = self.cross_month_range(i, m) {
                return Some(pair);
            }
        }
        if k >= self.lim || self.kind(k) != Some(TokenKind::Number) {
            return None;
        }
        let t = self.toks[k];
        let w = &self.text[t.start..t.end];
        let (a, b) = w.split_once(['-', '–'])?;
        let (x, y): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
        let first = (t.start, t.start + a.len());
        let second = (t.end - b.len(), t.end);
        let (ha, hb) = match month {
            Some(m) if a.len() <= 2 && b.len() <= 2 && x < y && y <= 31 => {
                let (v, anchor) = self.month_day(m, x, i);
                let d = v.as_date()?;
                let to = NaiveDate::from_ymd_opt(d.year(), m, y)?;
                let mut ha = Hit::date(i, k + 1, v).anchor(anchor);
                ha.bytes = Some((self.toks[i].start, first.1));
                (ha, Hit::date(k, k + 1, Value::day(to)))
            }
            None if a.len() == 4 && b.len() == 4 && x < y => {
                let (ya, yb) = (scan::year_of(a)?, scan::year_of(b)?);
                let mut ha = Hit::date(k, k + 1, Value::year(ya));
                ha.bytes = Some(first);
                (ha, Hit::date(k, k + 1, Value::year(yb)))
            }
            _ => return None,
        };
        let mut hb = hb;
        hb.bytes = Some(second);
        Some((ha, hb))
    }

    /// A range across two months whose dash joins the first day to the second month in one
    /// token: "March 30-April 4" is March 30 and April 4 (of the next year after December).
    fn cross_month_range(&self, i: usize, m: u32) -> Option<(Hit, Hit)> {
        let t = self.toks[i + 1];
        let (a, b) = self.text[t.start..t.end].split_once(['-', '–'])?;
        let x: u32 = a.parse().ok().filter(|_| a.len() <= 2)?;
        let m2 = lex::month(&b.to_lowercase()).filter(|_| b.starts_with(char::is_uppercase))?;
        let y: u32 = self
            .w(i + 2)
            .parse()
            .ok()
            .filter(|&y| (1..=31).contains(&y))?;
        let (v, anchor) = self.month_day(m, x, i);
        let d = v.as_date()?;
        let to = NaiveDate::from_ymd_opt(d.year() + i32::from(m2 < m), m2, y)?;
        let mut ha = Hit::date(i, i + 2, v).anchor(anchor);
        ha.bytes = Some((self.toks[i].start, t.start + a.len()));
        let mut hb = Hit::date(i + 1, i + 3, Value::day(to));
        hb.bytes = Some((t.end - b.len(), self.toks[i + 2].end));
        Some((ha, hb))
    }

    /// The second day of a range written with one month: the "22" of "Sept. 19 to 22" is
    /// September 22 (a timex of its own, as the first day is).
    fn range_end(&self, h: &Hit) -> Option<Hit> {
        let d = h.value.as_date()?;
        if self.kind(h.end - 1) != Some(TokenKind::Number) || self.w(h.end - 1).len() > 2 {
            return None;
        }
        let e = h.end;
        // "April 24 and 25" (a day ending the clause), "Sept. 19 to 22".
        let and = self.w(e) == "and"
            && (self.kind(e + 2) != Some(TokenKind::Word)
                || matches!(self.w(e + 2), "in" | "at" | "of" | "for"));
        if !(matches!(self.w(e), "to" | "through" | "-" | "–") || and) {
            return None;
        }
        let n: u32 = self
            .w(e + 1)
            .parse()
            .ok()
            .filter(|_| self.w(e + 1).len() <= 2)?;
        let after = self.w(e + 2);
        if n <= d.day()
            || lex::unit(after).is_some()
            || lex::month(after).is_some()
            || matches!(
                after,
                "%" | "percent" | "a.m." | "p.m." | "am" | "pm" | ":" | "."
            ) && self.kind(e + 3) == Some(TokenKind::Number)
            || matches!(after, "%" | "percent" | "a.m." | "p.m.")
        {
            return None;
        }
        let to = NaiveDate::from_ymd_opt(d.year(), d.month(), n)?;
        Some(Hit::date(e + 1, e + 2, Value::day(to)))
    }

    /// The year a retrospective is set in: when the document date is known, the text dates
    /// at least two events to the month ("May 2015", "October 3, 2016") before the document's
    /// year, three times as many as the years it writes in the document's year ("In March
    /// 2017, the inquiry began" in a 2017 piece about 2016), and writes no later year (a plan
    /// ahead ties the story to now): the latest of the earlier years.
    fn retrospective_year(&self) -> Option<i32> {
        let dct = self.story.dct()?;
        let n = self.toks.len();
        let is_year = |k: usize| {
            (self.kind(k) == Some(TokenKind::Number))
                .then(|| scan::year_of(self.w(k)))
                .flatten()
                .filter(|&y| y >= 1900)
        };
        let mut dated = Vec::new();
        let mut now = 0;
        // (a year is a number, a month name a trigger word)
        for k in (0..n).filter(|&k| self.may_start(k)) {
            if let Some(y) = is_year(k) {
                if y > dct.year() {
                    return None;
                }
                now += usize::from(y == dct.year());
            }
            if lex::month(self.w(k)).is_some() && self.cap(k) {
                if let Some(y) = (k + 1..(k + 4).min(n)).find_map(is_year) {
                    if y < dct.year() {
                        dated.push(y);
                    }
                }
            }
        }
        if dated.len() < 2 || dated.len() < 3 * now {
            return None;
        }
        dated.into_iter().max()
    }
}
