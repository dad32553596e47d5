//! The quote layer on short texts of our own, one construction each, with and without entities.

use tidings::pipeline::{prepare, Extractor};
use tidings::quotes::QuoteExtractor;
use tidings::{Document, Entity, Label, Quote, QuoteKind, Span};

fn run(text: &str) -> Document {
    let mut doc = prepare(text, None);
    QuoteExtractor::default().extract(&mut doc).unwrap();
    doc
}

fn content<'a>(doc: &'a Document, q: &Quote) -> &'a str {
    doc.slice(q.span)
}

fn speaker_mention<'a>(doc: &'a Document, q: &Quote) -> Option<&'a str> {
    q.speaker_span.map(|s| doc.slice(s))
}

#[test]
fn quote_then_said_name() {
    let doc = run("“We will win this state,” said Okafor on Thursday.");
    assert_eq!(doc.quotes.len(), 1);
    let q = &doc.quotes[0];
    assert_eq!(content(&doc, q), "We will win this state,");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.speaker.as_deref(), Some("Okafor"));
    assert_eq!(q.cue.as_deref(), Some("said"));
}

#[test]
fn name_said_colon_introduction() {
    let doc = run("Pence replied: “That is simply not true, and you know it.”");
    let q = &doc.quotes[0];
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.speaker.as_deref(), Some("Pence"));
    assert_eq!(q.cue.as_deref(), Some("replied"));
    assert_eq!(
        content(&doc, q),
        "That is simply not true, and you know it."
    );
}

#[test]
fn role_noun_phrase_speaker_with_straight_quotes() {
    let doc = run("\"We have no comment at this time,\" a Pence spokeswoman told reporters.");
    let q = &doc.quotes[0];
    assert_eq!(speaker_mention(&doc, q), Some("a Pence spokeswoman"));
    assert_eq!(q.cue.as_deref(), Some("told"));
    let doc = run("“The review is still under way,” one U.S. official said.");
    assert_eq!(
        speaker_mention(&doc, &doc.quotes[0]),
        Some("one U.S. official")
    );
}

#[test]
fn appositive_speaker() {
    let doc = run("“It is a disgrace,” Dana Whitlock, the agency’s press secretary, said Monday.");
    let q = &doc.quotes[0];
    assert_eq!(q.speaker.as_deref(), Some("Dana Whitlock"));
}

#[test]
fn according_to() {
    let doc = run("“The deal is off,” according to a senior Democratic aide.");
    let q = &doc.quotes[0];
    assert_eq!(speaker_mention(&doc, q), Some("a senior Democratic aide"));
    assert_eq!(q.cue.as_deref(), Some("according to"));
}

#[test]
fn interrupted_quote_shares_group_and_speaker() {
    let text = "Lena Ortiz answered the next morning. “I have never met the man, but I will ask around,” she wrote on March 3, 2019. “Thanks.”";
    let doc = run(text);
    assert_eq!(doc.quotes.len(), 2, "{:?}", doc.quotes);
    let (a, b) = (&doc.quotes[0], &doc.quotes[1]);
    assert_eq!(content(&doc, b), "Thanks.");
    assert_eq!(a.group, b.group);
    assert_eq!(a.kind, QuoteKind::Direct);
    assert_eq!(b.kind, QuoteKind::Direct);
    assert_eq!(speaker_mention(&doc, a), Some("she"));
    assert_eq!(a.speaker, b.speaker);
    assert_eq!(a.speaker_span, b.speaker_span);
    // Without entities, "she" names the last speaker named before it, else stays "she".
    assert_eq!(a.speaker.as_deref(), Some("she"));
}

#[test]
fn multi_paragraph_quote() {
    let text = "Okafor continued:\n\n“The budget is a local issue. Voters feel it every week.\n\n“It is one of the things that will decide the race,” he said.\n\nThe poll was released on Friday.";
    let doc = run(text);
    assert_eq!(doc.quotes.len(), 2, "{:?}", doc.quotes);
    let (a, b) = (&doc.quotes[0], &doc.quotes[1]);
    assert_eq!(
        content(&doc, a),
        "The budget is a local issue. Voters feel it every week."
    );
    assert_eq!(
        content(&doc, b),
        "It is one of the things that will decide the race,"
    );
    assert_eq!(a.group, b.group);
    assert_eq!(a.speaker.as_deref(), Some("Okafor"));
    assert_eq!(a.cue.as_deref(), Some("continued"));
    assert_eq!(b.speaker, a.speaker);
}

#[test]
fn unbalanced_mark_leaves_later_quotes_intact() {
    let text = "Smith said the plan was “a disaster.\n\nThe vote came on Tuesday.\n\n“We are not going anywhere,” Jones said.\n\n“Neither are we,” said Brown.";
    let doc = run(text);
    let direct: Vec<&str> = doc
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| content(&doc, q))
        .collect();
    assert_eq!(direct, ["We are not going anywhere,", "Neither are we,"]);
    assert_eq!(doc.quotes.last().unwrap().speaker.as_deref(), Some("Brown"));
    assert_eq!(
        doc.quotes[doc.quotes.len() - 2].speaker.as_deref(),
        Some("Jones")
    );
    // A stray closing mark in mid-paragraph does not shift the pairing either.
    let doc = run("The senator ” left. “We are ready to govern,” Warren said.");
    assert_eq!(doc.quotes.len(), 1);
    assert_eq!(content(&doc, &doc.quotes[0]), "We are ready to govern,");
}

#[test]
fn partial_quotes() {
    let doc = run("Trump called Comey a “nut job” in the meeting.");
    assert_eq!(doc.quotes.len(), 1);
    let q = &doc.quotes[0];
    assert_eq!(q.kind, QuoteKind::Partial);
    assert_eq!(content(&doc, q), "nut job");
    assert_eq!(q.speaker.as_deref(), Some("Trump"));
    assert_eq!(q.cue.as_deref(), Some("called"));
    let doc = run(
        "Mueller said he found a “benefit to the campaign in the release of the emails” last year.",
    );
    assert_eq!(doc.quotes[0].kind, QuoteKind::Partial);
    let doc = run("Mueller found a “benefit” in the release.");
    assert_eq!(doc.quotes.len(), 1, "{:?}", doc.quotes);
    assert_eq!(doc.quotes[0].kind, QuoteKind::Partial);
    assert_eq!(doc.quotes[0].speaker.as_deref(), Some("Mueller"));
    assert_eq!(doc.quotes[0].cue.as_deref(), Some("found"));
}

#[test]
fn titles_and_scare_quotes_are_not_quotes() {
    let doc = run("Steele wrote the so-called “dossier” for the firm.");
    assert!(doc.quotes.is_empty(), "{:?}", doc.quotes);
    let doc = run("She appeared on NBC’s “Meet the Press” on Sunday.");
    assert!(doc.quotes.is_empty(), "{:?}", doc.quotes);
    let doc = run("He wrote an op-ed titled “Why We Must Act Now” for the paper.");
    assert!(doc.quotes.is_empty(), "{:?}", doc.quotes);
}

#[test]
fn apostrophes_do_not_break_quotes() {
    let doc = run("“The voters’ concerns don’t matter to Manafort ‘s people,” she said.");
    assert_eq!(doc.quotes.len(), 1);
    assert_eq!(
        content(&doc, &doc.quotes[0]),
        "The voters’ concerns don’t matter to Manafort ‘s people,"
    );
    assert_eq!(speaker_mention(&doc, &doc.quotes[0]), Some("she"));
}

#[test]
fn nested_single_quotes_stay_in_one_quote() {
    let doc = run("“The password is ‘harbor.’ See ‘Notes’ for who runs it,” Greenleaf wrote.");
    assert_eq!(doc.quotes.len(), 1);
    assert_eq!(doc.quotes[0].speaker.as_deref(), Some("Greenleaf"));
    assert_eq!(doc.quotes[0].cue.as_deref(), Some("wrote"));
}

#[test]
fn quote_paragraph_inherits_the_previous_speaker() {
    let text = "“This is on everyone’s mind,” said Okafor.\n\n“Nobody talks about anything else.”";
    let doc = run(text);
    assert_eq!(doc.quotes.len(), 2);
    assert_eq!(doc.quotes[1].speaker.as_deref(), Some("Okafor"));
}

#[test]
fn never_fails_on_junk() {
    for text in [
        "",
        "“",
        "”",
        "\"",
        "'‘’",
        "“a\n\n“b\n\n“",
        "“”",
        "He said: “",
        "’s ‘ ”“ \"\"",
    ] {
        let doc = run(text);
        for q in &doc.quotes {
            assert!(q.span.start <= q.span.end && q.span.end <= text.len());
        }
    }
}

fn entity(
    doc: &Document,
    needle: &str,
    nth: usize,
    label: Label,
    group: usize,
    canonical: &str,
) -> Entity {
    let start = doc.text.match_indices(needle).nth(nth).unwrap().0;
    Entity {
        span: Span::new(start, start + needle.len()),
        label,
        group,
        canonical: canonical.to_owned(),
    }
}

fn run_with(text: &str, ents: impl Fn(&Document) -> Vec<Entity>) -> Document {
    let mut doc = prepare(text, None);
    doc.entities = ents(&doc);
    QuoteExtractor::default().extract(&mut doc).unwrap();
    doc
}

#[test]
fn entities_name_the_speaker_by_canonical_name() {
    let text = "Donald Trump spoke in Ohio.\n\n“We will build the wall,” Trump said.";
    let doc = run_with(text, |d| {
        vec![
            entity(d, "Donald Trump", 0, Label::Per, 0, "Donald Trump"),
            entity(d, "Ohio", 0, Label::Loc, 1, "Ohio"),
            entity(d, "Trump", 1, Label::Per, 0, "Donald Trump"),
        ]
    });
    let q = &doc.quotes[0];
    assert_eq!(q.speaker.as_deref(), Some("Donald Trump"));
    assert_eq!(speaker_mention(&doc, q), Some("Trump"));
}

#[test]
fn pronoun_resolves_through_entities() {
    let text = "Hillary Clinton met Tim Kaine in Virginia. Later, Clinton spoke to the crowd.\n\n“We are stronger together,” she said.";
    let doc = run_with(text, |d| {
        vec![
            entity(d, "Hillary Clinton", 0, Label::Per, 0, "Hillary Clinton"),
            entity(d, "Tim Kaine", 0, Label::Per, 1, "Tim Kaine"),
            entity(d, "Virginia", 0, Label::Loc, 2, "Virginia"),
            entity(d, "Clinton", 1, Label::Per, 0, "Hillary Clinton"),
        ]
    });
    let q = &doc.quotes[0];
    assert_eq!(
        speaker_mention(&doc, q),
        Some("she"),
        "the mention stays on the pronoun"
    );
    assert_eq!(q.speaker.as_deref(), Some("Hillary Clinton"));
}

#[test]
fn organisation_pronoun_resolves_to_organisation() {
    let text =
        "The Trump campaign issued a statement on Monday.\n\n“The report is false,” it said.";
    let doc = run_with(text, |d| {
        vec![entity(d, "Trump", 0, Label::Per, 0, "Donald Trump"), {
            let mut e = entity(d, "Trump campaign", 0, Label::Org, 1, "Trump campaign");
            e.span.end = e.span.start + "Trump campaign".len();
            e
        }]
    });
    assert_eq!(doc.quotes[0].speaker.as_deref(), Some("Trump campaign"));
}

#[test]
fn pronoun_prefers_the_subject_and_skips_quoted_names() {
    let text =
        "Donald Trump attacked Hillary Clinton on Monday.\n\n“Hillary Clinton is a liar,” he said.";
    let doc = run_with(text, |d| {
        vec![
            entity(d, "Donald Trump", 0, Label::Per, 0, "Donald Trump"),
            entity(d, "Hillary Clinton", 0, Label::Per, 1, "Hillary Clinton"),
            entity(d, "Hillary Clinton", 1, Label::Per, 1, "Hillary Clinton"),
        ]
    });
    let q = &doc.quotes[0];
    assert_eq!(speaker_mention(&doc, q), Some("he"));
    assert_eq!(q.speaker.as_deref(), Some("Donald Trump"));
}

#[test]
fn byline_after_a_dash() {
    let doc = run(
        "“The bridge will not last another winter.” ― Ines Varga\n“Fix the roads first.” ― Tomas Brandt",
    );
    assert_eq!(doc.quotes.len(), 2);
    assert_eq!(doc.quotes[0].speaker.as_deref(), Some("Ines Varga"));
    assert_eq!(doc.quotes[1].speaker.as_deref(), Some("Tomas Brandt"));
    let doc = run("\"I warned them about the bridge years ago.\"\n\n- Okafor.\n\nShe left.");
    assert_eq!(doc.quotes[0].speaker.as_deref(), Some("Okafor"));
}
