//! The story's time: the document date and where the narrative stands (the day it is at, the
//! year of its last explicit date or of a retrospective, the quarter a report speaks of, the
//! date of the section or quotation being read), moved by each date found.
//! The only place that holds that state; never reads tokens (callers pass the tense).

use chrono::{Datelike, Duration, NaiveDate};

use super::lex::Unit;
use super::tense::Tense;
use super::value::{self, Day, Value};

/// How many sentences an explicit year stays the year of bare dates ("On October 12").
const DISCOURSE_SENTENCES: usize = 15;

/// What a date found tells the story.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Anchor {
    None,
    /// A day; true when its year was written out.
    Day(NaiveDate, bool),
    /// An explicit year (with a month) was written out.
    Year(i32),
    Quarter(i32, u32),
}

/// The document date and the narrative state, in reading order.
pub(super) struct Story {
    /// The date relative words count from: the document date, else the date of the section
    /// being read, else the day a quotation was said or sent (see [`Story::enter_quote`]).
    dct: Option<NaiveDate>,
    /// The document date itself, never moved.
    doc_date: Option<NaiveDate>,
    /// In a retrospective (its explicit years all well before the document date): the year
    /// the story happens in, for bare months and days before the text names one.
    story_year: Option<i32>,
    /// While inside a dated quotation: the reference day and date of the narrative outside it.
    saved: Option<(Option<NaiveDate>, Option<NaiveDate>)>,
    /// The year of the most recent explicit date, and the sentence it was in.
    disc_year: Option<(i32, usize)>,
    /// The sentence being read.
    sent_idx: usize,
    /// The last day the story was placed on.
    ref_day: Option<NaiveDate>,
    /// The quarter of reference of a financial report, and the sentence that last spoke of
    /// quarters.
    last_q: Option<(i32, u32)>,
    last_q_sent: Option<usize>,
    /// The last year written out anywhere ("in 1988", "May 1988"), for "that year".
    last_year: Option<i32>,
    /// The last month named ("in February"), and its sentence, for "the month".
    last_month: Option<(i32, u32, usize)>,
    /// Where the narrative last stood to the month (and day): the point a bare month later
    /// in a simple-past narrative moves forward from.
    ref_point: Option<(i32, u32, Option<u32>)>,
}

/// What a date found means for the story, beyond its [`Anchor`].
pub(super) struct Found {
    pub(super) anchor: Anchor,
    /// The date modifies a noun ("the Dec. 21, 1988, bombing"): an event aside.
    pub(super) attributive: bool,
    /// A year written as a number ("in 1990"): the year "that year" refers to.
    pub(super) number_year: Option<Option<i32>>,
    /// The value is a quarter.
    pub(super) quarter: bool,
    /// The value is a month of a known year.
    pub(super) month: Option<(i32, u32)>,
}

impl Found {
    /// A full date that places the story on `d` (a tweet's own date, say).
    pub(super) fn day(d: NaiveDate) -> Found {
        Found {
            anchor: Anchor::Day(d, true),
            attributive: false,
            number_year: None,
            quarter: false,
            month: None,
        }
    }
}

impl Story {
    pub(super) fn new(dct: Option<NaiveDate>) -> Self {
        Story {
            dct,
            doc_date: dct,
            story_year: None,
            saved: None,
            disc_year: None,
            sent_idx: 0,
            ref_day: None,
            last_q: None,
            last_q_sent: None,
            last_year: None,
            last_month: None,
            ref_point: None,
        }
    }

    /// The date relative words count from (the document date, or the date of the section or
    /// quotation being read).
    pub(super) fn dct(&self) -> Option<NaiveDate> {
        self.dct
    }

    /// The document is a retrospective set in `y`: bare dates take that year, and an
    /// explicit year stays the story's year however far back it was written.
    pub(super) fn set_story_year(&mut self, y: Option<i32>) {
        self.story_year = y;
    }

    /// The year a retrospective is set in, when the document is one.
    pub(super) fn retrospective_year(&self) -> Option<i32> {
        self.story_year
    }

    /// The year of the story, for "the summer", a holiday: the narrative's year in a
    /// retrospective, else the year of the reference date.
    pub(super) fn story_year(&self) -> Option<i32> {
        match self.story_year {
            Some(y) => Some(self.disc_year.map_or(y, |d| d.0)),
            None => match self.disc_year {
                // The year the narrative is in, when it set one lately.
                Some((y, k)) if self.sent_idx <= k + DISCOURSE_SENTENCES => Some(y),
                _ => self.dct.map(|d| d.year()),
            },
        }
    }

    /// A new section of a compilation begins, dated `date` (its dateline or date line) or
    /// undated (it then counts from the document date). The narrative starts afresh.
    pub(super) fn enter_section(&mut self, date: Option<NaiveDate>) {
        self.leave_quote();
        self.dct = date.or(self.doc_date);
        self.ref_day = None;
        self.disc_year = None;
        self.ref_point = None;
    }

    /// A quotation said or sent on `day` opens: its relative words count from that day.
    pub(super) fn enter_quote(&mut self, day: NaiveDate) {
        if self.saved.is_none() {
            self.saved = Some((self.dct, self.ref_day));
        }
        self.dct = Some(day);
        self.ref_day = Some(day);
    }

    /// The dated quotation closes: the narrative is where it was before it.
    pub(super) fn leave_quote(&mut self) {
        if let Some((dct, day)) = self.saved.take() {
            self.dct = dct;
            self.ref_day = day;
        }
    }

    /// The day the story is at: the last day mentioned, else the document date.
    pub(super) fn current_day(&self) -> Option<NaiveDate> {
        self.ref_day.or(self.dct)
    }

    /// The year of the most recent explicit date.
    pub(super) fn narrative_year(&self) -> Option<i32> {
        self.disc_year.map(|d| d.0)
    }

    /// The last year written out, for "that year".
    pub(super) fn last_year(&self) -> Option<i32> {
        self.last_year
    }

    /// The month named in this sentence or the one before, for "the month" pointing back to
    /// it ("raised $11.9 million in February and spent it over the course of the month").
    pub(super) fn recent_month(&self) -> Option<(i32, u32)> {
        self.last_month
            .filter(|m| self.sent_idx <= m.2 + 1)
            .map(|(y, m, _)| (y, m))
    }

    /// The quarter of reference, once one was named.
    pub(super) fn last_quarter(&self) -> Option<(i32, u32)> {
        self.last_q
    }

    /// Did the report speak of quarters within the last dozen sentences?
    pub(super) fn quarters_in_discourse(&self) -> bool {
        self.last_q_sent.is_some_and(|k| self.sent_idx <= k + 12)
    }

    /// Reading moves on to sentence `k`.
    pub(super) fn enter_sentence(&mut self, k: usize) {
        self.sent_idx = k;
    }

    /// A date was found: the story moves to it (or not).
    pub(super) fn record(&mut self, f: Found) {
        match f.anchor {
            Anchor::Day(d, true) => self.last_year = Some(d.year()),
            Anchor::Year(y) => self.last_year = Some(y),
            _ => {
                if let Some(y) = f.number_year {
                    self.last_year = y;
                }
            }
        }
        if let Some((y, m)) = f.month {
            self.last_month = Some((y, m, self.sent_idx));
            if !f.attributive {
                self.ref_point = Some((y, m, None));
                // A month the narrative moved on to ("In February" after "December 2015")
                // moves its year, as a day does.
                if self.disc_year.is_some_and(|(dy, _)| dy != y) {
                    self.disc_year = Some((y, self.sent_idx));
                }
            }
        }
        let attributive = f.attributive;
        if let (Anchor::Day(d, _), false) = (f.anchor, attributive) {
            self.ref_point = Some((d.year(), d.month(), Some(d.day())));
        }
        match f.anchor {
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
        if self.last_q.is_some() && f.quarter {
            self.last_q_sent = Some(self.sent_idx);
        }
    }

    /// The year the narrative's year `y` gives a month `m` (and day `d`): a narrative told in
    /// the simple past moves forward, so a month before the point it stands at ("In December
    /// 2015, ... In February, ...") is in the next year when that is the document's year and
    /// the day is not after the document date; `back` (a pluperfect, "had") keeps it in `y`.
    fn forward_year(&self, y: i32, m: u32, d: Option<u32>, back: bool) -> i32 {
        let (Some((ry, rm, rd)), Some(dct)) = (self.ref_point, self.dct) else {
            return y;
        };
        let before = m < rm || m == rm && matches!((d, rd), (Some(d), Some(rd)) if d < rd);
        let next = NaiveDate::from_ymd_opt(y + 1, m, d.unwrap_or(1).min(28));
        if ry == y && y + 1 == dct.year() && before && !back && next.is_some_and(|n| n <= dct) {
            y + 1
        } else {
            y
        }
    }

    /// The year of a month (and day) written without one, in a sentence of tense `tense`
    /// (`back`: a pluperfect sentence, which may step back before the narrative's point).
    pub(super) fn year_for_month(
        &self,
        m: u32,
        d: Option<u32>,
        tense: Tense,
        back: bool,
    ) -> Option<i32> {
        // A retrospective: the story's year, whatever the tense and however far back the
        // last explicit year was written.
        if let Some(y) = self.story_year {
            let y = self.disc_year.map_or(y, |d| d.0);
            return Some(self.forward_year(y, m, d, back));
        }
        // Narrative: the year of a recent explicit date, unless the sentence looks ahead.
        if let Some((y, k)) = self.disc_year {
            if self.sent_idx <= k + DISCOURSE_SENTENCES && tense != Tense::Future {
                let y = self.forward_year(y, m, d, back);
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
                // A day a month or more back is not what a future-tense sentence means ("As
                // Election Day nears" in February is November's, not the last one).
                cost += if d.is_none() || diff < -30 { 400 } else { 120 };
            }
            if cost < best.0 {
                best = (cost, y);
            }
        }
        Some(best.1)
    }

    /// A month and day written without a year ("October 12").
    pub(super) fn month_day(&self, m: u32, d: u32, tense: Tense, back: bool) -> (Value, Anchor) {
        match self.year_for_month(m, Some(d), tense, back) {
            Some(y) => match NaiveDate::from_ymd_opt(y, m, d) {
                Some(dd) => (Value::day(dd), Anchor::Day(dd, false)),
                None => (Value::written(y, m, d), Anchor::None),
            },
            None => (Value::Day(Day::NoYear(m, d)), Anchor::None),
        }
    }

    /// The day a weekday names: the latest such day on or before the document date in the
    /// past tense, the next on or after it in the future tense (and without a tense marker
    /// when it is one or two days ahead); never the document date itself when `forced`
    /// ("last Friday", "next Friday").
    pub(super) fn weekday(&self, wd: u32, tense: Tense, forced: bool) -> (Value, Anchor) {
        let Some(dct) = self.dct else {
            return (Value::Day(Day::Weekday(wd)), Anchor::None);
        };
        let cur = dct.weekday().number_from_monday() as i64;
        let wd = wd as i64;
        // No tense marker ("The state holds its caucuses on Saturday", "contests in Utah on
        // Tuesday"): a schedule when the day is at most two days ahead, else the last one.
        let tense = match tense {
            Tense::None if !forced => {
                let ahead = (wd - cur).rem_euclid(7);
                if (1..=2).contains(&ahead) {
                    Tense::Future
                } else {
                    Tense::Past
                }
            }
            t => t,
        };
        let d = match tense {
            Tense::Future => {
                let mut k = (wd - cur).rem_euclid(7);
                if k == 0 && forced {
                    k = 7;
                }
                dct + Duration::days(k)
            }
            _ => {
                let mut k = (cur - wd).rem_euclid(7);
                if k == 0 && forced {
                    k = 7;
                }
                dct - Duration::days(k)
            }
        };
        (Value::day(d), Anchor::Day(d, false))
    }

    /// The weekend meant by "the weekend" / "this weekend": the last one in past-tense
    /// sentences, the next one otherwise.
    pub(super) fn weekend(&self, tense: Tense) -> Value {
        let Some(d) = self.dct else {
            return Value::Weekend(None);
        };
        let wd = d.weekday().number_from_monday() as i64;
        let sat = match tense {
            Tense::Future => d + Duration::days((6 - wd).rem_euclid(7)),
            _ => d - Duration::days((wd - 6).rem_euclid(7)),
        };
        Value::weekend(sat)
    }

    /// The day the story is at (the last day mentioned, else the document date), as a value.
    pub(super) fn story_day(&self) -> Value {
        self.ref_day
            .or(self.dct)
            .map_or(Value::UNKNOWN_DAY, Value::day)
    }

    pub(super) fn rel_day(&self, n: i64) -> (Value, Anchor) {
        match self.dct {
            Some(d) => {
                let d = d + Duration::days(n);
                (Value::day(d), Anchor::Day(d, false))
            }
            None => (Value::UNKNOWN_DAY, Anchor::None),
        }
    }

    /// "last/this/next" + unit, counted from the document date.
    pub(super) fn rel_unit(&self, u: Unit, n: i32) -> Option<Value> {
        let Some(d) = self.dct else {
            return Some(match u {
                Unit::Year => Value::Year(None),
                Unit::Month => Value::UnknownMonth,
                Unit::Week => Value::UnknownWeek,
                Unit::Weekend => Value::Weekend(None),
                Unit::Quarter => Value::Quarter(None, None),
                Unit::Day => Value::UNKNOWN_DAY,
                Unit::Decade => Value::Decade(None),
                Unit::Century => Value::Century(None),
                _ => return None,
            });
        };
        Some(match u {
            Unit::Year => Value::year(d.year() + n),
            Unit::Month => {
                let x = value::add_months(d, n);
                Value::month(Some(x.year()), x.month())
            }
            Unit::Week => Value::week(d + Duration::weeks(n as i64)),
            Unit::Weekend => Value::weekend(d + Duration::weeks(n as i64)),
            Unit::Day => Value::day(d + Duration::days(n as i64)),
            Unit::Quarter => {
                let x = value::add_months(d, 3 * n);
                Value::quarter(x.year(), value::quarter_of(x))
            }
            Unit::Decade => Value::decade(d.year() / 10 + n),
            Unit::Century => Value::century(d.year() / 100 + n),
            _ => return None,
        })
    }

    /// Quarter `q` of `year`, else of the year that makes it a quarter already begun (or,
    /// in the future tense, the coming one).
    pub(super) fn quarter(&self, q: u32, year: Option<i32>, tense: Tense) -> (Value, Anchor) {
        if let Some(y) = year {
            return (Value::quarter(y, q), Anchor::Quarter(y, q));
        }
        let Some(d) = self.dct else {
            return (Value::Quarter(None, Some(q)), Anchor::None);
        };
        let cur = value::quarter_of(d);
        let y = if q > cur && tense != Tense::Future {
            d.year() - 1
        } else {
            d.year()
        };
        (Value::quarter(y, q), Anchor::Quarter(y, q))
    }

    /// The quarter a financial report is most likely about: the last one mentioned, else the
    /// last completed one.
    pub(super) fn current_report_quarter(&self) -> Option<(i32, u32)> {
        if let Some(q) = self.last_q {
            return Some(q);
        }
        let d = self.dct?;
        let x = value::add_months(d, -3);
        Some((x.year(), value::quarter_of(x)))
    }
}

/// "last/this/next" + season, counted from the season the document date is in (in January and
/// February "this" is the coming one of the year). A winter belongs to the year it starts in
/// ("2015-WI" is December 2015 to February 2016).
pub(super) fn season_value(d: NaiveDate, s: &'static str, n: i32) -> Value {
    // "this fall" written in January or February is the fall ahead, not the one just past.
    if n == 0 && s != "WI" && d.month() <= 2 {
        return Value::season(d.year(), s);
    }
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
    Value::season(k.div_euclid(4), s)
}
