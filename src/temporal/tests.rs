use super::*;
use crate::pipeline::prepare;

fn run(text: &str, dct: Option<(i32, u32, u32)>) -> Document {
    let mut doc = prepare(
        text,
        dct.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
    );
    TemporalExtractor::default().extract(&mut doc).unwrap();
    doc
}

fn found(text: &str, dct: Option<(i32, u32, u32)>) -> Vec<(String, &'static str, String)> {
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

#[test]
fn smoke() {
    let f = found("On September 20, 2016, he left.", Some((2017, 1, 1)));
    assert_eq!(
        f,
        vec![("September 20, 2016".into(), "DATE", "2016-09-20".into())]
    );
}
