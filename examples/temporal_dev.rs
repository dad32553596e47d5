//! Development harness for the temporal tagger.
//!
//! `cargo run --profile fast --no-default-features --example temporal_dev -- GOLD.jsonl PRED.jsonl [--repeat-seeds DIR]`
//!
//! Reads gold JSONL (`id`, `text`, `dct`, `timex`), runs `pipeline::prepare` + the temporal
//! extractor on each document, writes prediction JSONL with Python code-point offsets, prints
//! a per-document-type (id prefix) error summary and the throughput of the tagger alone.
//! With `--bench DIR`, also measures throughput on the `*.txt` files of DIR repeated to ~10 MB.

mod support;

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use serde_json::{json, Value};
use tidings::pipeline::{prepare, Extractor};
use tidings::temporal::TemporalExtractor;
use tidings::text::CharOffsets;

#[derive(Default)]
struct Counts {
    gold: usize,
    pred: usize,
    strict: usize,
    relaxed: usize,
    value: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() == 4 && args[1] == "--show" {
        show(&args[2], &args[3]);
        return;
    }
    if args.len() == 4 && args[1] == "--dump" {
        // `--dump IN OUT`: the document date and every field of every timex, one document a
        // line, for byte-for-byte before/after checks of the layer alone. IN is a JSONL file
        // (`text`, `dct`) or a folder of `*.txt` files (no document date).
        dump(&args[2], &args[3]);
        return;
    }
    if args.len() < 3 {
        eprintln!("usage: temporal_dev GOLD.jsonl PRED.jsonl [--bench DIR] [--errors]");
        std::process::exit(2);
    }
    let show_errors = args.iter().any(|a| a == "--errors");
    let bench_dir = args
        .iter()
        .position(|a| a == "--bench")
        .and_then(|i| args.get(i + 1).cloned());
    let ex = TemporalExtractor::default();
    let gold = std::io::BufReader::new(std::fs::File::open(&args[1]).expect("gold file"));
    let mut out = std::io::BufWriter::new(std::fs::File::create(&args[2]).expect("pred file"));
    let mut per: BTreeMap<String, Counts> = BTreeMap::new();
    let (mut bytes, mut spent) = (0usize, Duration::ZERO);
    for line in gold.lines() {
        let line = line.unwrap();
        if line.trim().is_empty() {
            continue;
        }
        let g: Value = serde_json::from_str(&line).unwrap();
        let id = g["id"].as_str().unwrap_or("").to_string();
        let text = g["text"].as_str().unwrap_or("");
        let dct = g["dct"]
            .as_str()
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
        let mut doc = prepare(text, dct);
        let t0 = Instant::now();
        ex.extract(&mut doc).unwrap();
        spent += t0.elapsed();
        bytes += text.len();
        let co = CharOffsets::new(text);
        let pred: Vec<Pred> = doc
            .dates
            .iter()
            .map(|t| {
                (
                    co.get(t.span.start),
                    co.get(t.span.end),
                    t.ttype.as_str().to_string(),
                    t.value.clone(),
                )
            })
            .collect();
        let timex: Vec<Value> = pred
            .iter()
            .map(|(s, e, t, v)| json!({"start": s, "end": e, "type": t, "value": v}))
            .collect();
        writeln!(out, "{}", json!({"id": id, "timex": timex})).unwrap();
        tally(&g, &id, text, &pred, show_errors, &mut per);
    }
    report(&per, bytes, spent);
    if let Some(dir) = bench_dir {
        bench(&ex, &dir);
    }
}

/// `--show FILE YYYY-MM-DD|-`: prints what the tagger finds in a text file.
fn show(path: &str, date: &str) {
    // `--show FILE YYYY-MM-DD|-`: print what the tagger finds in a text file.
    let text = std::fs::read_to_string(path).expect("text file");
    let dct = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
    let mut doc = prepare(&text, dct);
    TemporalExtractor::default().extract(&mut doc).unwrap();
    println!("document date: {:?} ({:?})", doc.date, doc.date_source);
    for t in &doc.dates {
        println!(
            "{:>7} {:<9} {:<22} {:<12} {:?}",
            t.span.start,
            t.ttype.as_str(),
            t.value,
            t.modifier.as_deref().unwrap_or(""),
            doc.slice(t.span)
        );
    }
}

/// A predicted date: code-point start and end, type and value.
type Pred = (usize, usize, String, String);

/// Adds one document's dates to the counts of its kind (the id's prefix), matching gold and
/// predicted dates greedily by overlap like the scorer, and prints the errors if asked.
fn tally(
    g: &Value,
    id: &str,
    text: &str,
    pred: &[Pred],
    show_errors: bool,
    per: &mut BTreeMap<String, Counts>,
) {
    // Error summary (greedy overlap matching, like the scorer).
    let gt: Vec<(usize, usize, String)> = g["timex"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|t| {
                    (
                        t["start"].as_u64().unwrap() as usize,
                        t["end"].as_u64().unwrap() as usize,
                        t["value"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let kind = id.split('/').next().unwrap_or("").to_string();
    let c = per.entry(kind).or_default();
    c.gold += gt.len();
    c.pred += pred.len();
    let mut used = vec![false; pred.len()];
    let chars: Vec<char> = text.chars().collect();
    let s = |a: usize, b: usize| chars[a..b].iter().collect::<String>().replace('\n', " ");
    for (gs, ge, gv) in &gt {
        let best = (0..pred.len())
            .filter(|&k| !used[k] && pred[k].0 < *ge && *gs < pred[k].1)
            .max_by_key(|&k| pred[k].1.min(*ge) - pred[k].0.max(*gs));
        match best {
            Some(k) => {
                used[k] = true;
                c.relaxed += 1;
                if pred[k].0 == *gs && pred[k].1 == *ge {
                    c.strict += 1;
                } else if show_errors {
                    println!(
                        "SPAN\t{id}\tgold={:?}\tpred={:?}",
                        s(*gs, *ge),
                        s(pred[k].0, pred[k].1)
                    );
                }
                let norm = |v: &str| {
                    v.trim()
                        .to_uppercase()
                        .trim_end_matches("T00:00")
                        .to_string()
                };
                if norm(&pred[k].3) == norm(gv) {
                    c.value += 1;
                } else if show_errors {
                    println!(
                        "VALUE\t{id}\t{:?}\tgold={gv}\tpred={}\tdct={}",
                        s(*gs, *ge),
                        pred[k].3,
                        g["dct"].as_str().unwrap_or("")
                    );
                }
            }
            None => {
                if show_errors {
                    println!("MISS\t{id}\t{:?}\t{gv}", s(*gs, *ge));
                }
            }
        }
    }
    if show_errors {
        for (k, p) in pred.iter().enumerate() {
            if !used[k] {
                println!("FP\t{id}\t{:?}\t{}", s(p.0, p.1), p.3);
            }
        }
    }
}

/// Prints F1 by kind of document and the throughput of the tagger alone.
fn report(per: &BTreeMap<String, Counts>, bytes: usize, spent: Duration) {
    let f = |tp: usize, p: usize, g: usize| {
        let (pr, rc) = (tp as f64 / p.max(1) as f64, tp as f64 / g.max(1) as f64);
        if pr + rc > 0.0 {
            2.0 * pr * rc / (pr + rc)
        } else {
            0.0
        }
    };
    println!("type      gold  pred  strictF1 relaxedF1 valueF1  missed  spurious  wrong-span  wrong-value");
    for (k, c) in per {
        println!(
            "{k:<9} {:>5} {:>5}  {:.3}    {:.3}     {:.3}   {:>6}  {:>8}  {:>10}  {:>11}",
            c.gold,
            c.pred,
            f(c.strict, c.pred, c.gold),
            f(c.relaxed, c.pred, c.gold),
            f(c.value, c.pred, c.gold),
            c.gold - c.relaxed,
            c.pred - c.relaxed,
            c.relaxed - c.strict,
            c.relaxed - c.value
        );
    }
    println!(
        "dates on train: {} bytes in {:.1} ms = {:.1} MB/s",
        bytes,
        spent.as_secs_f64() * 1e3,
        bytes as f64 / 1e6 / spent.as_secs_f64()
    );
}

/// Throughput of the temporal layer on news text repeated to about 10 MB.
fn bench(ex: &TemporalExtractor, dir: &str) {
    let mut texts = Vec::new();
    for e in std::fs::read_dir(dir).expect("bench dir") {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            texts.push(std::fs::read_to_string(p).unwrap());
        }
    }
    let total: usize = texts.iter().map(|t| t.len()).sum();
    let reps = (10_000_000 / total.max(1)).max(1);
    let dct = NaiveDate::from_ymd_opt(2017, 11, 14);
    let mut docs = Vec::new();
    for _ in 0..reps {
        for t in &texts {
            docs.push(prepare(t, dct));
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let (n, dt) = support::run_timed(ex, &mut docs, |d| d.dates.len());
    println!(
        "bench: {} docs, {:.1} MB, {} timexes, dates layer alone {:.1} MB/s (one core)",
        docs.len(),
        bytes as f64 / 1e6,
        n,
        bytes as f64 / 1e6 / dt
    );
}

fn dump(input: &str, output: &str) {
    let mut docs: Vec<(String, String, Option<NaiveDate>)> = Vec::new();
    if std::path::Path::new(input).is_dir() {
        let mut paths: Vec<_> = std::fs::read_dir(input)
            .expect("input folder")
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(&p).expect("text file");
            docs.push((p.display().to_string(), text, None));
        }
    } else {
        let f = std::io::BufReader::new(std::fs::File::open(input).expect("input file"));
        for line in f.lines() {
            let line = line.unwrap();
            if line.trim().is_empty() {
                continue;
            }
            let g: Value = serde_json::from_str(&line).unwrap();
            let dct = g["dct"]
                .as_str()
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
            let id = g["id"].as_str().unwrap_or("").to_string();
            docs.push((id, g["text"].as_str().unwrap_or("").to_string(), dct));
        }
    }
    let ex = TemporalExtractor::default();
    let mut out = std::io::BufWriter::new(std::fs::File::create(output).expect("output file"));
    for (id, text, dct) in docs {
        let mut doc = prepare(&text, dct);
        ex.extract(&mut doc).unwrap();
        writeln!(out, "{id}\t{:?}\t{:?}", doc.date, doc.date_source).unwrap();
        for t in &doc.dates {
            writeln!(out, "  {:?} {:?}", doc.slice(t.span), t).unwrap();
        }
    }
}
