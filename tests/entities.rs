//! Entity layer: training, model files, the built-in model and the extractor.

use std::path::PathBuf;
use std::sync::Arc;

use tidings::entities::{train, EntityExtractor, Model, TrainConfig};
use tidings::pipeline::prepare;
use tidings::{Document, Entity, Error, Extractor, Label, Pipeline};

fn temp_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tidings-entities-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// `contents` written to the file `name` in this run's temporary folder.
fn temp_file(name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = temp_path(name);
    std::fs::write(&path, contents).unwrap();
    path
}

/// Training settings for the tiny file: `epochs` a pass, every feature kept however rare.
fn tiny_config(epochs: usize) -> TrainConfig {
    TrainConfig {
        epochs,
        min_count: 1,
        ..TrainConfig::default()
    }
}

/// Each entity of `doc` as its text, label and group, in order.
fn mentions(doc: &Document) -> Vec<(&str, Label, usize)> {
    doc.entities
        .iter()
        .map(|e| (doc.slice(e.span), e.label, e.group))
        .collect()
}

/// The first entity of `doc` whose text is `text`.
fn entity<'d>(doc: &'d Document, text: &str) -> &'d Entity {
    let found = doc.entities.iter().find(|e| doc.slice(e.span) == text);
    found.unwrap_or_else(|| panic!("no entity {text:?} in {:?}", mentions(doc)))
}

/// A tiny CoNLL-2003-style training file (IOB1, `token POS chunk NER`).
const TINY: &str = "-DOCSTART- -X- O O

John NNP I-NP I-PER
Smith NNP I-NP I-PER
visited VBD I-VP O
Paris NNP I-NP I-LOC
with IN I-PP O
Acme NNP I-NP I-ORG
Corp NNP I-NP I-ORG
. . O O

Mary NNP I-NP I-PER
lives VBZ I-VP O
in IN I-PP O
Berlin NNP I-NP I-LOC
. . O O

-DOCSTART- -X- O O

Acme NNP I-NP I-ORG
Corp NNP I-NP I-ORG
hired VBD I-VP O
Mary NNP I-NP I-PER
Jones NNP I-NP I-PER
in IN I-PP O
London NNP I-NP I-LOC
. . O O

The DT I-NP O
French JJ I-NP I-MISC
team NN I-NP O
won VBD I-VP O
. . O O
";

type Mentions = Vec<(usize, usize, Label)>;

fn sentences_of(conll: &str) -> Vec<(Vec<&str>, Mentions)> {
    let mut out = Vec::new();
    for block in conll.split("\n\n") {
        let lines: Vec<&str> = block
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with("-DOCSTART-"))
            .collect();
        if lines.is_empty() {
            continue;
        }
        let words: Vec<&str> = lines.iter().map(|l| l.split(' ').next().unwrap()).collect();
        let tags: Vec<&str> = lines
            .iter()
            .map(|l| l.rsplit(' ').next().unwrap())
            .collect();
        let mut spans = Vec::new();
        let mut i = 0;
        while i < tags.len() {
            if let Some(l) = tags[i].strip_prefix("I-") {
                let s = i;
                while i < tags.len() && tags[i] == tags[s] {
                    i += 1;
                }
                spans.push((s, i, Label::parse(l).unwrap()));
            } else {
                i += 1;
            }
        }
        out.push((words, spans));
    }
    out
}

fn tiny_model() -> Model {
    let path = temp_file("tiny.conll", TINY);
    let (model, report) = train(&path, None, None, &tiny_config(8)).unwrap();
    // two passes of 8 epochs
    assert_eq!(report.epochs.len(), 16);
    assert_eq!(report.best_epochs.len(), 2);
    assert_eq!(report.train_documents, 2);
    assert_eq!(report.train_tokens, 26);
    model
}

#[test]
fn a_model_trained_on_a_tiny_file_tags_its_own_sentences() {
    let model = tiny_model();
    for (words, gold) in sentences_of(TINY) {
        let whole: Vec<std::ops::Range<usize>> = std::iter::once(0..words.len()).collect();
        let pred = model.tag_tokens(&words, &whole);
        assert_eq!(pred, gold, "sentence {words:?}");
    }
}

#[test]
fn training_is_reproducible() {
    assert_eq!(tiny_model().to_bytes(), tiny_model().to_bytes());
}

#[test]
fn models_round_trip_through_files() {
    let model = tiny_model();
    let path = temp_path("tiny.model");
    model.save(&path).unwrap();
    let loaded = Model::load(&path).unwrap();
    assert_eq!(loaded, model);
    let text = "John Smith visited Paris with Acme Corp. Mary Jones lives in London.";
    let a = EntityExtractor::new(Arc::new(model));
    let b = EntityExtractor::new(Arc::new(loaded));
    let mut da = prepare(text, None);
    let mut db = prepare(text, None);
    a.extract(&mut da).unwrap();
    b.extract(&mut db).unwrap();
    assert!(!da.entities.is_empty());
    assert_eq!(da.entities, db.entities);
}

#[test]
fn damaged_or_foreign_model_files_are_model_errors() {
    let good = tiny_model().to_bytes();
    assert!(Model::from_bytes(&good).is_ok());
    let mut cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("truncated header", good[..10].to_vec()),
        ("truncated", good[..good.len() / 2].to_vec()),
        ("trailing bytes", [good.clone(), vec![0u8; 3]].concat()),
        (
            "foreign",
            b"PK\x03\x04 this is a zip file, not a model".to_vec(),
        ),
        ("json", br#"{"weights": [1, 2, 3]}"#.to_vec()),
    ];
    for pos in [12, 20, 40, good.len() / 2, good.len() - 1] {
        let mut bad = good.clone();
        bad[pos] ^= 0x5A;
        cases.push(("flipped byte", bad));
    }
    for (what, bytes) in cases {
        match Model::from_bytes(&bytes) {
            Err(Error::Model(msg)) => assert!(!msg.is_empty(), "{what}"),
            other => panic!("{what}: expected a model error, got {other:?}"),
        }
    }
    let path = temp_file("foreign.model", b"hello");
    assert!(matches!(Model::load(&path), Err(Error::Model(m)) if m.contains("foreign.model")));
    assert!(matches!(
        Model::load(&temp_path("missing.model")),
        Err(Error::Io(_))
    ));
}

#[test]
fn conll_tags_must_be_known() {
    let path = temp_file("bad.conll", "John NNP I-NP I-PERSON\n");
    let e = train(&path, None, None, &TrainConfig::default()).unwrap_err();
    assert!(matches!(e, Error::InvalidInput(m) if m.contains(":1:")));
}

#[test]
fn known_entities_in_the_resources_reach_the_model() {
    let conll = temp_file("known.conll", TINY);
    let with = |lines: &str| {
        let res = temp_file(&format!("known-{}.tsv", lines.len()), lines);
        train(&conll, None, Some(&res), &tiny_config(4))
    };
    let (plain, _) = with("").unwrap();
    let (known, _) = with("K\tORG\tWikiLeaks\nK\tPER\tJeff Sessions\n").unwrap();
    // the known names are in the model's lexicon, so the model differs from one without them
    assert_ne!(plain.to_bytes(), known.to_bytes());
    // and a label outside PER/ORG/LOC/MISC is an error naming the line
    let e = with("K\tORG\tWikiLeaks\nK\tPERSON\tJeff Sessions\n").unwrap_err();
    assert!(matches!(e, Error::InvalidInput(m) if m.contains(":2:")));
}

#[test]
fn builtin_model_finds_and_groups_entities() {
    let bytes = Model::builtin().to_bytes();
    assert!(bytes.len() <= 25 * 1024 * 1024);
    let text =
        "German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday. \
                Merkel said the European Union would act.\n\nMacron agreed with Merkel.";
    let mut doc = prepare(text, None);
    EntityExtractor::builtin().extract(&mut doc).unwrap();
    let found = mentions(&doc);
    assert!(doc
        .entities
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start));
    let get = |s: &str| found.iter().find(|f| f.0 == s).copied();
    assert_eq!(
        get("Angela Merkel").map(|f| f.1),
        Some(Label::Per),
        "{found:?}"
    );
    assert_eq!(get("Paris").map(|f| f.1), Some(Label::Loc), "{found:?}");
    assert_eq!(
        get("European Union").map(|f| f.1),
        Some(Label::Org),
        "{found:?}"
    );
    let merkel = get("Angela Merkel").unwrap().2;
    let later: Vec<_> = found.iter().filter(|f| f.0 == "Merkel").collect();
    assert_eq!(later.len(), 2, "{found:?}");
    assert!(later.iter().all(|f| f.2 == merkel));
    assert_eq!(entity(&doc, "Merkel").canonical, "Angela Merkel");
}

#[test]
fn odd_input_does_not_panic() {
    let model = tiny_model();
    let words = ["", "John", "", "Smith", "$", "1"];
    let sentences = [0..3, 2..99, 50..60];
    let _ = model.tag_tokens(&words, &sentences);
    assert!(model.tag_tokens(&[], &[0..0, 0..2]).is_empty());
    for text in [
        "",
        "   \n\n ",
        "A",
        "ÉCOLE NORMALE SUPÉRIEURE",
        "“”—…",
        "Mr. . . .",
    ] {
        let mut doc = prepare(text, None);
        EntityExtractor::builtin().extract(&mut doc).unwrap();
        for e in &doc.entities {
            assert!(e.span.end <= text.len());
        }
    }
}

#[test]
fn generational_suffix_belongs_to_the_name() {
    let p = tidings::Pipeline::default();
    let doc = p.analyze(
        "Donald Trump Jr. met reporters on Monday. Later, Trump Jr. left for Texas with Martin Luther King III.",
        None,
    );
    let texts: Vec<&str> = mentions(&doc)
        .into_iter()
        .filter(|m| m.1 == Label::Per)
        .map(|m| m.0)
        .collect();
    assert!(texts.contains(&"Donald Trump Jr."), "{texts:?}");
    assert!(texts.contains(&"Trump Jr."), "{texts:?}");
    let full = entity(&doc, "Donald Trump Jr.");
    let short = entity(&doc, "Trump Jr.");
    assert_eq!(full.group, short.group);
    assert_eq!(short.canonical, "Donald Trump Jr.");
}

#[test]
fn currency_prefix_and_dollar_sign_are_one_word() {
    // CoNLL writes "C$" as one token (MISC); the tokenizer splits it, the extractor rejoins it
    let text = "The 7.0 percent bond due 2023 fell C$ 0.45 to C$ 101.15 in Toronto.";
    let mut doc = prepare(text, None);
    EntityExtractor::builtin().extract(&mut doc).unwrap();
    let found = mentions(&doc);
    assert!(!found.iter().any(|f| f.0 == "C"), "{found:?}");
    assert_eq!(
        found
            .iter()
            .filter(|f| (f.0, f.1) == ("C$", Label::Misc))
            .count(),
        2,
        "{found:?}"
    );
    // a capital letter before a spaced dollar sign stays a word of its own
    let mut doc = prepare("Plan B $ 5 million.", None);
    EntityExtractor::builtin().extract(&mut doc).unwrap();
    assert!(doc.entities.iter().all(|e| doc.slice(e.span) != "B $"));
}

#[test]
fn a_suffix_tagged_on_its_own_is_not_also_joined_to_the_name_before_it() {
    // found by fuzzing (fuzz/): "Trump Jr." and a separate "Jr." mention overlapped
    let doc = Pipeline::default().analyze("Dld Trump Jr. Tm Jr.\nTrump Jr.", None);
    for w in doc.entities.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "{:?} overlaps {:?}",
            w[0].span,
            w[1].span
        );
    }
    assert!(doc
        .entities
        .iter()
        .any(|e| doc.slice(e.span).starts_with("Trump")));
}
