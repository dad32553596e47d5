//! The temporal layer through the public pipeline API.

use chrono::NaiveDate;
use tidings::types::DateSource;
use tidings::{Pipeline, TimexType};

#[test]
fn pipeline_fills_dates_and_infers_the_document_date() {
    let p = Pipeline::default();
    let doc = p.analyze(
        "The following article was posted November 13, 2017:\n\n\
         Just before the stroke of midnight on September 20, 2016, a message arrived. \
         The next morning, about 12 hours later, he replied. On October 12, WikiLeaks wrote again.",
        None,
    );
    assert!(doc.error.is_none());
    assert_eq!(doc.date, NaiveDate::from_ymd_opt(2017, 11, 13));
    assert_eq!(doc.date_source, Some(DateSource::Inferred));
    let got: Vec<(&str, TimexType, &str)> = doc
        .dates
        .iter()
        .map(|t| (doc.slice(t.span), t.ttype, t.value.as_str()))
        .collect();
    assert!(
        got.contains(&("October 12", TimexType::Date, "2016-10-12")),
        "{got:?}"
    );
    assert!(
        got.contains(&("The next morning", TimexType::Time, "2016-09-21TMO")),
        "{got:?}"
    );
    assert!(
        got.contains(&("12 hours", TimexType::Duration, "PT12H")),
        "{got:?}"
    );
    let day = doc.dates.iter().find(|t| t.value == "2016-09-20").unwrap();
    let (a, b) = day.interval.unwrap();
    assert_eq!((b - a).num_hours(), 24);
}

#[test]
fn a_given_date_wins_and_texts_without_dates_stay_empty() {
    let p = Pipeline::default();
    let d = NaiveDate::from_ymd_opt(2019, 4, 18);
    let doc = p.analyze("May I help you? The Sun said prices may march higher.", d);
    assert!(doc.dates.is_empty(), "{:?}", doc.dates);
    assert_eq!(doc.date_source, Some(DateSource::Given));
    let doc = p.analyze("Mueller's report came out on Thursday.", d);
    assert_eq!(doc.dates[0].value, "2019-04-18");
}

// ---------------------------------------------------------------- years outside 1..=9999

mod out_of_range {
    use chrono::{NaiveDate, NaiveDateTime};
    use regex::Regex;
    use tidings::pipeline::{prepare, Extractor};
    use tidings::temporal::TemporalExtractor;
    use tidings::Timex;

    fn dates(text: &str, dct: Option<(i32, u32, u32)>) -> Vec<(String, Timex)> {
        let dct = dct.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        let mut doc = prepare(text, dct);
        TemporalExtractor::default().extract(&mut doc).unwrap();
        doc.dates
            .iter()
            .map(|t| (doc.slice(t.span).to_string(), t.clone()))
            .collect()
    }

    /// The earliest and latest instants Python's `datetime` (and so every consumer) can hold.
    fn bounds() -> (NaiveDateTime, NaiveDateTime) {
        let lo = NaiveDate::from_ymd_opt(1, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0);
        let hi = NaiveDate::from_ymd_opt(9999, 12, 31)
            .unwrap()
            .and_hms_micro_opt(23, 59, 59, 999_999);
        (lo.unwrap(), hi.unwrap())
    }

    /// A TIMEX3 value of the forms the tagger writes: calendar values with a four-digit year
    /// from 0001 (or a decade/century prefix), durations, sets and the three references.
    fn timex3() -> Regex {
        Regex::new(concat!(
            r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF",
            r"|(?:\d{2}|\d{3}|\d{4}|XX|XXX|XXXX)",
            r"(?:-(?:\d{2}|XX|Q[1-4X]|H[12X]|W\d{2}|WXX|SP|SU|FA|WI)(?:-(?:\d{2}|XX|WE|[1-7]))?)?",
            r"(?:T(?:\d{2}:\d{2}|MO|MI|AF|EV|NI|DT))?",
            r"|P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|Q|DE|CE|WE))*",
            r"(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?)$"
        ))
        .unwrap()
    }

    /// Every value is a TIMEX3 string, no four-digit year is 0000, and every interval lies
    /// within years 1..=9999 with its start before its end.
    fn check(re: &Regex, text: &str, dct: Option<(i32, u32, u32)>) {
        let (lo, hi) = bounds();
        for (s, t) in dates(text, dct) {
            let v = &t.value;
            assert!(
                re.is_match(v) && v != "P" && v != "PT",
                "{text:?} ({dct:?}): {s:?} has value {v:?}"
            );
            assert!(
                !v.starts_with("0000"),
                "{text:?} ({dct:?}): {s:?} is in year 0: {v:?}"
            );
            if let Some((a, b)) = t.interval {
                assert!(
                    lo <= a && a < b && b <= hi,
                    "{text:?} ({dct:?}): {s:?} = {v:?} has interval {a}..{b}"
                );
            }
        }
    }

    const DCTS: [Option<(i32, u32, u32)>; 5] = [
        None,
        Some((1, 1, 1)),
        Some((2016, 9, 22)),
        Some((9999, 12, 31)),
        Some((9996, 6, 1)),
    ];

    /// Text, value and interval (as strings) of each date found.
    type Found = Vec<(String, String, Option<(String, String)>)>;

    fn value_and_interval(text: &str, dct: Option<(i32, u32, u32)>) -> Found {
        dates(text, dct)
            .into_iter()
            .map(|(s, t)| {
                let iv = t.interval.map(|(a, b)| (a.to_string(), b.to_string()));
                (s, t.value, iv)
            })
            .collect()
    }

    /// The values of the dates found, in order.
    fn values(text: &str, dct: Option<(i32, u32, u32)>) -> Vec<String> {
        dates(text, dct).into_iter().map(|(_, t)| t.value).collect()
    }

    #[test]
    fn the_first_century_starts_in_year_one() {
        let got = value_and_interval("Augustus ruled in the first century.", None);
        assert_eq!(
            got,
            vec![(
                "the first century".to_string(),
                "00".to_string(),
                Some((
                    "0001-01-01 00:00:00".to_string(),
                    "0100-01-01 00:00:00".to_string()
                ))
            )]
        );
    }

    #[test]
    fn the_zeroth_century_is_no_date() {
        for ordinal in ["0th", "00th"] {
            let text = format!("It happened in the {ordinal} century.");
            let got = value_and_interval(&text, Some((2016, 9, 22)));
            assert!(got.iter().all(|(_, v, _)| v != "4294967295"), "{got:?}");
            assert!(got.is_empty(), "{text:?}: {got:?}");
        }
    }

    #[test]
    fn thousands_of_years_ago_are_the_past() {
        let got = value_and_interval("It formed 10000 years ago.", Some((2016, 9, 22)));
        assert_eq!(
            got,
            vec![("10000 years ago".to_string(), "PAST_REF".to_string(), None)]
        );
        for (text, value) in [
            ("It formed 50,000 years ago.", "PAST_REF"),
            ("Sea levels rise in 50,000 years.", "P50000Y"),
            ("It returns 9,000 years from now.", "FUTURE_REF"),
        ] {
            let got = values(text, Some((2016, 9, 22)));
            assert_eq!(got[0], value, "{text:?}: {got:?}");
        }
    }

    #[test]
    fn centuries_and_decades_ago_stay_within_the_calendar() {
        for text in [
            "It formed 50 centuries ago.",
            "It formed 999 decades ago.",
            "It ends 80 centuries from now.",
            "It formed 9,999,999 days ago.",
        ] {
            let got = value_and_interval(text, Some((2016, 9, 22)));
            assert_eq!(got.len(), 1, "{text:?}: {got:?}");
            assert!(got[0].1.ends_with("_REF"), "{text:?}: {got:?}");
        }
    }

    #[test]
    fn a_year_ago_in_a_quarterly_report_far_back_is_the_past() {
        let text = "Profit rose in the third quarter. It was lower 5000 years ago.";
        let got = values(text, Some((2016, 9, 22)));
        assert_eq!(got[1], "PAST_REF", "{got:?}");
    }

    #[test]
    fn relative_dates_at_the_ends_of_the_calendar() {
        let text = "He left yesterday and returns tomorrow. Next year too.";
        let got = values(text, Some((9999, 12, 31)));
        assert_eq!(
            got[..3],
            ["9999-12-30", "FUTURE_REF", "FUTURE_REF"],
            "{got:?}"
        );
        let got = values("He left yesterday. Last year too.", Some((1, 1, 1)));
        assert_eq!(got[..2], ["PAST_REF", "PAST_REF"], "{got:?}");
        // The last year there is ends at the last instant Python can hold.
        let got = value_and_interval("It was a good year, this year.", Some((9999, 6, 1)));
        let (_, hi) = bounds();
        assert_eq!(got[0].1, "9999", "{got:?}");
        assert_eq!(got[0].2.as_ref().unwrap().1, hi.to_string(), "{got:?}");
    }

    #[test]
    fn the_next_decade_near_year_ten_thousand_is_not_a_year() {
        // "1000" would read as the year 1000, not the decade 10000-10009.
        for text in [
            "Growth returns next decade.",
            "Growth returns next century.",
        ] {
            let got = values(text, Some((9995, 1, 1)));
            assert_eq!(got[0], "FUTURE_REF", "{text:?}: {got:?}");
        }
    }

    #[test]
    fn the_interval_function_never_leaves_the_calendar() {
        let (lo, hi) = bounds();
        for v in [
            "00",
            "000",
            "0000",
            "0000-12",
            "0001",
            "9999",
            "999",
            "99",
            "9999-12-31",
            "9999-W52",
            "9999-WI",
            "9999-12-31TNI",
            "9999-12-31T24:00",
            "0000-Q4",
        ] {
            if let Some((a, b)) = tidings::temporal::interval(v) {
                assert!(lo <= a && a < b && b <= hi, "{v}: {a}..{b}");
            }
        }
        assert_eq!(tidings::temporal::interval("0000"), None);
    }

    /// Generated inputs: ordinal centuries, years in several phrase shapes, huge amounts in
    /// durations, ages and "N units ago / from now", each against documents dated at both
    /// ends of the calendar.
    #[test]
    fn generated_inputs_stay_within_years_one_to_9999() {
        let mut texts = Vec::new();
        for c in 0..=200 {
            let sfx = match (c % 100, c % 10) {
                (11..=13, _) => "th",
                (_, 1) => "st",
                (_, 2) => "nd",
                (_, 3) => "rd",
                _ => "th",
            };
            texts.push(format!("It was built in the {c}{sfx} century."));
            texts.push(format!("It was built in {c}{sfx} century Rome."));
        }
        for word in ["first", "second", "tenth", "twentieth", "twenty-first"] {
            texts.push(format!("It was built in the {word} century."));
        }
        let mut years: Vec<u32> = (0..=200).chain((0..=20000).step_by(97)).collect();
        years.extend([
            999, 1000, 1899, 1900, 2030, 2100, 2101, 9998, 9999, 10000, 10001, 19999, 20000,
        ]);
        for y in years {
            texts.push(format!(
                "In {y}, the war ended. Since {y} it grew. The {y}s were good. Mid-{y} it fell."
            ));
            texts.push(format!(
                "On May 5, {y} it fell; in March {y} it rose; by summer {y} and 5 May {y}."
            ));
            texts.push(format!(
                "The year {y} saw {y} years ago and {y} decades ago, in {y} years."
            ));
            texts.push(format!(
                "Profit fell in the third quarter of {y}; {y} years earlier it rose."
            ));
        }
        for n in [
            "9",
            "99",
            "999",
            "1000",
            "9999",
            "10000",
            "50,000",
            "99999",
            "999999",
            "9,999,999",
            "99999999999",
        ] {
            for unit in [
                "years",
                "decades",
                "centuries",
                "months",
                "weeks",
                "days",
                "hours",
                "quarters",
            ] {
                texts.push(format!(
                    "It formed {n} {unit} ago and lasts {n} {unit}; {n} {unit} from now."
                ));
                texts.push(format!(
                    "The {n}-{} deal, {n} {unit} old, {n} {unit} earlier.",
                    unit.trim_end_matches('s')
                ));
                texts.push(format!(
                    "Profit fell in the quarter. A rise {n} {unit} ago, the past {n} {unit}."
                ));
            }
        }
        let re = timex3();
        for dct in DCTS {
            for t in &texts {
                check(&re, t, dct);
            }
        }
    }
}

#[test]
fn sections_of_a_compilation_carry_their_own_dates() {
    use tidings::temporal::{sections, SectionDateSource};
    let p = Pipeline::default();
    let text = "MORNING DIGEST\n\nMarch 1, 2016\n\nThe senator spoke today. [Reuters]\n\n\
                March 8, 2016\n\nThe governor resigned yesterday. [AP]\n\n\
                The mayor met donors on Monday. [Washington Post]";
    let date = NaiveDate::from_ymd_opt(2016, 3, 15);
    let doc = p.analyze(text, date);
    let secs = sections(&doc);
    let got: Vec<(&str, Option<NaiveDate>, SectionDateSource)> = secs
        .iter()
        .map(|s| (&text[s.span.start..s.span.end], s.date, s.date_source))
        .collect();
    let day = |d| NaiveDate::from_ymd_opt(2016, 3, d);
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(got[0].0, "MORNING DIGEST\n\n");
    assert_eq!((got[0].1, got[0].2), (date, SectionDateSource::Document));
    assert!(got[1].0.starts_with("March 1, 2016") && got[1].0.contains("[Reuters]"));
    assert_eq!((got[1].1, got[1].2), (day(1), SectionDateSource::Stated));
    assert_eq!((got[2].1, got[2].2), (day(8), SectionDateSource::Stated));
    assert!(got[3].0.starts_with("The mayor"));
    assert_eq!((got[3].1, got[3].2), (date, SectionDateSource::Document));
    // Each piece counts from its own date; the undated last one from the document date.
    let values: Vec<&str> = doc.dates.iter().map(|t| t.value.as_str()).collect();
    assert!(values.contains(&"2016-03-01"), "{values:?}");
    assert!(values.contains(&"2016-03-07"), "{values:?}");
    assert!(values.contains(&"2016-03-14"), "{values:?}");
    // A single article is no compilation.
    let one = p.analyze("WASHINGTON, March 1, 2016 — The senator spoke today.", date);
    assert!(sections(&one).is_empty());
}
