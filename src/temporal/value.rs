//! TIMEX3 values: formatting calendar values and the `[begin, end)` interval a value denotes.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// The years a value may name: TIMEX3 writes four digits, and Python's `datetime` (so every
/// consumer of an interval) holds years 1 to 9999.
pub const FIRST_YEAR: i32 = 1;
pub const LAST_YEAR: i32 = 9999;

/// The reference a year outside [`FIRST_YEAR`]..=[`LAST_YEAR`] falls back to: "10000 years
/// ago" is some time in the past, "next year" in 9999 some time in the future.
fn beyond(y: i32) -> Option<String> {
    if y < FIRST_YEAR {
        Some("PAST_REF".into())
    } else if y > LAST_YEAR {
        Some("FUTURE_REF".into())
    } else {
        None
    }
}

pub fn day(d: NaiveDate) -> String {
    beyond(d.year()).unwrap_or_else(|| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()))
}

/// A day written as numbers that may not be a calendar day ("2015-02-30" as written).
pub fn ymd(y: i32, m: u32, d: u32) -> String {
    beyond(y).unwrap_or_else(|| format!("{y:04}-{m:02}-{d:02}"))
}

pub fn week(d: NaiveDate) -> String {
    let w = d.iso_week();
    beyond(w.year()).unwrap_or_else(|| format!("{:04}-W{:02}", w.year(), w.week()))
}

/// The weekend of the ISO week of `d`.
pub fn weekend(d: NaiveDate) -> String {
    let w = d.iso_week();
    beyond(w.year()).unwrap_or_else(|| format!("{:04}-W{:02}-WE", w.year(), w.week()))
}

pub fn year(y: i32) -> String {
    beyond(y).unwrap_or_else(|| format!("{y:04}"))
}

/// A month of a known or unknown year.
pub fn month(y: Option<i32>, m: u32) -> String {
    match y {
        Some(y) => beyond(y).unwrap_or_else(|| format!("{y:04}-{m:02}")),
        None => format!("XXXX-{m:02}"),
    }
}

pub fn quarter(y: i32, q: u32) -> String {
    beyond(y).unwrap_or_else(|| format!("{y:04}-Q{q}"))
}

pub fn half(y: i32, h: u32) -> String {
    beyond(y).unwrap_or_else(|| format!("{y:04}-H{h}"))
}

/// A season (`SP`, `SU`, `FA`, `WI`) of a year.
pub fn season(y: i32, s: &str) -> String {
    beyond(y).unwrap_or_else(|| format!("{y:04}-{s}"))
}

/// The decade `d` (the 1990s are 199), written with three digits.
pub fn decade(d: i32) -> String {
    match d {
        ..0 => "PAST_REF".into(),
        0..=999 => format!("{d:03}"),
        _ => "FUTURE_REF".into(),
    }
}

/// The century `c` (the 20th century, 1900-1999, is 19), written with two digits.
pub fn century(c: i32) -> String {
    match c {
        ..0 => "PAST_REF".into(),
        0..=99 => format!("{c:02}"),
        _ => "FUTURE_REF".into(),
    }
}

pub fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

/// Adds months to a date, clamping the day.
pub fn add_months(d: NaiveDate, n: i32) -> NaiveDate {
    let total = d.year() * 12 + d.month() as i32 - 1 + n;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    (1..=d.day())
        .rev()
        .find_map(|dd| NaiveDate::from_ymd_opt(y, m, dd))
        .unwrap_or(d)
}

fn at(d: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    d.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN))
}

fn date_opt(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The interval kept within what Python's `datetime` holds (0001-01-01 to the last
/// microsecond of 9999), or none when nothing of it remains.
fn clamp((a, b): (NaiveDateTime, NaiveDateTime)) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let lo = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1)?.and_hms_opt(0, 0, 0)?;
    let hi = NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31)?.and_hms_micro_opt(23, 59, 59, 999_999)?;
    let (a, b) = (a.max(lo), b.min(hi));
    (a < b).then_some((a, b))
}

fn num<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The calendar interval a value denotes, if it denotes one: a day, month, year, decade,
/// century, ISO week, weekend, quarter, half, season (approximate: meteorological seasons)
/// or a time of day. `None` for durations, sets, `*_REF` and partly unknown values. The
/// interval never leaves years 1 to 9999: the first century starts on 0001-01-01, and an
/// interval ending after 9999 ends at the last microsecond of 9999.
pub fn interval(value: &str) -> Option<(NaiveDateTime, NaiveDateTime)> {
    interval_unclamped(value).and_then(clamp)
}

fn interval_unclamped(value: &str) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let (date, time) = match value.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (value, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let y = parts[0];
    if time.is_some() && parts.len() != 3 {
        return None;
    }
    match parts.len() {
        1 => {
            let n: i32 = num(y)?;
            match y.len() {
                4 => Some((
                    at(date_opt(n, 1, 1)?, 0, 0),
                    at(date_opt(n + 1, 1, 1)?, 0, 0),
                )),
                3 => Some((
                    at(date_opt(n * 10, 1, 1)?, 0, 0),
                    at(date_opt(n * 10 + 10, 1, 1)?, 0, 0),
                )),
                2 => Some((
                    at(date_opt(n * 100, 1, 1)?, 0, 0),
                    at(date_opt(n * 100 + 100, 1, 1)?, 0, 0),
                )),
                _ => None,
            }
        }
        2 | 3 => {
            let yn: i32 = num(y)?;
            if y.len() != 4 {
                return None;
            }
            let p = parts[1];
            let span_months = |m0: u32, n: i32| -> Option<(NaiveDateTime, NaiveDateTime)> {
                let b = date_opt(yn, m0, 1)?;
                Some((at(b, 0, 0), at(add_months(b, n), 0, 0)))
            };
            if let Some(w) = p.strip_prefix('W') {
                let w: u32 = num(w)?;
                let mon = NaiveDate::from_isoywd_opt(yn, w, Weekday::Mon)?;
                return match parts.get(2) {
                    None => Some((at(mon, 0, 0), at(mon + Duration::days(7), 0, 0))),
                    Some(&"WE") => Some((
                        at(mon + Duration::days(5), 0, 0),
                        at(mon + Duration::days(7), 0, 0),
                    )),
                    _ => None,
                };
            }
            if parts.len() == 2 {
                if let Some(q) = p.strip_prefix('Q') {
                    let q: u32 = num(q)?;
                    return if (1..=4).contains(&q) {
                        span_months(3 * q - 2, 3)
                    } else {
                        None
                    };
                }
                if let Some(h) = p.strip_prefix('H') {
                    let h: u32 = num(h)?;
                    return if (1..=2).contains(&h) {
                        span_months(6 * h - 5, 6)
                    } else {
                        None
                    };
                }
                return match p {
                    "SP" => span_months(3, 3),
                    "SU" => span_months(6, 3),
                    "FA" => span_months(9, 3),
                    "WI" => span_months(12, 3),
                    _ => {
                        let m: u32 = num(p)?;
                        span_months(m, 1)
                    }
                };
            }
            let m: u32 = num(p)?;
            let d: u32 = num(parts[2])?;
            let dd = date_opt(yn, m, d)?;
            let Some(t) = time else {
                return Some((at(dd, 0, 0), at(dd + Duration::days(1), 0, 0)));
            };
            let (h0, h1) = match t {
                "MO" => (6, 12),
                "MI" => (11, 13),
                "AF" => (12, 18),
                "EV" => (18, 22),
                "NI" => (21, 24),
                "DT" => (6, 18),
                _ => {
                    let (h, mi) = t.split_once(':').unwrap_or((t, "00"));
                    let h: u32 = num(h)?;
                    let mi: u32 = num(&mi[..mi.len().min(2)])?;
                    if h == 24 && mi == 0 {
                        let n = dd + Duration::days(1);
                        return Some((at(n, 0, 0), at(n, 0, 1)));
                    }
                    if h > 23 || mi > 59 {
                        return None;
                    }
                    let b = at(dd, h, mi);
                    return Some((b, b + Duration::minutes(1)));
                }
            };
            let e = if h1 == 24 {
                at(dd + Duration::days(1), 0, 0)
            } else {
                at(dd, h1, 0)
            };
            Some((at(dd, h0, 0), e))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(v: &str) -> Option<(String, String)> {
        interval(v).map(|(a, b)| (a.to_string(), b.to_string()))
    }

    #[test]
    fn intervals() {
        assert_eq!(
            iv("2016-09-20"),
            Some(("2016-09-20 00:00:00".into(), "2016-09-21 00:00:00".into()))
        );
        assert_eq!(
            iv("2016-12"),
            Some(("2016-12-01 00:00:00".into(), "2017-01-01 00:00:00".into()))
        );
        assert_eq!(
            iv("2016-W38"),
            Some(("2016-09-19 00:00:00".into(), "2016-09-26 00:00:00".into()))
        );
        assert_eq!(
            iv("2016-Q4"),
            Some(("2016-10-01 00:00:00".into(), "2017-01-01 00:00:00".into()))
        );
        assert_eq!(
            iv("199"),
            Some(("1990-01-01 00:00:00".into(), "2000-01-01 00:00:00".into()))
        );
        assert_eq!(
            iv("2016-09-21TMO"),
            Some(("2016-09-21 06:00:00".into(), "2016-09-21 12:00:00".into()))
        );
        assert_eq!(
            iv("2016-09-20T21:29"),
            Some(("2016-09-20 21:29:00".into(), "2016-09-20 21:30:00".into()))
        );
        assert_eq!(iv("P3Y"), None);
        assert_eq!(iv("PRESENT_REF"), None);
        assert_eq!(iv("XXXX-10-12"), None);
    }
}
