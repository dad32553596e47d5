//! Word lists for attribution.
//!
//! The cue verbs were read off the cue spans of the direct and mixed attributions in the PolNeAR
//! training split (all forms of a verb that occurs at least twice as the cue of a quotation,
//! plus their other inflections); nothing of the corpus itself is stored here.

/// Speech and attribution verbs, all inflections, lower case. Sorted for binary search.
const CUE_VERBS: &[&str] = &[
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "add",
    "added",
    "adding",
    "adds",
    "admit",
    "admits",
    "admitted",
    "announce",
    "announced",
    "announces",
    "answer",
    "answered",
    "answering",
    "answers",
    "argue",
    "argued",
    "argues",
    "arguing",
    "ask",
    "asked",
    "asking",
    "asks",
    "assert",
    "asserted",
    "asserts",
    "assure",
    "assured",
    "bark",
    "barked",
    "boast",
    "boasted",
    "boasts",
    "call",
    "called",
    "calling",
    "calls",
    "chant",
    "chanted",
    "chanting",
    "chants",
    "charge",
    "charged",
    "charges",
    "claim",
    "claimed",
    "claims",
    "comment",
    "commented",
    "complain",
    "complained",
    "complains",
    "conclude",
    "concluded",
    "concludes",
    "concluding",
    "confess",
    "confessed",
    "confirm",
    "confirmed",
    "confirms",
    "continue",
    "continued",
    "continues",
    "continuing",
    "counter",
    "countered",
    "counters",
    "cried",
    "declare",
    "declared",
    "declares",
    "declaring",
    "demand",
    "demanded",
    "echoed",
    "elaborated",
    "emailed",
    "emphasize",
    "emphasized",
    "exclaimed",
    "explain",
    "explained",
    "explaining",
    "explains",
    "fumed",
    "grumbled",
    "insist",
    "insisted",
    "insisting",
    "insists",
    "interjected",
    "joke",
    "joked",
    "jokes",
    "joking",
    "lamented",
    "laughed",
    "mocked",
    "mocks",
    "mused",
    "note",
    "noted",
    "notes",
    "noting",
    "observed",
    "pleaded",
    "pointed",
    "post",
    "posted",
    "posting",
    "posts",
    "predicted",
    "proclaimed",
    "promised",
    "quipped",
    "read",
    "reads",
    "recalled",
    "recalls",
    "recounted",
    "remarked",
    "replied",
    "replies",
    "reply",
    "replying",
    "report",
    "reported",
    "reports",
    "responded",
    "responding",
    "responds",
    "retorted",
    "said",
    "say",
    "saying",
    "says",
    "scoffed",
    "screamed",
    "shot",
    "shouted",
    "shouting",
    "snapped",
    "state",
    "stated",
    "states",
    "stating",
    "stressed",
    "suggested",
    "tell",
    "telling",
    "tells",
    "testified",
    "thundered",
    "told",
    "tweet",
    "tweeted",
    "tweeting",
    "tweets",
    "urged",
    "vowed",
    "warn",
    "warned",
    "warning",
    "warns",
    "wonder",
    "wondered",
    "write",
    "writes",
    "writing",
    "written",
    "wrote",
    "yelled",
];

/// Cue verbs whose object is the addressee ("told reporters"), never the speaker.
const ADDRESSEE_VERBS: &[&str] = &[
    "tell", "telling", "tells", "told", "urged", "warned", "warn", "warns", "assured",
];

/// Whether a (lower-case) word is a cue verb.
pub(crate) fn is_cue(w: &str) -> bool {
    CUE_VERBS.binary_search(&w).is_ok()
}

/// Whether the verb's object is its addressee.
pub(crate) fn takes_addressee(w: &str) -> bool {
    ADDRESSEE_VERBS.contains(&w)
}

/// Cue verbs that introduce scare quotes and titles more than quotations.
pub(crate) fn is_naming(w: &str) -> bool {
    matches!(
        w,
        "so-called"
            | "dubbed"
            | "titled"
            | "entitled"
            | "headlined"
            | "nicknamed"
            | "named"
            | "labeled"
            | "labelled"
            | "branded"
            | "coined"
            | "termed"
    )
}

/// Personal pronouns that can be speakers.
pub(crate) fn is_pronoun(w: &str) -> bool {
    matches!(
        w,
        "he" | "she" | "they" | "it" | "we" | "i" | "He" | "She" | "They" | "It" | "We" | "I"
    )
}

/// Determiners and quantifiers that open a role noun phrase ("a Pence spokeswoman", "one U.S.
/// official", "the campaign").
pub(crate) fn is_determiner(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "a" | "an"
            | "the"
            | "one"
            | "two"
            | "three"
            | "another"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "some"
            | "several"
            | "many"
            | "both"
            | "this"
            | "that"
            | "these"
            | "those"
            | "other"
            | "most"
            | "few"
            | "senior"
    )
}

/// Words that never belong to a speaker noun phrase (verbs, prepositions, conjunctions...).
pub(crate) fn is_np_stop(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "and"
            | "or"
            | "but"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "of"
            | "from"
            | "with"
            | "by"
            | "as"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "has"
            | "had"
            | "have"
            | "would"
            | "will"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "not"
            | "n't"
            | "if"
            | "when"
            | "while"
            | "after"
            | "before"
            | "because"
            | "than"
            | "then"
            | "also"
            | "later"
            | "about"
            | "into"
            | "over"
            | "during"
            | "since"
            | "said"
            | "says"
            | "say"
            | "told"
            | "where"
            | "there"
            | "so"
            | "just"
            | "even"
            | "only"
            | "still"
            | "now"
            | "again"
            | "here"
            | "what"
            | "how"
            | "why"
            | "this"
            | "up"
            | "out"
            | "do"
            | "did"
            | "does"
            | "said:"
            | "according"
            | "once"
            | "ago"
            | "yesterday"
            | "today"
            | "tonight"
            | "however"
    )
}

/// Adverbs and auxiliaries that may stand between a speaker and the cue ("he also said",
/// "Trump later told").
pub(crate) fn is_skippable(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "also"
            | "later"
            | "then"
            | "has"
            | "had"
            | "have"
            | "would"
            | "will"
            | "recently"
            | "previously"
            | "once"
            | "further"
            | "simply"
            | "again"
            | "immediately"
            | "quickly"
            | "earlier"
            | "reportedly"
            | "repeatedly"
            | "often"
            | "has,"
            | "just"
            | "even"
            | "finally"
            | "flatly"
            | "bluntly"
            | "quietly"
            | "publicly"
            | "privately"
            | "first"
            | "last"
            | "subsequently"
            | "similarly"
            | "simply,"
            | "himself"
            | "herself"
            | "frequently"
            | "famously"
            | "angrily"
            | "sarcastically"
            | "curtly"
            | "loudly"
    )
}

/// Weekday and time words that may follow a cue ("said Tuesday", "said Friday night").
pub(crate) fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "yesterday"
            | "today"
            | "tonight"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "recently"
            | "later"
            | "earlier"
            | "then"
            | "previously"
            | "last"
            | "week"
            | "Thursday,"
            | "also"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_list_is_sorted_and_found() {
        assert!(
            CUE_VERBS.windows(2).all(|w| w[0] < w[1]),
            "CUE_VERBS must stay sorted"
        );
        assert!(is_cue("said") && is_cue("tweeted") && !is_cue("according"));
    }
}
