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
    "admits",
    "admitted",
    "admitting",
    "announce",
    "announced",
    "announces",
    "answered",
    "answering",
    "answers",
    "argue",
    "argued",
    "argues",
    "arguing",
    "asked",
    "asking",
    "asks",
    "assert",
    "asserted",
    "asserting",
    "asserts",
    "assure",
    "assured",
    "bark",
    "barked",
    "boasted",
    "boasting",
    "boasts",
    "bragged",
    "bragging",
    "brags",
    "called",
    "calling",
    "calls",
    "cautioned",
    "cautions",
    "chanted",
    "chanting",
    "chants",
    "charged",
    "charges",
    "chimed",
    "chiming",
    "claimed",
    "claims",
    "commented",
    "complain",
    "complained",
    "complains",
    "conceded",
    "concedes",
    "conceding",
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
    "cries",
    "crying",
    "declared",
    "declares",
    "declaring",
    "demand",
    "demanded",
    "described",
    "describes",
    "echo",
    "echoed",
    "echoes",
    "echoing",
    "elaborated",
    "emailed",
    "emphasize",
    "emphasized",
    "exclaimed",
    "exclaims",
    "explain",
    "explained",
    "explaining",
    "explains",
    "fired",
    "fumed",
    "fumes",
    "grumbled",
    "insisted",
    "insisting",
    "insists",
    "interjected",
    "interjects",
    "interrupted",
    "interrupts",
    "joked",
    "jokes",
    "joking",
    "lamented",
    "laughed",
    "lectured",
    "lecturing",
    "messaged",
    "mocked",
    "mocks",
    "mused",
    "muses",
    "muttered",
    "mutters",
    "noted",
    "notes",
    "noting",
    "observed",
    "pleaded",
    "posted",
    "posting",
    "posts",
    "praised",
    "praising",
    "predicted",
    "predicting",
    "predicts",
    "pressed",
    "presses",
    "proclaimed",
    "promised",
    "quipped",
    "quips",
    "quoted",
    "quoting",
    "reading",
    "reads",
    "recalled",
    "recalling",
    "recalls",
    "recounted",
    "recounts",
    "relayed",
    "remarked",
    "remarking",
    "remarks",
    "remembered",
    "replied",
    "replies",
    "replying",
    "reported",
    "reports",
    "responded",
    "responding",
    "responds",
    "retorted",
    "retorts",
    "said",
    "sang",
    "say",
    "saying",
    "says",
    "scoffed",
    "scolded",
    "scolds",
    "screamed",
    "screaming",
    "screams",
    "shouted",
    "shouting",
    "shouts",
    "shrieked",
    "shrugged",
    "sighed",
    "sing",
    "singing",
    "sings",
    "snapped",
    "snaps",
    "stated",
    "states",
    "stating",
    "stressed",
    "suggested",
    "tell",
    "telling",
    "tells",
    "testified",
    "texted",
    "texting",
    "thundered",
    "told",
    "tweeted",
    "tweeting",
    "tweets",
    "urged",
    "vowed",
    "warn",
    "warned",
    "warning",
    "warns",
    "whispered",
    "whispering",
    "whispers",
    "wondered",
    "wonders",
    "write",
    "writes",
    "writing",
    "written",
    "wrote",
    "yelled",
    "yelling",
    "yells",
];

/// Cue verbs whose object is the addressee ("told reporters"), never the speaker.
const ADDRESSEE_VERBS: &[&str] = &[
    "tell", "telling", "tells", "told", "urged", "warned", "warn", "warns", "assured",
];

/// Cue verbs in -ing form: their subject is the subject of the main clause ("Clinton claimed
/// victory in a tweet, saying: “…”").
pub(crate) fn is_participle(w: &str) -> bool {
    w.ends_with("ing")
}

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
    )
}

/// Words that never belong to a speaker noun phrase (verbs, prepositions, conjunctions...).
pub(crate) fn is_np_stop(w: &str) -> bool {
    matches!(
        w,
        "and" | "or" | "but" | "in" | "on" | "at" | "to" | "for" | "of" | "from" | "with" | "by"
            | "as" | "that" | "which" | "who" | "whom" | "whose" | "is" | "was" | "are" | "were"
            | "be" | "been" | "has" | "had" | "have" | "would" | "will" | "could" | "should"
            | "can" | "may" | "might" | "not" | "n't" | "n’t" | "if" | "when" | "while" | "after"
            | "before" | "because" | "than" | "then" | "also" | "later" | "about" | "into"
            | "over" | "during" | "since" | "said" | "says" | "say" | "told" | "where" | "there"
            | "so" | "just" | "even" | "only" | "still" | "now" | "again" | "here" | "what"
            | "how" | "why" | "this" | "up" | "out" | "do" | "did" | "does" | "according"
            | "once" | "ago" | "yesterday" | "today" | "tonight" | "however" | "asked"
            // Capitalised sentence openers that are not names.
            | "But" | "And" | "Or" | "In" | "On" | "At" | "When" | "After" | "Before" | "As"
            | "If" | "While" | "So" | "Then" | "Also" | "Still" | "Now" | "However" | "Yet"
            | "Meanwhile" | "Earlier" | "Later" | "Asked" | "Speaking" | "Since" | "Because"
            | "Although" | "Though" | "During" | "From" | "For" | "With" | "By" | "Instead"
            | "Indeed" | "Moreover" | "Still," | "Afterward" | "Then," | "Today" | "Yesterday"
            | "Last" | "This" | "That" | "Here" | "There" | "What" | "Why" | "How" | "Where"
    )
}

/// Adverbs and auxiliaries that may stand between a speaker and the cue ("he also said",
/// "Trump later told").
pub(crate) fn is_skippable(w: &str) -> bool {
    matches!(
        w,
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
            | "just"
            | "even"
            | "finally"
            | "flatly"
            | "bluntly"
            | "quietly"
            | "publicly"
            | "privately"
            | "first"
            | "subsequently"
            | "similarly"
            | "himself"
            | "herself"
            | "frequently"
            | "famously"
            | "angrily"
            | "sarcastically"
            | "curtly"
            | "loudly"
            | "never"
            | "always"
            | "since"
            | "’ve"
            | "'ve"
            | "’d"
            | "'d"
            | "’ll"
            | "'ll"
            | "once,"
            | "ha"
            | "actually"
            | "now"
            | "openly"
            | "proudly"
            | "softly"
            | "calmly"
            | "tersely"
            | "jokingly"
            | "only"
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
