//! Phrases opened by "the" or "that" and the periods of financial reports: "the third
//! quarter", "the past two months", "the day before", "the year-ago period", "that day".
//! Never moves the story; counts from the day or quarter the story is at.

use chrono::{Datelike, Duration};

use crate::text::TokenKind;
use crate::types::TimexType;

use super::super::anchor::Anchor;
use super::super::lex::{self, Unit};
use super::super::scan::year_of;
use super::super::value::{self, Value};
use super::super::Tagger;
use super::{Hit, Kind};

impl Tagger<'_> {
    /// Words after "the": "the third quarter", "the past two months", "the weekend",
    /// "the day before", "the next morning", "the 1990s", "the future".
    pub(super) fn after_the(&self, i: usize) -> Option<Hit> {
        let a = self.w(i + 1);
        let b = self.w(i + 2);
        if let Some(h) = self.quarter_phrase(i, i + 1) {
            return Some(h);
        }
        if let Some(h) = self.the_daypart_of(i, a, b) {
            return Some(h);
        }
        if let Some(h) = self.the_duration(i, a, b) {
            return Some(h);
        }
        if let Some(h) = self.the_plural_stretch(i, a, b) {
            return Some(h);
        }
        // "the third quarter [of 1990]", "the first half"
        if let Some(h) = self.the_ordinal(i, a, b) {
            return Some(h);
        }
        // "the third-quarter loss": the article belongs to the noun phrase.
        if a.ends_with("-quarter") {
            return None;
        }
        // "the 1990s", "the '90s"
        if let Some(dec) = a.strip_suffix('s').and_then(year_of) {
            return Some(Hit::date(i, i + 2, Value::decade(dec / 10)));
        }
        if let Some(h) = self.decade_apostrophe(i + 1) {
            return Some(Hit { start: i, ..h });
        }
        if a == "year" {
            if let Some(mut h) = self.spelled_year(i + 1) {
                h.start = i;
                return Some(h);
            }
        }
        match a {
            "near" | "distant" | "foreseeable" if b == "future" => {
                return Some(Hit::date(i, i + 3, Value::FUTURE));
            }
            "near" | "short" | "long" if b == "term" => {
                return Some(Hit::date(i, i + 3, Value::FUTURE));
            }
            // Not "the past 19 contests", "the past two fights": an adjective before a count.
            "past" | "future" | "present"
                if lex::unit(b).is_none() && b != "few" && lex::cardinal(b).is_none() =>
            {
                let v = match a {
                    "past" => Value::PAST,
                    "future" => Value::FUTURE,
                    _ => Value::PRESENT,
                };
                return Some(Hit::date(i, i + 2, v));
            }
            "day" | "night" | "morning" | "evening" | "week" | "month" | "year"
                if matches!(b, "before" | "after") && self.w(i + 3) != "that" =>
            {
                return self.the_day_before(i, a, b);
            }
            "next" | "following" | "previous" | "preceding" | "prior" if !b.is_empty() => {
                if let Some(h) = self.the_next(i, a, b) {
                    return Some(h);
                }
            }
            "same" if matches!(b, "day") => {
                let d = self.story.current_day()?;
                return Some(Hit::date(i, i + 3, Value::day(d)));
            }
            // "the day's other primaries": the day the story is at.
            "day" if matches!(b, "'s" | "’s") => {
                let d = self.story.current_day()?;
                return Some(Hit::date(i, i + 2, Value::day(d)));
            }
            "weekend" => {
                return Some(Hit::date(i, i + 2, self.weekend(i)));
            }
            "week" if b == "of" => {
                // "the week of March 6"
                let m = lex::month(self.w(i + 3))?;
                let h = self.month_date(i + 3, m)?;
                let d = h.value.as_date()?;
                return Some(Hit::date(i, h.end, Value::week(d)));
            }
            // "the last half of 1989"
            "last" if b == "half" && self.w(i + 3) == "of" => {
                if let Some(y) = year_of(self.w(i + 4)) {
                    return Some(Hit::date(i, i + 5, Value::half(y, 2)));
                }
            }
            "year" | "month" | "week" => {
                return self.the_unit(i, a, b);
            }
            "fiscal" | "full" | "calendar" if b == "year" => {
                return self.the_fiscal_year(i, a);
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
                return Some(Hit::date(i, i + 2, Value::decade(190 + d)));
            }
            _ => {}
        }
        self.the_period_words(i, a, b)
    }

    /// "the fiscal year", "the full year", "the calendar year" (`a` the adjective): the year
    /// reported on, or a year-long stretch.
    fn the_fiscal_year(&self, i: usize, a: &str) -> Option<Hit> {
        let p = self.prev(i);
        // "throughout the fiscal year" is a year-long period; "(earnings) for the
        // fiscal year" and "the full year" are the year reported on.
        if a != "full" && matches!(p, "during" | "over" | "throughout")
            || matches!(self.w(i + 3), "ended" | "ending")
        {
            return Some(Hit::new(
                i,
                i + 3,
                TimexType::Duration,
                Value::duration(Unit::Year, Some(1)),
                Kind::Other,
            ));
        }
        let v = self.story.rel_unit(Unit::Year, 0)?;
        Some(Hit::date(i, i + 3, v))
    }

    /// "have met over the years", "through the decades": a vague length.
    fn the_plural_stretch(&self, i: usize, a: &str, b: &str) -> Option<Hit> {
        if !matches!(a, "years" | "months" | "weeks" | "decades")
            || !matches!(self.prev(i), "over" | "through" | "throughout" | "across")
            || matches!(b, "of" | "ago" | "before" | "after" | "since")
        {
            return None;
        }
        let (u, _) = lex::unit(a)?;
        let v = Value::duration(u, None);
        Some(Hit::new(i, i + 2, TimexType::Duration, v, Kind::Dur))
    }

    /// "the past two months", "the next 12 hours", "the first nine months", "the 12 hours".
    fn the_duration(&self, i: usize, a: &str, b: &str) -> Option<Hit> {
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
                if h.ttype == TimexType::Duration && !b.starts_with('a') {
                    h.start = i;
                    return Some(h);
                }
            }
        }
        if let Some(mut h) = self.duration(i + 1) {
            if h.ttype == TimexType::Duration && lex::cardinal(a).is_some() {
                h.start = i;
                return Some(h);
            }
        }
        // "in the final days of his campaign", "the months leading up to the attack": a vague
        // stretch of that unit.
        let (j, ok) = match (lex::unit(a), lex::unit(b)) {
            (Some((_, true)), _) => (i + 1, b == "leading" && self.w(i + 3) == "up"),
            (None, Some((_, true))) => (
                i + 2,
                matches!(a, "final" | "waning" | "closing") && self.w(i + 3) == "of",
            ),
            _ => (i, false),
        };
        let (u, _) = lex::unit(self.w(j)).filter(|_| ok)?;
        if matches!(u, Unit::Quarter | Unit::Weekend) {
            return None;
        }
        let v = Value::duration(u, None);
        Some(Hit::new(i, j + 1, TimexType::Duration, v, Kind::Dur))
    }

    /// "the year two thousand", "the summer", "the 1988 period", "the mid-1990s", "the last
    /// two weeks".
    fn the_period_words(&self, i: usize, a: &str, b: &str) -> Option<Hit> {
        if let Some(mut h) = self.spelled_year(i + 1) {
            h.start = i;
            return Some(h);
        }
        if let Some(s) = lex::season(a) {
            return self.the_season(i, s, b);
        }
        // "the 1988 period", "the 1989 quarter"
        if let Some(y) = year_of(a) {
            if matches!(b, "period" | "quarter") {
                let q = self.story.current_report_quarter().map_or(4, |q| q.1);
                return Some(Hit::date(i, i + 3, Value::quarter(y, q)));
            }
        }
        if let Some(rest) = a.strip_prefix("mid-") {
            if let Some(mut h) = self.mid_compound(i + 1, rest) {
                h.start = i;
                h.modifier = Some("MID");
                return Some(h);
            }
        }
        // "the next decade": the ten years ahead, not the calendar decade after this one
        // ("the past year" and "the last decade" stay the calendar ones, as in TempEval-3).
        if let Some((u, false)) = lex::unit(b) {
            let stretch =
                matches!(a, "next" | "coming") && matches!(u, Unit::Decade | Unit::Century);
            if stretch && !matches!(self.w(i + 3), "-" | "'s" | "’s") {
                return Some(Hit::one_unit(i, i + 3, u));
            }
        }
        if matches!(
            a,
            "last" | "past" | "previous" | "next" | "coming" | "current"
        ) {
            if let Some(mut h) = self.relative(i + 1).filter(|h| h.end > i + 2) {
                h.start = i;
                return Some(h);
            }
        }
        None
    }

    /// "the third quarter [of 1990]", "the first half", "the 20th century".
    fn the_ordinal(&self, i: usize, a: &str, b: &str) -> Option<Hit> {
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
                    let y = yr.or_else(|| self.story.dct().map(|d| d.year()));
                    let v = match y {
                        Some(y) => Value::half(y, q),
                        None => Value::Half(None, q),
                    };
                    return Some(Hit::date(i, e, v));
                }
                "century" if q >= 1 => {
                    return Some(Hit::date(i, i + 3, Value::century(q as i32 - 1)))
                }
                _ => {}
            }
        }
        None
    }

    /// "the day before", "the week after", "the day before last Tuesday": counted from the
    /// date that follows, else from the day the story is at.
    fn the_day_before(&self, i: usize, a: &str, b: &str) -> Option<Hit> {
        let n = if b == "before" { -1 } else { 1 };
        // "the day before authorities issued a warrant", "the day after his death":
        // "before/after" opens a clause or an event; the expression is "the day".
        let c = self.w(i + 3);
        // "the day before last Tuesday('s hearing)", "the day after Jan. 5": the
        // day counted from the date that follows.
        if a == "day" {
            if let Some(h) = self.at(i + 3).filter(|h| h.kind == Kind::Date) {
                if let Some(d) = h.value.as_date() {
                    let d = d + Duration::days(n);
                    return Some(Hit::date(i, h.end, Value::day(d)).anchor(Anchor::Day(d, false)));
                }
            }
        }
        let event = self.kind(i + 3) == Some(TokenKind::Word)
            && !self.cap(i + 3)
            && !matches!(c, "yesterday" | "today" | "tomorrow" | "last" | "next");
        if event {
            if a == "day" && self.prev(i) == "," {
                // "Oct. 12, the day before the crash": the day just named.
                let d = self.story.current_day()?;
                return Some(Hit::date(i, i + 2, Value::day(d)));
            }
            let mut h = self.ref_shift(i, i + 3, a, n)?;
            h.end = i + 2;
            return Some(h);
        }
        self.ref_shift(i, i + 3, a, n)
    }

    /// "the next/following/previous" + a weekday or a unit, counted from the day the story is at.
    fn the_next(&self, i: usize, a: &str, b: &str) -> Option<Hit> {
        let n = if matches!(a, "next" | "following") {
            1
        } else {
            -1
        };
        // "the previous Friday", "the following Monday": counted from the day the
        // story is at, not from the document date.
        if let (Some(wd), Some(base)) = (lex::weekday(b), self.story.current_day()) {
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
            return Some(Hit::date(i, i + 3, Value::day(d)).anchor(a));
        }
        if let Some(h) = self.ref_shift(i, i + 3, b, n) {
            return Some(h);
        }
        None
    }

    /// "the year", "the month", "the week": the current one, or a year-long period.
    fn the_unit(&self, i: usize, a: &str, b: &str) -> Option<Hit> {
        if b.starts_with("ago") || lex::unit(b).is_some() || b == "-" {
            return None;
        }
        let p = self.prev(i);
        // "during the year", "the year ended March 31": a year-long period. "For the
        // year" in results ("for the year, volume was flat") is the year reported on.
        if a == "year"
            && (matches!(p, "during" | "over" | "throughout") || matches!(b, "ended" | "ending"))
        {
            return Some(Hit::new(
                i,
                i + 2,
                TimexType::Duration,
                Value::duration(Unit::Year, Some(1)),
                Kind::Other,
            ));
        }
        // "the Year of the Woman": a name.
        if self.cap(i + 1) && b == "of" {
            return None;
        }
        let u = lex::unit(a)?.0;
        // "in February and, over the course of the month": the month just named.
        if let (Unit::Month, Some((y, m))) = (u, self.story.recent_month()) {
            return Some(Hit::date(i, i + 2, Value::month(Some(y), m)));
        }
        // "the week": some week of the current year.
        let v = match self.story.dct() {
            Some(d) if a == "week" => Value::week_of_year(d.iso_week().year()),
            _ => self.story.rel_unit(u, 0)?,
        };
        Some(Hit::date(i, i + 2, v))
    }

    /// "into the night Saturday": that part of the weekday after it, one TIME like a fused
    /// "Saturday night". ("the night of Oct. 23" keeps the date alone, as TimeML practice
    /// in TempEval-3 has it.)
    fn the_daypart_of(&self, i: usize, a: &str, b: &str) -> Option<Hit> {
        let p = lex::daypart(a)?;
        lex::weekday(b)?;
        let h = self.expression(i + 2)?;
        if !matches!(h.value, Value::Day(_)) {
            return None;
        }
        Some(Hit::day_part(i, h.end, h.value, p).anchor(h.anchor))
    }

    /// "the summer", "the winter of 1994": that season of the document year, or of the year named.
    fn the_season(&self, i: usize, s: &'static str, b: &str) -> Option<Hit> {
        if b == "of" {
            if let Some(h) = self.spelled_year(i + 3) {
                return Some(Hit::date(i, h.end, Value::season(h.value.as_year()?, s)));
            }
        }
        let y = self.story.story_year();
        let v = match y {
            Some(y) => Value::season(y, s),
            None => Value::Season(None, s),
        };
        if b == "of" {
            if let Some(yy) = year_of(self.w(i + 3)) {
                return Some(Hit::date(i, i + 4, Value::season(yy, s)));
            }
        }
        Some(Hit::date(i, i + 2, v))
    }

    /// "third-quarter", "first-half".
    pub(super) fn quarter_like(&self, s: usize, e: usize, q: u32, u: Unit) -> Option<Hit> {
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

    /// "the 1988 third quarter", "this year's third quarter", "the year-ago quarter",
    /// "fiscal first quarter", "third-quarter", "the first half of 1990".
    pub(super) fn quarter_phrase(&self, s: usize, mut j: usize) -> Option<Hit> {
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
                    let d = self.story.dct()?;
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
            let y = year.or_else(|| self.story.dct().map(|d| d.year()));
            let v = y.map_or(Value::Half(None, q), |y| Value::half(y + shift, q));
            return Some(Hit::date(s, e, v));
        }
        let q = match q {
            Some(q) if (1..=4).contains(&q) => q,
            Some(_) => return None,
            None => self.story.current_report_quarter()?.1,
        };
        let (v, a) = match year {
            Some(y) => {
                let y = y + shift;
                (Value::quarter(y, q), Anchor::Quarter(y, q))
            }
            None => {
                let (v, a) = self.quarter_value(q, None, s);
                if shift != 0 {
                    let Value::Quarter(Some(y), _) = v else {
                        return None;
                    };
                    (Value::quarter(y + shift, q), Anchor::None)
                } else {
                    (v, a)
                }
            }
        };
        Some(Hit::date(s, e, v).anchor(a))
    }

    /// "the quarter", "the latest quarter", "the year-ago period", "the year-earlier quarter".
    pub(super) fn report_period(&self, s: usize, j: usize) -> Option<Hit> {
        let a = self.w(j);
        if matches!(a, "latest" | "recent") && self.w(j + 1) == "quarter" {
            let d = self.story.dct()?;
            let x = value::add_months(d, -3);
            let v = Value::quarter(x.year(), value::quarter_of(x));
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
        let (y, q) = self.story.current_report_quarter()?;
        let mut y = y + shift;
        if matches!(a, "previous" | "prior") {
            if self.w(e) == "year" || head == "period" {
                return None;
            }
            let (yy, qq) = if q == 1 { (y - 1, 4) } else { (y, q - 1) };
            return Some(Hit::date(s, e, Value::quarter(yy, qq)));
        }
        if a == "current" && head == "quarter" {
            let v = self.story.rel_unit(Unit::Quarter, 0)?;
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
        Some(Hit::date(s, e, Value::quarter(y, q)))
    }

    /// "the day before" / "the next morning": relative to the most recent day in the discourse.
    /// "The next day" moves the story on to that day; "the day before" looks back and does not.
    pub(super) fn ref_shift(&self, s: usize, e: usize, unit: &str, n: i64) -> Option<Hit> {
        let base = self.story.current_day();
        let day = |k: i64| base.map_or(Value::UNKNOWN_DAY, |d| Value::day(d + Duration::days(k)));
        let moves = |h: Hit| match base {
            Some(d) if n > 0 => h.anchor(Anchor::Day(d + Duration::days(n), false)),
            _ => h,
        };
        Some(match unit {
            "day" => moves(Hit::date(s, e, day(n))),
            "morning" | "afternoon" | "evening" | "night" => {
                let p = lex::daypart(unit)?;
                moves(Hit::day_part(s, e, day(n), p))
            }
            "week" => Hit::date(
                s,
                e,
                base.map_or(Value::UnknownWeek, |d| Value::week(d + Duration::weeks(n))),
            ),
            "month" => Hit::date(
                s,
                e,
                base.map_or(Value::UnknownMonth, |d| {
                    let x = value::add_months(d, n as i32);
                    Value::month(Some(x.year()), x.month())
                }),
            ),
            "year" => Hit::date(
                s,
                e,
                base.map_or(Value::Year(None), |d| Value::year(d.year() + n as i32)),
            ),
            _ => return None,
        })
    }

    /// "that day", "that same year", "that quarter", "that night": the unit of the time
    /// the discourse is at (the last day mentioned, the narrative year, the last quarter).
    pub(super) fn anaphoric(&self, i: usize) -> Option<Hit> {
        let mut j = i + 1;
        if self.w(j) == "same" {
            j += 1;
        }
        let a = self.w(j);
        let base = self.story.current_day();
        let e = j + 1;
        Some(match a {
            "day" => Hit::date(i, e, base.map_or(Value::UNKNOWN_DAY, Value::day)),
            "morning" | "afternoon" | "evening" | "night" => {
                let p = lex::daypart(a)?;
                let d = base.map_or(Value::UNKNOWN_DAY, Value::day);
                Hit::day_part(i, e, d, p)
            }
            "week" => Hit::date(i, e, base.map_or(Value::UnknownWeek, Value::week)),
            // "in May. ... later that month": the month just named, else the story day's.
            "month" => Hit::date(
                i,
                e,
                match self.story.recent_month() {
                    Some((y, m)) => Value::month(Some(y), m),
                    None => base.map_or(Value::UnknownMonth, |d| {
                        Value::month(Some(d.year()), d.month())
                    }),
                },
            ),
            "year" => {
                let y = self.story.last_year().or(base.map(|d| d.year()));
                Hit::date(i, e, y.map_or(Value::Year(None), Value::year))
            }
            "quarter" => {
                let (y, q) = self.story.current_report_quarter()?;
                Hit::date(i, e, Value::quarter(y, q))
            }
            _ => return None,
        })
    }
}
