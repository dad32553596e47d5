//! The result types of an analysis. All offsets are byte offsets into `Document::text`;
//! the Python bindings convert them to code-point offsets.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::error::Error;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// What a token is; extractors use it to skip work (the temporal tagger only looks at some kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum TokenKind {
    /// Letters, possibly with digits, hyphens, internal apostrophes or periods ("U.S.", "Jr.", "anti-Trump").
    Word,
    /// Starts with a digit: "2016", "12:30", "1,000", "1990s", "21st", "2016-09-20".
    Number,
    /// A quotation mark, straight or curly, single or double (also a possible apostrophe: "voters’").
    Quote,
    /// "—", "–", "--", or a lone "-".
    Dash,
    /// "..." or "…".
    Ellipsis,
    /// . , ; : ! ? ( ) [ ] { } /
    Punct,
    Url,
    Email,
    /// @handle
    Handle,
    /// #hashtag
    Hashtag,
    /// Anything else: $, %, &, emoji...
    Symbol,
}

/// A token: a byte range into the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A sentence: its byte span, the range of its tokens in `Document::tokens`, and its paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub span: Span,
    pub tokens: std::ops::Range<usize>,
    pub paragraph: usize,
}

/// Entity labels, following the CoNLL-2003 guidelines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Label {
    #[serde(rename = "PER")]
    Per,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "MISC")]
    Misc,
}

impl Label {
    pub const ALL: [Label; 4] = [Label::Per, Label::Org, Label::Loc, Label::Misc];
    pub fn as_str(&self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
        }
    }
    pub fn parse(s: &str) -> Option<Label> {
        match s {
            "PER" => Some(Label::Per),
            "ORG" => Some(Label::Org),
            "LOC" => Some(Label::Loc),
            "MISC" => Some(Label::Misc),
            _ => None,
        }
    }
}

/// A named-entity mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    pub span: Span,
    pub label: Label,
    /// Index of the mention's entity group within the document (mentions of one entity share it).
    pub group: usize,
    /// The canonical name of the group (its most complete mention).
    pub canonical: String,
}

/// TimeML TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum TimexType {
    #[serde(rename = "DATE")]
    Date,
    #[serde(rename = "TIME")]
    Time,
    #[serde(rename = "DURATION")]
    Duration,
    #[serde(rename = "SET")]
    Set,
}

impl TimexType {
    pub fn as_str(&self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A temporal expression with its normalised TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timex {
    pub span: Span,
    pub ttype: TimexType,
    /// TIMEX3 value such as `2016-09-20`, `2016-W38`, `PT12H`, `PRESENT_REF` or `XXXX-10-12`.
    pub value: String,
    /// TIMEX3 `mod`: APPROX, LESS_THAN, MORE_THAN, START, MID, END, ...
    pub modifier: Option<String>,
    /// The interval the value denotes, when it denotes one on the calendar: `[begin, end)`.
    pub interval: Option<(NaiveDateTime, NaiveDateTime)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum QuoteKind {
    #[serde(rename = "direct")]
    Direct,
    #[serde(rename = "partial")]
    Partial,
}

impl QuoteKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
        }
    }
}

/// A quotation: its content (without the quotation marks) and its attribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    pub span: Span,
    pub kind: QuoteKind,
    /// The resolved speaker name (an entity group's canonical name, or the noun phrase), if any.
    pub speaker: Option<String>,
    /// The mention the attribution rests on (may be a pronoun).
    pub speaker_span: Option<Span>,
    /// The cue word(s) such as "said" or "according to".
    pub cue: Option<String>,
    pub cue_span: Option<Span>,
    /// Quotes that are pieces of one quotation (interrupted or over several paragraphs) share it.
    pub group: usize,
    /// When it was said: the day, if known to the day.
    pub date: Option<NaiveDate>,
    /// When it was said, as an interval of days `[date_start, date_end]` (both inclusive); equal
    /// to `date` when that is known.
    pub date_start: Option<NaiveDate>,
    pub date_end: Option<NaiveDate>,
    /// Where the quote's date comes from.
    pub date_source: Option<QuoteDateSource>,
}

/// Where a quote's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum QuoteDateSource {
    /// A date in the quote's sentence or attribution ("he said Thursday").
    #[serde(rename = "said")]
    Said,
    /// The date of the section of a compilation the quote sits in.
    #[serde(rename = "section")]
    Section,
    /// The story's reference time where the quote is read (the last date the narrative set).
    #[serde(rename = "story")]
    Story,
    /// The document date.
    #[serde(rename = "document")]
    Document,
}

impl QuoteDateSource {
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteDateSource::Said => "said",
            QuoteDateSource::Section => "section",
            QuoteDateSource::Story => "story",
            QuoteDateSource::Document => "document",
        }
    }
}

/// Where a section's reference date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SectionDateSource {
    /// A date line or dateline opening the section.
    #[serde(rename = "stated")]
    Stated,
    /// The section states none: the document date.
    #[serde(rename = "document")]
    Document,
}

impl SectionDateSource {
    pub fn as_str(&self) -> &'static str {
        match self {
            SectionDateSource::Stated => "stated",
            SectionDateSource::Document => "document",
        }
    }
}

/// One piece of a compilation of dated pieces (a file that glues several dated reports): its
/// text, and the date its relative expressions count from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub span: Span,
    pub date: Option<NaiveDate>,
    pub date_source: SectionDateSource,
}

/// A point where the story moves: from byte `at` of the text on, the narrative is at `day`
/// (the last day its own words set, outside quotations), until the next point. The temporal
/// layer records one each time the narrative's day changes; quotes read it to date what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StoryPoint {
    pub at: usize,
    pub day: NaiveDate,
}

/// Where the document date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DateSource {
    /// Given by the caller.
    #[serde(rename = "given")]
    Given,
    /// Read from the text ("posted November 13, 2017").
    #[serde(rename = "inferred")]
    Inferred,
}

/// The analysis of one text.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Document {
    pub text: String,
    /// The document (reference) date, if given or inferred.
    pub date: Option<NaiveDate>,
    pub date_source: Option<DateSource>,
    #[serde(skip)]
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Span>,
    pub entities: Vec<Entity>,
    pub dates: Vec<Timex>,
    pub quotes: Vec<Quote>,
    /// The dated pieces of a compilation; empty when the document is a single piece.
    pub sections: Vec<Section>,
    /// Where the narrative stands through the text (see [`StoryPoint`]), in text order.
    #[serde(skip)]
    pub story: Vec<StoryPoint>,
    /// Set when analysing this document failed; the layers hold what was found before the failure.
    #[serde(serialize_with = "ser_error")]
    pub error: Option<Error>,
}

fn ser_error<S: serde::Serializer>(
    e: &Option<Error>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match e {
        Some(e) => s.serialize_some(&e.to_string()),
        None => s.serialize_none(),
    }
}

impl Document {
    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The index of the sentence that contains byte offset `pos` (the last one if past the end).
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        if self.sentences.is_empty() {
            return None;
        }
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        Some(i.min(self.sentences.len() - 1))
    }

    /// The section of a compilation that contains byte offset `pos`, if any (sections are
    /// sorted and do not overlap).
    pub fn section_at(&self, pos: usize) -> Option<&Section> {
        let k = self.sections.partition_point(|s| s.span.start <= pos);
        k.checked_sub(1)
            .map(|k| &self.sections[k])
            .filter(|s| pos < s.span.end)
    }
}
