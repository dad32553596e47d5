//! The grammar of date, time and duration phrases: the longest expression starting at a
//! token, with its modifiers, as a typed value resolved against the story's time.
//! Never changes the story (the tagger records what is found) and never writes a string value.

mod dates;
mod durations;
mod phrases;
mod references;
mod words;

use chrono::{Datelike, NaiveDate};

use crate::text::TokenKind;
use crate::types::TimexType;

use super::anchor::Anchor;
use super::lex::{self, Unit};
use super::scan::year_of;
use super::tense::Tense;
use super::value::{self, Day, TimeOfDay, Value};
use super::Tagger;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
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

/// A temporal expression found: tokens `start..end`, its type, value and modifier, what it
/// tells the story ([`Anchor`]) and what it may combine with ([`Kind`]).
#[derive(Debug, Clone)]
pub(super) struct Hit {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) ttype: TimexType,
    pub(super) value: Value,
    pub(super) modifier: Option<&'static str>,
    pub(super) anchor: Anchor,
    pub(super) kind: Kind,
    /// Byte offsets within the tokens, for a part of one token ("17" of "17-20").
    pub(super) bytes: Option<(usize, usize)>,
}

impl Hit {
    pub(super) fn new(start: usize, end: usize, ttype: TimexType, value: Value, kind: Kind) -> Hit {
        Hit {
            start,
            end,
            ttype,
            value,
            modifier: None,
            anchor: Anchor::None,
            kind,
            bytes: None,
        }
    }
    pub(super) fn date(start: usize, end: usize, value: Value) -> Hit {
        Hit::new(start, end, TimexType::Date, value, Kind::Date)
    }
    /// A stretch of one unit ("the past week" as P1W, "the past decade" as P1DE).
    pub(super) fn one_unit(start: usize, end: usize, u: Unit) -> Hit {
        Hit::new(
            start,
            end,
            TimexType::Duration,
            Value::duration(u, Some(1)),
            Kind::Other,
        )
    }
    /// A part of a day ("MO", "NI") on `day`: "this morning", "Monday night".
    pub(super) fn day_part(start: usize, end: usize, day: Value, part: &'static str) -> Hit {
        Hit::new(
            start,
            end,
            TimexType::Time,
            Value::time(day, TimeOfDay::Part(part)),
            Kind::Date,
        )
    }
    pub(super) fn anchor(mut self, a: Anchor) -> Hit {
        self.anchor = a;
        self
    }
}

impl Tagger<'_> {
    /// A month and day without a year ("October 12"), in the tense around token `i`.
    pub(super) fn month_day(&self, m: u32, d: u32, i: usize) -> (Value, Anchor) {
        self.story.month_day(m, d, self.tense(i), self.pluperfect())
    }

    /// The day a weekday names, in the tense around token `i` unless `force`d.
    pub(super) fn weekday_value(&self, wd: u32, i: usize, force: Option<Tense>) -> (Value, Anchor) {
        let tense = force.unwrap_or_else(|| self.tense(i));
        self.story.weekday(wd, tense, force.is_some())
    }

    pub(super) fn year_for_month(&self, m: u32, d: Option<u32>, i: usize) -> Option<i32> {
        self.story
            .year_for_month(m, d, self.tense(i), self.pluperfect())
    }

    /// The weekend meant by "the weekend" / "this weekend" at token `i`.
    pub(super) fn weekend(&self, i: usize) -> Value {
        self.story.weekend(self.tense(i))
    }

    pub(super) fn quarter_value(&self, q: u32, year: Option<i32>, i: usize) -> (Value, Anchor) {
        self.story.quarter(q, year, self.tense(i))
    }

    /// A date `n` units before (negative) or after the document date, at that unit's granularity.
    pub(super) fn shifted(&self, u: Unit, n: i32, i: usize) -> Option<Value> {
        let d = self.story.dct();
        if u == Unit::Year && self.quarter_context(i) {
            if let (Some((y, q)), Some(d)) = (self.story.last_quarter(), d) {
                // A quarter not yet over is a forecast; results compare the last one closed.
                let (y, q) = if (y, q) >= (d.year(), value::quarter_of(d)) {
                    let x = value::add_months(d, -3);
                    (x.year(), value::quarter_of(x))
                } else {
                    (y, q)
                };
                return Some(Value::quarter(y + n, q));
            }
        }
        match u {
            Unit::Hour | Unit::Minute | Unit::Second => {
                d.map(Value::day).or(Some(Value::UNKNOWN_DAY))
            }
            Unit::Quarter => self.story.rel_unit(Unit::Quarter, n),
            _ => self.story.rel_unit(u, n),
        }
    }

    /// Does the sentence speak of quarters ("the quarter", "third-quarter profit")?
    /// Financial reports compare a quarter with the year before: "a year ago" means that
    /// quarter a year back when a quarter was named recently.
    pub(super) fn quarter_context(&self, i: usize) -> bool {
        if let Some(q) = self.period_before(i) {
            return q;
        }
        if self.story.quarters_in_discourse() {
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
    pub(super) fn period_before(&self, i: usize) -> Option<bool> {
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

    /// The longest temporal expression starting at token `i`, with its modifiers.
    pub(super) fn at(&self, i: usize) -> Option<Hit> {
        if !self.may_start(i) {
            return None;
        }
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
            if let Some(mut h) = self.expression(i + k) {
                let ok = match h.kind {
                    Kind::Dur => true,
                    Kind::Clock => m == "APPROX",
                    Kind::Date => m == "APPROX" && h.start == h.end - 1,
                    Kind::Ago => true,
                    Kind::Other => false,
                } && self.w(i + k) != "the";
                if ok {
                    if !matches!(w, "about" | "over" | "some") {
                        h.start = i;
                    }
                    if h.modifier.is_none() {
                        h.modifier = Some(m);
                    }
                    return Some(h);
                }
            }
            if w != "some" && w != "over" {
                return None;
            }
        }
        // "earlier in the week", "later in the month": that unit of the day the story is at
        // ("later in the day" is not a date in TempEval-3).
        if matches!(w, "earlier" | "later") && self.w(i + 1) == "in" && self.w(i + 2) == "the" {
            let d = self.story.current_day();
            let v = match (self.w(i + 3), d) {
                ("week", Some(d)) => Some(Value::week(d)),
                ("month", Some(d)) => Some(Value::month(Some(d.year()), d.month())),
                ("year", Some(d)) => Some(Value::year(d.year())),
                _ => None,
            };
            if let Some(v) = v.filter(|_| self.w(i + 4) != "of") {
                return Some(Hit::date(i, i + 4, v));
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
            if let Some(mut h) = self.expression(i + k) {
                let next = self.w(i + k);
                let ok = h.kind == Kind::Date
                    && (next != "the" || k == 3)
                    && !matches!(h.value, Value::Ref(_))
                    && (w != "earlier" && w != "later"
                        || matches!(next, "this" | "yesterday" | "that"));
                if ok {
                    h.start = i;
                    h.modifier = m.or(h.modifier);
                    return Some(h);
                }
            }
        }
        // "by mid afternoon": a time of day, as "mid-afternoon".
        if let Some(p) = lex::daypart(self.w(i + 1)).filter(|_| w == "mid") {
            return Some(Hit {
                start: i,
                ..self.daypart_of_day(i + 1, p)
            });
        }
        // "the post-1959 politics": the year.
        if let Some(y) = w
            .strip_prefix("post-")
            .or_else(|| w.strip_prefix("pre-"))
            .and_then(year_of)
        {
            return Some(Hit::date(i, i + 1, Value::year(y)));
        }
        // "mid-1990s", "late-November", "early-2000s"; "mid-afternoon" is a time of day.
        for (prefix, m) in [("mid-", "MID"), ("early-", "START"), ("late-", "END")] {
            if let Some(rest) = w.strip_prefix(prefix) {
                if let Some(p) = lex::daypart(rest).filter(|_| prefix == "mid-") {
                    return Some(self.daypart_of_day(i, p));
                }
                if let Some(mut h) = self.mid_compound(i, rest) {
                    h.modifier = Some(m);
                    return Some(h);
                }
            }
        }
        self.expression(i)
    }

    /// "mid-afternoon", "mid-afternoon yesterday": that part of the day named after it, else
    /// of the day the story is at.
    pub(super) fn daypart_of_day(&self, i: usize, p: &'static str) -> Hit {
        let (day, e) = match day_word_offset(self.w(i + 1)) {
            Some(n) => (self.story.rel_day(n).0, i + 2),
            None => (self.story.story_day(), i + 1),
        };
        Hit::day_part(i, e, day, p)
    }

    pub(super) fn mid_compound(&self, i: usize, rest: &str) -> Option<Hit> {
        if let Some(y) = year_of(rest) {
            return Some(Hit::date(i, i + 1, Value::year(y)));
        }
        if let Some(m) = rest.strip_suffix('s').and_then(year_of) {
            return Some(Hit::date(i, i + 1, Value::decade(m / 10)));
        }
        if let Some(m) = lex::month(rest) {
            // "mid-June 2015"
            if let Some(y) = year_of(self.w(i + 1)) {
                return Some(Hit::date(i, i + 2, Value::month(Some(y), m)).anchor(Anchor::Year(y)));
            }
            let y = self.year_for_month(m, None, i);
            return Some(Hit::date(i, i + 1, Value::month(y, m)));
        }
        None
    }

    /// A temporal expression proper (after modifiers) starting at `i`, extended by "ago",
    /// "earlier", "from now".
    pub(super) fn expression(&self, i: usize) -> Option<Hit> {
        let mut h = self.phrase(i)?;
        if h.kind == Kind::Dur && self.w(h.end) == "or" && self.w(h.end + 1) == "so" {
            h.end += 2;
            h.modifier = Some("APPROX");
        }
        // "for years to come": the stretch ahead is part of the span.
        if h.ttype == TimexType::Duration
            && h.value.counted().is_some_and(|(_, n)| n.is_none())
            && self.w(h.end) == "to"
            && self.w(h.end + 1) == "come"
        {
            h.end += 2;
        }
        // Durations turned into dates: "two years ago", "a year earlier".
        if h.kind == Kind::Dur {
            let after = self.w(h.end);
            let sign = match after {
                // "three days later" / "before" stay durations (TempEval-3 convention).
                "ago" | "earlier" => Some(-1),
                "from" if self.w(h.end + 1) == "now" => Some(1),
                _ => None,
            };
            if let (Some(sign), Some((u, n))) = (sign, h.value.counted()) {
                let v = match n {
                    Some(n) => self.shifted(u, sign * n as i32, i),
                    None => Some(if sign < 0 { Value::PAST } else { Value::FUTURE }),
                };
                if let Some(v) = v {
                    h.end += if after == "from" { 2 } else { 1 };
                    h.value = v;
                    h.ttype = TimexType::Date;
                    h.kind = Kind::Ago;
                }
            }
        }
        Some(h)
    }

    /// The expression at `i` by the kind of its first word: "the ...", "that ...", a month,
    /// a weekday, a quarter, a century, a number, a relative word, a fixed word.
    pub(super) fn phrase(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        if w.is_empty() {
            return None;
        }
        if w == "the" {
            return self.after_the(i);
        }
        if w == "that" {
            return self.anaphoric(i);
        }
        if let Some(m) = lex::month(w) {
            if let Some(h) = self.month_date(i, m) {
                return Some(h);
            }
        }
        // "works on Saturdays", "games on Monday nights": every such day (or part of it).
        if let Some(wd) = lex::weekday_plural(w).filter(|_| self.cap(i)) {
            let n1 = self.w(i + 1);
            let (v, e) = match n1.strip_suffix('s').and_then(lex::daypart) {
                Some(p) => (Value::Time(Day::Weekday(wd), TimeOfDay::Part(p)), i + 2),
                None => (Value::Day(Day::Weekday(wd)), i + 1),
            };
            return Some(Hit::new(i, e, TimexType::Set, v, Kind::Other));
        }
        if let Some(wd) = lex::weekday(w).filter(|_| self.cap(i)) {
            if let Some(p) = self.w(i + 1).strip_suffix('s').and_then(lex::daypart) {
                let v = Value::Time(Day::Weekday(wd), TimeOfDay::Part(p));
                return Some(Hit::new(i, i + 2, TimexType::Set, v, Kind::Other));
            }
        }
        if let Some(wd) = lex::weekday(w) {
            // "''Monday Night Baseball''": a programme's title, not a night.
            let title = lex::daypart(self.w(i + 1)).is_some()
                && self.cap(i + 1)
                && self.cap(i + 2)
                && self.kind(i + 2) == Some(TokenKind::Word);
            if self.cap(i) && !title {
                return Some(self.weekday_date(i, wd));
            }
        }
        // "Super Tuesday": the first Tuesday of March of the story's year.
        if w == "super" && self.cap(i) && self.w(i + 1) == "tuesday" && self.cap(i + 1) {
            let y = self.year_for_month(3, None, i)?;
            let first = NaiveDate::from_ymd_opt(y, 3, 1)?;
            let k = (2 - first.weekday().number_from_monday() as i64).rem_euclid(7);
            return Some(Hit::date(
                i,
                i + 2,
                Value::day(first + chrono::Duration::days(k)),
            ));
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
                return Some(Hit::date(i, i + 2, Value::century(c as i32 - 1)));
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
}

pub(super) fn ampm(w: &str) -> Option<bool> {
    match w {
        "a.m." | "am" | "a.m" => Some(false),
        "p.m." | "pm" | "p.m" => Some(true),
        _ => None,
    }
}

/// "yesterday", "today", "tomorrow" as days from the document date.
pub(super) fn day_word_offset(w: &str) -> Option<i64> {
    match w {
        "yesterday" => Some(-1),
        "today" => Some(0),
        "tomorrow" => Some(1),
        _ => None,
    }
}

/// An hour of a 12-hour clock on the 24-hour clock.
pub(super) fn hour24(n: u32, pm: bool) -> u32 {
    if pm {
        n % 12 + 12
    } else {
        n % 12
    }
}

/// The digit a decade is written with: "'90s" is the 1990s.
pub(super) fn digit(n: &str) -> i32 {
    i32::from(n.as_bytes()[0] - b'0')
}
