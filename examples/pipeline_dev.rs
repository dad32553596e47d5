//! Development driver for the whole pipeline's speed, one thread, for `perf stat` / `perf record`.
//!
//! ```text
//! pipeline_dev [--mb 3] [--threads N] FILE...
//! ```
//! Each file is one document; the set is repeated up to `--mb` megabytes and analysed in turn
//! with the default pipeline. Prints the seconds spent in each stage (text layer, entities, dates,
//! quotes) and the whole; run it under `perf stat -e instructions` for load-independent counts.
//! With `--threads N` the texts go through `analyze_many` on N threads instead (all results kept),
//! and only the whole is timed: compare the CPU seconds (`perf stat -e task-clock`) of N = 1 and 2.

mod support;

use std::time::{Duration, Instant};

use tidings::pipeline::Pipeline;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut mb = 3.0f64;
    let mut threads = None;
    let mut files = Vec::new();
    while let Some(a) = args.next() {
        if a == "--mb" {
            mb = args.next().and_then(|v| v.parse().ok()).expect("--mb N");
        } else if a == "--threads" {
            threads = Some(
                args.next()
                    .and_then(|v| v.parse::<usize>().ok())
                    .expect("--threads N"),
            );
        } else {
            files.push(std::fs::read_to_string(&a).expect("readable file"));
        }
    }
    assert!(!files.is_empty(), "usage: pipeline_dev [--mb 3] FILE...");
    let pipe = Pipeline::default();
    let (texts, total) = support::repeat_to_mb(&files, mb);
    let mbs = total as f64 / 1e6;
    if let Some(threads) = threads {
        let t0 = Instant::now();
        let docs = pipe.analyze_many(&texts, &[], Some(threads)).unwrap();
        let all = t0.elapsed().as_secs_f64();
        let n: usize = docs
            .iter()
            .map(|d| d.entities.len() + d.sentences.len())
            .sum();
        println!(
            "{mbs:.1} MB, {} documents, {n} findings: {all:.3}s = {:.2} MB/s ({threads} threads)",
            texts.len(),
            mbs / all
        );
        return;
    }
    let mut times = vec![Duration::ZERO; pipe.extractors().len() + 1];
    let t0 = Instant::now();
    let mut findings = 0usize;
    for t in &texts {
        let d = pipe.analyze_timed(t, None, &mut times);
        findings += d.entities.len() + d.sentences.len();
    }
    let all = t0.elapsed().as_secs_f64();
    let names = ["text", "entities", "dates", "quotes"];
    for (i, t) in times.iter().enumerate() {
        let s = t.as_secs_f64();
        println!(
            "{:>9} {:6.3}s {:6.1}%  {:7.3} s/MB",
            names.get(i).unwrap_or(&"?"),
            s,
            100.0 * s / all,
            s / mbs
        );
    }
    println!(
        "{mbs:.1} MB, {} documents, {findings} findings: {all:.3}s = {:.2} MB/s (1 thread)",
        texts.len(),
        mbs / all
    );
}
