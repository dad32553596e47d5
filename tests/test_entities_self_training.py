"""Self-training on unlabeled news: which names the first model's labels make known entities."""

from tidings import train_silver


def test_a_name_needs_enough_mentions_in_enough_documents():
    mentions = [("d1", "Manafort", "PER"), ("d1", "Manafort", "PER"), ("d2", "Manafort", "PER"),
                ("d1", "Podesta", "PER"), ("d1", "Podesta", "PER"), ("d1", "Podesta", "PER")]
    assert train_silver.names(mentions) == [("PER", "Manafort")]


def test_a_name_labelled_two_ways_in_a_document_or_too_often_is_left_out():
    mostly = [(f"d{i}", "Twitter", "ORG") for i in range(19)] + [("d19", "Twitter", "PER")]
    split = [(f"d{i}", "Sessions", "PER") for i in range(9)] + [("d0", "Sessions", "ORG")]
    unsure = [(f"d{i}", "Ryan", "PER") for i in range(8)] + [("d8", "Ryan", "LOC"), ("d9", "Ryan", "ORG")]
    assert train_silver.names(mostly + split + unsure) == [("ORG", "Twitter")]


def test_lowercase_and_unknown_labels_and_spacing():
    mentions = [(f"d{i}", "iPhone", "MISC") for i in range(5)] + [(f"d{i}", "Fox  News", "ORG") for i in range(3)]
    mentions += [(f"d{i}", "Gallup", "POLL") for i in range(3)]
    assert train_silver.names(mentions) == [("ORG", "Fox News")]


def test_known_names_are_not_repeated_and_resources_are_extended(tmp_path):
    res = tmp_path / "r.tsv"
    res.write_text("L\tthe\t0\t-3.0\nK\tORG\tFox News\n", encoding="utf-8")
    assert train_silver.known_names(str(res)) == {"Fox News"}
    texts = [("d1", "x"), ("d2", "y")]
    tagged = [[(0, 8, "ORG", "Fox News"), (0, 5, "PER", "Priebus")] * 2, [(0, 5, "PER", "Priebus")]]
    extra = train_silver.silver_names(tagged, texts, train_silver.known_names(str(res)))
    assert extra == [("PER", "Priebus")]
    out = tmp_path / "out.tsv"
    train_silver.extend_resources(str(res), extra, str(out))
    assert out.read_text(encoding="utf-8").splitlines()[-1] == "K\tPER\tPriebus"


def test_silver_sentences_keep_only_consistent_mentions_and_no_unlabelled_capitals():
    import io

    text = ("Paul Manafort met Reince Priebus in the city today.\n\n"
            "Then the Zorblat chief said nothing new to anyone.\n\n"
            "Later the Spoon man said nothing to Manafort here.")
    tagged = [[(0, 13, "PER", "Paul Manafort"), (18, 32, "PER", "Reince Priebus"),
               (text.rindex("Manafort"), text.rindex("Manafort") + 8, "PER", "Manafort"),
               (text.index("Spoon"), text.index("Spoon") + 5, "ORG", "Spoon")]]
    consistent = {("PER", "Paul Manafort"), ("PER", "Reince Priebus"), ("PER", "Manafort")}
    out = io.StringIO()
    stats = train_silver.silver_conll(tagged, [("d1", text)], consistent, {"then": 0.05, "later": 0.1}, out,
                                      max_words=1000)
    lines = out.getvalue().splitlines()
    # the first sentence only: "Zorblat" is capitalised and unlabelled, "Spoon" not consistent
    assert stats == {"documents": 1, "sentences": 1, "words": 10, "entities": 2}
    assert lines[:4] == ["-DOCSTART- O", "", "Paul B-PER", "Manafort I-PER"]
    assert "Zorblat O" not in lines and "Spoon O" not in lines
