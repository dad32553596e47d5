//! Word lists of the temporal tagger: months, weekdays, numbers, units, parts of the day.
//! Every function takes a lower-cased token.

/// Month number of a month name or abbreviation ("sept.", "oct", "october").
pub fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan." | "jan" => 1,
        "february" | "feb." | "feb" => 2,
        "march" | "mar." | "mar" => 3,
        "april" | "apr." | "apr" => 4,
        "may" => 5,
        "june" | "jun." | "jun" => 6,
        "july" | "jul." | "jul" => 7,
        "august" | "aug." | "aug" => 8,
        "september" | "sept." | "sep." | "sept" | "sep" => 9,
        "october" | "oct." | "oct" => 10,
        "november" | "nov." | "nov" => 11,
        "december" | "dec." | "dec" => 12,
        _ => return None,
    })
}

/// Month words that are also ordinary English words or names: these need more evidence.
pub fn ambiguous_month(w: &str) -> bool {
    matches!(
        w,
        "may"
            | "march"
            | "jan"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "feb"
    )
}

/// ISO weekday number (Monday = 1).
pub fn weekday(w: &str) -> Option<u32> {
    Some(match w {
        "monday" | "mon." => 1,
        "tuesday" | "tues." | "tue." => 2,
        "wednesday" | "wed." => 3,
        "thursday" | "thurs." | "thu." => 4,
        "friday" | "fri." => 5,
        "saturday" | "sat." => 6,
        "sunday" => 7,
        _ => return None,
    })
}

/// Cardinal number words up to ninety-nine (and "a"/"an"/"one").
pub fn number_word(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    })
}

/// A cardinal, as a word ("twenty-four", "two") or digits ("24", "1,000").
pub fn cardinal(w: &str) -> Option<u32> {
    if w.as_bytes().first().is_some_and(|b| b.is_ascii_digit()) {
        if w.bytes().all(|b| b.is_ascii_digit() || b == b',') && w.len() <= 7 {
            return w.replace(',', "").parse().ok();
        }
        return None;
    }
    if let Some(n) = number_word(w) {
        return Some(n);
    }
    let (a, b) = w.split_once('-')?;
    let (a, b) = (number_word(a)?, number_word(b)?);
    (a >= 20 && a % 10 == 0 && b < 10).then_some(a + b)
}

/// Ordinal numbers ("third", "3rd", "twentieth").
pub fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fifteenth" => 15,
        "twentieth" => 20,
        "twenty-first" => 21,
        _ => {
            let n = w.len();
            if n >= 3 && w.is_ascii() && matches!(&w[n - 2..], "st" | "nd" | "rd" | "th") {
                let d = &w[..n - 2];
                if !d.is_empty() && d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit()) {
                    return d.parse().ok();
                }
            }
            return None;
        }
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The ISO 8601 duration designator for `n` of this unit ("PT12H", "P3Y", "P20Y" for two decades).
    pub fn duration(self, n: Option<u32>) -> String {
        let x = |m: u32| n.map_or("X".to_string(), |n| (n * m).to_string());
        match self {
            Unit::Second => format!("PT{}S", x(1)),
            Unit::Minute => format!("PT{}M", x(1)),
            Unit::Hour => format!("PT{}H", x(1)),
            Unit::Day => format!("P{}D", x(1)),
            Unit::Week => format!("P{}W", x(1)),
            Unit::Weekend => format!("P{}WE", x(1)),
            Unit::Month => format!("P{}M", x(1)),
            Unit::Quarter => format!("P{}Q", x(1)),
            Unit::Year => format!("P{}Y", x(1)),
            Unit::Decade => match n {
                Some(n) => format!("P{}Y", n * 10),
                None => "PXDE".into(),
            },
            Unit::Century => match n {
                Some(n) => format!("P{}Y", n * 100),
                None => "PXCE".into(),
            },
        }
    }
}

/// A unit word, and whether it is plural.
pub fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// Parts of the day and their TIMEX3 codes.
pub fn daypart(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// Seasons and their TIMEX3 codes.
pub fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Frequency adverbs (SET).
pub fn frequency(w: &str) -> Option<&'static str> {
    Some(match w {
        "daily" | "nightly" => "P1D",
        "weekly" => "P1W",
        "monthly" => "P1M",
        "quarterly" => "P1Q",
        "annually" | "yearly" | "annual" => "P1Y",
        "hourly" => "PT1H",
        _ => return None,
    })
}
