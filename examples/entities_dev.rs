//! Development driver for the entity tagger.
//!
//! ```text
//! entities_dev train --train ../shared/data/conll2003/eng.train --dev ../shared/data/conll2003/eng.testa \
//!     --resources /tmp/entity_resources.tsv [--epochs N] [--seed S] -o src/entities/model.bin
//! entities_dev predict [--model FILE] GOLD.jsonl PRED.jsonl
//! entities_dev bench [--model FILE] [--mb 10] FILE...
//! ```
//! `predict` runs each document's `text` through `pipeline::prepare` (our tokenizer) and the
//! extractor, and writes `{"id", "entities": [[start, end, label], ...]}` with code-point offsets.

mod support;

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use tidings::entities::{self, EntityExtractor, Model, TrainConfig};
use tidings::pipeline::prepare;
use tidings::text::CharOffsets;
use tidings::Extractor;

fn die(msg: &str) -> ! {
    eprintln!("{msg}");
    std::process::exit(2)
}

type Options = HashMap<String, String>;

const USAGE: &str = "usage: entities_dev train|predict|bench ...";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(cmd) = args.first() else { die(USAGE) };
    let (opts, pos) = parse_options(&args[1..]);
    match cmd.as_str() {
        "train" => train(&opts),
        "predict" => predict(&opts, &pos),
        "bench" => bench(&opts, &pos),
        _ => die(USAGE),
    }
}

/// `--key value` (or `-key value`) pairs, and the positional arguments.
fn parse_options(args: &[String]) -> (Options, Vec<String>) {
    let mut opts = HashMap::new();
    let mut pos = Vec::new();
    let mut i = 0;
    while i < args.len() {
        if let Some(k) = args[i].strip_prefix("--").or(args[i].strip_prefix("-")) {
            let v = args
                .get(i + 1)
                .cloned()
                .unwrap_or_else(|| die("missing value"));
            opts.insert(k.to_owned(), v);
            i += 2;
        } else {
            pos.push(args[i].clone());
            i += 1;
        }
    }
    (opts, pos)
}

/// The model of `--model FILE`, else the built-in one.
fn model(opts: &Options) -> Arc<Model> {
    match opts.get("model") {
        Some(p) => Arc::new(Model::load(Path::new(p)).unwrap_or_else(|e| die(&e.to_string()))),
        None => Model::builtin(),
    }
}

/// Trains a model on `--train` (and `--dev`, `--resources`), prints the report, saves to `-o`.
fn train(opts: &Options) {
    let mut cfg = TrainConfig {
        verbose: true,
        ..TrainConfig::default()
    };
    if let Some(e) = opts.get("epochs") {
        cfg.epochs = e.parse().unwrap();
    }
    if let Some(e) = opts.get("seed") {
        cfg.seed = e.parse().unwrap();
    }
    if let Some(e) = opts.get("min-count") {
        cfg.min_count = e.parse().unwrap();
    }
    if let Some(e) = opts.get("gold-history") {
        cfg.gold_history_epochs = e.parse().unwrap();
    }
    if let Some(e) = opts.get("prune") {
        cfg.prune = e.parse().unwrap();
    }
    if let Some(e) = opts.get("entity-lexicon") {
        cfg.entity_lexicon = e == "1";
    }
    if let Some(e) = opts.get("bags") {
        cfg.bags = e.parse().unwrap();
    }
    if let Some(e) = opts.get("lexicon") {
        cfg.lexicon_size = e.parse().unwrap();
    }
    let train = PathBuf::from(opts.get("train").unwrap_or_else(|| die("--train FILE")));
    let dev = opts.get("dev").map(PathBuf::from);
    let res = opts.get("resources").map(PathBuf::from);
    let (m, report) = entities::train(&train, dev.as_deref(), res.as_deref(), &cfg)
        .unwrap_or_else(|e| die(&e.to_string()));
    println!("{}", serde_json::to_string_pretty(&report).unwrap());
    if let Some(out) = opts.get("o") {
        m.save(Path::new(out))
            .unwrap_or_else(|e| die(&e.to_string()));
        let size = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
        eprintln!("saved {out} ({size} bytes)");
    }
}

/// Tags the `text` of each gold document and writes the entities with code-point offsets.
fn predict(opts: &Options, pos: &[String]) {
    let [gold, pred] = pos else {
        die("predict GOLD.jsonl PRED.jsonl")
    };
    let ex = EntityExtractor::new(model(opts));
    let f = std::io::BufReader::new(std::fs::File::open(gold).unwrap());
    let mut out = std::io::BufWriter::new(std::fs::File::create(pred).unwrap());
    for line in f.lines() {
        let line = line.unwrap();
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        let text = v["text"].as_str().unwrap_or("");
        let mut doc = prepare(text, None);
        ex.extract(&mut doc).unwrap();
        let co = CharOffsets::new(text);
        let ents: Vec<serde_json::Value> = doc
            .entities
            .iter()
            .map(|e| {
                serde_json::json!([co.get(e.span.start), co.get(e.span.end), e.label.as_str()])
            })
            .collect();
        writeln!(
            out,
            "{}",
            serde_json::json!({"id": v["id"], "entities": ents})
        )
        .unwrap();
    }
}

/// Throughput of the text layer and the entity layer on files repeated to `--mb` megabytes.
fn bench(opts: &Options, pos: &[String]) {
    let mb: f64 = opts.get("mb").map_or(10.0, |v| v.parse().unwrap());
    // each file is one document; the set is repeated up to `mb` megabytes
    let files: Vec<String> = pos
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    if files.is_empty() {
        die("bench FILE...");
    }
    let ex = EntityExtractor::new(model(opts));
    let (texts, total) = support::repeat_to_mb(&files, mb);
    let t0 = Instant::now();
    let mut docs: Vec<_> = texts.iter().map(|t| prepare(t, None)).collect();
    let t_prep = t0.elapsed().as_secs_f64();
    let ntok: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let (nent, t_ent) = support::run_timed(&ex, &mut docs, |d| d.entities.len());
    let t2 = Instant::now();
    let m = ex.model().clone();
    for d in &docs {
        let words: Vec<&str> = d.tokens.iter().map(|t| t.text(&d.text)).collect();
        let sents: Vec<_> = d.sentences.iter().map(|s| s.tokens.clone()).collect();
        std::hint::black_box(m.tag_tokens(&words, &sents));
    }
    eprintln!(
        "tagging alone (no groups) {:.2}s",
        t2.elapsed().as_secs_f64()
    );
    println!(
            "{:.1} MB in {} documents, {} tokens, {} entities; text layer {:.2}s; entities alone {:.2}s = {:.2} MB/s, {:.0} tokens/s (1 thread)",
            total as f64 / 1e6,
            texts.len(),
            ntok,
            nent,
            t_prep,
            t_ent,
            total as f64 / 1e6 / t_ent,
            ntok as f64 / t_ent
        );
}
