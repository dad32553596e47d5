//! Dates and times (TimeML TIMEX3): a rule-based tagger over the tokens of the text layer.
//!
//! Candidates start only at trigger tokens (month and weekday names, numbers, time words,
//! relative words such as "last" or "the"; one hash lookup per token), so the grammar walks
//! only a few places per sentence. Values are resolved against the document date, the
//! discourse (the year of the most recent explicit date within 15 sentences, the most recent
//! day mentioned, the quarter being reported) and the tense of the sentence.
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

mod lex;
mod value;

use chrono::{Datelike, Duration, NaiveDate};

use crate::error::Result;
use crate::layer::Extractor;
use crate::text::{Token, TokenKind};
use crate::types::{DateSource, Document, Timex, TimexType};

use lex::Unit;
pub use value::interval;

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
        if doc.date.is_none() && self.infer_date {
            if let Some(d) = infer_date(doc) {
                doc.date = Some(d);
                doc.date_source = Some(DateSource::Inferred);
            }
        }
        doc.dates = tag(doc);
        Ok(())
    }
}

/// Tags a prepared document (tokens and sentences) against its `date`, without changing it.
pub fn tag(doc: &Document) -> Vec<Timex> {
    let mut t = Tagger::new(doc, doc.date);
    t.run();
    t.out
}

/// Reads a document date from the start of the text: a full date after "posted", "published",
/// "updated" or "dated", or a dateline (a full date opening one of the first paragraphs).
pub fn infer_date(doc: &Document) -> Option<NaiveDate> {
    let mut t = Tagger::new(doc, None);
    let toks = &doc.tokens;
    let limit = doc.paragraphs.get(4).map_or(doc.text.len(), |p| p.start);
    let limit = limit.min(2000);
    t.lim = toks.len();
    let mut i = 0;
    while i < toks.len() && toks[i].start < limit {
        if let Some(h) = t.at(i) {
            if let Anchor::Day(d, true) = h.anchor {
                let cue = (i.saturating_sub(6)..i).any(|k| {
                    matches!(
                        t.w(k),
                        "posted" | "published" | "updated" | "dated" | "modified"
                    )
                });
                let para_start = doc.paragraphs.iter().any(|p| {
                    p.start <= toks[h.s].start
                        && doc.text[p.start..toks[h.s].start]
                            .chars()
                            .all(|c| !c.is_alphanumeric() || c.is_uppercase() || c == ' ')
                        && toks[h.s].start - p.start < 40
                });
                if cue || para_start {
                    return Some(d);
                }
            }
            i = h.e.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// How many sentences an explicit year stays the year of bare dates ("On October 12").
const DISCOURSE_SENTENCES: usize = 15;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    No,
    Yes,
    IfNext,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Anchor {
    None,
    /// A day; true when its year was written out.
    Day(NaiveDate, bool),
    /// An explicit year (with a month) was written out.
    Year(i32),
    Quarter(i32, u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A point or interval on the calendar.
    Date,
    /// A duration with a number ("12 hours"); may take "about", "more than", "ago".
    Dur,
    /// A clock time.
    Clock,
    /// A date counted back or forward from now: "two years ago".
    Ago,
    Other,
}

#[derive(Debug, Clone)]
struct Hit {
    s: usize,
    e: usize,
    t: TimexType,
    v: String,
    m: Option<&'static str>,
    anchor: Anchor,
    kind: Kind,
}

impl Hit {
    fn new(s: usize, e: usize, t: TimexType, v: impl Into<String>, kind: Kind) -> Hit {
        Hit {
            s,
            e,
            t,
            v: v.into(),
            m: None,
            anchor: Anchor::None,
            kind,
        }
    }
    fn date(s: usize, e: usize, v: impl Into<String>) -> Hit {
        Hit::new(s, e, TimexType::Date, v, Kind::Date)
    }
    fn anchor(mut self, a: Anchor) -> Hit {
        self.anchor = a;
        self
    }
}

struct Tagger<'a> {
    text: &'a str,
    lower: String,
    toks: &'a [Token],
    dct: Option<NaiveDate>,
    /// The year of the most recent explicit date, and the sentence it was in.
    disc_year: Option<(i32, usize)>,
    sent_idx: usize,
    ref_day: Option<NaiveDate>,
    last_q: Option<(i32, u32)>,
    last_q_sent: Option<usize>,
    /// The last year written out anywhere ("in 1988", "May 1988"), for "that year".
    last_year: Option<i32>,
    sent_start: usize,
    lim: usize,
    out: Vec<Timex>,
    sentences: Vec<(usize, usize)>,
}

fn is_num(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
}

fn year_of(w: &str) -> Option<i32> {
    if w.len() == 4 && is_num(w) {
        let y: i32 = w.parse().ok()?;
        if (1000..=2100).contains(&y) {
            return Some(y);
        }
    }
    None
}

fn fmt_ym(y: Option<i32>, m: u32) -> String {
    match y {
        Some(y) => format!("{y:04}-{m:02}"),
        None => format!("XXXX-{m:02}"),
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
            text: &doc.text,
            lower: doc.text.to_ascii_lowercase(),
            toks: &doc.tokens,
            dct,
            disc_year: None,
            sent_idx: 0,
            ref_day: None,
            last_q: None,
            last_q_sent: None,
            last_year: None,
            sent_start: 0,
            lim: 0,
            out: Vec::new(),
            sentences,
        }
    }

    fn run(&mut self) {
        let sentences = std::mem::take(&mut self.sentences);
        for (k, &(s, e)) in sentences.iter().enumerate() {
            self.sent_idx = k;
            self.sent_start = s;
            self.lim = e;
            let mut i = s;
            while i < e {
                if !self.trigger(i) {
                    i += 1;
                    continue;
                }
                match self.at(i) {
                    Some(h) => {
                        let end = h.e;
                        self.push(h);
                        i = end.max(i + 1);
                    }
                    None => i += 1,
                }
            }
        }
    }

    fn push(&mut self, h: Hit) {
        match h.anchor {
            Anchor::Day(d, true) => self.last_year = Some(d.year()),
            Anchor::Year(y) => self.last_year = Some(y),
            _ if h.v.len() == 4 && self.kind(h.e - 1) == Some(TokenKind::Number) => {
                self.last_year = h.v.parse().ok();
            }
            _ => {}
        }
        // A date used as a modifier ("the Dec. 21, 1988, bombing", "the August 1988
        // cease-fire") names an event aside; it does not move the narrative.
        let attributive = matches!(self.prev(h.s), "the" | "a" | "an" | "'s" | "’s") && {
            let k = if self.w(h.e) == "," { h.e + 1 } else { h.e };
            self.kind(k) == Some(TokenKind::Word)
                && !self.cap(k)
                && !matches!(self.w(k), "and" | "or" | "when" | "to" | "in" | "at" | "of")
        };
        match h.anchor {
            Anchor::Day(d, explicit) => {
                self.ref_day = Some(d);
                // Any day the story is placed on moves its reference year: an explicit
                // one ("May 22, 1995"), or one counted from the document date ("Friday",
                // "March 12" in a forward-looking sentence), which brings it back to now.
                if !attributive && (explicit || self.disc_year.is_some_and(|(y, _)| y != d.year()))
                {
                    self.disc_year = Some((d.year(), self.sent_idx));
                }
            }
            Anchor::Year(y) if !attributive => self.disc_year = Some((y, self.sent_idx)),
            Anchor::Year(_) => {}
            // Only quarters of the current reporting year become the quarter of reference.
            Anchor::Quarter(y, q)
                if self
                    .dct
                    .is_none_or(|d| y >= d.year() - i32::from(d.month() <= 3)) =>
            {
                self.last_q = Some((y, q));
                self.last_q_sent = Some(self.sent_idx);
            }
            Anchor::Quarter(..) | Anchor::None => {}
        }
        // "the latest quarter", "the quarter": the report still speaks of quarters, so a
        // later "a year ago" still means that quarter a year back.
        if self.last_q.is_some() && h.v.len() == 7 && h.v.as_bytes()[5] == b'Q' {
            self.last_q_sent = Some(self.sent_idx);
        }
        let span = crate::types::Span::new(self.toks[h.s].start, self.toks[h.e - 1].end);
        let interval = match h.t {
            TimexType::Date | TimexType::Time => value::interval(&h.v),
            _ => None,
        };
        self.out.push(Timex {
            span,
            ttype: h.t,
            value: h.v,
            modifier: h.m.map(str::to_owned),
            interval,
        });
    }

    /// The lower-cased token `i`, or "" outside the current sentence.
    fn w(&self, i: usize) -> &str {
        if i < self.lim && i < self.toks.len() {
            let t = &self.toks[i];
            &self.lower[t.start..t.end]
        } else {
            ""
        }
    }

    fn cap(&self, i: usize) -> bool {
        i < self.toks.len()
            && self.text[self.toks[i].start..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase())
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        (i < self.lim).then(|| self.toks[i].kind)
    }

    /// A cheap first test: can a temporal expression start at token `i`? Function words
    /// ("the", "about", "last"...) count only when the next token is itself a trigger.
    fn trigger(&self, i: usize) -> bool {
        match self.head_trigger(i) {
            Trigger::No => false,
            Trigger::Yes => true,
            Trigger::IfNext => {
                i + 1 < self.lim
                    && match self.head_trigger(i + 1) {
                        Trigger::Yes => true,
                        // "at least the past", "the last two", "the early 1990s"
                        Trigger::IfNext => {
                            i + 2 < self.lim && self.head_trigger(i + 2) != Trigger::No
                        }
                        Trigger::No => false,
                    }
            }
        }
    }

    fn head_trigger(&self, i: usize) -> Trigger {
        let t = &self.toks[i];
        match t.kind {
            TokenKind::Number | TokenKind::Quote => return Trigger::Yes,
            TokenKind::Word => {}
            _ => return Trigger::No,
        }
        let w = &self.lower[t.start..t.end];
        match lex::trigger_class(w) {
            1 => return Trigger::Yes,
            2 => return Trigger::IfNext,
            _ => {}
        }
        if w.bytes().any(|b| b.is_ascii_digit()) {
            return Trigger::Yes;
        }
        // "the fiscal-first quarter"
        if w.strip_prefix("fiscal-").and_then(lex::ordinal).is_some() {
            return Trigger::IfNext;
        }
        // Compounds: "10-month", "third-quarter", "mid-1990s", "twenty-four", "year-end".
        if let Some((a, b)) = w.rsplit_once('-') {
            if lex::unit(b).is_some()
                || matches!(b, "half" | "end" | "ago" | "earlier" | "old" | "long")
                || a == "mid"
                || matches!(a, "early" | "late") && lex::month(b).is_some()
                || lex::number_word(a).is_some()
            {
                return Trigger::Yes;
            }
        }
        Trigger::No
    }

    fn prev(&self, i: usize) -> &str {
        if i > self.sent_start {
            let t = &self.toks[i - 1];
            &self.lower[t.start..t.end]
        } else {
            ""
        }
    }

    /// The tense around token `i`: the nearest tense marker in the sentence.
    fn tense(&self, i: usize) -> Tense {
        // "since March": a starting point already passed.
        if self.prev(i) == "since" {
            return Tense::Past;
        }
        // "given until 9 a.m. Tuesday", "postponed until Tuesday": a deadline, ahead. A
        // clause-opening "Until Thursday, they had ..." or "up until" looks back.
        let mut k = i;
        while k > self.sent_start
            && k + 4 > i
            && (self.kind(k - 1) == Some(TokenKind::Number)
                || matches!(
                    self.w(k - 1),
                    "a.m." | "p.m." | "am" | "pm" | "noon" | "midnight"
                )
                || self.w(k - 1).len() == 3 && self.w(k - 1).ends_with('t') && self.cap(k - 1))
        {
            k -= 1;
        }
        if matches!(self.prev(k), "until" | "till")
            && k >= self.sent_start + 2
            && !matches!(self.w(k - 2), "up" | "not" | "," | "``" | "\"")
        {
            return Tense::Future;
        }
        // Reported speech keeps its own tense: "``He will leave Thursday,'' Castro said."
        // The search stays between the quotation marks around `i`; the sentence as a whole
        // is the fallback when the quoted stretch has no tensed word.
        let is_mark = |k: usize| matches!(self.w(k), "``" | "''" | "\"" | "“" | "”");
        let lo = (self.sent_start..i)
            .rev()
            .find(|&k| is_mark(k))
            .map_or(self.sent_start, |k| k + 1);
        let hi = (i..self.lim).find(|&k| is_mark(k)).unwrap_or(self.lim);
        let t = self.nearest_tense(i, lo, hi);
        if t != Tense::None || (lo, hi) == (self.sent_start, self.lim) {
            return t;
        }
        self.nearest_tense(i, self.sent_start, self.lim)
    }

    /// The tense of the tensed word nearest to `i` within tokens `lo..hi`.
    fn nearest_tense(&self, i: usize, lo: usize, hi: usize) -> Tense {
        let mut best = (usize::MAX, Tense::None);
        for k in lo..hi {
            let w = self.w(k);
            let t = match w {
                // "was planning", "is set to", "are due": the auxiliary belongs to the
                // future marker that follows it.
                "was" | "were" | "is" | "are"
                    if matches!(
                        self.w(k + 1),
                        "to" | "set" | "due" | "going" | "planning" | "scheduled" | "expected"
                    ) =>
                {
                    if self.w(k + 1) == "to" {
                        Tense::Future
                    } else {
                        continue;
                    }
                }
                "set" if self.w(k + 1) == "to" => Tense::Future,
                // "had been scheduled to expire Friday": a plan already overtaken.
                "had" if matches!(self.w(k + 1), "been" | "scheduled" | "planned" | "expected") => {
                    Tense::Past
                }
                "scheduled" | "planned" | "expected"
                    if self.prev(k) == "had"
                        || self.prev(k) == "been" && self.w(k - 2) == "had" =>
                {
                    continue
                }
                // "vacation plans for the trip", "the hastily planned trip": nouns and
                // adjectives, not intentions; "plans to", "planned for Monday" look ahead.
                "plans" | "plan" if self.w(k + 1) != "to" => continue,
                "planned" | "planning"
                    if !matches!(self.w(k + 1), "to" | "for")
                        && !matches!(
                            self.prev(k),
                            "was" | "were" | "is" | "are" | "am" | "be" | "been"
                        ) =>
                {
                    continue
                }
                "will" | "'ll" | "’ll" | "shall" | "would" | "scheduled" | "expected"
                | "expects" | "plans" | "planned" | "plan" | "planning" | "upcoming"
                | "tomorrow" | "soon" => Tense::Future,
                "said" | "was" | "were" | "had" | "did" | "ago" | "last" | "took" | "went"
                | "came" | "told" | "made" | "got" | "gave" | "met" | "began" | "fell" | "rose"
                | "won" | "lost" | "left" | "saw" | "yesterday" | "earlier" | "sold" | "paid"
                | "held" | "brought" | "sent" | "ended" | "closed" | "agreed" | "announced" => {
                    Tense::Past
                }
                // A past participle, not a name ("United", "Red"): capitals mid-sentence
                // do not count.
                _ if w.len() > 4
                    && w.ends_with("ed")
                    && self.toks[k].kind == TokenKind::Word
                    && (k == self.sent_start || !self.cap(k))
                    // "will be named", "markets untouched by the crisis": a passive
                    // participle; the auxiliary, if any, carries the tense.
                    && !matches!(self.w(k.wrapping_sub(1)), "be" | "been" | "being")
                    && self.w(k + 1) != "by" =>
                {
                    Tense::Past
                }
                _ => continue,
            };
            let dist = k.abs_diff(i);
            if dist < best.0 {
                best = (dist, t);
            }
        }
        best.1
    }

    // ------------------------------------------------------------------ resolution helpers

    fn year_for_month(&self, m: u32, d: Option<u32>, i: usize) -> Option<i32> {
        // Narrative: the year of a recent explicit date, unless the sentence looks ahead.
        if let Some((y, k)) = self.disc_year {
            let tense = self.tense(i);
            if self.sent_idx <= k + DISCOURSE_SENTENCES && tense != Tense::Future {
                // A past event is not after the document date: "In December, it changed"
                // written in October is last December even when this year is in discourse.
                let after_dct = self.dct.is_some_and(|dct| {
                    let day = d.unwrap_or(1).min(28);
                    NaiveDate::from_ymd_opt(y, m, day).is_some_and(|c| c > dct)
                });
                return Some(if tense == Tense::Past && after_dct {
                    y - 1
                } else {
                    y
                });
            }
        }
        // Without a document date, the story's own year is the best guess there is, however
        // far back it was written or whichever way the sentence looks.
        let Some(dct) = self.dct else {
            return self.disc_year.map(|(y, _)| y);
        };
        let tense = self.tense(i);
        // The year that puts the date nearest the document date, leaning to the past in
        // past-tense sentences and to the future in future-tense ones.
        let mut best = (i64::MAX, dct.year());
        for y in [dct.year() - 1, dct.year(), dct.year() + 1] {
            let day = d.unwrap_or(if m == dct.month() && y == dct.year() {
                dct.day()
            } else {
                15
            });
            let Some(c) =
                NaiveDate::from_ymd_opt(y, m, day.min(28).max(if d.is_some() { day } else { 1 }))
                    .or_else(|| NaiveDate::from_ymd_opt(y, m, 28))
            else {
                continue;
            };
            let diff = (c - dct).num_days();
            let mut cost = diff.abs();
            if tense == Tense::Past && diff > 0 && (d.is_some() || m != dct.month()) {
                cost += 120;
            }
            if tense == Tense::Future && diff < 0 {
                cost += if d.is_none() { 400 } else { 120 };
            }
            if cost < best.0 {
                best = (cost, y);
            }
        }
        Some(best.1)
    }

    fn md(&self, m: u32, d: u32, i: usize) -> (String, Anchor) {
        match self.year_for_month(m, Some(d), i) {
            Some(y) => match NaiveDate::from_ymd_opt(y, m, d) {
                Some(dd) => (value::day(dd), Anchor::Day(dd, false)),
                None => (format!("{y:04}-{m:02}-{d:02}"), Anchor::None),
            },
            None => (format!("XXXX-{m:02}-{d:02}"), Anchor::None),
        }
    }

    fn weekday_value(&self, wd: u32, i: usize, force: Option<Tense>) -> (String, Anchor) {
        let Some(dct) = self.dct else {
            return (format!("XXXX-WXX-{wd}"), Anchor::None);
        };
        let cur = dct.weekday().number_from_monday() as i64;
        let wd = wd as i64;
        let tense = force.unwrap_or_else(|| self.tense(i));
        let d = match tense {
            Tense::Future => {
                let mut k = (wd - cur).rem_euclid(7);
                if k == 0 && force.is_some() {
                    k = 7;
                }
                dct + Duration::days(k)
            }
            _ => {
                let mut k = (cur - wd).rem_euclid(7);
                if k == 0 && force.is_some() {
                    k = 7;
                }
                dct - Duration::days(k)
            }
        };
        (value::day(d), Anchor::Day(d, false))
    }

    /// The weekend meant by "the weekend" / "this weekend": the last one in past-tense
    /// sentences, the next one otherwise.
    fn weekend(&self, i: usize) -> String {
        let Some(d) = self.dct else {
            return "XXXX-WXX-WE".into();
        };
        let wd = d.weekday().number_from_monday() as i64;
        let sat = match self.tense(i) {
            Tense::Future => d + Duration::days((6 - wd).rem_euclid(7)),
            _ => d - Duration::days((wd - 6).rem_euclid(7)),
        };
        value::week(sat) + "-WE"
    }

    /// The day the story is at (the last day mentioned, else the document date), as a value.
    fn story_day(&self) -> String {
        self.ref_day
            .or(self.dct)
            .map_or("XXXX-XX-XX".into(), value::day)
    }

    fn rel_day(&self, n: i64) -> (String, Anchor) {
        match self.dct {
            Some(d) => {
                let d = d + Duration::days(n);
                (value::day(d), Anchor::Day(d, false))
            }
            None => ("XXXX-XX-XX".into(), Anchor::None),
        }
    }

    /// "last/this/next" + unit, counted from the document date.
    fn rel_unit(&self, u: Unit, n: i32) -> Option<String> {
        let Some(d) = self.dct else {
            return Some(match u {
                Unit::Year => "XXXX".into(),
                Unit::Month => "XXXX-XX".into(),
                Unit::Week => "XXXX-WXX".into(),
                Unit::Weekend => "XXXX-WXX-WE".into(),
                Unit::Quarter => "XXXX-QX".into(),
                Unit::Day => "XXXX-XX-XX".into(),
                Unit::Decade => "XXX".into(),
                Unit::Century => "XX".into(),
                _ => return None,
            });
        };
        Some(match u {
            Unit::Year => format!("{:04}", d.year() + n),
            Unit::Month => {
                let x = value::add_months(d, n);
                fmt_ym(Some(x.year()), x.month())
            }
            Unit::Week => value::week(d + Duration::weeks(n as i64)),
            Unit::Weekend => value::week(d + Duration::weeks(n as i64)) + "-WE",
            Unit::Day => value::day(d + Duration::days(n as i64)),
            Unit::Quarter => {
                let x = value::add_months(d, 3 * n);
                format!("{:04}-Q{}", x.year(), value::quarter_of(x))
            }
            Unit::Decade => format!("{:03}", d.year() / 10 + n),
            Unit::Century => format!("{:02}", d.year() / 100 + n),
            _ => return None,
        })
    }

    /// A date `n` units before (negative) or after the document date, at that unit's granularity.
    fn shifted(&self, u: Unit, n: i32, i: usize) -> Option<String> {
        let d = self.dct;
        if u == Unit::Year && self.quarter_context(i) {
            if let (Some((y, q)), Some(d)) = (self.last_q, d) {
                // A quarter not yet over is a forecast; results compare the last one closed.
                let (y, q) = if (y, q) >= (d.year(), value::quarter_of(d)) {
                    let x = value::add_months(d, -3);
                    (x.year(), value::quarter_of(x))
                } else {
                    (y, q)
                };
                return Some(format!("{:04}-Q{q}", y + n));
            }
        }
        match u {
            Unit::Hour | Unit::Minute | Unit::Second => {
                d.map(value::day).or(Some("XXXX-XX-XX".into()))
            }
            Unit::Quarter => self.rel_unit(Unit::Quarter, n),
            _ => self.rel_unit(u, n),
        }
    }

    /// Does the sentence speak of quarters ("the quarter", "third-quarter profit")?
    /// Financial reports compare a quarter with the year before: "a year ago" means that
    /// quarter a year back when a quarter was named recently.
    fn quarter_context(&self, i: usize) -> bool {
        if let Some(q) = self.period_before(i) {
            return q;
        }
        if self.last_q_sent.is_some_and(|k| self.sent_idx <= k + 12) {
            return true;
        }
        (self.sent_start..self.lim).any(|k| {
            let w = self.w(k);
            w.contains("quarter") || w == "period"
        })
    }

    /// The reporting period named last before token `i` in its sentence: true for a quarter
    /// ("in the third quarter, ... a year earlier"), false for a longer one ("for the nine
    /// months, ... year-earlier net"), None when the sentence names none.
    fn period_before(&self, i: usize) -> Option<bool> {
        (self.sent_start..i).rev().find_map(|k| {
            let w = self.w(k);
            if w.contains("quarter") {
                return Some(true);
            }
            match w {
                "months" | "nine-month" | "six-month" | "half" | "half-year" => Some(false),
                "year" if matches!(self.prev(k), "the" | "full" | "fiscal") => Some(false),
                _ => None,
            }
        })
    }

    fn quarter_value(&self, q: u32, year: Option<i32>, i: usize) -> (String, Anchor) {
        if let Some(y) = year {
            return (format!("{y:04}-Q{q}"), Anchor::Quarter(y, q));
        }
        let Some(d) = self.dct else {
            return (format!("XXXX-Q{q}"), Anchor::None);
        };
        let cur = value::quarter_of(d);
        let y = if q > cur && self.tense(i) != Tense::Future {
            d.year() - 1
        } else {
            d.year()
        };
        (format!("{y:04}-Q{q}"), Anchor::Quarter(y, q))
    }

    /// The quarter a financial report is most likely about: the last one mentioned, else the
    /// last completed one.
    fn current_report_quarter(&self) -> Option<(i32, u32)> {
        if let Some(q) = self.last_q {
            return Some(q);
        }
        let d = self.dct?;
        let x = value::add_months(d, -3);
        Some((x.year(), value::quarter_of(x)))
    }

    // ------------------------------------------------------------------ grammar

    /// The longest temporal expression starting at token `i`, with its modifiers.
    fn at(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        // Quantity modifiers before durations and clock times.
        let qmod: Option<(usize, &'static str)> = match w {
            "about" | "around" | "approximately" | "roughly" | "some" => Some((1, "APPROX")),
            "nearly" | "almost" => Some((1, "LESS_THAN")),
            "over" => Some((1, "MORE_THAN")),
            "more" | "less" | "fewer" if self.w(i + 1) == "than" => Some((
                2,
                if w == "more" {
                    "MORE_THAN"
                } else {
                    "LESS_THAN"
                },
            )),
            "at" if self.w(i + 1) == "least" => Some((2, "EQUAL_OR_MORE")),
            "up" if self.w(i + 1) == "to" => Some((2, "EQUAL_OR_LESS")),
            _ => None,
        };
        if let Some((k, m)) = qmod {
            if let Some(mut h) = self.core(i + k) {
                let ok = match h.kind {
                    Kind::Dur => true,
                    Kind::Clock => m == "APPROX",
                    Kind::Date => m == "APPROX" && h.s == h.e - 1,
                    Kind::Ago => true,
                    Kind::Other => false,
                } && self.w(i + k) != "the";
                if ok {
                    if !matches!(w, "about" | "over" | "some") {
                        h.s = i;
                    }
                    if h.m.is_none() {
                        h.m = Some(m);
                    }
                    return Some(h);
                }
            }
            if w != "some" && w != "over" {
                return None;
            }
        }
        // Position modifiers before dates.
        let pmod: Option<(usize, Option<&'static str>)> = match w {
            "early" => Some((1, Some("START"))),
            "late" => Some((1, Some("END"))),
            "mid" => Some((1, Some("MID"))),
            "earlier" | "later" => Some((1, None)),
            "the" => match (self.w(i + 1), self.w(i + 2)) {
                ("end" | "close", "of") => Some((3, Some("END"))),
                ("beginning" | "start", "of") => Some((3, Some("START"))),
                ("middle", "of") => Some((3, Some("MID"))),
                ("early", _) => Some((2, Some("START"))),
                ("late", _) => Some((2, Some("END"))),
                _ => None,
            },
            _ => None,
        };
        if let Some((k, m)) = pmod {
            if let Some(mut h) = self.core(i + k) {
                let next = self.w(i + k);
                let ok = h.kind == Kind::Date
                    && (next != "the" || k == 3)
                    && !h.v.ends_with("_REF")
                    && (w != "earlier" && w != "later"
                        || matches!(next, "this" | "yesterday" | "that"));
                if ok {
                    h.s = i;
                    h.m = m.or(h.m);
                    return Some(h);
                }
            }
        }
        // "mid-1990s", "late-November", "early-2000s"; "mid-afternoon" is a time of day.
        for (prefix, m) in [("mid-", "MID"), ("early-", "START"), ("late-", "END")] {
            if let Some(rest) = w.strip_prefix(prefix) {
                if let Some(p) = lex::daypart(rest).filter(|_| prefix == "mid-") {
                    return Some(self.daypart_of_day(i, p));
                }
                if let Some(mut h) = self.mid_compound(i, rest) {
                    h.m = Some(m);
                    return Some(h);
                }
            }
        }
        self.core(i)
    }

    /// "mid-afternoon", "mid-afternoon yesterday": that part of the day named after it, else
    /// of the day the story is at.
    fn daypart_of_day(&self, i: usize, p: &str) -> Hit {
        let (day, e) = match day_word_offset(self.w(i + 1)) {
            Some(n) => (self.rel_day(n).0, i + 2),
            None => (self.story_day(), i + 1),
        };
        Hit::new(i, e, TimexType::Time, format!("{day}T{p}"), Kind::Date)
    }

    fn mid_compound(&self, i: usize, rest: &str) -> Option<Hit> {
        if let Some(y) = year_of(rest) {
            return Some(Hit::date(i, i + 1, format!("{y:04}")));
        }
        if let Some(m) = rest.strip_suffix('s').and_then(year_of) {
            return Some(Hit::date(i, i + 1, format!("{:03}", m / 10)));
        }
        if let Some(m) = lex::month(rest) {
            // "mid-June 2015"
            if let Some(y) = year_of(self.w(i + 1)) {
                return Some(Hit::date(i, i + 2, fmt_ym(Some(y), m)).anchor(Anchor::Year(y)));
            }
            let y = self.year_for_month(m, None, i);
            return Some(Hit::date(i, i + 1, fmt_ym(y, m)));
        }
        None
    }

    /// A temporal expression proper (after modifiers) starting at `i`, extended by "ago",
    /// "earlier", "from now".
    fn core(&self, i: usize) -> Option<Hit> {
        let mut h = self.core0(i)?;
        if h.kind == Kind::Dur && self.w(h.e) == "or" && self.w(h.e + 1) == "so" {
            h.e += 2;
            h.m = Some("APPROX");
        }
        // Durations turned into dates: "two years ago", "a year earlier".
        if h.kind == Kind::Dur {
            let after = self.w(h.e);
            let sign = match after {
                // "three days later" / "before" stay durations (TempEval-3 convention).
                "ago" | "earlier" => Some(-1),
                "from" if self.w(h.e + 1) == "now" => Some(1),
                _ => None,
            };
            if let (Some(sign), Some((u, n))) = (sign, dur_parts(&h.v)) {
                let v = match n {
                    Some(n) => self.shifted(u, sign * n as i32, i),
                    None => Some(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into()),
                };
                if let Some(v) = v {
                    h.e += if after == "from" { 2 } else { 1 };
                    h.v = v;
                    h.t = TimexType::Date;
                    h.kind = Kind::Ago;
                }
            }
        }
        Some(h)
    }

    fn core0(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        if w.is_empty() {
            return None;
        }
        if w == "the" {
            return self.the(i);
        }
        if w == "that" {
            return self.anaphoric(i);
        }
        if let Some(m) = lex::month(w) {
            if let Some(h) = self.month_date(i, m) {
                return Some(h);
            }
        }
        if let Some(wd) = lex::weekday(w) {
            if self.cap(i) {
                return Some(self.weekday_date(i, wd));
            }
        }
        if let Some(h) = self.quarter_phrase(i, i) {
            return Some(h);
        }
        if w == "nineteen" {
            if let Some(h) = self.spelled_year(i) {
                return Some(h);
            }
        }
        if let Some(c) = lex::ordinal(w).filter(|c| (1..=21).contains(c)) {
            if self.w(i + 1) == "century" {
                return Some(Hit::date(i, i + 2, format!("{:02}", c - 1)));
            }
        }
        if let Some(h) = self.number(i) {
            return Some(h);
        }
        if let Some(h) = self.relative(i) {
            return Some(h);
        }
        self.word(i)
    }

    /// "September 20, 2016", "Sept. 20", "September 2016", "September of 2016", "September".
    fn month_date(&self, i: usize, m: u32) -> Option<Hit> {
        let w = self.w(i);
        let raw_cap = self.cap(i);
        if !raw_cap {
            return None;
        }
        let n1 = self.w(i + 1);
        // Day number.
        let day = if is_num(n1) && n1.len() <= 2 {
            n1.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
        } else {
            lex::ordinal(n1).filter(|d| (1..=31).contains(d))
        };
        if let Some(d) = day {
            let (mut e, mut year) = (i + 2, None);
            if self.w(e) == "," {
                if let Some(y) = year_of(self.w(e + 1)) {
                    year = Some(y);
                    e += 2;
                }
            } else if let Some(y) = year_of(self.w(e)) {
                year = Some(y);
                e += 1;
            }
            // "Sept. 20 1990" already handled; refuse "May 5 percent" style numbers.
            if year.is_none() && matches!(self.w(e), "%" | "percent" | "million" | "billion") {
                return None;
            }
            year = year.or_else(|| self.coordinated_year(e));
            return Some(match year {
                Some(y) => match NaiveDate::from_ymd_opt(y, m, d) {
                    Some(dd) => Hit::date(i, e, value::day(dd)).anchor(Anchor::Day(dd, true)),
                    None => Hit::date(i, e, format!("{y:04}-{m:02}-{d:02}")),
                },
                None => {
                    let (v, a) = self.md(m, d, i);
                    Hit::date(i, e, v).anchor(a)
                }
            });
        }
        if let Some(y) = year_of(n1) {
            return Some(Hit::date(i, i + 2, fmt_ym(Some(y), m)).anchor(Anchor::Year(y)));
        }
        if let Some(h) = self.spelled_year(i + 1) {
            let y: i32 = h.v.parse().ok()?;
            return Some(Hit::date(i, h.e, fmt_ym(Some(y), m)).anchor(Anchor::Year(y)));
        }
        if matches!(n1, "this" | "last" | "next") && self.w(i + 2) == "year" {
            if let Some(d) = self.dct {
                let y = d.year()
                    + match n1 {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                return Some(Hit::date(i, i + 3, fmt_ym(Some(y), m)));
            }
        }
        if n1 == "of" {
            if let Some(y) = year_of(self.w(i + 2)) {
                return Some(Hit::date(i, i + 3, fmt_ym(Some(y), m)).anchor(Anchor::Year(y)));
            }
        }
        if n1 == "," {
            if let Some(y) = year_of(self.w(i + 2)) {
                return Some(Hit::date(i, i + 3, fmt_ym(Some(y), m)).anchor(Anchor::Year(y)));
            }
        }
        // A bare abbreviation without its period ("Jan Kavan") is a name, not a month.
        if w.len() <= 4 && !w.ends_with('.') && !matches!(w, "may" | "june" | "july") {
            return None;
        }
        // A bare month name: ambiguous words need a preposition or a time word before them.
        if lex::ambiguous_month(w) || w.ends_with('.') && self.w(i + 1).is_empty() {
            let p = self.prev(i);
            if !matches!(
                p,
                "in" | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "of"
                    | "through"
                    | "during"
                    | "from"
                    | "to"
                    | "before"
                    | "after"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "between"
                    | "and"
                    | "or"
                    | "that"
                    | "each"
                    | "every"
            ) || w == "may" && p == "that"
            {
                return None;
            }
            if w == "may" && matches!(self.w(i + 1), "be" | "have" | "not" | "also" | "well") {
                return None;
            }
        }
        let y = self
            .coordinated_year(i + 1)
            .or_else(|| self.year_for_month(m, None, i));
        Some(Hit::date(i, i + 1, fmt_ym(y, m)))
    }

    /// The year written after a coordinated date that shares it: "late September and early
    /// October 2016", "between March and May 1999", "Sept. 20 and 21, 2016". `e` is the
    /// token after the first, year-less date.
    fn coordinated_year(&self, e: usize) -> Option<i32> {
        if !matches!(
            self.w(e),
            "and" | "or" | "to" | "through" | "until" | "-" | "–" | "—"
        ) {
            return None;
        }
        let mut k = e + 1;
        if matches!(self.w(k), "early" | "late" | "mid" | "the") {
            k += 1;
        }
        let month = lex::month(self.w(k)).is_some() && self.cap(k);
        if month {
            k += 1;
        }
        let w = self.w(k);
        if is_num(w) && w.len() <= 2 {
            k += 1;
            if self.w(k) == "," {
                k += 1;
            }
        } else if !month {
            return None;
        }
        year_of(self.w(k))
    }

    /// "Friday", "Friday, Aug. 7", "Friday morning", "Friday night".
    fn weekday_date(&self, i: usize, wd: u32) -> Hit {
        let mut j = i + 1;
        if self.w(j) == "," {
            j += 1;
        }
        if let Some(m) = lex::month(self.w(j)) {
            if let Some(h) = self.month_date(j, m) {
                if h.v.len() >= 10 {
                    return Hit { s: i, ..h };
                }
            }
        }
        let (mut v, mut a) = self.weekday_value(wd, i, None);
        // "from Monday through Friday": the end of a range is the first such day after its
        // start, whatever the tense puts the start on.
        if i >= 2
            && matches!(
                self.prev(i),
                "through" | "to" | "until" | "till" | "-" | "–"
            )
        {
            if let Some(wd0) = lex::weekday(self.w(i - 2)) {
                if let (_, Anchor::Day(d0, _)) = self.weekday_value(wd0, i - 2, None) {
                    let d = d0 + Duration::days((wd as i64 - wd0 as i64 - 1).rem_euclid(7) + 1);
                    (v, a) = (value::day(d), Anchor::Day(d, false));
                }
            }
        }
        if let Some(p) = lex::daypart(self.w(i + 1)) {
            return Hit::new(i, i + 2, TimexType::Time, format!("{v}T{p}"), Kind::Date).anchor(a);
        }
        Hit::date(i, i + 1, v).anchor(a)
    }

    /// Numbers: years, decades, clock times, "20 September 2016", durations ("12 hours",
    /// "two-year", "twenty four hours", "a few days").
    fn number(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let k = self.kind(i)?;
        if k == TokenKind::Number {
            // Clock time.
            if let Some((h, rest)) = w.split_once(':') {
                let hh: u32 = h.parse().ok()?;
                let mm: u32 = rest.get(..2)?.parse().ok()?;
                if hh > 24 || mm > 59 || rest.len() != 2 {
                    return None;
                }
                // Without "am"/"pm" a clock time needs a preposition or a day after it:
                // "01:45" alone is as likely a video length or a score.
                let n = self.w(i + 1);
                if ampm(n).is_none()
                    && !matches!(
                        self.prev(i),
                        "at" | "around"
                            | "by"
                            | "until"
                            | "till"
                            | "from"
                            | "before"
                            | "after"
                            | "about"
                            | "since"
                            | "to"
                    )
                    && lex::weekday(n).is_none()
                    && !matches!(
                        n,
                        "today"
                            | "yesterday"
                            | "tomorrow"
                            | "on"
                            | "est"
                            | "edt"
                            | "gmt"
                            | "et"
                            | "utc"
                    )
                {
                    return None;
                }
                return Some(self.clock(i, hh, mm));
            }
            if let Some(y) = year_of(w) {
                return self.year(i, y);
            }
            if let Some(dec) = w.strip_suffix('s').and_then(year_of) {
                return Some(Hit::date(i, i + 1, format!("{:03}", dec / 10)));
            }
            // ISO date.
            if w.len() == 10 && w.as_bytes()[4] == b'-' && w.as_bytes()[7] == b'-' {
                let d = NaiveDate::parse_from_str(w, "%Y-%m-%d").ok()?;
                return Some(Hit::date(i, i + 1, value::day(d)).anchor(Anchor::Day(d, true)));
            }
            // Hours with am/pm.
            if is_num(w) && w.len() <= 2 {
                let n: u32 = w.parse().ok()?;
                if let Some(pm) = ampm(self.w(i + 1)) {
                    if (1..=12).contains(&n) {
                        return Some(self.clock(i, hour24(n, pm), 0));
                    }
                }
                // "4 in the morning", "8 in the evening", "11 at night".
                let part = match (self.w(i + 1), self.w(i + 2), self.w(i + 3)) {
                    ("in", "the", p @ ("morning" | "afternoon" | "evening")) => Some((p, i + 4)),
                    ("at", "night", _) => Some(("night", i + 3)),
                    _ => None,
                };
                if let (Some((p, e)), true) = (part, (1..=12).contains(&n)) {
                    let pm = match p {
                        "morning" => false,
                        "night" => n >= 6,
                        _ => true,
                    };
                    let v = format!("{}T{:02}:00", self.story_day(), hour24(n, pm));
                    return Some(Hit::new(i, e, TimexType::Time, v, Kind::Clock));
                }
                // Day Month [Year].
                if let Some(m) = lex::month(self.w(i + 1)) {
                    if (1..=31).contains(&n) && self.cap(i + 1) {
                        if let Some(y) = year_of(self.w(i + 2)) {
                            if let Some(d) = NaiveDate::from_ymd_opt(y, m, n) {
                                return Some(
                                    Hit::date(i, i + 3, value::day(d)).anchor(Anchor::Day(d, true)),
                                );
                            }
                        }
                        let (v, a) = self.md(m, n, i);
                        return Some(Hit::date(i, i + 2, v).anchor(a));
                    }
                }
            }
        }
        if let Some(o) = lex::ordinal(w) {
            if self.w(i + 1) == "of" {
                if let Some(m) = lex::month(self.w(i + 2)) {
                    if self.cap(i + 2) && (1..=31).contains(&o) {
                        let (v, a) = self.md(m, o, i);
                        return Some(Hit::date(i, i + 3, v).anchor(a));
                    }
                }
            }
        }
        self.duration(i)
    }

    fn year(&self, i: usize, y: i32) -> Option<Hit> {
        let p = self.prev(i);
        let n = self.w(i + 1);
        if matches!(p, "$" | "#" | "no." | "nos." | "£" | "€")
            || matches!(
                n,
                "%" | "percent" | "million" | "billion" | "people" | "shares" | "points"
            )
            // "rose 1990 to 2010" is an amount; "from 2014 to 2016" is a span of years.
            || n == "to" && !year_of(self.w(i + 2)).is_some_and(|y2| y2 > y && y2 - y <= 100)
            || p == "," && is_num(self.prev(i - 1))
        {
            return None;
        }
        if !(1900..=2030).contains(&y)
            && !matches!(p, "in" | "since" | "of" | "by" | "until" | "year" | "from")
        {
            return None;
        }
        // "1990 first quarter": leave the year, the quarter follows.
        Some(Hit::date(i, i + 1, format!("{y:04}")))
    }

    /// The day of a date that follows a time: "midnight on September 20, 2016", "9 p.m. on
    /// Monday" (the date is tagged on its own).
    fn following_day(&self, e: usize) -> Option<String> {
        let k = if self.w(e) == "on" {
            e + 1
        } else {
            return None;
        };
        let h = self.core(k)?;
        (h.t == TimexType::Date && h.v.len() == 10).then_some(h.v)
    }

    fn clock(&self, i: usize, mut h: u32, mm: u32) -> Hit {
        let mut e = i + 1;
        if let Some(pm) = ampm(self.w(e)) {
            if pm && h < 12 {
                h += 12;
            } else if !pm && h == 12 {
                h = 0;
            }
            e += 1;
        }
        if matches!(
            self.w(e),
            "est" | "edt" | "gmt" | "pst" | "pdt" | "cst" | "cdt" | "et" | "utc"
        ) {
            e += 1;
        }
        let mut day = self.ref_day.or(self.dct).map(value::day);
        // "10 p.m. Wednesday", "9:29 am today", "5 p.m. EST Nov. 9".
        let k = if self.w(e) == "," { e + 1 } else { e };
        if let Some(date) = lex::month(self.w(k)).and_then(|m| self.month_date(k, m)) {
            if date.v.len() == 10 {
                let v = format!("{}T{h:02}:{mm:02}", date.v);
                return Hit::new(i, date.e, TimexType::Time, v, Kind::Clock);
            }
        }
        let nxt = self.w(e);
        if let Some(wd) = lex::weekday(nxt) {
            day = Some(self.weekday_value(wd, e, None).0);
            e += 1;
        } else if let Some(n) = day_word_offset(nxt) {
            day = Some(self.rel_day(n).0);
            e += 1;
        }
        let day = self
            .following_day(e)
            .or(day)
            .unwrap_or_else(|| "XXXX-XX-XX".into());
        Hit::new(
            i,
            e,
            TimexType::Time,
            format!("{day}T{h:02}:{mm:02}"),
            Kind::Clock,
        )
    }

    /// Durations: "12 hours", "10-month", "two-year", "a week", "several months", "years".
    fn duration(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        // Hyphenated compounds: "10-month", "two-year", "third-quarter", "year-earlier".
        if let Some((a, b)) = w.rsplit_once('-') {
            if let Some((u, false)) = lex::unit(b) {
                if let Some(n) = lex::cardinal(a) {
                    let mut e = i + 1;
                    if self.w(e) == "-" && self.w(e + 1) == "old" {
                        e += 2;
                    }
                    return Some(Hit::new(
                        i,
                        e,
                        TimexType::Duration,
                        u.duration(Some(n)),
                        Kind::Dur,
                    ));
                }
                if let Some(q) = lex::ordinal(a) {
                    return self.quarter_like(i, i + 1, q, u);
                }
                if matches!(a, "several" | "multi" | "many") {
                    return Some(Hit::new(
                        i,
                        i + 1,
                        TimexType::Duration,
                        u.duration(None),
                        Kind::Dur,
                    ));
                }
            }
        }
        // Number + unit, "twenty four hours", "a few days", "several months".
        let mut half = false;
        let (n, j): (Option<u32>, usize) = match w {
            // "half an hour", "a half hour": half of one unit.
            "half" if matches!(self.w(i + 1), "a" | "an") => {
                half = true;
                (Some(0), i + 2)
            }
            "a" | "an" if self.w(i + 1) == "half" && lex::unit(self.w(i + 2)).is_some() => {
                half = true;
                (Some(0), i + 2)
            }
            "a" | "an" => match self.w(i + 1) {
                "few" | "couple" => {
                    let j = if self.w(i + 2) == "of" { i + 3 } else { i + 2 };
                    (
                        if self.w(i + 1) == "few" {
                            None
                        } else {
                            Some(2)
                        },
                        j,
                    )
                }
                _ => (Some(1), i + 1),
            },
            "several" | "few" | "many" | "some" | "numerous" | "recent" => (None, i + 1),
            "couple" if self.w(i + 1) == "of" => (Some(2), i + 2),
            _ => {
                // "2.5 years", "5½ hours"
                if let Some((n, frac, j)) = self.decimal_amount(i) {
                    let (u, plural) = lex::unit(self.w(j))?;
                    if !plural || u == Unit::Weekend || self.w(j + 1) == "old" {
                        return None;
                    }
                    let v = fraction_value(u, n, &frac);
                    return Some(Hit::new(i, j + 1, TimexType::Duration, v, Kind::Dur));
                }
                let mut n = lex::cardinal(w)?;
                let mut j = i + 1;
                // "twenty four", "one hundred"
                if let Some(n2) = lex::number_word(self.w(j)) {
                    if n >= 20 && n % 10 == 0 && n2 < 10 {
                        n += n2;
                        j += 1;
                    } else if n2 == 100 && n < 10 {
                        n *= 100;
                        j += 1;
                    }
                }
                // "two and a half years", "2 1/2 years"
                if self.w(j) == "and" && self.w(j + 1) == "a" && self.w(j + 2) == "half" {
                    j += 3;
                    half = true;
                } else if self.w(j) == "1/2" {
                    j += 1;
                    half = true;
                }
                // A range, "two to three weeks", "12 to 18 months", "one or two days": one
                // expression whose amount is not a single number.
                if !half
                    && matches!(self.w(j), "to" | "or" | "-" | "–")
                    && lex::cardinal(self.w(j + 1)).is_some_and(|m| m > n)
                    && lex::unit(self.w(j + 2)).is_some_and(|(_, plural)| plural)
                {
                    return self.duration_range(i, j + 2);
                }
                (Some(n), j)
            }
        };
        let mut j = j;
        if self.w(j) == "more" || self.w(j) == "additional" {
            j += 1;
        }
        let (u, plural) = lex::unit(self.w(j))?;
        if n.is_some_and(|n| n >= 1000) && !matches!(u, Unit::Year | Unit::Day | Unit::Hour) {
            return None;
        }
        if n == Some(1) && plural || n.is_some_and(|n| n > 1) && !plural && w != "a" {
            // "one days" or "two year" (as in "two year deal") still counts as a duration.
            if n == Some(1) {
                return None;
            }
        }
        if n.is_none() && !plural {
            return None;
        }
        // "a second term", "a quarter of the shares", "60 Minutes" (a programme).
        if matches!(u, Unit::Second | Unit::Quarter)
            && !plural
            && (self.kind(j + 1) == Some(TokenKind::Word)
                && !matches!(self.w(j + 1), "ago" | "earlier" | "later" | "and" | "or")
                || self.w(j + 1) == "of")
        {
            return None;
        }
        if self.cap(j) && j > self.sent_start && !self.cap(j.saturating_sub(2)) {
            return None;
        }
        // An age ("Mr. Reupke, 52 years old") describes a person or thing, like
        // "52-year-old": not a temporal expression of the story.
        if self.w(j + 1) == "old" {
            return None;
        }
        if w == "recent" {
            return Some(match u {
                Unit::Year | Unit::Decade => Hit::date(i, j + 1, "PAST_REF"),
                Unit::Quarter => Hit::new(i, j + 1, TimexType::Duration, "PXM", Kind::Other),
                _ => Hit::new(i, j + 1, TimexType::Duration, u.duration(None), Kind::Other),
            });
        }
        // "a year" after an amount is a rate: "$5 a year".
        if (w == "a" || w == "an")
            && n == Some(1)
            && !matches!(
                self.w(j + 1),
                "ago" | "earlier" | "later" | "before" | "after"
            )
        {
            let p = self.prev(i);
            if is_num(p)
                || p.ends_with('%')
                || matches!(
                    p,
                    "percent"
                        | "times"
                        | "twice"
                        | "once"
                        | "million"
                        | "billion"
                        | "cents"
                        | "dollars"
                )
            {
                return Some(Hit::new(
                    i,
                    j + 1,
                    TimexType::Set,
                    u.duration(Some(1)),
                    Kind::Other,
                ));
            }
        }
        if u == Unit::Weekend {
            return None;
        }
        // "a minute and a half"
        let mut e = j + 1;
        if n.is_some()
            && !half
            && self.w(e) == "and"
            && self.w(e + 1) == "a"
            && self.w(e + 2) == "half"
        {
            half = true;
            e += 3;
        }
        if n == Some(0) && plural {
            return None;
        }
        let v = match (half, n) {
            (true, Some(n)) => fraction_value(u, n, "5"),
            _ => u.duration(n),
        };
        Some(Hit::new(i, e, TimexType::Duration, v, Kind::Dur))
    }

    /// An amount with a fraction before a unit: "2.5" or "5½" / "5 ½": the whole part, the
    /// decimal digits ("5" for a half) and the token after the amount.
    fn decimal_amount(&self, i: usize) -> Option<(u32, String, usize)> {
        let w = self.w(i);
        let digits = |x: &str| is_num(x) && x.len() <= 4;
        if let Some((a, b)) = w.split_once('.') {
            if digits(a) && digits(b) && b.len() <= 2 {
                return Some((a.parse().ok()?, b.trim_end_matches('0').to_string(), i + 1));
            }
            return None;
        }
        if let Some(a) = w.strip_suffix('½') {
            return digits(a).then(|| Some((a.parse().ok()?, "5".to_string(), i + 1)))?;
        }
        if digits(w) && self.w(i + 1) == "½" {
            return Some((w.parse().ok()?, "5".to_string(), i + 2));
        }
        None
    }

    /// A duration whose amount is a range ending at the unit token `j`: TimeML writes the
    /// unknown amount as X ("PXM").
    fn duration_range(&self, i: usize, j: usize) -> Option<Hit> {
        let (u, _) = lex::unit(self.w(j))?;
        Some(Hit::new(
            i,
            j + 1,
            TimexType::Duration,
            u.duration(None),
            Kind::Dur,
        ))
    }

    /// "third-quarter", "first-half".
    fn quarter_like(&self, s: usize, e: usize, q: u32, u: Unit) -> Option<Hit> {
        let year = if self.w(e) == "of" {
            year_of(self.w(e + 1))
        } else {
            None
        };
        let e2 = if year.is_some() { e + 2 } else { e };
        match u {
            Unit::Quarter if (1..=4).contains(&q) => {
                let (v, a) = self.quarter_value(q, year, s);
                Some(Hit::date(s, e2, v).anchor(a))
            }
            _ => None,
        }
    }

    /// Words after "the": "the third quarter", "the past two months", "the weekend",
    /// "the day before", "the next morning", "the 1990s", "the future".
    fn the(&self, i: usize) -> Option<Hit> {
        let a = self.w(i + 1);
        let b = self.w(i + 2);
        if let Some(h) = self.quarter_phrase(i, i + 1) {
            return Some(h);
        }
        // "the past two months", "the next 12 hours", "the first nine months"
        if matches!(
            a,
            "past"
                | "last"
                | "next"
                | "previous"
                | "coming"
                | "first"
                | "following"
                | "final"
                | "latest"
                | "prior"
                | "remaining"
        ) {
            if let Some(mut h) = self.duration(i + 2) {
                if h.t == TimexType::Duration && !b.starts_with('a') {
                    h.s = i;
                    return Some(h);
                }
            }
        }
        if let Some(mut h) = self.duration(i + 1) {
            if h.t == TimexType::Duration && lex::cardinal(a).is_some() {
                h.s = i;
                return Some(h);
            }
        }
        // "the third quarter [of 1990]", "the first half"
        if let Some(q) = lex::ordinal(a) {
            let (yr, e) = if self.w(i + 3) == "of" {
                (year_of(self.w(i + 4)), i + 5)
            } else {
                (None, i + 3)
            };
            let e = if yr.is_some() { e } else { i + 3 };
            match b {
                "quarter" if (1..=4).contains(&q) => {
                    let (v, an) = self.quarter_value(q, yr, i);
                    return Some(Hit::date(i, e, v).anchor(an));
                }
                "half" if (1..=2).contains(&q) => {
                    let y = yr.or_else(|| self.dct.map(|d| d.year()));
                    let v = match y {
                        Some(y) => format!("{y:04}-H{q}"),
                        None => format!("XXXX-H{q}"),
                    };
                    return Some(Hit::date(i, e, v));
                }
                "century" => return Some(Hit::date(i, i + 3, format!("{:02}", q - 1))),
                _ => {}
            }
        }
        // "the third-quarter loss": the article belongs to the noun phrase.
        if a.ends_with("-quarter") {
            return None;
        }
        // "the 1990s", "the '90s"
        if let Some(dec) = a.strip_suffix('s').and_then(year_of) {
            return Some(Hit::date(i, i + 2, format!("{:03}", dec / 10)));
        }
        if let Some(h) = self.decade_apostrophe(i + 1) {
            return Some(Hit { s: i, ..h });
        }
        if a == "year" {
            if let Some(mut h) = self.spelled_year(i + 1) {
                h.s = i;
                return Some(h);
            }
        }
        match a {
            "near" | "distant" | "foreseeable" if b == "future" => {
                return Some(Hit::date(i, i + 3, "FUTURE_REF"));
            }
            "near" | "short" if b == "term" => {
                return Some(Hit::date(i, i + 3, "FUTURE_REF"));
            }
            "past" | "future" | "present" if lex::unit(b).is_none() && b != "few" => {
                let v = match a {
                    "past" => "PAST_REF",
                    "future" => "FUTURE_REF",
                    _ => "PRESENT_REF",
                };
                return Some(Hit::date(i, i + 2, v));
            }
            "day" | "night" | "morning" | "evening" | "week" | "month" | "year"
                if matches!(b, "before" | "after") && self.w(i + 3) != "that" =>
            {
                let n = if b == "before" { -1 } else { 1 };
                // "the day before authorities issued a warrant", "the day after his death":
                // "before/after" opens a clause or an event; the expression is "the day".
                let c = self.w(i + 3);
                // "the day before last Tuesday('s hearing)", "the day after Jan. 5": the
                // day counted from the date that follows.
                if a == "day" {
                    if let Some(h) = self.at(i + 3).filter(|h| h.kind == Kind::Date) {
                        if let Ok(d) = NaiveDate::parse_from_str(&h.v, "%Y-%m-%d") {
                            let d = d + Duration::days(n);
                            return Some(
                                Hit::date(i, h.e, value::day(d)).anchor(Anchor::Day(d, false)),
                            );
                        }
                    }
                }
                let event = self.kind(i + 3) == Some(TokenKind::Word)
                    && !self.cap(i + 3)
                    && !matches!(c, "yesterday" | "today" | "tomorrow" | "last" | "next");
                if event {
                    if a == "day" && self.prev(i) == "," {
                        // "Oct. 12, the day before the crash": the day just named.
                        let d = self.ref_day.or(self.dct)?;
                        return Some(Hit::date(i, i + 2, value::day(d)));
                    }
                    let mut h = self.ref_shift(i, i + 3, a, n)?;
                    h.e = i + 2;
                    return Some(h);
                }
                return self.ref_shift(i, i + 3, a, n);
            }
            "next" | "following" | "previous" | "preceding" | "prior" if !b.is_empty() => {
                let n = if matches!(a, "next" | "following") {
                    1
                } else {
                    -1
                };
                // "the previous Friday", "the following Monday": counted from the day the
                // story is at, not from the document date.
                if let (Some(wd), Some(base)) = (lex::weekday(b), self.ref_day.or(self.dct)) {
                    let cur = base.weekday().number_from_monday() as i64;
                    let k = if n > 0 {
                        (wd as i64 - cur - 1).rem_euclid(7) + 1
                    } else {
                        -((cur - wd as i64 - 1).rem_euclid(7) + 1)
                    };
                    let d = base + Duration::days(k);
                    // The story moves on to "the following Monday"; "the previous Friday" is
                    // a point of comparison.
                    let a = if n > 0 {
                        Anchor::Day(d, false)
                    } else {
                        Anchor::None
                    };
                    return Some(Hit::date(i, i + 3, value::day(d)).anchor(a));
                }
                if let Some(h) = self.ref_shift(i, i + 3, b, n) {
                    return Some(h);
                }
            }
            "same" if matches!(b, "day") => {
                let d = self.ref_day.or(self.dct)?;
                return Some(Hit::date(i, i + 3, value::day(d)));
            }
            "weekend" => {
                return Some(Hit::date(i, i + 2, self.weekend(i)));
            }
            "week" if b == "of" => {
                // "the week of March 6"
                let m = lex::month(self.w(i + 3))?;
                let h = self.month_date(i + 3, m)?;
                let d = NaiveDate::parse_from_str(&h.v, "%Y-%m-%d").ok()?;
                return Some(Hit::date(i, h.e, value::week(d)));
            }
            // "the last half of 1989"
            "last" if b == "half" && self.w(i + 3) == "of" => {
                if let Some(y) = year_of(self.w(i + 4)) {
                    return Some(Hit::date(i, i + 5, format!("{y:04}-H2")));
                }
            }
            "year" | "month" | "week" => {
                if b.starts_with("ago") || lex::unit(b).is_some() || b == "-" {
                    return None;
                }
                let p = self.prev(i);
                // "during the year", "the year ended March 31": a year-long period. "For the
                // year" in results ("for the year, volume was flat") is the year reported on.
                if a == "year"
                    && (matches!(p, "during" | "over" | "throughout")
                        || matches!(b, "ended" | "ending"))
                {
                    return Some(Hit::new(i, i + 2, TimexType::Duration, "P1Y", Kind::Other));
                }
                let u = lex::unit(a)?.0;
                let v = self.rel_unit(u, 0)?;
                let v = if a == "week" && self.dct.is_some() {
                    format!("{}-WXX", &v[..4])
                } else {
                    v
                };
                return Some(Hit::date(i, i + 2, v));
            }
            "fiscal" | "full" | "calendar" if b == "year" => {
                let p = self.prev(i);
                // "throughout the fiscal year" is a year-long period; "(earnings) for the
                // fiscal year" and "the full year" are the year reported on.
                if a != "full" && matches!(p, "during" | "over" | "throughout")
                    || matches!(self.w(i + 3), "ended" | "ending")
                {
                    return Some(Hit::new(i, i + 3, TimexType::Duration, "P1Y", Kind::Other));
                }
                let v = self.rel_unit(Unit::Year, 0)?;
                return Some(Hit::date(i, i + 3, v));
            }
            "quarter" | "latest" | "current" | "recent" | "year-ago" | "year-earlier"
            | "comparable" | "corresponding" | "same" | "previous" | "prior" => {
                if let Some(h) = self.report_period(i, i + 1) {
                    return Some(h);
                }
            }
            "nineties" | "eighties" | "seventies" | "sixties" | "fifties" => {
                let d = match a {
                    "nineties" => 9,
                    "eighties" => 8,
                    "seventies" => 7,
                    "sixties" => 6,
                    _ => 5,
                };
                return Some(Hit::date(i, i + 2, format!("19{d}")));
            }
            _ => {}
        }
        if let Some(mut h) = self.spelled_year(i + 1) {
            h.s = i;
            return Some(h);
        }
        if let Some(s) = lex::season(a) {
            if b == "of" {
                if let Some(h) = self.spelled_year(i + 3) {
                    return Some(Hit::date(i, h.e, format!("{}-{s}", h.v)));
                }
            }
            let y = self.dct.map(|d| d.year());
            let v = match y {
                Some(y) => format!("{y:04}-{s}"),
                None => format!("XXXX-{s}"),
            };
            if b == "of" {
                if let Some(yy) = year_of(self.w(i + 3)) {
                    return Some(Hit::date(i, i + 4, format!("{yy:04}-{s}")));
                }
            }
            return Some(Hit::date(i, i + 2, v));
        }
        // "the 1988 period", "the 1989 quarter"
        if let Some(y) = year_of(a) {
            if matches!(b, "period" | "quarter") {
                let q = self.current_report_quarter().map_or(4, |q| q.1);
                return Some(Hit::date(i, i + 3, format!("{y:04}-Q{q}")));
            }
        }
        if let Some(rest) = a.strip_prefix("mid-") {
            if let Some(mut h) = self.mid_compound(i + 1, rest) {
                h.s = i;
                h.m = Some("MID");
                return Some(h);
            }
        }
        if matches!(
            a,
            "last" | "past" | "previous" | "next" | "coming" | "current"
        ) {
            if let Some(mut h) = self.relative(i + 1).filter(|h| h.e > i + 2) {
                h.s = i;
                return Some(h);
            }
        }
        None
    }

    /// "the 1988 third quarter", "this year's third quarter", "the year-ago quarter",
    /// "fiscal first quarter", "third-quarter", "the first half of 1990".
    fn quarter_phrase(&self, s: usize, mut j: usize) -> Option<Hit> {
        let mut year = None;
        let mut shift = 0;
        let mut any = false;
        loop {
            let w = self.w(j);
            if let Some(y) = year_of(w) {
                year = Some(y);
                j += 1;
                any = true;
                continue;
            }
            match w {
                "year-ago" | "year-earlier" => {
                    shift = -1;
                    any = true;
                    j += 1;
                }
                "comparable" | "fiscal" | "corresponding" | "calendar" => j += 1,
                "this" | "last" | "next" if self.w(j + 1).starts_with("year") => {
                    let k = if self.w(j + 1) == "year's" {
                        j + 2
                    } else if self.w(j + 1) == "year" && matches!(self.w(j + 2), "'s" | "’s") {
                        j + 3
                    } else {
                        return None;
                    };
                    let d = self.dct?;
                    year = Some(
                        d.year()
                            + match w {
                                "last" => -1,
                                "next" => 1,
                                _ => 0,
                            },
                    );
                    any = true;
                    j = k;
                }
                _ => break,
            }
        }
        // "the fiscal-first quarter" is "the fiscal first quarter".
        let w = self.w(j);
        let w = w.strip_prefix("fiscal-").unwrap_or(w);
        let (q, half, mut e) = if let Some(q) = w.strip_suffix("-quarter").and_then(lex::ordinal) {
            if s < j && self.w(s) == "the" && s + 1 == j {
                // "the third-quarter loss": the article belongs to the noun phrase.
                return None;
            }
            (Some(q), false, j + 1)
        } else if let Some(q) = w.strip_suffix("-half").and_then(lex::ordinal) {
            (Some(q), true, j + 1)
        } else if let (Some(q), "quarter" | "half") = (lex::ordinal(w), self.w(j + 1)) {
            (Some(q), self.w(j + 1) == "half", j + 2)
        } else if (w == "quarter" || w == "period") && any {
            (None, false, j + 1)
        } else {
            return None;
        };
        if year.is_none() && self.w(e) == "of" {
            if let Some(y) = year_of(self.w(e + 1)) {
                year = Some(y);
                e += 2;
            }
        }
        if half {
            let q = q.filter(|q| (1..=2).contains(q))?;
            let y = year.or_else(|| self.dct.map(|d| d.year()));
            let v = y.map_or(format!("XXXX-H{q}"), |y| format!("{:04}-H{q}", y + shift));
            return Some(Hit::date(s, e, v));
        }
        let q = match q {
            Some(q) if (1..=4).contains(&q) => q,
            Some(_) => return None,
            None => self.current_report_quarter()?.1,
        };
        let (v, a) = match year {
            Some(y) => {
                let y = y + shift;
                (format!("{y:04}-Q{q}"), Anchor::Quarter(y, q))
            }
            None => {
                let (v, a) = self.quarter_value(q, None, s);
                if shift != 0 {
                    let y: i32 = v[..4].parse().ok()?;
                    (format!("{:04}-Q{q}", y + shift), Anchor::None)
                } else {
                    (v, a)
                }
            }
        };
        Some(Hit::date(s, e, v).anchor(a))
    }

    /// "the quarter", "the latest quarter", "the year-ago period", "the year-earlier quarter".
    fn report_period(&self, s: usize, j: usize) -> Option<Hit> {
        let a = self.w(j);
        if matches!(a, "latest" | "recent") && self.w(j + 1) == "quarter" {
            let d = self.dct?;
            let x = value::add_months(d, -3);
            let v = format!("{:04}-Q{}", x.year(), value::quarter_of(x));
            return Some(Hit::date(s, j + 2, v));
        }
        let (shift, k) = match a {
            "quarter" => (0, j),
            "latest" | "current" | "recent" | "same" => (0, j + 1),
            "year-ago" | "year-earlier" | "comparable" | "corresponding" | "previous" | "prior" => {
                (
                    if matches!(a, "previous" | "prior") {
                        0
                    } else {
                        -1
                    },
                    j + 1,
                )
            }
            _ => return None,
        };
        let head = self.w(k);
        if head != "quarter" && head != "period" {
            return None;
        }
        if head == "period" && a == "same" {
            return None;
        }
        let mut e = k + 1;
        let (y, q) = self.current_report_quarter()?;
        let mut y = y + shift;
        if matches!(a, "previous" | "prior") {
            if self.w(e) == "year" || head == "period" {
                return None;
            }
            let (yy, qq) = if q == 1 { (y - 1, 4) } else { (y, q - 1) };
            return Some(Hit::date(s, e, format!("{yy:04}-Q{qq}")));
        }
        if a == "current" && head == "quarter" {
            let v = self.rel_unit(Unit::Quarter, 0)?;
            return Some(Hit::date(s, e, v));
        }
        // "the quarter a year ago", "the period last year"; "the corresponding period last
        // year" is a year back once, not twice.
        let back = i32::from(shift == 0);
        if self.w(e) == "a" && self.w(e + 1) == "year" && matches!(self.w(e + 2), "ago" | "earlier")
        {
            y -= back;
            e += 3;
        } else if self.w(e) == "last" && self.w(e + 1) == "year" {
            y -= back;
            e += 2;
        }
        Some(Hit::date(s, e, format!("{y:04}-Q{q}")))
    }

    /// "the day before" / "the next morning": relative to the most recent day in the discourse.
    fn ref_shift(&self, s: usize, e: usize, unit: &str, n: i64) -> Option<Hit> {
        let base = self.ref_day.or(self.dct);
        let day = |k: i64| base.map_or("XXXX-XX-XX".into(), |d| value::day(d + Duration::days(k)));
        Some(match unit {
            "day" => Hit::date(s, e, day(n)),
            "morning" | "afternoon" | "evening" | "night" => {
                let p = lex::daypart(unit)?;
                Hit::new(s, e, TimexType::Time, format!("{}T{p}", day(n)), Kind::Date)
            }
            "week" => Hit::date(
                s,
                e,
                base.map_or("XXXX-WXX".into(), |d| value::week(d + Duration::weeks(n))),
            ),
            "month" => Hit::date(
                s,
                e,
                base.map_or("XXXX-XX".into(), |d| {
                    let x = value::add_months(d, n as i32);
                    fmt_ym(Some(x.year()), x.month())
                }),
            ),
            "year" => Hit::date(
                s,
                e,
                base.map_or("XXXX".into(), |d| format!("{:04}", d.year() as i64 + n)),
            ),
            _ => return None,
        })
    }

    /// Years in words: "nineteen ninety-six", "(the year) two thousand".
    fn spelled_year(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.w(j) == "year" {
            j += 1;
        }
        let w = self.w(j);
        let y = if w == "nineteen" {
            let n = lex::cardinal(self.w(j + 1)).filter(|n| (10..100).contains(n))?;
            j += 1;
            1900 + n as i32
        } else if w == "two" && self.w(j + 1) == "thousand" {
            j += 1;
            2000
        } else {
            return None;
        };
        if j == i + 1 && w == "two" && self.w(i) != "year" {
            return None;
        }
        Some(Hit::date(i, j + 1, format!("{y:04}")))
    }

    /// "that day", "that same year", "that quarter", "that night": the unit of the time
    /// the discourse is at (the last day mentioned, the narrative year, the last quarter).
    fn anaphoric(&self, i: usize) -> Option<Hit> {
        let mut j = i + 1;
        if self.w(j) == "same" {
            j += 1;
        }
        let a = self.w(j);
        let base = self.ref_day.or(self.dct);
        let e = j + 1;
        Some(match a {
            "day" => Hit::date(i, e, base.map_or("XXXX-XX-XX".into(), value::day)),
            "morning" | "afternoon" | "evening" | "night" => {
                let p = lex::daypart(a)?;
                let d = base.map_or("XXXX-XX-XX".into(), value::day);
                Hit::new(i, e, TimexType::Time, format!("{d}T{p}"), Kind::Date)
            }
            "week" => Hit::date(i, e, base.map_or("XXXX-WXX".into(), value::week)),
            "month" => Hit::date(
                i,
                e,
                base.map_or("XXXX-XX".into(), |d| fmt_ym(Some(d.year()), d.month())),
            ),
            "year" => {
                let y = self.last_year.or(base.map(|d| d.year()));
                Hit::date(i, e, y.map_or("XXXX".into(), |y| format!("{y:04}")))
            }
            "quarter" => {
                let (y, q) = self.current_report_quarter()?;
                Hit::date(i, e, format!("{y:04}-Q{q}"))
            }
            _ => return None,
        })
    }

    /// "'90s".
    fn decade_apostrophe(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        if matches!(w, "'" | "’" | "‘") {
            let n = self.w(i + 1);
            if n.len() == 3 && n.ends_with('s') && is_num(&n[..2]) {
                return Some(Hit::date(i, i + 2, format!("19{}", &n[..1])));
            }
        }
        let n = w.trim_start_matches(['\'', '’', '‘']);
        if n.len() == 3 && n.len() < w.len() && n.ends_with('s') && is_num(&n[..2]) {
            return Some(Hit::date(i, i + 1, format!("19{}", &n[..1])));
        }
        None
    }

    /// "last year", "this week", "next month", "last Friday", "last April", "this summer",
    /// "past decade", "every week", "each day".
    fn relative(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let n = match w {
            "last" | "past" | "previous" => -1,
            "this" | "current" => 0,
            "next" | "coming" => 1,
            "every" | "each" => return self.set(i),
            _ => return None,
        };
        let mut j = i + 1;
        // "this past spring": the last one.
        let mut n = n;
        if w == "this" && self.w(j) == "past" {
            j += 1;
            n = -1;
        }
        if matches!(self.w(j), "fiscal" | "calendar") && self.w(j + 1) == "year" {
            j += 1;
        }
        let a = self.w(j);
        if let Some((u, false)) = lex::unit(a) {
            // A title-case unit ("ABC's \"This Week\"") names a programme or a column.
            let t = &self.text[self.toks[j].start..self.toks[j].end];
            if t.starts_with(|c: char| c.is_ascii_uppercase())
                && t[1..].bytes().all(|b| b.is_ascii_lowercase())
            {
                return None;
            }
            if u == Unit::Quarter && self.dct.is_some() && n == 0 && w == "this" {
                let v = self.rel_unit(u, 0)?;
                return Some(Hit::date(i, j + 1, v));
            }
            if w == "past" && matches!(u, Unit::Decade | Unit::Century) && self.prev(i) != "the" {
                return Some(Hit::new(
                    i,
                    j + 1,
                    TimexType::Duration,
                    u.duration(Some(1)),
                    Kind::Other,
                ));
            }
            if w == "current" && u != Unit::Quarter && u != Unit::Year {
                return None;
            }
            // "last day" is not a date; "next year-end" is a compound.
            if u == Unit::Day || self.w(j + 1) == "-" {
                return None;
            }
            let v = self.rel_unit(u, n)?;
            return Some(Hit::date(i, j + 1, v));
        }
        if let Some(wd) = lex::weekday(a) {
            let t = match n {
                -1 => Some(Tense::Past),
                1 => Some(Tense::Future),
                _ => None,
            };
            let (v, an) = self.weekday_value(wd, j, t);
            return Some(Hit::date(i, j + 1, v).anchor(an));
        }
        if let Some(m) = lex::month(a) {
            if !self.cap(j) {
                return None;
            }
            if let Some(h) = self.month_date(j, m) {
                if h.e > j + 1 {
                    // "last Oct. 23": the date stands alone.
                    return None;
                }
            }
            let y = self.dct.map(|d| {
                let y = d.year();
                match n {
                    -1 if m >= d.month() => y - 1,
                    1 if m <= d.month() => y + 1,
                    _ => y,
                }
            });
            return Some(Hit::date(i, j + 1, fmt_ym(y, m)));
        }
        if let Some(s) = lex::season(a) {
            let v = self
                .dct
                .map_or(format!("XXXX-{s}"), |d| season_value(d, s, n));
            return Some(Hit::date(i, j + 1, v));
        }
        if let Some(p) = lex::daypart(a) {
            if w == "this" {
                let (d, an) = self.rel_day(0);
                return Some(
                    Hit::new(i, j + 1, TimexType::Time, format!("{d}T{p}"), Kind::Date).anchor(an),
                );
            }
            if w == "last" && a == "night" {
                let (d, an) = self.rel_day(-1);
                return Some(
                    Hit::new(i, j + 1, TimexType::Time, format!("{d}TNI"), Kind::Date).anchor(an),
                );
            }
        }
        if w == "current" && !a.is_empty() && lex::unit(a).is_none() {
            // "current" as an adjective of the present ("the current economic slowdown").
            // Not in "current and former officials", "current or past".
            if (self.prev(i) == "the" || self.kind(j) == Some(TokenKind::Word))
                && !matches!(a, "and" | "or")
            {
                return Some(Hit::date(i, i + 1, "PRESENT_REF"));
            }
        }
        if w == "coming" && lex::unit(a).is_some_and(|u| u.1) {
            return Some(Hit::date(i, j + 1, "FUTURE_REF"));
        }
        if matches!(w, "past" | "last" | "next") {
            // "the past two years" without "the": "past two years"
            if let Some(mut h) = self.duration(j) {
                if h.t == TimexType::Duration && lex::cardinal(a).is_some() {
                    h.s = i;
                    return Some(h);
                }
            }
        }
        None
    }

    /// "every week", "each day", "every Monday".
    fn set(&self, i: usize) -> Option<Hit> {
        let mut j = i + 1;
        if self.w(j) == "other" {
            j += 1;
        }
        let a = self.w(j);
        let n = if j > i + 1 { 2 } else { 1 };
        if let Some((u, false)) = lex::unit(a) {
            return Some(Hit::new(
                i,
                j + 1,
                TimexType::Set,
                u.duration(Some(n)),
                Kind::Other,
            ));
        }
        if let Some(wd) = lex::weekday(a) {
            return Some(Hit::new(
                i,
                j + 1,
                TimexType::Set,
                format!("XXXX-WXX-{wd}"),
                Kind::Other,
            ));
        }
        if let Some(p) = lex::daypart(a) {
            return Some(Hit::new(
                i,
                j + 1,
                TimexType::Set,
                format!("XXXX-XX-XXT{p}"),
                Kind::Other,
            ));
        }
        None
    }

    /// Single words and short fixed phrases: "today", "now", "recently", "midnight", "tonight",
    /// "daily", holidays, seasons after a preposition.
    fn word(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let n1 = self.w(i + 1);
        let day_word = match w {
            "today" => Some(0),
            "yesterday" => Some(-1),
            "tomorrow" => Some(1),
            _ => None,
        };
        if let Some(n) = day_word {
            let (v, a) = self.rel_day(n);
            if let Some(p) = lex::daypart(n1) {
                return Some(
                    Hit::new(i, i + 2, TimexType::Time, format!("{v}T{p}"), Kind::Date).anchor(a),
                );
            }
            return Some(Hit::date(i, i + 1, v).anchor(a));
        }
        let refv = match w {
            "now" => {
                // "Now, ..." opening a sentence is a discourse marker, not the present.
                if n1 == "-" || n1 == "," && i == self.sent_start {
                    return None;
                }
                Some("PRESENT_REF")
            }
            "currently" | "nowadays" | "presently" => Some("PRESENT_REF"),
            "recently" | "lately" | "formerly" => Some("PAST_REF"),
            "future" if matches!(self.prev(i), "in" | "near" | "distant" | "foreseeable") => {
                Some("FUTURE_REF")
            }
            _ => None,
        };
        if let Some(v) = refv {
            // "right now", "more recently", "until recently"
            let s = match (self.prev(i), w) {
                ("more" | "most", "recently") => i - 1,
                _ => i,
            };
            return Some(Hit::date(s, i + 1, v));
        }
        if w == "tonight" {
            let (v, a) = self.rel_day(0);
            return Some(
                Hit::new(i, i + 1, TimexType::Time, format!("{v}TNI"), Kind::Date).anchor(a),
            );
        }
        if w == "overnight" {
            return None;
        }
        if w == "midnight" || w == "noon" || w == "midday" {
            let t = if w == "midnight" { "24:00" } else { "12:00" };
            let mut e = i + 1;
            let mut day = self.following_day(e).unwrap_or_else(|| self.story_day());
            if let Some(wd) = lex::weekday(n1) {
                day = self.weekday_value(wd, i, None).0;
                e += 1;
            }
            return Some(Hit::new(
                i,
                e,
                TimexType::Time,
                format!("{day}T{t}"),
                Kind::Clock,
            ));
        }
        if let Some(f) = lex::frequency(w) {
            if w == "annual" || w == "quarterly" || w == "annually" {
                return None;
            }
            return Some(Hit::new(i, i + 1, TimexType::Set, f, Kind::Other));
        }
        if let Some((u, true)) = lex::unit(w) {
            // Bare plurals after "for": "for years", "for months".
            if matches!(self.prev(i), "for" | "within" | "in") && !matches!(n1, "of" | "-") {
                if u == Unit::Quarter || u == Unit::Weekend {
                    return None;
                }
                if self.prev(i) == "in" && u != Unit::Year && u != Unit::Decade {
                    return None;
                }
                return Some(Hit::new(
                    i,
                    i + 1,
                    TimexType::Duration,
                    u.duration(None),
                    Kind::Dur,
                ));
            }
            if n1 == "ago" {
                return Some(Hit::date(i, i + 2, "PAST_REF"));
            }
        }
        if let Some(q) = w.strip_suffix("-quarter").and_then(lex::ordinal) {
            return self.quarter_like(i, i + 1, q, Unit::Quarter);
        }
        if matches!(w, "year-earlier" | "year-ago") {
            let (y, q) = self.current_report_quarter()?;
            if self.quarter_context(i) {
                return Some(Hit::date(i, i + 1, format!("{:04}-Q{q}", y - 1)));
            }
            return Some(Hit::date(i, i + 1, format!("{:04}", self.dct?.year() - 1)));
        }
        if w == "year" && (n1 == "end" || n1 == "'s" && self.w(i + 2) == "end") {
            let e = if n1 == "end" { i + 2 } else { i + 3 };
            let d = self.dct?;
            return Some(Hit::date(i, e, format!("{:04}", d.year())));
        }
        if w == "year-end" {
            let d = self.dct?;
            let y = if self.tense(i) == Tense::Past && d.month() < 6 {
                d.year() - 1
            } else {
                d.year()
            };
            return Some(Hit::date(i, i + 1, format!("{y:04}-12-31")));
        }
        if w == "fiscal" {
            if let Some(y) = year_of(n1) {
                return Some(Hit::date(i, i + 2, format!("{y:04}")));
            }
        }
        if let Some(s) = lex::season(w) {
            // Seasons need a determiner or preposition: "in summer", "last fall" (handled
            // elsewhere), "summer 2016".
            if let Some(y) = year_of(n1) {
                return Some(Hit::date(i, i + 2, format!("{y:04}-{s}")));
            }
            if matches!(
                self.prev(i),
                "in" | "this" | "during" | "by" | "until" | "early" | "late" | "mid"
            ) && w != "fall"
            {
                let v = self
                    .dct
                    .map_or(format!("XXXX-{s}"), |d| format!("{:04}-{s}", d.year()));
                return Some(Hit::date(i, i + 1, v));
            }
            return None;
        }
        if let Some(h) = self.holiday(i) {
            return Some(h);
        }
        self.decade_apostrophe(i)
    }

    /// Holidays with fixed or computable dates, in the year of the discourse or document.
    fn holiday(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        if !self.cap(i) {
            return None;
        }
        let n1 = self.w(i + 1);
        let n2 = self.w(i + 2);
        let (md, e): (Box<dyn Fn(i32) -> Option<NaiveDate>>, usize) = match (w, n1) {
            ("christmas", _) => {
                let e = if n2.is_empty() || !matches!(n1, "day" | "eve") {
                    i + 1
                } else {
                    i + 2
                };
                let eve = n1 == "eve";
                (
                    Box::new(move |y| NaiveDate::from_ymd_opt(y, 12, if eve { 24 } else { 25 })),
                    if matches!(n1, "day" | "eve") {
                        i + 2
                    } else {
                        e
                    },
                )
            }
            ("thanksgiving", _) => (
                Box::new(|y| nth_weekday(y, 11, chrono::Weekday::Thu, 4)),
                if n1 == "day" { i + 2 } else { i + 1 },
            ),
            ("election", "day") => (Box::new(election_day), i + 2),
            ("halloween", _) => (Box::new(|y| NaiveDate::from_ymd_opt(y, 10, 31)), i + 1),
            ("independence", "day") => (Box::new(|y| NaiveDate::from_ymd_opt(y, 7, 4)), i + 2),
            ("labor", "day") => (
                Box::new(|y| nth_weekday(y, 9, chrono::Weekday::Mon, 1)),
                i + 2,
            ),
            ("memorial", "day") => (
                Box::new(|y| last_weekday(y, 5, chrono::Weekday::Mon)),
                i + 2,
            ),
            ("valentine's" | "valentine", _) if n1 == "day" || n2 == "day" => (
                Box::new(|y| NaiveDate::from_ymd_opt(y, 2, 14)),
                if n1 == "day" { i + 2 } else { i + 3 },
            ),
            ("new", "year's") if n2 == "day" || n2 == "eve" => {
                let eve = n2 == "eve";
                (
                    Box::new(move |y| {
                        if eve {
                            NaiveDate::from_ymd_opt(y, 12, 31)
                        } else {
                            NaiveDate::from_ymd_opt(y, 1, 1)
                        }
                    }),
                    i + 3,
                )
            }
            _ => return None,
        };
        // "Election Day, November 8, 2016": the date in apposition gives the year.
        if self.w(e) == "," {
            if let Some(m) = lex::month(self.w(e + 1)) {
                if let Some(h) = self.month_date(e + 1, m) {
                    if let Anchor::Day(d, true) = h.anchor {
                        return Some(Hit::date(i, e, value::day(d)));
                    }
                }
            }
        }
        // The nearest occurrence, as for a bare "October 12".
        let base = self.dct.map(|d| d.year()).or(self.disc_year.map(|d| d.0));
        let y = base
            .and_then(&md)
            .and_then(|d0| self.year_for_month(d0.month(), Some(d0.day()), i))
            .or(base);
        let v = match y.and_then(md) {
            Some(d) => value::day(d),
            None => return Some(Hit::date(i, e, "XXXX-XX-XX")),
        };
        Some(Hit::date(i, e, v))
    }
}

/// "last/this/next" + season, counted from the season the document date is in. A winter
/// belongs to the year it starts in ("2015-WI" is December 2015 to February 2016).
fn season_value(d: NaiveDate, s: &str, n: i32) -> String {
    let order = match s {
        "SP" => 0,
        "SU" => 1,
        "FA" => 2,
        _ => 3,
    };
    let y = d.year();
    let cur = match d.month() {
        3..=5 => y * 4,
        6..=8 => y * 4 + 1,
        9..=11 => y * 4 + 2,
        12 => y * 4 + 3,
        _ => (y - 1) * 4 + 3,
    };
    let cands = (cur - 4..=cur + 4).filter(|k| k.rem_euclid(4) == order);
    let k = match n {
        -1 => cands.filter(|&k| k < cur).max(),
        1 => cands.filter(|&k| k > cur).min(),
        _ => cands.filter(|&k| k >= cur - 1).min(),
    }
    .unwrap_or(cur);
    format!("{:04}-{s}", k.div_euclid(4))
}

fn ampm(w: &str) -> Option<bool> {
    match w {
        "a.m." | "am" | "a.m" => Some(false),
        "p.m." | "pm" | "p.m" => Some(true),
        _ => None,
    }
}

/// "n and a half" units as a TIMEX3 duration in the next smaller unit: "P2Y6M", "PT5H30M".
/// "yesterday", "today", "tomorrow" as days from the document date.
fn day_word_offset(w: &str) -> Option<i64> {
    match w {
        "yesterday" => Some(-1),
        "today" => Some(0),
        "tomorrow" => Some(1),
        _ => None,
    }
}

/// An hour of a 12-hour clock on the 24-hour clock.
fn hour24(n: u32, pm: bool) -> u32 {
    if pm {
        n % 12 + 12
    } else {
        n % 12
    }
}

/// `n` units and a decimal fraction (its digits, "5" for a half): "2.5 years" is `P2Y6M`,
/// "half an hour" (`n` 0) `PT30M`, "3.25 hours" `PT3.25H` (ISO 8601 allows a fraction on the
/// last component). A half of a larger unit than `half_more` knows stays whole ("2.5 weeks"
/// is `P2W`) unless there is no whole part.
fn fraction_value(u: Unit, n: u32, frac: &str) -> String {
    if frac.is_empty() {
        return u.duration(Some(n));
    }
    if frac == "5" {
        if let Some(v) = half_more(u, n) {
            return v;
        }
        if n > 0 {
            return u.duration(Some(n));
        }
    }
    u.duration(Some(n))
        .replacen(&n.to_string(), &format!("{n}.{frac}"), 1)
}

fn half_more(u: Unit, n: u32) -> Option<String> {
    Some(match u {
        // "half a year", "0.5 hours"
        Unit::Year if n == 0 => "P6M".into(),
        Unit::Day if n == 0 => "PT12H".into(),
        Unit::Hour if n == 0 => "PT30M".into(),
        Unit::Minute if n == 0 => "PT30S".into(),
        Unit::Year => format!("P{n}Y6M"),
        Unit::Day => format!("P{n}DT12H"),
        Unit::Hour => format!("PT{n}H30M"),
        Unit::Minute => format!("PT{n}M30S"),
        _ => return None,
    })
}

/// The unit and count of a simple duration value ("P2Y" -> (Year, Some(2))).
fn dur_parts(v: &str) -> Option<(Unit, Option<u32>)> {
    let body = v.strip_prefix("PT").or_else(|| v.strip_prefix('P'))?;
    let time = v.starts_with("PT");
    let (num, unit) = body.split_at(
        body.find(|c: char| c.is_ascii_alphabetic() && c != 'X')
            .unwrap_or(body.len()),
    );
    let n = if num == "X" {
        None
    } else {
        Some(num.parse::<u32>().ok()?)
    };
    // "and a half" ("P2Y6M", "PT5H30M"): counted in the larger unit.
    let unit = ["6M", "T12H", "30M", "30S"]
        .iter()
        .find_map(|h| unit.strip_suffix(h))
        .unwrap_or(unit);
    let u = match (time, unit) {
        (true, "H") => Unit::Hour,
        (true, "M") => Unit::Minute,
        (true, "S") => Unit::Second,
        (false, "D") => Unit::Day,
        (false, "W") => Unit::Week,
        (false, "M") => Unit::Month,
        (false, "Q") => Unit::Quarter,
        (false, "Y") => {
            // Decades and centuries come back as years.
            Unit::Year
        }
        (false, "DE") => Unit::Decade,
        (false, "CE") => Unit::Century,
        _ => return None,
    };
    Some((u, n))
}

fn nth_weekday(y: i32, m: u32, wd: chrono::Weekday, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(y, m, wd, n)
}

fn last_weekday(y: i32, m: u32, wd: chrono::Weekday) -> Option<NaiveDate> {
    nth_weekday(y, m, wd, 5).or_else(|| nth_weekday(y, m, wd, 4))
}

/// US Election Day: the Tuesday after the first Monday of November.
fn election_day(y: i32) -> Option<NaiveDate> {
    nth_weekday(y, 11, chrono::Weekday::Mon, 1).map(|d| d + Duration::days(1))
}

#[cfg(test)]
mod tests;
