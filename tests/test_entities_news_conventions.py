"""Entities on 2016 news: conventions of the news annotation guidelines that 1996 newswire does not show."""

import tidings


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in tidings.analyze(text).entities]


def test_title_case_headline_does_not_run_into_the_name():
    text = ("Bernie Sanders Is Fundraising For State Legislative Candidates\n\n"
            "Presidential candidate Hillary Clinton spoke.")
    assert found(text)[0] == ("Bernie Sanders", "PER")
    text = "Donald Trump Says He Has Absolute Right To Pardon Himself\n\nThe president spoke."
    assert found(text) == [("Donald Trump", "PER")]


def test_party_state_tag_is_the_state_alone():
    got = found("Speaker Paul Ryan (R-Wis.) and Sen. Bernie Sanders (I-Vt.) spoke.")
    assert ("Wis.", "LOC") in got and ("Vt.", "LOC") in got
    assert not any(t.startswith(("R-", "I-")) for t, _ in got)


def test_handles_and_hashtags_are_names_without_their_sign():
    got = found("Trump wrote as @realDonaldTrump about #Brexit. Donald Trump later deleted it.")
    assert ("realDonaldTrump", "PER") in got
    assert ("Brexit", "MISC") in got
    # offsets still point at the name, after the sign
    doc = tidings.analyze("See #Brexit now.")
    e = [e for e in doc.entities if e.text == "Brexit"][0]
    assert doc.text[e.start - 1] == "#"
