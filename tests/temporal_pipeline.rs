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
