//! The word lists of the text layer: abbreviations that keep their period, words that start a
//! sentence, clitics. Data only; it must never hold logic.

/// Abbreviations that keep their period ("Jr." is one token). Titles never end a sentence.
pub(super) const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Gen", "Lt",
    "Col", "Maj", "Sgt", "Capt", "Cmdr", "Adm", "Prof", "Rev", "Pres", "Supt", "Insp", "Hon",
    "Amb", "Atty", "St", "Mt", "Ft", "Sr", "Jr", "Sra", "Mme", "Mlle", "Msgr", "Fr", "Cpl", "Pvt",
    "Brig", "Gens",
];
/// Other abbreviations that keep their period; these may end a sentence.
pub(super) const ABBREVIATIONS: &[&str] = &[
    "Inc", "Corp", "Co", "Ltd", "Bros", "Cos", "Dept", "Univ", "Assn", "Ave", "Blvd", "Rd", "Hwy",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon",
    "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "vs", "etc", "approx",
    "est", "cf", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind",
    "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev",
    "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "Ph", "Esq",
    "ca", "al",
];
/// Abbreviations that keep their period only before a number ("No. 1", "Vol. 3").
pub(super) const NUMBER_ABBREVIATIONS: &[&str] =
    &["No", "Nos", "Vol", "Art", "pp", "Fig", "Ch", "Sec"];
/// Words that often start a sentence; after an abbreviation like "U.S." they signal a boundary.
pub(super) const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "There",
    "When",
    "After",
    "Before",
    "While",
    "If",
    "As",
    "Yet",
    "So",
    "Still",
    "Now",
    "Then",
    "Meanwhile",
    "However",
    "Some",
    "Many",
    "Most",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "For",
    "Since",
    "What",
    "Why",
    "How",
    "Who",
];
/// Clitics split from the word they follow ("Trump’s" -> "Trump" "’s").
pub(super) const CLITICS: &[&str] = &[
    "s", "S", "ll", "LL", "re", "RE", "ve", "VE", "d", "D", "m", "M",
];
