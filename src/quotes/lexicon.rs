//! Word lists for the quote layer: cue verbs, verbs of judging and naming, pronouns, stop words.
//! Must never hold logic or text from a corpus: sets of words and the lookups into them only.
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
    "agreed",
    "agrees",
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
    "beamed",
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
    "chided",
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
    "disagreed",
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
    "griped",
    "grumbled",
    "gushed",
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
    "marveled",
    "marvelled",
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
    "opined",
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
    "ranted",
    "raved",
    "reading",
    "reads",
    "recalled",
    "recalling",
    "recalls",
    "recounted",
    "recounts",
    "rejoined",
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
    "retaliated",
    "retorted",
    "retorts",
    "riffed",
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
    "summed",
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
    "vented",
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

/// Cue verbs in -ing form: their subject is the subject of the main clause ("The mayor claimed
/// victory online, saying: “…”").
pub(crate) fn is_participle(w: &str) -> bool {
    w.ends_with("ing")
}

/// Whether a (lower-case) word is a cue verb.
pub(crate) fn is_cue(w: &str) -> bool {
    // Cheap filters first: most words are too short, too long or start with a letter no cue
    // verb starts with.
    let b = w.as_bytes();
    if b.len() < 3 || b.len() > 12 || !b[0].is_ascii_lowercase() {
        return false;
    }
    if CUE_INITIALS & (1 << (b[0] - b'a')) == 0 {
        return false;
    }
    CUE_SET.contains(w)
}

/// Bit set of the initial letters of the cue verbs.
const CUE_INITIALS: u32 = {
    let mut m = 0u32;
    let mut i = 0;
    while i < CUE_VERBS.len() {
        m |= 1 << (CUE_VERBS[i].as_bytes()[0] - b'a');
        i += 1;
    }
    m
};

static CUE_SET: WordSet = WordSet::new(CUE_VERBS);

/// A set of words as an open-addressing hash table built at compile time (FNV-1a, linear
/// probing): one hash and usually one comparison per lookup.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    /// Index + 1 into `words`, 0 for an empty slot.
    slots: [u16; WordSet::SLOTS],
}

impl WordSet {
    const SLOTS: usize = 1024;

    const fn hash(b: &[u8]) -> usize {
        let mut h: u32 = 0x811c_9dc5;
        let mut i = 0;
        while i < b.len() {
            h ^= b[i] as u32;
            h = h.wrapping_mul(0x0100_0193);
            i += 1;
        }
        h as usize & (Self::SLOTS - 1)
    }

    pub(crate) const fn new(words: &'static [&'static str]) -> Self {
        assert!(words.len() < Self::SLOTS / 2);
        let mut slots = [0u16; Self::SLOTS];
        let mut i = 0;
        while i < words.len() {
            let mut h = Self::hash(words[i].as_bytes());
            while slots[h] != 0 {
                h = (h + 1) & (Self::SLOTS - 1);
            }
            slots[h] = (i + 1) as u16;
            i += 1;
        }
        WordSet { words, slots }
    }

    pub(crate) fn contains(&self, w: &str) -> bool {
        let mut h = Self::hash(w.as_bytes());
        loop {
            match self.slots[h] {
                0 => return false,
                k if self.words[k as usize - 1] == w => return true,
                _ => h = (h + 1) & (Self::SLOTS - 1),
            }
        }
    }
}

/// Whether the verb's object is its addressee.
pub(crate) fn takes_addressee(w: &str) -> bool {
    ADDRESSEE_VERBS.contains(&w)
}

/// Verbs of finding and judging: not speech, but they attribute quoted words ("Mueller found a
/// “benefit”", "she described it as “a relief”"). Partial quotations only.
pub(crate) fn is_judging(w: &str) -> bool {
    matches!(
        w,
        "found"
            | "finds"
            | "find"
            | "described"
            | "describes"
            | "deemed"
            | "deems"
            | "considered"
            | "considers"
            | "cited"
            | "cites"
            | "promised"
            | "promises"
            | "pledged"
            | "pledges"
            | "accused"
            | "accuses"
            | "blasted"
            | "blasts"
            | "slammed"
            | "slams"
            | "praised"
            | "praises"
            | "criticized"
            | "criticizes"
            | "demanded"
            | "demands"
            | "vowed"
            | "vows"
            | "denounced"
            | "denounces"
            | "welcomed"
            | "welcomes"
            | "dismissed"
            | "dismisses"
            | "characterized"
            | "characterizes"
    )
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
    const DETERMINERS: &[&str] = &[
        "a", "an", "the", "one", "two", "three", "another", "his", "her", "their", "its", "our",
        "my", "some", "several", "many", "both", "this", "that", "these", "those", "other", "most",
        "few",
    ];
    w.len() <= 7 && DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(w))
}

/// Words that never belong to a speaker noun phrase (verbs, prepositions, conjunctions...).
pub(crate) fn is_np_stop(w: &str) -> bool {
    w.len() <= 12 && NP_STOP_SET.contains(w)
}

/// Function words, auxiliaries, cue verbs and capitalised sentence openers that are not names.
const NP_STOP: &[&str] = &[
    "After",
    "Afterward",
    "Also",
    "Although",
    "And",
    "As",
    "Asked",
    "At",
    "Because",
    "Before",
    "But",
    "By",
    "During",
    "Earlier",
    "For",
    "From",
    "Here",
    "How",
    "However",
    "If",
    "In",
    "Indeed",
    "Instead",
    "Last",
    "Later",
    "Meanwhile",
    "Moreover",
    "Now",
    "On",
    "Or",
    "Since",
    "So",
    "Speaking",
    "Still",
    "Still,",
    "That",
    "Then",
    "Then,",
    "There",
    "This",
    "Though",
    "Today",
    "What",
    "When",
    "Where",
    "While",
    "Why",
    "With",
    "Yesterday",
    "Yet",
    "about",
    "according",
    "after",
    "again",
    "ago",
    "also",
    "and",
    "are",
    "as",
    "asked",
    "at",
    "be",
    "because",
    "been",
    "before",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "even",
    "for",
    "from",
    "had",
    "has",
    "have",
    "here",
    "how",
    "however",
    "if",
    "in",
    "into",
    "is",
    "just",
    "later",
    "may",
    "might",
    "n't",
    "not",
    "now",
    "n’t",
    "of",
    "on",
    "once",
    "only",
    "or",
    "out",
    "over",
    "said",
    "say",
    "says",
    "should",
    "since",
    "so",
    "still",
    "than",
    "that",
    "then",
    "there",
    "this",
    "to",
    "today",
    "told",
    "tonight",
    "up",
    "was",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "yesterday",
];

static NP_STOP_SET: WordSet = WordSet::new(NP_STOP);

/// Adverbs and auxiliaries that may stand between a speaker and the cue ("he also said",
/// "the mayor later told").
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
    fn word_sets_find_exactly_their_words() {
        for w in CUE_VERBS {
            assert!(is_cue(w), "{w}");
        }
        for w in NP_STOP {
            assert!(is_np_stop(w), "{w}");
        }
        for w in ["sai", "saidx", "Said", "trump", "", "zzzzzzzzzzzzzzzzz"] {
            assert!(!is_cue(w), "{w}");
        }
    }

    #[test]
    fn cue_list_is_sorted_and_found() {
        assert!(
            CUE_VERBS.windows(2).all(|w| w[0] < w[1]),
            "CUE_VERBS must stay sorted"
        );
        assert!(is_cue("said") && is_cue("tweeted") && !is_cue("according"));
    }
}
