//! Calendar dates and clock times: "September 20, 2016", "Friday", "1990", "9:29 a.m.
//! Tuesday", "midnight on Monday", holidays.
//! Never moves the story; a day without a year takes its year from the story's time.

use chrono::{Datelike, Duration, NaiveDate};

use crate::text::TokenKind;
use crate::types::TimexType;

use super::super::anchor::Anchor;
use super::super::lex;
use super::super::scan::{is_num, year_of};
use super::super::value::{TimeOfDay, Value};
use super::super::Tagger;
use super::{ampm, day_word_offset, hour24, Hit, Kind};

impl Tagger<'_> {
    /// "September 20, 2016", "Sept. 20", "September 2016", "September of 2016", "September".
    pub(super) fn month_date(&self, i: usize, m: u32) -> Option<Hit> {
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
            return self.month_and_day(i, m, d);
        }
        if let Some(y) = year_of(n1) {
            return Some(Hit::date(i, i + 2, Value::month(Some(y), m)).anchor(Anchor::Year(y)));
        }
        if let Some(h) = self.spelled_year(i + 1) {
            let y = h.value.as_year()?;
            return Some(Hit::date(i, h.end, Value::month(Some(y), m)).anchor(Anchor::Year(y)));
        }
        // "January of that year": the year last written.
        if n1 == "of" && self.w(i + 2) == "that" && self.w(i + 3) == "year" {
            if let Some(y) = self.story.last_year() {
                return Some(Hit::date(i, i + 4, Value::month(Some(y), m)));
            }
        }
        if matches!(n1, "this" | "last" | "next") && self.w(i + 2) == "year" {
            if let Some(d) = self.story.dct() {
                let y = d.year()
                    + match n1 {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                return Some(Hit::date(i, i + 3, Value::month(Some(y), m)));
            }
        }
        if n1 == "of" {
            if let Some(y) = year_of(self.w(i + 2)) {
                return Some(Hit::date(i, i + 3, Value::month(Some(y), m)).anchor(Anchor::Year(y)));
            }
        }
        if n1 == "," {
            if let Some(y) = year_of(self.w(i + 2)) {
                return Some(Hit::date(i, i + 3, Value::month(Some(y), m)).anchor(Anchor::Year(y)));
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
            ) && !self.month_as_modifier(i)
                || w == "may" && p == "that"
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
        Some(Hit::date(i, i + 1, Value::month(y, m)))
    }

    /// "September 20, 2016", "Sept. 20 1990", "Sept. 20": month `m` at token `i`, day `d` after
    /// it, then the year if one is written.
    fn month_and_day(&self, i: usize, m: u32, d: u32) -> Option<Hit> {
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
        // "the Sept. 11 attacks": the day the phrase names, whatever the story's year; so
        // is a bare "after Sept. 11" in a later piece whose narrative names no year and
        // that was not written in the weeks after a September 11 of its own year.
        let sept11_era = self.story.dct().is_some_and(|dct| {
            let own = NaiveDate::from_ymd_opt(dct.year(), 9, 11);
            dct.year() >= 2002
                && own.is_some_and(|o| !(0..=60).contains(&(dct - o).num_days()))
                && self.story.narrative_year().is_none()
        });
        if year.is_none()
            && (m, d) == (9, 11)
            && (is_attack_noun(self.w(e))
                || sept11_era && matches!(self.prev(i), "after" | "since" | "on" | "before"))
        {
            let dd = NaiveDate::from_ymd_opt(2001, 9, 11)?;
            return Some(Hit::date(i, e, Value::day(dd)));
        }
        year = year
            .or_else(|| self.coordinated_year(e))
            .or_else(|| self.caption_year(e, m, d));
        Some(match year {
            Some(y) => match NaiveDate::from_ymd_opt(y, m, d) {
                Some(dd) => Hit::date(i, e, Value::day(dd)).anchor(Anchor::Day(dd, true)),
                None => Hit::date(i, e, Value::written(y, m, d)),
            },
            None => {
                let (v, a) = self.month_day(m, d, i);
                Hit::date(i, e, v).anchor(a)
            }
        })
    }

    /// A capitalised month name inside a sentence, before the noun it dates ("at a March
    /// meeting", "her May comment") or after a verb of starting and ending ("began March
    /// with $8 million"): the month, not the verb or the modal. Not "the March on Washington".
    fn month_as_modifier(&self, i: usize) -> bool {
        if i == self.sent_start || !self.cap(i) {
            return false;
        }
        let n1 = self.w(i + 1);
        let noun_next = self.kind(i + 1) == Some(TokenKind::Word)
            && !self.cap(i + 1)
            && !matches!(
                n1,
                "on" | "for" | "to" | "of" | "against" | "in" | "and" | "or" | "is"
            );
        match self.prev(i) {
            "a" | "the" | "her" | "his" | "its" | "their" | "our" | "my" | "your" => noun_next,
            "began" | "begin" | "begins" | "started" | "ended" | "ends" | "closed" | "opened" => {
                self.kind(i + 1) != Some(TokenKind::Word) || !self.cap(i + 1)
            }
            _ => false,
        }
    }

    /// The year written after a coordinated date that shares it: "late September and early
    /// October 2016", "between March and May 1999", "Sept. 20 and 21, 2016". `e` is the
    /// token after the first, year-less date.
    /// A month and day alone on their line ("JANUARY 18" over a photo) take the year of the
    /// same day written out in full on the lines just after ("January 18, 2017 — ...").
    fn caption_year(&self, e: usize, m: u32, d: u32) -> Option<i32> {
        let end = self.toks[e - 1].end;
        let line_end = self.text[end..]
            .find('\n')
            .map_or(self.text.len(), |k| end + k);
        if !self.text[end..line_end].trim().is_empty() {
            return None;
        }
        (e..(e + 12).min(self.toks.len())).find_map(|k| {
            let same = lex::month(self.w_any(k)) == Some(m)
                && self.w_any(k + 1).parse::<u32>().ok() == Some(d);
            let k = if self.w_any(k + 2) == "," {
                k + 3
            } else {
                k + 2
            };
            same.then(|| year_of(self.w_any(k))).flatten()
        })
    }

    pub(super) fn coordinated_year(&self, e: usize) -> Option<i32> {
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
    pub(super) fn weekday_date(&self, i: usize, wd: u32) -> Hit {
        let mut j = i + 1;
        if self.w(j) == "," {
            j += 1;
        }
        if let Some(m) = lex::month(self.w(j)) {
            if let Some(h) = self.month_date(j, m) {
                if matches!(h.value, Value::Day(_)) {
                    return Hit { start: i, ..h };
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
                    (v, a) = (Value::day(d), Anchor::Day(d, false));
                }
            }
        }
        if let Some(p) = lex::daypart(self.w(i + 1)) {
            return Hit::day_part(i, i + 2, v, p).anchor(a);
        }
        Hit::date(i, i + 1, v).anchor(a)
    }

    /// Numbers: years, decades, clock times, "20 September 2016", durations ("12 hours",
    /// "two-year", "twenty four hours", "a few days").
    pub(super) fn number(&self, i: usize) -> Option<Hit> {
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
                return Some(Hit::date(i, i + 1, Value::decade(dec / 10)));
            }
            // ISO date.
            if w.len() == 10 && w.as_bytes()[4] == b'-' && w.as_bytes()[7] == b'-' {
                let d = NaiveDate::parse_from_str(w, "%Y-%m-%d").ok()?;
                return Some(Hit::date(i, i + 1, Value::day(d)).anchor(Anchor::Day(d, true)));
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
                    let v = Value::time(self.story.story_day(), TimeOfDay::Clock(hour24(n, pm), 0));
                    return Some(Hit::new(i, e, TimexType::Time, v, Kind::Clock));
                }
                // Day Month [Year].
                if let Some(m) = lex::month(self.w(i + 1)) {
                    if (1..=31).contains(&n) && self.cap(i + 1) {
                        if let Some(y) = year_of(self.w(i + 2)) {
                            if let Some(d) = NaiveDate::from_ymd_opt(y, m, n) {
                                return Some(
                                    Hit::date(i, i + 3, Value::day(d)).anchor(Anchor::Day(d, true)),
                                );
                            }
                        }
                        let (v, a) = self.month_day(m, n, i);
                        return Some(Hit::date(i, i + 2, v).anchor(a));
                    }
                }
            }
        }
        if let Some(o) = lex::ordinal(w) {
            if self.w(i + 1) == "of" {
                if let Some(m) = lex::month(self.w(i + 2)) {
                    if self.cap(i + 2) && (1..=31).contains(&o) {
                        let (v, a) = self.month_day(m, o, i);
                        return Some(Hit::date(i, i + 3, v).anchor(a));
                    }
                }
            }
        }
        self.duration(i)
    }

    pub(super) fn year(&self, i: usize, y: i32) -> Option<Hit> {
        let p = self.prev(i);
        let n = self.w(i + 1);
        if matches!(p, "$" | "#" | "no." | "nos." | "£" | "€")
            || matches!(
                n,
                "%" | "percent" | "million" | "billion" | "people" | "shares" | "points"
            )
            // "rose 1990 to 2010" is an amount; "from 2014 to 2016" is a span of years.
            || n == "to"
                && !year_of(self.w(i + 2)).is_some_and(|y2| y2 > y && y2 - y <= 100)
                && !matches!(p, "in" | "since" | "of")
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
        Some(Hit::date(i, i + 1, Value::year(y)))
    }

    /// The day of a date that follows a time: "midnight on September 20, 2016", "9 p.m. on
    /// Monday" (the date is tagged on its own).
    pub(super) fn following_day(&self, e: usize) -> Option<Value> {
        let k = if self.w(e) == "on" {
            e + 1
        } else {
            return None;
        };
        let h = self.expression(k)?;
        (h.ttype == TimexType::Date && matches!(h.value, Value::Day(_))).then_some(h.value)
    }

    pub(super) fn clock(&self, i: usize, mut h: u32, mm: u32) -> Hit {
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
            "est" | "edt" | "gmt" | "pst" | "pdt" | "cst" | "cdt" | "et" | "e.t." | "utc"
        ) || matches!(self.w(e), "eastern" | "pacific" | "central")
            && self.cap(e)
            && !matches!(self.w(e + 1), "time")
            && self.kind(e + 1) != Some(TokenKind::Word)
        {
            e += 1;
        }
        // "airs weekdays from 6:00 a.m.": a time of a recurring schedule has no day.
        let day_word =
            |w: &str| w == "day" || lex::daypart(w).is_some() || lex::weekday(w).is_some();
        let schedule = (self.sent_start..i).any(|k| {
            let w = self.w(k);
            lex::weekday_plural(w).is_some()
                || matches!(lex::frequency(w), Some("P1D" | "P1W" | "XXXX-WXX-WD"))
                || matches!(w, "every" | "each") && day_word(self.w(k + 1))
        }) && !self.sent_days.iter().any(|&(end, _)| end <= i);
        let mut day = self.story.current_day().map(Value::day);
        if schedule {
            day = None;
        }
        // "10 p.m. Wednesday", "9:29 am today", "5 p.m. EST Nov. 9".
        let k = if self.w(e) == "," { e + 1 } else { e };
        if let Some(date) = lex::month(self.w(k)).and_then(|m| self.month_date(k, m)) {
            if matches!(date.value, Value::Day(_)) {
                let v = Value::time(date.value, TimeOfDay::Clock(h, mm));
                return Hit::new(i, date.end, TimexType::Time, v, Kind::Clock);
            }
        }
        let nxt = self.w(e);
        if let Some(wd) = lex::weekday(nxt) {
            day = Some(self.weekday_value(wd, e, None).0);
            e += 1;
        } else if let Some(n) = day_word_offset(nxt) {
            day = Some(self.story.rel_day(n).0);
            e += 1;
        }
        let day = self.following_day(e).or(day).unwrap_or(Value::UNKNOWN_DAY);
        Hit::new(
            i,
            e,
            TimexType::Time,
            Value::time(day, TimeOfDay::Clock(h, mm)),
            Kind::Clock,
        )
    }

    /// Which holiday token `i` opens, as the day it falls on in a year and the token after
    /// its name; None for no holiday, or a holiday name only modifying a noun.
    fn holiday_rule(&self, i: usize) -> Option<(DayInYear, usize)> {
        let w = self.w(i);
        let n1 = self.w(i + 1);
        let n2 = self.w(i + 2);
        Some(match (w, n1) {
            // "a Christmas ad", "Christmas gifts": the holiday as a modifier, no date.
            ("christmas", n)
                if self.kind(i + 1) == Some(TokenKind::Word)
                    && !self.cap(i + 1)
                    && !matches!(
                        n,
                        "day"
                            | "eve"
                            | "a"
                            | "an"
                            | "the"
                            | "and"
                            | "or"
                            | "is"
                            | "was"
                            | "will"
                            | "to"
                            | "in"
                            | "on"
                            | "at"
                            | "of"
                            | "for"
                            | "with"
                            | "this"
                            | "that"
                    ) =>
            {
                return None
            }
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
            ("cinco", "de") if n2 == "mayo" => {
                (Box::new(|y| NaiveDate::from_ymd_opt(y, 5, 5)), i + 3)
            }
            // The day after Thanksgiving.
            ("black", "friday") => (
                Box::new(|y| {
                    nth_weekday(y, 11, chrono::Weekday::Thu, 4).map(|d| d + Duration::days(1))
                }),
                i + 2,
            ),
            ("inauguration", "day") => (Box::new(|y| NaiveDate::from_ymd_opt(y, 1, 20)), i + 2),
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
        })
    }

    /// Holidays with fixed or computable dates, in the year of the discourse or document.
    pub(super) fn holiday(&self, i: usize) -> Option<Hit> {
        if !self.cap(i) {
            return None;
        }
        let (md, e) = self.holiday_rule(i)?;
        // "Election Day, November 8, 2016": the date in apposition gives the year.
        if self.w(e) == "," {
            if let Some(m) = lex::month(self.w(e + 1)) {
                if let Some(h) = self.month_date(e + 1, m) {
                    if let Anchor::Day(d, true) = h.anchor {
                        return Some(Hit::date(i, e, Value::day(d)));
                    }
                }
            }
        }
        // "Inauguration Day next year": that year's.
        let shift = match (self.w(e), self.w(e + 1)) {
            ("next", "year") => Some(1),
            ("last", "year") => Some(-1),
            ("this", "year") => Some(0),
            _ => None,
        };
        if let (Some(n), Some(d)) = (shift, self.story.dct()) {
            if let Some(h) = md(d.year() + n) {
                return Some(Hit::date(i, e + 2, Value::day(h)));
            }
        }
        // The nearest occurrence, as for a bare "October 12".
        let base = self
            .story
            .dct()
            .map(|d| d.year())
            .or(self.story.narrative_year());
        let y = base
            .and_then(&md)
            .and_then(|d0| self.year_for_month(d0.month(), Some(d0.day()), i))
            .or(base);
        let v = match y.and_then(md) {
            // "Memorial Day weekend": the Saturday and Sunday before (or of) the holiday.
            Some(d) if self.w(e) == "weekend" => {
                let back = (d.weekday().number_from_monday() as i64 + 1) % 7;
                return Some(Hit::date(
                    i,
                    e + 1,
                    Value::weekend(d - Duration::days(back)),
                ));
            }
            Some(d) => Value::day(d),
            None => return Some(Hit::date(i, e, Value::UNKNOWN_DAY)),
        };
        Some(Hit::date(i, e, v))
    }
}

/// The day a holiday falls on in a given year.
type DayInYear = Box<dyn Fn(i32) -> Option<NaiveDate>>;

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

/// Nouns that make "Sept. 11" the 2001 attacks: "the Sept. 11 attacks", "Sept. 11 hijackers".
fn is_attack_noun(w: &str) -> bool {
    matches!(
        w,
        "attacks" | "attack" | "terrorist" | "terror" | "hijackers" | "hijackings" | "commission"
    )
}
