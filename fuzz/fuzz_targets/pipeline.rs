//! Fuzzes the whole pipeline: any UTF-8 text (with a document date taken from the first bytes)
//! must keep every rule of `tests/support/invariants.rs` and give the same output twice.
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run pipeline --sanitizer none -- -max_len=4096 -timeout=5`
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tidings::Pipeline;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::default)
}

fuzz_target!(|data: &[u8]| {
    let Some((text, date)) = invariants::decode(data) else {
        return;
    };
    let doc = pipeline().analyze(text, date);
    if let Err(e) = invariants::check(text, &doc) {
        panic!("{e}\ninput: {text:?} date {date:?}");
    }
    let again = pipeline().analyze(text, date);
    assert_eq!(
        serde_json::to_string(&doc).unwrap(),
        serde_json::to_string(&again).unwrap(),
        "not the same output twice for {text:?}"
    );
});
