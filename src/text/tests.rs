//! Tests of the text layer: tokens, sentences, paragraphs and offsets.

use super::*;

fn toks(text: &str) -> Vec<&str> {
    tokenize(text).iter().map(|t| t.text(text)).collect()
}

#[test]
fn splits_clitics_and_keeps_abbreviations() {
    assert_eq!(
        toks("Trump’s son don’t"),
        ["Trump", "’s", "son", "do", "n’t"]
    );
    assert_eq!(
        toks("Donald Trump Jr. met Sen. Warren"),
        ["Donald", "Trump", "Jr.", "met", "Sen.", "Warren"]
    );
    assert_eq!(
        toks("the U.S. and the D.N.C."),
        ["the", "U.S.", "and", "the", "D.N.C."]
    );
    assert_eq!(toks("O'Brien isn't"), ["O'Brien", "is", "n't"]);
    assert_eq!(toks("Manafort ‘s lawyer"), ["Manafort", "‘s", "lawyer"]);
}

#[test]
fn urls_handles_numbers_dashes() {
    assert_eq!(
        toks("See https://wikileaks.org/x. @wikileaks #Vault7 putintrump.org"),
        [
            "See",
            "https://wikileaks.org/x",
            ".",
            "@wikileaks",
            "#Vault7",
            "putintrump.org"
        ]
    );
    assert_eq!(
        toks("at 6:35pm on 9/11, 1,000 or 3.5"),
        ["at", "6:35", "pm", "on", "9/11", ",", "1,000", "or", "3.5"]
    );
    assert_eq!(
        toks("cooperation—in sharing -- anti-Trump"),
        ["cooperation", "—", "in", "sharing", "--", "anti-Trump"]
    );
    assert_eq!(
        toks("“Hi,” he said..."),
        ["“", "Hi", ",", "”", "he", "said", "..."]
    );
}

#[test]
fn sentence_ends_inside_quote_and_not_at_abbreviations() {
    let text = "“Thanks.” He left. \"Go.\" She went. Mr. Assange met Donald Trump Jr. in the U.S. on Monday. “Stop!” he wrote.";
    let tokens = tokenize(text);
    let paras = paragraphs(text);
    let sents: Vec<&str> = sentences(text, &tokens, &paras)
        .iter()
        .map(|s| &text[s.span.start..s.span.end])
        .collect();
    assert_eq!(
        sents,
        [
            "“Thanks.”",
            "He left.",
            "\"Go.\"",
            "She went.",
            "Mr. Assange met Donald Trump Jr. in the U.S. on Monday.",
            "“Stop!” he wrote."
        ]
    );
}

#[test]
fn abbreviation_followed_by_opener_ends_sentence() {
    let text = "He moved to the U.S. The next day he left. Good news!!! – or not.";
    let tokens = tokenize(text);
    let sents = sentences(text, &tokens, &paragraphs(text));
    assert_eq!(sents.len(), 3);
}

#[test]
fn paragraphs_split_on_newlines() {
    let text = "  One.\n\nTwo two.\nThree\n";
    let p: Vec<&str> = paragraphs(text)
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect();
    assert_eq!(p, ["One.", "Two two.", "Three"]);
}

#[test]
fn every_non_space_char_is_in_exactly_one_token() {
    let text = "Café\u{301} 習近平 said 👍🏽 and 👨‍👩‍👧 “ok”… x\u{0308}y 'twas ’90s";
    let tokens = tokenize(text);
    let mut covered = vec![false; text.len()];
    for t in &tokens {
        assert!(t.start < t.end);
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        for c in covered.iter_mut().take(t.end).skip(t.start) {
            assert!(!*c);
            *c = true;
        }
    }
    for (b, ch) in text.char_indices() {
        assert_eq!(covered[b], !ch.is_whitespace(), "byte {b} {ch:?}");
    }
}

#[test]
fn char_offsets_match_code_points() {
    let text = "é👍a";
    let m = CharOffsets::new(text);
    assert_eq!(m.get(0), 0);
    assert_eq!(m.get(2), 1);
    assert_eq!(m.get(6), 2);
    assert_eq!(m.get(7), 3);
}

#[test]
fn char_offsets_match_code_points_at_every_byte_of_long_texts() {
    let texts =
        [63, 64, 65, 128, 1000].map(|n| "aé👍 b\n€".chars().cycle().take(n).collect::<String>());
    // A text whose length is a whole number of blocks.
    let whole = format!("é{}", "a".repeat(126));
    for text in texts.iter().chain([&whole]) {
        let m = CharOffsets::new(text);
        let mut expected = vec![0; text.len() + 1];
        for (ci, (b, c)) in text.char_indices().enumerate() {
            expected[b..b + c.len_utf8()].fill(ci);
        }
        expected[text.len()] = text.chars().count();
        for (b, &e) in expected.iter().enumerate() {
            assert_eq!(m.get(b), e, "byte {b} of a {}-byte text", text.len());
        }
    }
}

#[test]
fn ascii_word_len_agrees_with_a_byte_loop() {
    use super::chars::ascii_word_len;
    let sample = "Hello, wörld! abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{/:\u{7f}\u{80}";
    let bytes = sample.as_bytes();
    for start in 0..bytes.len() {
        for end in start..=bytes.len() {
            let s = &bytes[start..end];
            let expected = s.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            assert_eq!(ascii_word_len(s), expected, "{s:?}");
        }
    }
    for b in 0..=255u8 {
        let s = [b'a', b'b', b'c', b, b'd', b'e', b'f', b'g', b'h'];
        let expected = s.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        assert_eq!(ascii_word_len(&s), expected, "byte {b}");
    }
}
