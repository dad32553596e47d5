//! Short texts of our own for each value form, the reference-time rules and the no-date cases.

use super::*;
use crate::layer::prepare;

type Found = Vec<(String, &'static str, String)>;

fn run(text: &str, dct: Option<(i32, u32, u32)>) -> Document {
    let mut doc = prepare(
        text,
        dct.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
    );
    TemporalExtractor::default().extract(&mut doc).unwrap();
    doc
}

fn found(text: &str, dct: Option<(i32, u32, u32)>) -> Found {
    let doc = run(text, dct);
    doc.dates
        .iter()
        .map(|t| {
            (
                doc.slice(t.span).to_string(),
                t.ttype.as_str(),
                t.value.clone(),
            )
        })
        .collect()
}

fn one(text: &str, dct: Option<(i32, u32, u32)>) -> (String, &'static str, String) {
    let f = found(text, dct);
    assert_eq!(f.len(), 1, "{text:?} gave {f:?}");
    f.into_iter().next().unwrap()
}

fn tx(s: &str, t: &'static str, v: &str) -> (String, &'static str, String) {
    (s.to_string(), t, v.to_string())
}

const D2016: Option<(i32, u32, u32)> = Some((2016, 9, 22)); // a Thursday
const D2017: Option<(i32, u32, u32)> = Some((2017, 3, 1));

#[test]
fn full_dates_month_year_and_year() {
    assert_eq!(
        found(
            "Just before the stroke of midnight on September 20, 2016, it began.",
            None
        ),
        vec![
            tx("midnight", "TIME", "2016-09-20T24:00"),
            tx("September 20, 2016", "DATE", "2016-09-20")
        ]
    );
    let f = found(
        "It was signed in Sept. 2016 and ratified in 2018, effective 20 September 2019.",
        D2017,
    );
    assert_eq!(
        f,
        vec![
            tx("Sept. 2016", "DATE", "2016-09"),
            tx("2018", "DATE", "2018"),
            tx("20 September 2019", "DATE", "2019-09-20"),
        ]
    );
    assert_eq!(
        one("Prices rose in the 1990s.", D2017),
        tx("the 1990s", "DATE", "199")
    );
}

#[test]
fn relative_dates_resolve_against_the_document_date() {
    let f = found(
        "Sales fell last year, rose this week and will grow next month. He left yesterday.",
        D2016,
    );
    assert_eq!(
        f,
        vec![
            tx("last year", "DATE", "2015"),
            tx("this week", "DATE", "2016-W38"),
            tx("next month", "DATE", "2016-10"),
            tx("yesterday", "DATE", "2016-09-21"),
        ]
    );
    assert_eq!(
        one("He arrived two years ago.", D2016),
        tx("two years ago", "DATE", "2014")
    );
    assert_eq!(
        one("He is now in charge.", D2016),
        tx("now", "DATE", "PRESENT_REF")
    );
    assert_eq!(
        one("He recently resigned.", D2016),
        tx("recently", "DATE", "PAST_REF")
    );
    assert_eq!(one("In the future, cars will fly.", D2016).2, "FUTURE_REF");
}

#[test]
fn weekend_season_quarter_and_modifiers() {
    let f = found(
        "The talks resumed this summer. Profit fell in the third quarter. It ends in late September.",
        D2016,
    );
    assert_eq!(
        f,
        vec![
            tx("this summer", "DATE", "2016-SU"),
            tx("the third quarter", "DATE", "2016-Q3"),
            tx("late September", "DATE", "2016-09"),
        ]
    );
    let doc = run("It ends in late September.", D2016);
    assert_eq!(doc.dates[0].modifier.as_deref(), Some("END"));
    assert_eq!(
        one("Rain fell over the weekend.", D2016),
        tx("the weekend", "DATE", "2016-W37-WE")
    );
    assert_eq!(
        one("It snowed last winter.", D2016),
        tx("last winter", "DATE", "2015-WI")
    );
}

#[test]
fn unresolvable_dates_stay_partial() {
    assert_eq!(
        one("On October 12 the polls closed.", None),
        tx("October 12", "DATE", "XXXX-10-12")
    );
    assert_eq!(
        one("He called on Monday.", None),
        tx("Monday", "DATE", "XXXX-WXX-1")
    );
    assert_eq!(
        one("It rained last year.", None),
        tx("last year", "DATE", "XXXX")
    );
    // Absolute dates keep full values without a document date.
    assert_eq!(one("It happened on May 5, 2015.", None).2, "2015-05-05");
}

#[test]
fn times_of_day() {
    let f = found(
        "The call came at 9:29 am, the reply at 6:35pm and the vote at midnight.",
        D2016,
    );
    assert_eq!(
        f,
        vec![
            tx("9:29 am", "TIME", "2016-09-22T09:29"),
            tx("6:35pm", "TIME", "2016-09-22T18:35"),
            tx("midnight", "TIME", "2016-09-22T24:00"),
        ]
    );
    let f = found(
        "The polls closed on September 20, 2016. The next morning, the count began.",
        Some((2017, 1, 5)),
    );
    assert_eq!(f[1], tx("The next morning", "TIME", "2016-09-21TMO"));
    assert_eq!(
        one("He spoke this afternoon.", D2016),
        tx("this afternoon", "TIME", "2016-09-22TAF")
    );
    assert_eq!(
        one("They met Tuesday night.", D2016),
        tx("Tuesday night", "TIME", "2016-09-20TNI")
    );
    assert_eq!(
        one("They met last night.", D2016),
        tx("last night", "TIME", "2016-09-21TNI")
    );
    assert_eq!(one("Come tonight.", D2016).2, "2016-09-22TNI");
    let doc = run("He spoke this evening.", D2016);
    let iv = doc.dates[0].interval.unwrap();
    assert_eq!(iv.0.to_string(), "2016-09-22 18:00:00");
}

#[test]
fn durations_and_modifiers() {
    let doc = run("The next morning, about 12 hours later, it ended.", D2016);
    let t = doc
        .dates
        .iter()
        .find(|t| t.ttype == TimexType::Duration)
        .unwrap();
    assert_eq!(doc.slice(t.span), "12 hours");
    assert_eq!(t.value, "PT12H");
    assert_eq!(t.modifier.as_deref(), Some("APPROX"));
    assert_eq!(t.interval, None);
    assert_eq!(
        one("a 10-month investigation", D2016),
        tx("10-month", "DURATION", "P10M")
    );
    assert_eq!(
        one("It lasted several months.", D2016),
        tx("several months", "DURATION", "PXM")
    );
    let doc = run("It took more than three weeks.", D2016);
    assert_eq!(doc.slice(doc.dates[0].span), "more than three weeks");
    assert_eq!(doc.dates[0].value, "P3W");
    assert_eq!(doc.dates[0].modifier.as_deref(), Some("MORE_THAN"));
    assert_eq!(
        one("for the past two months", D2016),
        tx("the past two months", "DURATION", "P2M")
    );
    assert_eq!(one("for twenty four hours", D2016).2, "PT24H");
}

#[test]
fn sets() {
    assert_eq!(
        one("They meet every week.", D2016),
        tx("every week", "SET", "P1W")
    );
    assert_eq!(one("He runs daily.", D2016), tx("daily", "SET", "P1D"));
    assert_eq!(
        one("She swims every Monday.", D2016),
        tx("every Monday", "SET", "XXXX-WXX-1")
    );
    assert_eq!(
        one("It costs $5 a year.", D2016),
        tx("a year", "SET", "P1Y")
    );
}

#[test]
fn narrative_year_tracking() {
    // A 2017 article recounting 2016 events.
    let f = found(
        "Just before midnight on September 20, 2016, the message arrived. \
         On October 12, WikiLeaks wrote again.",
        Some((2017, 11, 13)),
    );
    assert_eq!(f.last().unwrap(), &tx("October 12", "DATE", "2016-10-12"));
    // A date that modifies a noun is an aside and does not move the narrative.
    let f = found(
        "Two agents were charged in the Dec. 21, 1988, bombing. Gadhafi agreed in April to hand them over.",
        Some((1999, 6, 7)),
    );
    assert_eq!(f.last().unwrap(), &tx("April", "DATE", "1999-04"));
    // Without an explicit date the document year (and tense) decides.
    assert_eq!(
        one(
            "On October 12, WikiLeaks wrote again.",
            Some((2017, 11, 13))
        )
        .2,
        "2017-10-12"
    );
    assert_eq!(
        one("The vote will be held on January 12.", Some((2017, 11, 13))).2,
        "2018-01-12"
    );
}

#[test]
fn weekdays_follow_tense() {
    // 2016-09-22 is a Thursday.
    assert_eq!(
        one("On Monday, he said the deal was done.", D2016).2,
        "2016-09-19"
    );
    assert_eq!(
        one("He will fly to Paris on Monday.", D2016).2,
        "2016-09-26"
    );
    assert_eq!(
        one("He said last Friday that it was over.", D2016).2,
        "2016-09-16"
    );
    assert_eq!(one("The vote is next Tuesday.", D2016).2, "2016-09-27");
}

#[test]
fn weekday_tense_markers() {
    // 2016-09-22 is a Thursday. A capitalised "-ed" word is a name, not a past verb.
    assert_eq!(
        one("She would travel to the United States Monday.", D2016).2,
        "2016-09-26"
    );
    // "is to", "set to", "were planning": the future marker after the auxiliary decides.
    assert_eq!(
        one("Trading is to resume in Paris Tuesday.", D2016).2,
        "2016-09-27"
    );
    assert_eq!(
        one("The talks are set to resume Monday in Belfast.", D2016).2,
        "2016-09-26"
    );
    assert_eq!(
        one("Protesters were planning a march on Saturday.", D2016).2,
        "2016-09-24"
    );
    // "since March" has begun already.
    assert_eq!(
        one(
            "The ship has been at sea since March and was scheduled to return.",
            D2016
        )
        .2,
        "2016-03"
    );
}

#[test]
fn holidays_and_intervals() {
    assert_eq!(
        one("Turnout on Election Day was high.", D2016),
        tx("Election Day", "DATE", "2016-11-08")
    );
    let doc = run("It happened in 2016.", None);
    let (a, b) = doc.dates[0].interval.unwrap();
    assert_eq!(
        (a.to_string(), b.to_string()),
        ("2016-01-01 00:00:00".into(), "2017-01-01 00:00:00".into())
    );
    let doc = run("It happened last week.", D2016);
    assert_eq!(doc.dates[0].value, "2016-W37");
    assert_eq!(
        doc.dates[0].interval.unwrap().0.to_string(),
        "2016-09-12 00:00:00"
    );
    let doc = run("He is now in charge.", D2016);
    assert_eq!(doc.dates[0].interval, None);
}

#[test]
fn no_dates_in_ordinary_text() {
    for text in [
        "May I help you?",
        "They will march on the capital.",
        "March on, he said.",
        "The Sun reported it first.",
        "You may go if it is over.",
        "He scored 2,016 points and 1,000 people came.",
        "Fall is a verb here: prices fall.",
        "He paid $2015 for it.",
        "Where he sat.",
        "They wed.",
    ] {
        let f = found(text, D2016);
        assert!(
            f.iter()
                .all(|t| t.2 != "2016-05" && t.2 != "2016-03" && !t.2.contains("2015")),
            "{text:?} gave {f:?}"
        );
    }
    assert!(found("May I help you?", D2016).is_empty());
    assert!(found("They will march on the capital.", D2016).is_empty());
    assert!(found("The Sun reported it first.", D2016).is_empty());
    assert!(found("He paid $2015 for it.", D2016).is_empty());
    assert!(found("Where he sat. They wed.", D2016).is_empty());
}

#[test]
fn document_date_is_inferred_from_the_text() {
    let doc = run(
        "The Secret Correspondence\n\nThe following article was posted on the Atlantic website November 13, 2017:\n\nOn Monday night, he wrote.",
        None,
    );
    assert_eq!(doc.date, NaiveDate::from_ymd_opt(2017, 11, 13));
    assert_eq!(doc.date_source, Some(DateSource::Inferred));
    // 2017-11-13 is a Monday; "On Monday night" in past tense is that day.
    assert_eq!(doc.dates.last().unwrap().value, "2017-11-13TNI");
    let doc = run("WASHINGTON, Nov. 13, 2017 — The Senate voted.", None);
    assert_eq!(doc.date, NaiveDate::from_ymd_opt(2017, 11, 13));
    // A date in the body is not a document date.
    let doc = run(
        "He said the attack of September 11, 2001 changed everything.",
        None,
    );
    assert_eq!(doc.date, None);
    assert_eq!(doc.date_source, None);
    // A given date is kept.
    let doc = run("posted November 13, 2017", D2016);
    assert_eq!(doc.date, NaiveDate::from_ymd_opt(2016, 9, 22));
    assert_eq!(doc.date_source, Some(DateSource::Given));
}

#[test]
fn never_panics_on_odd_text() {
    let text = "“Sept. 20th,” he said — at 9:29 am on 2016-09-20; ’90s… 10-month, mid-1990s, \
                the 20th century, 24:61, 99:99 p.m., Feb. 30, 2016, 31 June 2017, nineteen \
                ninety-nine, €2015 and 1,000,000 years. Ünïcödé: 五月 3 May 5.";
    for (s, _) in text.char_indices() {
        let part = &text[s..];
        let doc = run(part, D2016);
        for t in &doc.dates {
            assert!(t.span.end <= part.len() && t.span.start < t.span.end);
        }
        let _ = run(&text[..s], None);
    }
    assert!(run("", None).dates.is_empty());
    assert!(run("   \n\n  ", D2016).dates.is_empty());
}

#[test]
fn the_year_in_results() {
    // "for the year" names the year reported on; "the year ended ..." and "throughout the
    // fiscal year" are year-long periods.
    assert_eq!(
        one("For the year, volume was flat.", D2016),
        tx("the year", "DATE", "2016")
    );
    assert_eq!(
        one("Earnings will be lower for the fiscal year.", D2016),
        tx("the fiscal year", "DATE", "2016")
    );
    assert_eq!(
        found("Net for the year ended June 30 rose.", D2016)[0],
        tx("the year", "DURATION", "P1Y")
    );
    assert_eq!(
        one("Profit should rise throughout the fiscal year.", D2016),
        tx("the fiscal year", "DURATION", "P1Y")
    );
}

#[test]
fn bare_month_year_by_tense() {
    // 2017-03-01. A future sentence puts a bare month ahead of the document date, even when
    // passive participles ("be named", "untouched by") stand nearer than "will".
    assert_eq!(
        one(
            "Collins will be named commander of the shuttle for a mission in December.",
            D2017
        )
        .2,
        "2017-12"
    );
    assert_eq!(
        one(
            "Qantas will double its flights by August in the search for markets untouched by the crisis.",
            D2017
        )
        .2,
        "2017-08"
    );
    // A past event stays before the document date even when the discourse year is this one.
    let f = found(
        "The company was listed on May 3, 2016. It changed to a calendar year in December.",
        D2016,
    );
    assert_eq!(f[1], tx("December", "DATE", "2015-12"));
}

#[test]
fn year_ago_takes_the_period_named_before_it() {
    // 2016-09-22: the report is about the second quarter (the third is not over).
    let f = found(
        "In the second quarter, net rose to $5 million from $4 million a year earlier. \
         For the nine months, net rose to $12 million from $9 million a year earlier.",
        D2016,
    );
    let v: Vec<&str> = f.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(v, ["2016-Q2", "2015-Q2", "P9M", "2015"]);
}

#[test]
fn ages_are_not_durations() {
    // "52 years old" is an age, like "52-year-old"; "52 years" alone is a duration.
    assert!(found("Mr. Reupke, 52 years old, will retire.", D2016).is_empty());
    assert!(found("The 6-year-old boy stayed.", D2016).is_empty());
    assert_eq!(
        one("He served 52 years in the army.", D2016),
        tx("52 years", "DURATION", "P52Y")
    );
}

#[test]
fn durations_with_a_half() {
    assert_eq!(
        one("He spent 2 1/2 years in jail.", D2016),
        tx("2 1/2 years", "DURATION", "P2Y6M")
    );
    assert_eq!(
        one("It lasted a minute and a half.", D2016),
        tx("a minute and a half", "DURATION", "PT1M30S")
    );
    assert_eq!(
        one("The talks ran for five and a half hours.", D2016),
        tx("five and a half hours", "DURATION", "PT5H30M")
    );
    // Counted back, the half does not change the year.
    assert_eq!(
        one("He left two and a half years ago.", D2016),
        tx("two and a half years ago", "DATE", "2014")
    );
}

#[test]
fn previous_and_following_weekday_count_from_the_story_day() {
    // 2016-09-22 is a Thursday; the story is at Friday, Sept. 16.
    let f = found(
        "On Friday, Sept. 16, shares closed 4% below the previous Friday. \
         Trading resumed the following Monday.",
        D2016,
    );
    let v: Vec<&str> = f.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(v, ["2016-09-16", "2016-09-09", "2016-09-19"]);
}

#[test]
fn now_is_the_present_except_as_a_discourse_marker() {
    // "now that ..." still speaks of the present (TimeBank annotates it PRESENT_REF).
    assert_eq!(
        one(
            "Aqaba is the only outlet now that the ports are closed.",
            D2016
        ),
        tx("now", "DATE", "PRESENT_REF")
    );
    // "Now, ..." opening a sentence only moves the discourse on.
    assert!(found("Now, he says, it looks different.", D2016).is_empty());
    assert_eq!(
        one("Now the court will decide.", D2016),
        tx("Now", "DATE", "PRESENT_REF")
    );
}

#[test]
fn title_case_relative_units_are_names() {
    assert!(found(
        "Baker said on ABC's \"This Week\" that talks were over.",
        D2016
    )
    .is_empty());
    assert_eq!(
        one("This week, Baker said talks were over.", D2016),
        tx("This week", "DATE", "2016-W38")
    );
}

#[test]
fn the_day_before_an_event() {
    // 2016-09-22. "before" opening an event leaves "the day" alone; in apposition to a date
    // it is that date.
    let f = found(
        "Trading was halted on Sept. 12, the day before the market crashed.",
        D2016,
    );
    assert_eq!(f[1], tx("the day", "DATE", "2016-09-12"));
    let f = found("He was seen on Sept. 12 and left the day before.", D2016);
    assert_eq!(f[1], tx("the day before", "DATE", "2016-09-11"));
}

#[test]
fn a_day_counted_from_now_brings_the_story_back_to_now() {
    // 2017-03-01. "Monday" returns the story to the document's year after "June 2014", so
    // the later bare date is the last Nov. 25, not one in 2014.
    let f = found(
        "He fled in June 2014. On Monday, officials said he was rescued on Nov. 25.",
        D2017,
    );
    let v: Vec<&str> = f.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(v, ["2014-06", "2017-02-27", "2016-11-25"]);
    // Without it, the narrative year holds.
    let f = found("He fled in June 2014. He was rescued on Nov. 25.", D2017);
    assert_eq!(f[1].2, "2014-11-25");
}

#[test]
fn this_past_is_the_last_one() {
    // 2016-09-22
    assert_eq!(one("Sales fell this past spring.", D2016).2, "2016-SP");
    assert_eq!(one("It opened this past Monday.", D2016).2, "2016-09-19");
    assert_eq!(one("He spoke this spring.", D2017).2, "2017-SP");
}

#[test]
fn corresponding_period_last_year_is_one_year_back() {
    // 2016-09-22: the report is about the second quarter.
    let f = found(
        "Second-quarter profit rose 5% from the corresponding period last year.",
        D2016,
    );
    assert_eq!(
        f[1],
        tx("the corresponding period last year", "DATE", "2015-Q2")
    );
}

#[test]
fn until_a_weekday_is_a_deadline_ahead() {
    // 2016-09-22 is a Thursday.
    assert_eq!(
        one(
            "Officials postponed until Tuesday any action on the case.",
            D2016
        )
        .2,
        "2016-09-27"
    );
    assert_eq!(
        one(
            "The agency gave the family until 9 a.m. EDT Tuesday to sign.",
            D2016
        )
        .2,
        "2016-09-27T09:00"
    );
    // A clause-opening "Until Monday, ..." looks back.
    assert_eq!(
        one("Until Monday, they had not called him a suspect.", D2016).2,
        "2016-09-19"
    );
}

#[test]
fn quoted_speech_keeps_its_own_tense() {
    // 2016-09-22 is a Thursday. "said" is the reporter's tense; the quotation's "will" is
    // what places the weekday.
    assert_eq!(
        one(
            "``The delegation will leave at dawn Monday,'' the minister said.",
            D2016
        )
        .2,
        "2016-09-26"
    );
    // Outside the quotation marks the reporting verb still decides.
    assert_eq!(
        one("He said Monday: ``We will win.''", D2016).2,
        "2016-09-19"
    );
}

#[test]
fn plans_as_a_noun_do_not_look_ahead() {
    // 2016-09-22. "vacation plans for the trip" and "the planned visit" are nouns; the
    // verbs "cancelled" and "lifted" place Monday in the past.
    assert_eq!(
        one(
            "On Monday, when she cancelled vacation plans for the planned visit, the ban was lifted.",
            D2016
        )
        .2,
        "2016-09-19"
    );
    assert_eq!(
        one("She plans to visit Kenya on Monday.", D2016).2,
        "2016-09-26"
    );
    // A plan in the past perfect has been overtaken: the deadline is behind us.
    assert_eq!(
        one(
            "The offer had been scheduled to expire at midnight Monday but was extended.",
            D2016
        )
        .2,
        "2016-09-19T24:00"
    );
}

#[test]
fn the_day_before_a_date_counts_from_that_date() {
    // 2016-09-22 is a Thursday; last Tuesday is 2016-09-20.
    assert_eq!(
        one(
            "The day before last Tuesday's hearing, he went to the house.",
            D2016
        ),
        tx("The day before last Tuesday", "DATE", "2016-09-19")
    );
    assert_eq!(
        one("They met the day after Sept. 12, 2015.", D2016),
        tx("the day after Sept. 12, 2015", "DATE", "2015-09-13")
    );
}

#[test]
fn coordinated_dates_share_the_year_written_last() {
    // In a 2019 document "late September" alone would be September 2018; the year written
    // after the coordinated date is the one both share.
    let f = found(
        "They talked in late September and early October 2012.",
        Some((2019, 3, 1)),
    );
    assert_eq!(f[0], tx("late September", "DATE", "2012-09"));
    assert_eq!(f[1], tx("early October 2012", "DATE", "2012-10"));
    let f = found("Talks ran between March and May 2010.", D2017);
    assert_eq!(f[0].2, "2010-03");
    let f = found("The hearings were on Sept. 20 and 21, 2011.", D2017);
    assert_eq!(f[0], tx("Sept. 20", "DATE", "2011-09-20"));
}

#[test]
fn without_a_document_date_the_story_year_carries_on() {
    // No document date: after "January 18, 2015", bare dates take 2015 even in a sentence that
    // looks ahead, and however many sentences later.
    let mut text =
        String::from("He arrived on January 18, 2015. He will be sworn in on January 20.");
    for _ in 0..20 {
        text.push_str(" The crowd waited outside.");
    }
    text.push_str(" They had met on September 21.");
    let f = found(&text, None);
    let values: Vec<&str> = f.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(values, ["2015-01-18", "2015-01-20", "2015-09-21"]);
    // With nothing to go on, a bare date stays partial.
    assert_eq!(one("They met on September 21.", None).2, "XXXX-09-21");
}

#[test]
fn fiscal_quarters_and_long_reports_keep_the_quarter() {
    // 2016-10-26. "fiscal-first" is "fiscal first"; the comparison a year back is that quarter.
    let f = found(
        "Net was $4 million for the fiscal-first quarter, against a loss a year ago.",
        Some((2016, 10, 26)),
    );
    assert_eq!(f[0], tx("the fiscal-first quarter", "DATE", "2016-Q1"));
    assert_eq!(f[1].2, "2015-Q1");
    // A long report that keeps naming "the latest quarter" keeps comparing quarters.
    let mut text = String::from("Third-quarter profit rose 19%.");
    for _ in 0..8 {
        text.push_str(" The unit sold more chemicals.");
    }
    text.push_str(" Sales in the latest quarter rose.");
    for _ in 0..8 {
        text.push_str(" The unit sold more fibres.");
    }
    text.push_str(" Oil prices were higher than a year ago.");
    let f = found(&text, Some((2016, 10, 26)));
    assert_eq!(f.last().unwrap(), &tx("a year ago", "DATE", "2015-Q3"));
}

#[test]
fn ranges_of_durations_are_one_vague_duration() {
    assert_eq!(
        one("Repairs will take two to three weeks.", D2016),
        tx("two to three weeks", "DURATION", "PXW")
    );
    assert_eq!(
        one("It may take 12 to 18 months.", D2016),
        tx("12 to 18 months", "DURATION", "PXM")
    );
    // Not a range when the second number is smaller: "cut from 20 to 5 days".
    assert_eq!(
        one("The wait was cut from 20 to 5 days.", D2016),
        tx("5 days", "DURATION", "P5D")
    );
}

#[test]
fn fractional_amounts() {
    assert_eq!(
        one("The flight took 5½ hours.", D2016),
        tx("5½ hours", "DURATION", "PT5H30M")
    );
    assert_eq!(one("It lasted 2.5 years.", D2016).2, "P2Y6M");
    assert_eq!(one("It lasted 0.5 hours.", D2016).2, "PT30M");
    // Other decimals stay decimal on the unit written.
    assert_eq!(one("It lasted 3.25 hours.", D2016).2, "PT3.25H");
    // A percentage is not a duration.
    assert_eq!(
        one("Shares rose 2.5 percent in 3.5 days.", D2016),
        tx("3.5 days", "DURATION", "P3DT12H")
    );
}

#[test]
fn half_units_and_ranges_of_dates() {
    assert_eq!(
        one("It took half an hour.", D2016),
        tx("half an hour", "DURATION", "PT30M")
    );
    assert_eq!(
        one("He waited a half hour.", D2016),
        tx("a half hour", "DURATION", "PT30M")
    );
    assert_eq!(one("It took half a year.", D2016).2, "P6M");
    // Both ends of a span of years; an amount that only looks like years is neither.
    let f = found("The deal ran from 2011 to 2014.", D2016);
    let v: Vec<&str> = f.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(v, ["2011", "2014"]);
    assert!(found("Output rose 1990 to 2300 units.", D2016).is_empty());
    // 2016-09-22 is a Thursday: a range of weekdays runs forward from its start.
    let f = found("The office was open from Monday through Friday.", D2016);
    let v: Vec<&str> = f.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(v, ["2016-09-19", "2016-09-23"]);
}

#[test]
fn hyphenated_parts_of_periods_and_days() {
    // 2016-09-22.
    let f = found("The talks began in late-November 2015.", D2016);
    assert_eq!(f[0].0, "late-November 2015");
    assert_eq!(f[0].2, "2015-11");
    assert_eq!(
        one("By mid-afternoon yesterday the market had fallen.", D2016),
        tx("mid-afternoon yesterday", "TIME", "2016-09-21TAF")
    );
    assert_eq!(
        one("They met at midday.", D2016),
        tx("midday", "TIME", "2016-09-22T12:00")
    );
    let doc = run("Sales fell in early-2000s.", D2016);
    assert_eq!(doc.dates[0].modifier.as_deref(), Some("START"));
    assert_eq!(doc.dates[0].value, "200");
}

#[test]
fn hours_with_a_part_of_the_day() {
    // 2016-09-22.
    assert_eq!(
        one("He will leave at 4 in the morning.", D2016),
        tx("4 in the morning", "TIME", "2016-09-22T04:00")
    );
    assert_eq!(
        one("The vote ends at 8 in the evening.", D2016).2,
        "2016-09-22T20:00"
    );
    assert_eq!(
        one("The shop shut at 11 at night.", D2016).2,
        "2016-09-22T23:00"
    );
    // Not an hour of the clock.
    assert!(found("He scored 13 in the morning session.", D2016).is_empty());
}
