"""Choose the news development set's articles from PolNeAR train and dev by a fixed rule.

    python bench/newsdev/select.py [--shared ../shared]   # rewrites bench/newsdev/articles.tsv

The rule (NOTES.md repeats it):
- For each of PolNeAR's 7 publishers, the articles of train and dev are put in two buckets by
  whitespace word count: short (150-599 words) and long (600-1599). In each bucket the articles are
  ordered by the sha256 of their id, and the first two are taken: 4 per publisher, 28 in all.
- Five long-form retrospective pieces (an article recounting events months or years before its date),
  found by ranking every article by the share of earlier years it mentions and reading the top of that
  list by hand, and one compilation of several pieces with their own source tags (HuffPost's "Morning
  Email"), listed below by id. None of them is also drawn by the rule above.
- The frozen check part is the first long article of each publisher and the first retrospective
  (8 articles); every other article is the tuning part.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
RETROSPECTIVE = [
    "nyt_2016-09-07_phyllis-schlafly-conservative-ba",
    "west-journal_2016-04-26_judicial-watch-state-department-",
    "wash-post_2016-01-07_ig-report-state-was-inaccurate-o",
    "west-journal_2016-09-14_clinton-hid-past-health-problems",
    "wash-post_2016-04-09_trump-s-new-go-to-guy-no-strange",
]
COMPILATION = ["huff-post_2016-07-25_monday-s-morning-email-putin-s-p"]
BUCKETS = {"short": (150, 600), "long": (600, 1600)}
PER_BUCKET = 2


def sha(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


def choose(articles: dict[str, dict]) -> list[tuple[str, str, str]]:
    """(id, kind, part) rows in a stable order."""
    special = set(RETROSPECTIVE) | set(COMPILATION)
    rows: list[tuple[str, str, str]] = []
    for publisher in sorted({a.split("_")[0] for a in articles}):
        for kind, (lo, hi) in BUCKETS.items():
            pool = [i for i, a in articles.items() if i.split("_")[0] == publisher and i not in special
                    and lo <= len(a["text"].split()) < hi]
            for rank, i in enumerate(sorted(pool, key=sha)[:PER_BUCKET]):
                part = "check" if kind == "long" and rank == 0 else "tune"
                rows.append((i, kind, part))
    rows += [(i, "retrospective", "check" if n == 0 else "tune") for n, i in enumerate(RETROSPECTIVE)]
    rows += [(i, "compilation", "tune") for i in COMPILATION]
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent.parent / "shared")
    a = ap.parse_args()
    articles: dict[str, dict] = {}
    for split in ("train", "dev"):
        for line in (a.shared / "data" / "polnear" / f"{split}.jsonl").open(encoding="utf-8"):
            rec = json.loads(line)
            rec["split"] = split
            articles[rec["id"]] = rec
    with (HERE / "articles.tsv").open("w", encoding="utf-8") as fh:
        fh.write("id\tpart\tkind\tsplit\tdct\twords\tsha256\n")
        for i, kind, part in choose(articles):
            a_ = articles[i]
            fh.write(f"{i}\t{part}\t{kind}\t{a_['split']}\t{a_['dct']}\t{len(a_['text'].split())}\t{sha(a_['text'])}\n")


if __name__ == "__main__":
    main()
