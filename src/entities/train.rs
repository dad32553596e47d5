//! Training: CoNLL reader, resource reader, averaged perceptron.

use std::io::{BufRead, BufReader};
use std::ops::Range;
use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use super::decode::{decode, score, walk};
use super::features::NonLocal;
use super::hashing::{hash_lower, hash_str, HashMapU64};
use super::knowledge::{
    gaz_insert, gaz_key, Knowledge, LexEntry, ENTITY_SEED, GAZ_ENTITY, GAZ_MAX_LEN, GAZ_TYPES,
    KNOWN_SEED,
};
use super::model::{Model, Weights, FEATURE_VERSION};
use super::prepare::DocFeats;
use super::tags::{label_index, spans_to_tags, tags_to_spans, NT};
use crate::error::{Error, Result};
use crate::types::Label;

/// Training settings. `Default` gives the settings the built-in model was trained with.
#[derive(Debug, Clone, Serialize)]
pub struct TrainConfig {
    /// Passes over the training data; with a dev set the best epoch (by dev F1) is kept.
    pub epochs: usize,
    /// Seed of the document shuffling (training is deterministic given the seed).
    pub seed: u64,
    /// Features seen fewer times in the training data (with gold context) are dropped.
    pub min_count: u32,
    /// How many of the most probable lexicon words to keep (training words are always kept).
    pub lexicon_size: usize,
    /// Epochs at the start that use the gold previous tags instead of the predicted ones.
    pub gold_history_epochs: usize,
    /// Features whose averaged weights are all below this (in perceptron updates) are dropped.
    pub prune: f32,
    /// Add a lexicon of the training entities (jackknifed during training).
    pub entity_lexicon: bool,
    /// Perceptrons trained on different document orders and averaged.
    pub bags: usize,
    /// Train a second pass that reads the first pass's labels for the whole document.
    pub second_pass: bool,
    /// Folds for the jackknifed first-pass labels the second pass is trained on.
    pub folds: usize,
    /// Print progress to stderr.
    pub verbose: bool,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 30,
            seed: 20_161_108,
            min_count: 2,
            lexicon_size: 150_000,
            gold_history_epochs: 1000,
            second_pass: true,
            bags: 3,
            entity_lexicon: true,
            prune: 0.5,
            folds: 5,
            verbose: false,
        }
    }
}

/// Scores of one epoch.
#[derive(Debug, Clone, Serialize)]
pub struct EpochReport {
    /// 1 = first pass, 2 = second (non-local) pass.
    pub stage: usize,
    pub epoch: usize,
    /// Fraction of training tokens whose predicted tag differed from the gold one.
    pub train_error_rate: f64,
    /// Exact-span micro scores on the dev set (CoNLL tokens), if one was given.
    pub dev_precision: Option<f64>,
    pub dev_recall: Option<f64>,
    pub dev_f1: Option<f64>,
}

/// What training did.
#[derive(Debug, Clone, Serialize)]
pub struct TrainReport {
    pub epochs: Vec<EpochReport>,
    /// The epoch whose averaged weights were kept for the last pass (1-based).
    pub best_epoch: usize,
    /// The kept epoch of each pass.
    pub best_epochs: Vec<usize>,
    pub train_documents: usize,
    pub train_tokens: usize,
    pub dev_tokens: usize,
    pub features: usize,
    pub lexicon_entries: usize,
    pub gazetteer_phrases: usize,
    pub seconds: f64,
}

/// A document of a CoNLL file: tokens, sentences and gold BILOU tags.
#[derive(Debug, Clone)]
pub(crate) struct TrainDoc {
    pub words: Vec<String>,
    pub sents: Vec<Range<usize>>,
    pub gold: Vec<u8>,
}

/// Reads a CoNLL file: token in the first column, NER tag in the last; IOB1 or IOB2;
/// `-DOCSTART-` lines separate documents, blank lines sentences.
pub(crate) fn read_conll(path: &Path) -> Result<Vec<TrainDoc>> {
    let f = std::fs::File::open(path)
        .map_err(|e| Error::Io(format!("cannot read {}: {e}", path.display())))?;
    let mut docs = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut sents: Vec<Range<usize>> = Vec::new();
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    let mut sent_start = 0;
    let mut open: Option<(usize, usize)> = None;
    fn close(
        open: &mut Option<(usize, usize)>,
        end: usize,
        spans: &mut Vec<(usize, usize, usize)>,
    ) {
        if let Some((s, l)) = open.take() {
            spans.push((s, end, l));
        }
    }
    fn end_doc(
        words: &mut Vec<String>,
        sents: &mut Vec<Range<usize>>,
        spans: &mut Vec<(usize, usize, usize)>,
        docs: &mut Vec<TrainDoc>,
    ) {
        if !words.is_empty() {
            docs.push(TrainDoc {
                gold: spans_to_tags(words.len(), spans),
                words: std::mem::take(words),
                sents: std::mem::take(sents),
            });
        }
        spans.clear();
    }
    for (ln, line) in BufReader::new(f).lines().enumerate() {
        let line = line.map_err(|e| Error::Io(format!("{}: {e}", path.display())))?;
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() || cols[0] == "-DOCSTART-" {
            close(&mut open, words.len(), &mut spans);
            if words.len() > sent_start {
                sents.push(sent_start..words.len());
            }
            if !cols.is_empty() {
                end_doc(&mut words, &mut sents, &mut spans, &mut docs);
            }
            sent_start = words.len();
            continue;
        }
        let tag = *cols.last().unwrap();
        let i = words.len();
        if tag == "O" || cols.len() < 2 {
            close(&mut open, i, &mut spans);
        } else {
            let bad = || {
                Error::InvalidInput(format!(
                    "{}:{}: cannot read NER tag {tag:?} (expected O, B-X or I-X with X in PER, ORG, LOC, MISC)",
                    path.display(),
                    ln + 1
                ))
            };
            let (prefix, label) = tag.split_once('-').ok_or_else(bad)?;
            let l = Label::parse(label).ok_or_else(bad)?;
            let l = label_index(l);
            match prefix {
                "B" => {
                    close(&mut open, i, &mut spans);
                    open = Some((i, l));
                }
                "I" => {
                    if open.is_some_and(|(_, ol)| ol != l) {
                        close(&mut open, i, &mut spans);
                    }
                    if open.is_none() {
                        open = Some((i, l));
                    }
                }
                _ => return Err(bad()),
            }
        }
        words.push(cols[0].to_owned());
    }
    close(&mut open, words.len(), &mut spans);
    if words.len() > sent_start {
        sents.push(sent_start..words.len());
    }
    end_doc(&mut words, &mut sents, &mut spans, &mut docs);
    Ok(docs)
}

/// Reads the resource file written by `python/tidings/resources_entities.py`.
fn read_resources(path: &Path, docs: &[TrainDoc], config: &TrainConfig) -> Result<Knowledge> {
    let f = std::fs::File::open(path)
        .map_err(|e| Error::Io(format!("cannot read resources {}: {e}", path.display())))?;
    let mut lex: Vec<(String, u32, f32)> = Vec::new();
    let mut k = Knowledge::default();
    let mut caps: Vec<(String, u32, u32)> = Vec::new();
    let mut known: Vec<(Vec<u64>, u8)> = Vec::new();
    for (ln, line) in BufReader::new(f).lines().enumerate() {
        let line = line.map_err(|e| Error::Io(format!("{}: {e}", path.display())))?;
        let c: Vec<&str> = line.split('\t').collect();
        let bad = || {
            Error::InvalidInput(format!(
                "{}:{}: not a resource line",
                path.display(),
                ln + 1
            ))
        };
        match c.as_slice() {
            ["L", w, cl, p] => lex.push((
                (*w).to_owned(),
                cl.parse().map_err(|_| bad())?,
                p.parse().map_err(|_| bad())?,
            )),
            ["G", ty, phrase] => {
                let Some(t) = GAZ_TYPES.iter().position(|x| x == ty) else {
                    continue;
                };
                let toks = crate::text::tokenize(phrase);
                if toks.is_empty() || toks.len() > GAZ_MAX_LEN {
                    continue;
                }
                let hs: Vec<u64> = toks.iter().map(|x| hash_lower(x.text(phrase))).collect();
                gaz_insert(&mut k.gazetteer, &hs, 1 << t);
            }
            ["K", label, phrase] => {
                let Some(l) = ["PER", "ORG", "LOC", "MISC"]
                    .iter()
                    .position(|x| x == label)
                else {
                    return Err(bad());
                };
                let toks = crate::text::tokenize(phrase);
                if toks.is_empty() || toks.len() > GAZ_MAX_LEN {
                    continue;
                }
                let hs: Vec<u64> = toks.iter().map(|x| hash_lower(x.text(phrase))).collect();
                known.push((hs, l as u8));
            }
            ["C", w, a, b] => caps.push((
                (*w).to_owned(),
                a.parse().map_err(|_| bad())?,
                b.parse().map_err(|_| bad())?,
            )),
            [""] => {}
            _ => return Err(bad()),
        }
    }
    // keep the most probable words, plus every training word in its three case forms
    let mut wanted = HashMapU64::<()>::default();
    for d in docs {
        for w in &d.words {
            wanted.insert(hash_str(w), ());
            wanted.insert(hash_lower(w), ());
            let mut t = String::new();
            for (i, c) in w.chars().enumerate() {
                if i == 0 {
                    t.extend(c.to_uppercase());
                } else {
                    t.extend(c.to_lowercase());
                }
            }
            wanted.insert(hash_str(&t), ());
        }
    }
    let mut order: Vec<usize> = (0..lex.len()).collect();
    order.sort_by(|&a, &b| lex[b].2.total_cmp(&lex[a].2).then(lex[a].0.cmp(&lex[b].0)));
    for (rank, &i) in order.iter().enumerate() {
        let (w, cluster, p) = &lex[i];
        let h = hash_str(w);
        if rank < config.lexicon_size || wanted.contains_key(&h) {
            k.lexicon.insert(
                h,
                LexEntry {
                    cluster: *cluster,
                    prob: (-p).round().clamp(0.0, 254.0) as u8,
                    cap: 255,
                },
            );
        }
    }
    add_known_entities(&mut k, &known);
    for (w, a, b) in caps {
        if b < 3 {
            continue;
        }
        let h = hash_str(&w);
        k.lexicon.entry(h).or_default().cap = ((a * 10 + b / 2) / b).min(10) as u8;
    }
    Ok(k)
}

/// Adds entities known from external knowledge (`K` resource lines: public lists of modern
/// names) under their own keys ([`KNOWN_SEED`]), apart from the lexicon of training entities, so
/// that their features fire on every training sentence that mentions them and the tagger learns
/// how far to trust them. A phrase listed with two labels keeps the first one listed.
fn add_known_entities(k: &mut Knowledge, known: &[(Vec<u64>, u8)]) {
    for (hs, label) in known {
        gaz_insert(&mut k.gazetteer, hs, GAZ_ENTITY);
        let key = gaz_key(hs.iter().copied()) ^ KNOWN_SEED;
        k.gazetteer.entry(key).or_insert(*label);
    }
}

/// Adds the entities of documents `which` to the entity lexicon in `k.gazetteer` (keys xor
/// [`ENTITY_SEED`]): the majority label, how dominant it is and whether it was seen 3+ times.
fn add_entity_lexicon(k: &mut Knowledge, docs: &[TrainDoc], which: &[usize]) {
    let mut counts = HashMapU64::<[u32; 4]>::default();
    for &i in which {
        let d = &docs[i];
        for (s, e, l) in tags_to_spans(&d.gold) {
            if e - s > GAZ_MAX_LEN || !d.words[s].chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let hs: Vec<u64> = d.words[s..e].iter().map(|w| hash_lower(w)).collect();
            gaz_insert(&mut k.gazetteer, &hs, GAZ_ENTITY);
            let key = gaz_key(hs) ^ ENTITY_SEED;
            counts.entry(key).or_insert([0; 4])[l] += 1;
        }
    }
    let mut keys: Vec<_> = counts.into_iter().collect();
    keys.sort_unstable_by_key(|e| e.0);
    for (key, c) in keys {
        let total: u32 = c.iter().sum();
        let (best, &n) = c.iter().enumerate().max_by_key(|&(_, &n)| n).unwrap();
        let frac = n as f64 / total as f64;
        let conf = if frac > 0.95 {
            3
        } else if frac > 0.8 {
            2
        } else if frac > 0.5 {
            1
        } else {
            0
        };
        let code = best as u8 | conf << 2 | ((total >= 3) as u8) << 4;
        k.gazetteer.insert(key, code);
    }
}

/// A small deterministic generator (SplitMix64) for shuffling.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

fn prepare_docs(k: &Knowledge, docs: &[TrainDoc]) -> Vec<DocFeats> {
    docs.iter()
        .map(|d| {
            let words: Vec<&str> = d.words.iter().map(String::as_str).collect();
            k.prepare(&words, &d.sents)
        })
        .collect()
}

/// Exact-span micro precision, recall, F1 of predicted against gold tag sequences.
fn span_scores(gold: &[TrainDoc], pred: &[Vec<u8>]) -> (f64, f64, f64) {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for (g, p) in gold.iter().zip(pred) {
        let gs = tags_to_spans(&g.gold);
        let ps = tags_to_spans(p);
        ng += gs.len();
        np += ps.len();
        tp += ps.iter().filter(|s| gs.binary_search(s).is_ok()).count();
    }
    let p = if np > 0 { tp as f64 / np as f64 } else { 0.0 };
    let r = if ng > 0 { tp as f64 / ng as f64 } else { 0.0 };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Prepares the training documents. With the lexicon of training entities, each document sees
/// only the other folds' entities (as unseen text would); the returned knowledge (for dev and
/// the final model) has all of them.
fn prepare_training(
    mut knowledge: Knowledge,
    docs: &[TrainDoc],
    folds: usize,
    config: &TrainConfig,
) -> (Knowledge, Vec<DocFeats>) {
    let all: Vec<usize> = (0..docs.len()).collect();
    // the lexicon of training entities: each training document sees only the other folds'
    // entities (as unseen text would), dev and the final model see all of them
    let mut train_feats: Vec<Option<DocFeats>> = (0..docs.len()).map(|_| None).collect();
    if config.entity_lexicon {
        for k in 0..folds {
            let mut kk = knowledge.clone();
            let rest: Vec<usize> = all.iter().copied().filter(|i| i % folds != k).collect();
            add_entity_lexicon(&mut kk, docs, &rest);
            for i in all.iter().copied().filter(|i| i % folds == k) {
                let words: Vec<&str> = docs[i].words.iter().map(String::as_str).collect();
                train_feats[i] = Some(kk.prepare(&words, &docs[i].sents));
            }
        }
        add_entity_lexicon(&mut knowledge, docs, &all);
    }
    let train_feats: Vec<DocFeats> = train_feats
        .into_iter()
        .zip(docs)
        .map(|(f, d)| {
            f.unwrap_or_else(|| {
                let words: Vec<&str> = d.words.iter().map(String::as_str).collect();
                knowledge.prepare(&words, &d.sents)
            })
        })
        .collect();
    (knowledge, train_feats)
}

/// First-pass tags of the training documents by jackknifing: each fold tagged by a first pass
/// trained (for `epochs`) on the other folds, as unseen text would be.
fn jackknifed_tags(
    docs: &[TrainDoc],
    train_feats: &[DocFeats],
    folds: usize,
    epochs: usize,
    config: &TrainConfig,
    log: &dyn Fn(&str),
) -> Vec<Vec<u8>> {
    let all: Vec<usize> = (0..docs.len()).collect();
    let mut train_tags: Vec<Vec<u8>> = vec![Vec::new(); docs.len()];
    for k in 0..folds {
        let rest: Vec<usize> = all.iter().copied().filter(|i| i % folds != k).collect();
        let f = fit(
            docs,
            train_feats,
            &rest,
            None,
            &[],
            &[],
            None,
            epochs,
            config,
            &|_: &str| {},
        );
        for i in all.iter().copied().filter(|i| i % folds == k) {
            train_tags[i] = decode(&f.weights.index, &f.weights.weights, &train_feats[i], None);
        }
        log(&format!("fold {} of {folds} tagged", k + 1));
    }
    train_tags
}

/// Reads the training and dev documents and the external knowledge, and checks the settings.
fn read_inputs(
    train_path: &Path,
    dev_path: Option<&Path>,
    resources: Option<&Path>,
    config: &TrainConfig,
) -> Result<(Vec<TrainDoc>, Vec<TrainDoc>, Knowledge)> {
    let docs = read_conll(train_path)?;
    if docs.is_empty() {
        return Err(Error::InvalidInput(format!(
            "{} has no tokens",
            train_path.display()
        )));
    }
    let dev = match dev_path {
        Some(p) => read_conll(p)?,
        None => Vec::new(),
    };
    if config.epochs == 0 {
        return Err(Error::InvalidInput("epochs must be at least 1".into()));
    }
    let knowledge = match resources {
        Some(p) => read_resources(p, &docs, config)?,
        None => Knowledge::default(),
    };
    Ok((docs, dev, knowledge))
}

/// Trains a model on a CoNLL file (see the module docs of [`crate::entities`] for the method).
/// `dev_path` (CoNLL too) picks the best epoch; `resources` is the file written by
/// `python/tidings/resources_entities.py` (without it the model has no clusters or gazetteers).
pub fn train(
    train_path: &Path,
    dev_path: Option<&Path>,
    resources: Option<&Path>,
    config: &TrainConfig,
) -> Result<(Model, TrainReport)> {
    let t0 = Instant::now();
    let (docs, dev, knowledge) = read_inputs(train_path, dev_path, resources, config)?;
    let all: Vec<usize> = (0..docs.len()).collect();
    let folds = config.folds.max(2);
    let (knowledge, train_feats) = prepare_training(knowledge, &docs, folds, config);
    let dev_feats = prepare_docs(&knowledge, &dev);
    let log = |what: &str| {
        if config.verbose {
            eprintln!("{what} ({:.1}s)", t0.elapsed().as_secs_f64());
        }
    };
    log(&format!(
        "{} docs, lexicon {}, gazetteer {}",
        docs.len(),
        knowledge.lexicon.len(),
        knowledge.gazetteer.len()
    ));
    // first pass
    let first = fit(
        &docs,
        &train_feats,
        &all,
        None,
        &dev,
        &dev_feats,
        None,
        config.epochs,
        config,
        &log,
    );
    let mut stages = vec![first.weights];
    let mut reports = first.reports;
    let mut best_epochs = vec![first.best_epoch];
    if config.second_pass {
        // first-pass tags of the training documents by jackknifing (each fold tagged by a model
        // trained on the others, as unseen text would be), of dev by the full first pass
        let train_tags =
            jackknifed_tags(&docs, &train_feats, folds, first.best_epoch, config, &log);
        let train_nl: Vec<NonLocal> = train_feats
            .iter()
            .zip(train_tags)
            .map(|(df, t)| df.nonlocal(t))
            .collect();
        let dev_nl: Vec<NonLocal> = dev_feats
            .iter()
            .map(|df| df.nonlocal(decode(&stages[0].index, &stages[0].weights, df, None)))
            .collect();
        let second = fit(
            &docs,
            &train_feats,
            &all,
            Some(&train_nl),
            &dev,
            &dev_feats,
            Some(&dev_nl),
            config.epochs,
            config,
            &log,
        );
        stages.push(second.weights);
        reports.extend(second.reports);
        best_epochs.push(second.best_epoch);
    }
    let best_epoch = *best_epochs.last().unwrap();
    let best_f1 = reports
        .iter()
        .filter(|r| r.stage == stages.len())
        .find(|r| r.epoch == best_epoch)
        .and_then(|r| r.dev_f1);
    let train_tokens: usize = docs.iter().map(|d| d.words.len()).sum();
    let report = TrainReport {
        epochs: reports,
        best_epoch,
        best_epochs: best_epochs.clone(),
        train_documents: docs.len(),
        train_tokens,
        dev_tokens: dev.iter().map(|d| d.words.len()).sum(),
        features: stages.iter().map(|s| s.index.len()).sum(),
        lexicon_entries: knowledge.lexicon.len(),
        gazetteer_phrases: knowledge.gazetteer.len(),
        seconds: 0.0,
    };
    let description = serde_json::json!({
        "kind": "greedy averaged perceptron, BILOU, two passes",
        "feature_version": FEATURE_VERSION,
        "config": config,
        "best_epochs": best_epochs,
        "dev_f1": best_f1,
        "train_tokens": train_tokens,
    })
    .to_string();
    let model = Model::from_stages(knowledge, &stages, description)?;
    let report = TrainReport {
        seconds: t0.elapsed().as_secs_f64(),
        ..report
    };
    Ok((model, report))
}

/// The feature index: features seen at least `min_count` times with gold context in the
/// documents `which`, in hash order.
fn feature_keys(
    docs: &[TrainDoc],
    feats_of: &[DocFeats],
    which: &[usize],
    nl: Option<&[NonLocal]>,
    min_count: u32,
) -> Vec<u64> {
    let mut counts = HashMapU64::<u32>::default();
    let mut feats = Vec::with_capacity(128);
    for &di in which {
        let (d, df) = (&docs[di], &feats_of[di]);
        let dnl = nl.map(|n| &n[di]);
        walk(df, |st| {
            st.features(dnl, &mut feats);
            for &f in &feats {
                *counts.entry(f).or_insert(0) += 1;
            }
            d.gold[st.i]
        });
    }
    let mut keys: Vec<u64> = counts
        .iter()
        .filter(|(_, &c)| c >= min_count)
        .map(|(&k, _)| k)
        .collect();
    drop(counts);
    keys.sort_unstable();
    keys
}

/// Drops the features whose averaged weights are all below `prune` (in perceptron updates): a
/// smaller table is faster to use. `weights` has one row per key of `keys`.
fn prune(keys: Vec<u64>, weights: &[f32], prune: f32) -> Weights {
    let mut kept = HashMapU64::<u32>::default();
    let mut kept_w = Vec::new();
    for (r, k) in keys.into_iter().enumerate() {
        let row = &weights[r * NT..r * NT + NT];
        if row.iter().any(|w| w.abs() >= prune) {
            kept.insert(k, kept.len() as u32);
            kept_w.extend_from_slice(row);
        }
    }
    Weights {
        index: kept,
        weights: kept_w,
    }
}

/// The average of the bags' averaged perceptrons: each bag's weights minus its accumulated
/// updates over its step count, divided by the number of bags.
fn average(ws: &[Vec<f32>], accs: &[Vec<f32>], cs: &[f32]) -> Vec<f32> {
    let bags = ws.len();
    let mut avg = vec![0f32; ws[0].len()];
    for bag in 0..bags {
        let c = cs[bag];
        for ((a, w), s) in avg.iter_mut().zip(&ws[bag]).zip(&accs[bag]) {
            *a += (w - s / c) / bags as f32;
        }
    }
    avg
}

struct Fit {
    weights: Weights,
    reports: Vec<EpochReport>,
    best_epoch: usize,
}

/// Trains one weight table on the documents `which` of `docs` (with first-pass results `nl`
/// for a second pass) and keeps the averaged weights of the best epoch on dev (or the last).
#[allow(clippy::too_many_arguments)]
fn fit(
    docs: &[TrainDoc],
    feats_of: &[DocFeats],
    which: &[usize],
    nl: Option<&[NonLocal]>,
    dev: &[TrainDoc],
    dev_feats: &[DocFeats],
    dev_nl: Option<&[NonLocal]>,
    epochs: usize,
    config: &TrainConfig,
    log: &dyn Fn(&str),
) -> Fit {
    let stage = if nl.is_some() { 2 } else { 1 };
    let keys = feature_keys(docs, feats_of, which, nl, config.min_count);
    let index: HashMapU64<u32> = keys
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, i as u32))
        .collect();
    let nf = keys.len();
    log(&format!("stage {stage}: {nf} features"));
    // `bags` perceptrons trained side by side on different document orders; their averaged
    // weights are averaged again (less variance than one run)
    let bags = config.bags.max(1);
    let mut ws = vec![vec![0f32; nf * NT]; bags];
    let mut accs = vec![vec![0f32; nf * NT]; bags];
    let mut cs = vec![1f32; bags];
    let mut rngs: Vec<Rng> = (0..bags as u64)
        .map(|b| Rng(config.seed.wrapping_add(b.wrapping_mul(0x9E37_79B9))))
        .collect();
    let mut orders: Vec<Vec<usize>> = vec![which.to_vec(); bags];
    let mut reports = Vec::new();
    let mut best: Option<(f64, usize, Vec<f32>)> = None;
    let mut scores = [0f32; NT];
    let mut rows: Vec<u32> = Vec::with_capacity(128);
    let mut feats = Vec::with_capacity(128);
    let train_tokens: usize = which.iter().map(|&i| docs[i].words.len()).sum();
    for epoch in 1..=epochs {
        let gold_hist = epoch <= config.gold_history_epochs;
        let mut errors = 0usize;
        for bag in 0..bags {
            let (w, acc, c) = (&mut ws[bag], &mut accs[bag], &mut cs[bag]);
            let order = &mut orders[bag];
            rngs[bag].shuffle(order);
            for &di in order.iter() {
                let (d, df) = (&docs[di], &feats_of[di]);
                let dnl = nl.map(|n| &n[di]);
                walk(df, |st| {
                    st.features(dnl, &mut feats);
                    score(&index, w, &feats, &mut scores);
                    let pred = st.best(&scores);
                    let g = d.gold[st.i];
                    if pred != g {
                        if bag == 0 {
                            errors += 1;
                        }
                        rows.clear();
                        rows.extend(feats.iter().filter_map(|f| index.get(f).copied()));
                        for &r in &rows {
                            let b = r as usize * NT;
                            w[b + g as usize] += 1.0;
                            w[b + pred as usize] -= 1.0;
                            acc[b + g as usize] += *c;
                            acc[b + pred as usize] -= *c;
                        }
                    }
                    *c += 1.0;
                    if gold_hist {
                        g
                    } else {
                        pred
                    }
                });
            }
        }
        let avg = average(&ws, &accs, &cs);
        let mut rep = EpochReport {
            stage,
            epoch,
            train_error_rate: errors as f64 / train_tokens.max(1) as f64,
            dev_precision: None,
            dev_recall: None,
            dev_f1: None,
        };
        let f = if dev.is_empty() {
            epoch as f64 // without dev, keep the last epoch
        } else {
            let pred: Vec<Vec<u8>> = dev_feats
                .iter()
                .enumerate()
                .map(|(k, df)| decode(&index, &avg, df, dev_nl.map(|n| &n[k])))
                .collect();
            let (p, r, f) = span_scores(dev, &pred);
            rep.dev_precision = Some(p);
            rep.dev_recall = Some(r);
            rep.dev_f1 = Some(f);
            f
        };
        log(&format!(
            "stage {stage} epoch {epoch}: train error {:.4}, dev F1 {:.4}",
            rep.train_error_rate,
            rep.dev_f1.unwrap_or(0.0)
        ));
        reports.push(rep);
        if best.as_ref().is_none_or(|b| f > b.0) {
            best = Some((f, epoch, avg));
        }
    }
    let (_, best_epoch, weights) = best.expect("at least one epoch");
    let kept = prune(keys, &weights, config.prune);
    log(&format!(
        "stage {stage}: kept {} of {nf} features",
        kept.index.len()
    ));
    Fit {
        weights: kept,
        reports,
        best_epoch,
    }
}
