//! Property tests over the whole pipeline and the model loader: generated news-like and arbitrary
//! inputs never panic, keep every span inside the text on char boundaries, sorted and
//! non-overlapping within a layer, and give the same output twice. The cargo-fuzz targets in
//! `fuzz/` check the same rules for much longer; this is the short run CI does.

mod support;

use std::sync::OnceLock;

use chrono::NaiveDate;
use proptest::prelude::*;
use tidings::entities::Model;
use tidings::Pipeline;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::default)
}

/// Pieces of news text, chosen to meet the grammar's corners: names, titles, quotation marks of
/// every family, dates and numbers of every shape, line breaks and odd Unicode.
const PIECES: &[&str] = &[
    "Donald Trump Jr.",
    "Mr.",
    "Sen.",
    "WikiLeaks",
    "Obama",
    "the DNC",
    "U.S.",
    "Hillary Clinton’s",
    "he",
    "she",
    "they",
    "said",
    "told reporters",
    "wrote",
    "according to",
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "''",
    "``",
    "«",
    "»",
    "On October 12",
    "2016",
    "last week",
    "the next morning",
    "Monday night",
    "9:29 am",
    "the first century",
    "the 0th century",
    "the 99999th century",
    "year 0",
    "10000 BC",
    "in 50,000 years",
    "4294967296 days ago",
    "1e9 hours",
    "Sept. 21-24",
    "the 1960s",
    "’90s",
    ".",
    ",",
    ";",
    ":",
    "?",
    "!",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\t",
    "—",
    "-",
    "(",
    ")",
    "[",
    "]",
    "@",
    "#",
    "é",
    "日本",
    "🙂",
    "\u{200b}",
    "\u{0301}",
    "A",
    "THE",
    "Jr",
    "said Thursday",
    "earlier today",
    "that same day",
    "The day before",
    "P1Y",
    "12",
    "31",
    "1",
    "0",
    "-5",
    "twice a week",
];

fn newsish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

fn any_date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![
        Just(None),
        (1i32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
    ]
}

fn check_text(text: &str, date: Option<NaiveDate>) -> Result<(), TestCaseError> {
    let doc = pipeline().analyze(text, date);
    support::invariants::check(text, &doc)
        .map_err(|e| TestCaseError::fail(format!("{e} in {text:?}")))?;
    let again = pipeline().analyze(text, date);
    let (a, b) = (
        serde_json::to_string(&doc).unwrap(),
        serde_json::to_string(&again).unwrap(),
    );
    prop_assert_eq!(a, b, "not the same output twice for {:?}", text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn news_like_text_keeps_every_rule(text in newsish(), date in any_date()) {
        check_text(&text, date)?;
    }

    #[test]
    fn arbitrary_text_keeps_every_rule(text in "\\PC{0,200}", date in any_date()) {
        check_text(&text, date)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_model_loader(data in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = Model::from_bytes(&data);
    }

}

proptest! {
    // Each case parses the 5 MB built-in model twice: fewer cases.
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_builtin_model_is_refused_or_loaded_never_a_panic(
        cut in 0usize..4096, flips in prop::collection::vec((any::<usize>(), any::<u8>()), 1..8)
    ) {
        let mut data = Model::builtin().to_bytes();
        for (at, b) in flips {
            let i = at % data.len();
            data[i] ^= b | 1;
        }
        let _ = Model::from_bytes(&data);
        data.truncate(data.len().saturating_sub(cut));
        let _ = Model::from_bytes(&data);
    }
}
