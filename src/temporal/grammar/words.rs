//! Relative words and fixed words: "last year", "next Friday", "this summer", "every week",
//! "today", "now", "recently", "tonight", "daily", "nineteen ninety-six", "'90s".
//! Never moves the story; relative words count from the document date.

use chrono::Datelike;

use crate::text::TokenKind;
use crate::types::TimexType;

use super::super::anchor::season_value;
use super::super::lex::{self, Unit};
use super::super::scan::{is_num, year_of};
use super::super::tense::Tense;
use super::super::value::{Day, TimeOfDay, Value};
use super::super::Tagger;
use super::{day_word_offset, digit, Hit, Kind};

impl Tagger<'_> {
    /// "last year", "this week", "next month", "last Friday", "last April", "this summer",
    /// "past decade", "every week", "each day".
    pub(super) fn relative(&self, i: usize) -> Option<Hit> {
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
            return self.relative_unit(i, j, w, n, u);
        }
        // "in past years", "in past election years": the past, not a length.
        if w == "past" && self.prev(i) != "the" {
            let k = if lex::unit(a).is_some() { j } else { j + 1 };
            let plain = k == j || self.kind(j) == Some(TokenKind::Word) && !self.cap(j);
            if let Some((u @ (Unit::Year | Unit::Decade | Unit::Century), true)) =
                lex::unit(self.w(k))
            {
                // "over past decades": a length.
                if matches!(self.prev(i), "over" | "for" | "during" | "throughout") {
                    let v = Value::duration(u, None);
                    return Some(Hit::new(i, k + 1, TimexType::Duration, v, Kind::Dur));
                }
                if plain {
                    return Some(Hit::date(i, k + 1, Value::PAST));
                }
            }
        }
        if let Some(wd) = lex::weekday(a) {
            let t = match n {
                -1 => Some(Tense::Past),
                1 => Some(Tense::Future),
                _ => None,
            };
            let (v, an) = self.weekday_value(wd, j, t);
            // "last Friday evening": that part of the day.
            if let Some(p) = lex::daypart(self.w(j + 1)) {
                return Some(Hit::day_part(i, j + 2, v, p).anchor(an));
            }
            return Some(Hit::date(i, j + 1, v).anchor(an));
        }
        if let Some(m) = lex::month(a) {
            if !self.cap(j) {
                return None;
            }
            if let Some(h) = self.month_date(j, m) {
                if h.end > j + 1 {
                    // "last Oct. 23": the date stands alone.
                    return None;
                }
            }
            let y = self.story.dct().map(|d| {
                let y = d.year();
                match n {
                    -1 if m >= d.month() => y - 1,
                    1 if m <= d.month() => y + 1,
                    _ => y,
                }
            });
            return Some(Hit::date(i, j + 1, Value::month(y, m)));
        }
        if let Some(s) = lex::season(a) {
            let v = self
                .story
                .dct()
                .map_or(Value::Season(None, s), |d| season_value(d, s, n));
            return Some(Hit::date(i, j + 1, v));
        }
        if let Some(p) = lex::daypart(a) {
            if w == "this" {
                let (d, an) = self.story.rel_day(0);
                return Some(Hit::day_part(i, j + 1, d, p).anchor(an));
            }
            if w == "last" && a == "night" {
                let (d, an) = self.story.rel_day(-1);
                return Some(Hit::day_part(i, j + 1, d, "NI").anchor(an));
            }
        }
        if w == "current" && !a.is_empty() && lex::unit(a).is_none() {
            // "current" as an adjective of the present ("the current economic slowdown").
            // Not in "current and former officials", "current or past".
            if (self.prev(i) == "the" || self.kind(j) == Some(TokenKind::Word))
                && !matches!(a, "and" | "or")
            {
                return Some(Hit::date(i, i + 1, Value::PRESENT));
            }
        }
        if w == "coming" && lex::unit(a).is_some_and(|u| u.1) {
            return Some(Hit::date(i, j + 1, Value::FUTURE));
        }
        if matches!(w, "past" | "last" | "next") {
            // "the past two years" without "the": "past two years"
            if let Some(mut h) = self.duration(j) {
                if h.ttype == TimexType::Duration && lex::cardinal(a).is_some() {
                    h.start = i;
                    return Some(h);
                }
            }
        }
        None
    }

    /// "last year", "this quarter", "next week" (`n` -1, 0, 1 from the document date), "past
    /// decade" (a duration); `j` is the unit's token.
    fn relative_unit(&self, i: usize, j: usize, w: &str, n: i32, u: Unit) -> Option<Hit> {
        // A title-case unit ("ABC's \"This Week\"") names a programme or a column.
        let t = &self.text[self.toks[j].start..self.toks[j].end];
        if t.starts_with(|c: char| c.is_ascii_uppercase())
            && t[1..].bytes().all(|b| b.is_ascii_lowercase())
        {
            return None;
        }
        if u == Unit::Quarter && self.story.dct().is_some() && n == 0 && w == "this" {
            let v = self.story.rel_unit(u, 0)?;
            return Some(Hit::date(i, j + 1, v));
        }
        if w == "past" && matches!(u, Unit::Decade | Unit::Century) && self.prev(i) != "the" {
            return Some(Hit::one_unit(i, j + 1, u));
        }
        // "over the past month", "during the last week": how long, a duration (a bare "the
        // past month" stays the calendar month, and so does "the past year", which TimeML
        // practice reads as the year before).
        if matches!(w, "past" | "last")
            && self.prev(i) == "the"
            && i >= 2
            && matches!(self.w(i - 2), "over" | "during" | "throughout")
            && matches!(u, Unit::Week | Unit::Month | Unit::Decade)
        {
            return Some(Hit::one_unit(i, j + 1, u));
        }
        // "has made five trips in the past year", "has spent much of the past week": a
        // present perfect measures the stretch up to now ("over the past year" stays the
        // year, as TimeML practice has it).
        if matches!(w, "past" | "last")
            && self.prev(i) == "the"
            && i >= 2
            && matches!(self.w(i - 2), "in" | "of" | "for" | "during" | "throughout")
            && matches!(u, Unit::Year | Unit::Week | Unit::Month)
            && self.present_perfect()
        {
            return Some(Hit::one_unit(i, j + 1, u));
        }
        if w == "current" && u != Unit::Quarter && u != Unit::Year {
            return None;
        }
        // "last day" is not a date; "next year-end" is a compound (a spaced dash is not).
        let compound = self.w(j + 1) == "-" && self.toks[j].end == self.toks[j + 1].start;
        if u == Unit::Day || compound {
            return None;
        }
        let v = self.story.rel_unit(u, n)?;
        Some(Hit::date(i, j + 1, v))
    }

    /// "every week", "each day", "every Monday".
    pub(super) fn set(&self, i: usize) -> Option<Hit> {
        let mut j = i + 1;
        if self.w(j) == "other" {
            j += 1;
        }
        let a = self.w(j);
        let n = if j > i + 1 { 2 } else { 1 };
        // "every four years", "every 10 minutes".
        if let Some(c) = lex::cardinal(a).filter(|&c| c > 1 && j == i + 1) {
            if let Some((u, true)) = lex::unit(self.w(j + 1)) {
                return Some(Hit::new(
                    i,
                    j + 2,
                    TimexType::Set,
                    Value::duration(u, Some(c)),
                    Kind::Other,
                ));
            }
        }
        if let Some((u, false)) = lex::unit(a) {
            return Some(Hit::new(
                i,
                j + 1,
                TimexType::Set,
                Value::duration(u, Some(n)),
                Kind::Other,
            ));
        }
        if let Some(wd) = lex::weekday(a) {
            return Some(Hit::new(
                i,
                j + 1,
                TimexType::Set,
                Value::Day(Day::Weekday(wd)),
                Kind::Other,
            ));
        }
        if let Some(p) = lex::daypart(a) {
            return Some(Hit::new(
                i,
                j + 1,
                TimexType::Set,
                Value::Time(Day::Unknown, TimeOfDay::Part(p)),
                Kind::Other,
            ));
        }
        None
    }

    /// Single words and short fixed phrases: "today", "now", "recently", "midnight", "tonight",
    /// "daily", holidays, seasons after a preposition.
    pub(super) fn word(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let n1 = self.w(i + 1);
        // "USA TODAY", "Breitbart News Daily": the word ends a name in capitals.
        let in_name = i > self.sent_start && self.cap(i) && self.cap(i - 1) && {
            let t = &self.text[self.toks[i - 1].start..self.toks[i - 1].end];
            w == "daily" || t.len() > 1 && t.chars().all(|c| !c.is_lowercase())
        };
        // "USA TODAY", "NBC's Today show".
        if in_name && matches!(w, "today" | "daily")
            || w == "today" && self.cap(i) && matches!(n1, "show" | "program" | "programme")
        {
            return None;
        }
        // A title: ''Today'' (the programme), "Lopez Tonight", the "Weekly Standard".
        let closes = |k: usize| matches!(self.w(k), "''" | "”" | "\"");
        let quoted_title = i > self.sent_start
            && matches!(self.prev(i), "``" | "''" | "“" | "\"")
            && (closes(i + 1) || self.w(i + 1) == "," && closes(i + 2));
        let after_cap_word =
            i > self.sent_start && self.cap(i - 1) && self.kind(i - 1) == Some(TokenKind::Word);
        if self.cap(i)
            && (quoted_title && matches!(w, "today" | "tonight" | "now")
                || after_cap_word && w == "tonight"
                || (lex::frequency(w).is_some() || matches!(w, "midnight" | "noon"))
                    && self.cap(i + 1)
                    && self.kind(i + 1) == Some(TokenKind::Word)
                    && lex::weekday(self.w(i + 1)).is_none()
                    && lex::month(self.w(i + 1)).is_none())
        {
            return None;
        }
        // "the presidential candidates of tomorrow", "could be blackmailed tomorrow": the
        // future, not the next day.
        if w == "tomorrow" && (self.prev(i) == "of" || self.hypothetical(i)) {
            return Some(Hit::date(i, i + 1, Value::FUTURE));
        }
        if let Some(n) = day_word_offset(w) {
            // "airports are a safer place today": the present as a state, not a day.
            if w == "today" && self.generic_today(i) {
                return Some(Hit::date(i, i + 1, Value::PRESENT));
            }
            let (v, a) = self.story.rel_day(n);
            if let Some(p) = lex::daypart(n1) {
                return Some(Hit::day_part(i, i + 2, v, p).anchor(a));
            }
            return Some(Hit::date(i, i + 1, v).anchor(a));
        }
        if let Some(h) = self.present_or_past_phrase(i) {
            return Some(h);
        }
        if let Some(h) = self.reference_word(i) {
            return h;
        }
        // "an election year", "this election year": the year of the story.
        if w == "election" && n1 == "year" && self.w(i + 2) != "-" {
            return self.election_year(i);
        }
        if w == "tonight" {
            let (v, a) = self.story.rel_day(0);
            return Some(Hit::day_part(i, i + 1, v, "NI").anchor(a));
        }
        if w == "overnight" {
            return None;
        }
        if w == "midnight" || w == "noon" || w == "midday" {
            return Some(self.noon_or_midnight(i));
        }
        if let Some(f) = lex::frequency(w) {
            if w == "annual" || w == "quarterly" || w == "annually" {
                return None;
            }
            return Some(Hit::new(
                i,
                i + 1,
                TimexType::Set,
                Value::Frequency(f),
                Kind::Other,
            ));
        }
        if let Some((u, true)) = lex::unit(w) {
            // Bare plurals after "for": "for years", "for months", "for weeks or months".
            let coordinated = matches!(self.prev(i), "or" | "and")
                && i >= self.sent_start + 3
                && lex::unit(self.w(i - 2)).is_some_and(|x| x.1)
                && matches!(self.w(i - 3), "for" | "within");
            if (matches!(self.prev(i), "for" | "within" | "in") || coordinated)
                && !matches!(n1, "of" | "-")
            {
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
                    Value::duration(u, None),
                    Kind::Dur,
                ));
            }
            if n1 == "ago" {
                return Some(Hit::date(i, i + 2, Value::PAST));
            }
            if let Some(h) = self.bare_plural_span(i, u) {
                return Some(h);
            }
        }
        self.period_word(i)
    }

    /// "election year" at token `i`, with "an" or "this" before it: the year of the story.
    fn election_year(&self, i: usize) -> Option<Hit> {
        // "an election year series": the article belongs to the noun it modifies.
        let modifier = self.kind(i + 2) == Some(TokenKind::Word)
            && !matches!(
                self.w(i + 2),
                "when"
                    | "and"
                    | "or"
                    | "in"
                    | "of"
                    | "that"
                    | "with"
                    | "for"
                    | "is"
                    | "was"
                    | "to"
                    | "as"
                    | "like"
                    | "where"
                    | "but"
                    | "has"
                    | "had"
            );
        let s = match self.prev(i) {
            "an" | "this" if !modifier => i - 1,
            _ => i,
        };
        // The year of the document (of the story in a retrospective), not of a year the
        // narrative mentioned lately (rule 36 of the news notes).
        let y = self
            .story
            .retrospective_year()
            .or(self.story.dct().map(|d| d.year()))
            .or(self.story.story_year())?;
        Some(Hit::date(s, i + 2, Value::year(y)))
    }

    /// "midnight", "noon", "midday" at token `i`, on the day named after it ("noon Friday"),
    /// else on the day the story is at.
    fn noon_or_midnight(&self, i: usize) -> Hit {
        let (w, n1) = (self.w(i), self.w(i + 1));
        let t = TimeOfDay::Clock(if w == "midnight" { 24 } else { 12 }, 0);
        let mut e = i + 1;
        let mut day = self
            .following_day(e)
            .unwrap_or_else(|| self.story.story_day());
        if let Some(wd) = lex::weekday(n1) {
            day = self.weekday_value(wd, i, None).0;
            e += 1;
        }
        Hit::new(i, e, TimexType::Time, Value::time(day, t), Kind::Clock)
    }

    /// A bare plural unit measuring the gap to an event, "came hours after", "departed days
    /// later", "requested months earlier", or a stretch, "After weeks of sniping", "stretching
    /// back decades": a vague duration. Not after a determiner or an adjective ("the first
    /// days after", "a matter of days before", "hundreds of years").
    fn bare_plural_span(&self, i: usize, u: Unit) -> Option<Hit> {
        if matches!(u, Unit::Quarter | Unit::Weekend | Unit::Second) || i == 0 {
            return None;
        }
        let (p, n1) = (self.prev(i), self.w(i + 1));
        let gap = matches!(n1, "after" | "before" | "later" | "earlier")
            && (self.kind(i - 1) == Some(TokenKind::Punct)
                || self.kind(i - 1) == Some(TokenKind::Word)
                    && !self.cap(i - 1)
                    && !matches!(
                        p,
                        "the"
                            | "a"
                            | "an"
                            | "of"
                            | "first"
                            | "last"
                            | "final"
                            | "early"
                            | "few"
                            | "several"
                            | "many"
                            | "some"
                            | "these"
                            | "those"
                            | "recent"
                            | "past"
                            | "next"
                            | "coming"
                            | "waning"
                            | "all"
                            | "trading"
                            | "business"
                            | "working"
                            | "calendar"
                            | "two"
                    ));
        let stretch = p == "back" && !self.cap(i) || p == "after" && n1 == "of";
        if !(gap || stretch) {
            return None;
        }
        Some(Hit::new(
            i,
            i + 1,
            TimexType::Duration,
            Value::duration(u, None),
            Kind::Dur,
        ))
    }

    /// Words for periods and their ends: "third-quarter", "year-earlier", "year-end", "fiscal
    /// 1990", seasons after a preposition, holidays, "'90s".
    fn period_word(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let n1 = self.w(i + 1);
        // "centuries-old stereotypes": a vague length.
        if w == "centuries-old" {
            let v = Value::duration(Unit::Century, None);
            return Some(Hit::new(i, i + 1, TimexType::Duration, v, Kind::Other));
        }
        if let Some(q) = w.strip_suffix("-quarter").and_then(lex::ordinal) {
            return self.quarter_like(i, i + 1, q, Unit::Quarter);
        }
        if matches!(w, "year-earlier" | "year-ago") {
            let (y, q) = self.story.current_report_quarter()?;
            if self.quarter_context(i) {
                return Some(Hit::date(i, i + 1, Value::quarter(y - 1, q)));
            }
            return Some(Hit::date(
                i,
                i + 1,
                Value::year(self.story.dct()?.year() - 1),
            ));
        }
        if w == "year" && (n1 == "end" || n1 == "'s" && self.w(i + 2) == "end") {
            let e = if n1 == "end" { i + 2 } else { i + 3 };
            let d = self.story.dct()?;
            return Some(Hit::date(i, e, Value::year(d.year())));
        }
        if w == "year-end" {
            let d = self.story.dct()?;
            let y = if self.tense(i) == Tense::Past && d.month() < 6 {
                d.year() - 1
            } else {
                d.year()
            };
            return Some(Hit::date(i, i + 1, Value::written(y, 12, 31)));
        }
        if w == "fiscal" {
            if let Some(y) = year_of(n1) {
                return Some(Hit::date(i, i + 2, Value::year(y)));
            }
        }
        if let Some(s) = lex::season(w) {
            // Seasons need a determiner or preposition: "in summer", "last fall" (handled
            // elsewhere), "summer 2016".
            if let Some(y) = year_of(n1) {
                return Some(Hit::date(i, i + 2, Value::season(y, s)));
            }
            if matches!(
                self.prev(i),
                "in" | "this" | "during" | "by" | "until" | "early" | "late" | "mid"
            ) && w != "fall"
            {
                let v = self
                    .story
                    .dct()
                    .map_or(Value::Season(None, s), |d| Value::season(d.year(), s));
                return Some(Hit::date(i, i + 1, v));
            }
            return None;
        }
        if let Some(h) = self.holiday(i) {
            return Some(h);
        }
        self.decade_apostrophe(i)
    }

    /// Years in words: "nineteen ninety-six", "(the year) two thousand".
    pub(super) fn spelled_year(&self, i: usize) -> Option<Hit> {
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
        Some(Hit::date(i, j + 1, Value::year(y)))
    }

    /// "'90s".
    pub(super) fn decade_apostrophe(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        if matches!(w, "'" | "’" | "‘") {
            let n = self.w(i + 1);
            if n.len() == 3 && n.ends_with('s') && is_num(&n[..2]) {
                return Some(Hit::date(i, i + 2, Value::decade(190 + digit(n))));
            }
        }
        let n = w.trim_start_matches(['\'', '’', '‘']);
        if n.len() == 3 && n.len() < w.len() && n.ends_with('s') && is_num(&n[..2]) {
            return Some(Hit::date(i, i + 1, Value::decade(190 + digit(n))));
        }
        self.year_apostrophe(i)
    }

    /// "in ‘16", "Obama in ‘08": a year written with two digits after an apostrophe and a
    /// preposition; the century that puts it no more than ten years after the document.
    fn year_apostrophe(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let (digits, e) = if matches!(w, "'" | "’" | "‘") {
            (self.w(i + 1), i + 2)
        } else {
            (w.trim_start_matches(['\'', '’', '‘']), i + 1)
        };
        let attached = e == i + 2 || digits.len() < w.len();
        if !(attached && digits.len() == 2 && is_num(digits)) {
            return None;
        }
        if !matches!(
            self.prev(i),
            "in" | "since" | "of" | "by" | "until" | "from"
        ) {
            return None;
        }
        let nn: i32 = digits.parse().ok()?;
        let now = self.story.dct().map_or(1999, |d| d.year());
        let y = if 2000 + nn <= now + 10 {
            2000 + nn
        } else {
            1900 + nn
        };
        Some(Hit::date(i, e, Value::year(y)))
    }
}
