//! Helpers shared by the development drivers in `examples/`. Not an example of its own.

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
