//! Helpers shared by the development drivers in `examples/`. Not an example of its own; each
//! driver uses some of them.
#![allow(dead_code)]

use std::time::Instant;

use tidings::{Document, Extractor};

/// Runs `ex` on every document in turn (one thread); returns the number of findings `count`
/// sees in the documents afterwards and the seconds the layer took.
pub fn run_timed(
    ex: &impl Extractor,
    docs: &mut [Document],
    count: impl Fn(&Document) -> usize,
) -> (usize, f64) {
    let t0 = Instant::now();
    let mut n = 0;
    for d in docs {
        ex.extract(d).unwrap();
        n += count(d);
    }
    (n, t0.elapsed().as_secs_f64())
}

/// The texts `files` repeated in turn until they reach `mb` megabytes (each file one
/// document), and their total size in bytes.
pub fn repeat_to_mb(files: &[String], mb: f64) -> (Vec<&str>, usize) {
    let mut texts = Vec::new();
    let mut total = 0usize;
    'fill: loop {
        for f in files {
            if total >= (mb * 1e6) as usize {
                break 'fill;
            }
            texts.push(f.as_str());
            total += f.len();
        }
    }
    (texts, total)
}
