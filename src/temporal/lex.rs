//! Word lists of the temporal tagger: months, weekdays, numbers, units, parts of the day.
//! Never resolves or decides anything: every function maps one lower-cased token to its entry.

/// An irregular past participle ("been", "made", "won"), for the pluperfect "had made".
pub fn participle(w: &str) -> bool {
    matches!(
        w,
        "been"
            | "made"
            | "won"
            | "lost"
            | "left"
            | "met"
            | "led"
            | "sent"
            | "spent"
            | "held"
            | "paid"
            | "said"
            | "told"
            | "built"
            | "brought"
            | "bought"
            | "thought"
            | "found"
            | "got"
            | "gotten"
            | "gone"
            | "done"
            | "come"
            | "become"
            | "run"
            | "begun"
            | "taken"
            | "given"
            | "written"
            | "seen"
            | "known"
            | "shown"
            | "grown"
            | "drawn"
            | "chosen"
            | "spoken"
            | "broken"
            | "fallen"
            | "risen"
            | "kept"
            | "felt"
            | "heard"
            | "sold"
            | "struck"
            | "fought"
            | "taught"
            | "caught"
    )
}

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

/// Weekday of a plural weekday name ("Saturdays", "Monday nights" as "mondays"): a set.
pub fn weekday_plural(w: &str) -> Option<u32> {
    w.strip_suffix('s')
        .and_then(weekday)
        .filter(|_| w.len() > 6)
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
    /// The TIMEX3 duration for `n` of this unit ("PT12H", "P3Y", "P2DE" for two decades, "P1CE"
    /// for a century).
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
                Some(n) => format!("P{n}DE"),
                None => "PXDE".into(),
            },
            Unit::Century => match n {
                Some(n) => format!("P{n}CE"),
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
        "quadrennial" => "P4Y",
        "weekly" => "P1W",
        "monthly" => "P1M",
        "quarterly" => "P1Q",
        "annually" | "yearly" | "annual" => "P1Y",
        "hourly" => "PT1H",
        "weekdays" => "XXXX-WXX-WD",
        _ => return None,
    })
}

/// Function words that start an expression only before a trigger ("the third quarter",
/// "about 12 hours", "last year", "early next year").
const FUNCTION_TRIGGERS: &[&str] = &[
    "the",
    "these",
    "a",
    "an",
    "half",
    "this",
    "last",
    "next",
    "past",
    "previous",
    "some",
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "over",
    "more",
    "less",
    "fewer",
    "at",
    "up",
    "early",
    "late",
    "mid",
    "earlier",
    "later",
    "new",
    "year",
    "right",
    "just",
    "near",
    "long",
    "super",
    "final",
    "waning",
    "closing",
    "distant",
    "foreseeable",
    "short",
    "latest",
    "full",
    "end",
    "beginning",
    "start",
    "middle",
    "close",
    "couple",
    "additional",
    "following",
    "corresponding",
    "comparable",
    "same",
    "prior",
    "than",
    "least",
    "to",
    "of",
    "term",
    "period",
    "that",
];

/// Words that can start or head a temporal expression on their own.
fn is_trigger(w: &str) -> bool {
    month(w).is_some()
        || weekday(w).is_some()
        || number_word(w).is_some()
        || unit(w).is_some()
        || daypart(w).is_some()
        || season(w).is_some()
        || frequency(w).is_some()
        || ordinal(w).is_some()
        || TRIGGERS.contains(&w)
}

const TRIGGERS: &[&str] = &[
    "quadrennial",
    "centuries-old",
    "moment",
    "point",
    "weekdays",
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
    "soon",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "now",
    "currently",
    "nowadays",
    "presently",
    "recently",
    "lately",
    "formerly",
    "future",
    "midnight",
    "noon",
    "midday",
    "fiscal",
    "year-end",
    "year-earlier",
    "year-ago",
    "christmas",
    "thanksgiving",
    "cinco",
    "black",
    "inauguration",
    "election",
    "halloween",
    "independence",
    "labor",
    "memorial",
    "valentine's",
    "valentine",
    "nineties",
    "eighties",
    "seventies",
    "sixties",
    "fifties",
    "every",
    "each",
    "several",
    "few",
    "many",
    "numerous",
    "recent",
    "current",
    "coming",
    "past",
];

/// Every word [`is_trigger`] or [`is_function_trigger`] accepts that is not a number or
/// compound, to fill the lookup table.
const CANDIDATES: &[&str] = &[
    "january",
    "jan.",
    "jan",
    "february",
    "feb.",
    "feb",
    "march",
    "mar.",
    "mar",
    "april",
    "apr.",
    "apr",
    "may",
    "june",
    "jun.",
    "jun",
    "july",
    "jul.",
    "jul",
    "august",
    "aug.",
    "aug",
    "september",
    "sept.",
    "sep.",
    "sept",
    "sep",
    "october",
    "oct.",
    "oct",
    "november",
    "nov.",
    "nov",
    "december",
    "dec.",
    "dec",
    "monday",
    "mon.",
    "tuesday",
    "tues.",
    "tue.",
    "wednesday",
    "wed.",
    "thursday",
    "thurs.",
    "thu.",
    "friday",
    "fri.",
    "saturday",
    "sat.",
    "sunday",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "dozen",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fifteenth",
    "twentieth",
    "twenty-first",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "weekends",
    "month",
    "months",
    "quarter",
    "quarters",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "morning",
    "afternoon",
    "evening",
    "night",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "daily",
    "nightly",
    "weekly",
    "monthly",
    "quarterly",
    "annually",
    "yearly",
    "annual",
    "hourly",
];

/// Longest word in the trigger table.
const MAX_TRIGGER_LEN: usize = 14;

/// The trigger words by class, and a bit for the shape (length, first two bytes) of each:
/// most words of a text have a shape no trigger word has, and are told apart without hashing.
struct TriggerTable {
    class: rustc_hash::FxHashMap<&'static str, u8>,
    shapes: Vec<u64>,
}

impl TriggerTable {
    fn new() -> Self {
        let mut class = rustc_hash::FxHashMap::default();
        for &x in FUNCTION_TRIGGERS {
            class.insert(x, 2);
        }
        for &x in CANDIDATES.iter().chain(TRIGGERS) {
            if is_trigger(x) {
                class.insert(x, 1);
            }
        }
        let mut shapes = vec![0u64; ((MAX_TRIGGER_LEN + 1) << 10) / 64];
        for w in class.keys().filter(|w| w.len() <= MAX_TRIGGER_LEN) {
            let h = shape_bit(w);
            shapes[h / 64] |= 1 << (h % 64);
        }
        TriggerTable { class, shapes }
    }

    /// May `w` be in the table? False for most words not in it.
    fn may_hold(&self, w: &str) -> bool {
        let h = shape_bit(w);
        self.shapes[h / 64] & (1 << (h % 64)) != 0
    }
}

/// The bit of a word of at most [`MAX_TRIGGER_LEN`] bytes: its length and the low five bits
/// of its first two bytes.
fn shape_bit(w: &str) -> usize {
    let b = w.as_bytes();
    let low = |k: usize| usize::from(b.get(k).map_or(0, |x| x & 31));
    (b.len() << 10) | (low(0) << 5) | low(1)
}

/// How a lower-cased word triggers the tagger: 0 never, 1 always, 2 if the next word does.
pub fn trigger_class(w: &str) -> u8 {
    use std::sync::OnceLock;
    static TABLE: OnceLock<TriggerTable> = OnceLock::new();
    if w.len() > MAX_TRIGGER_LEN {
        return 0;
    }
    let table = TABLE.get_or_init(TriggerTable::new);
    if !table.may_hold(w) {
        return 0;
    }
    table.class.get(w).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tagger's token test relies on these: no trigger word has a digit, and every one
    /// fits the table's bit set.
    #[test]
    fn trigger_words_are_short_and_digit_free() {
        let table = TriggerTable::new();
        for w in table.class.keys() {
            assert!(w.len() <= MAX_TRIGGER_LEN, "{w}");
            assert!(!w.bytes().any(|b| b.is_ascii_digit()), "{w}");
            assert!(table.may_hold(w), "{w}");
        }
        assert_eq!(trigger_class("the"), 2);
        assert_eq!(trigger_class("october"), 1);
        assert_eq!(trigger_class("said"), 0);
    }
}
