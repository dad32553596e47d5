//! Replays the cargo-fuzz corpus (`fuzz/corpus/`) through the same checks as the fuzz targets,
//! so every input the long fuzz runs kept is checked again on each `cargo test`, without nightly.

mod support;

use std::path::Path;

use tidings::entities::Model;
use tidings::Pipeline;

fn inputs(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

#[test]
fn every_pipeline_corpus_input_keeps_every_rule() {
    let pipeline = Pipeline::default();
    let corpus = inputs("pipeline");
    assert!(!corpus.is_empty());
    for data in corpus {
        let Some((text, date)) = support::invariants::decode(&data) else {
            continue;
        };
        let doc = pipeline.analyze(text, date);
        if let Err(e) = support::invariants::check(text, &doc) {
            panic!("{e}\ninput: {text:?} date {date:?}");
        }
    }
}

#[test]
fn every_model_loader_corpus_input_is_refused_or_loaded() {
    for data in inputs("model_loader") {
        let _ = Model::from_bytes(&data);
    }
}
