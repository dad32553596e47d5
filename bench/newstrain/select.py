"""Choose the news training set's articles from PolNeAR train by a fixed rule.

    python bench/newstrain/select.py [--shared ../shared]   # rewrites bench/newstrain/articles.tsv

The rule: PolNeAR train articles of 150-899 whitespace words that are not in the news development
set (bench/newsdev/articles.tsv), per publisher ordered by the sha256 of their id; the first twelve
of each of the 7 publishers, 84 in all (annotated in two rounds: the first six of each, then the
next six). Their entities are annotated by hand with ../shared/guidelines/news-annotation.md (the
same conventions as the development set) and used only for training; the development set's check
part stays unseen.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
PER_PUBLISHER = 12
WORDS = (150, 900)


def sha(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent.parent / "shared")
    args = ap.parse_args()
    with (HERE.parent / "newsdev" / "articles.tsv").open(encoding="utf-8") as fh:
        taken = {row["id"] for row in csv.DictReader(fh, delimiter="\t")}
    by_publisher: dict[str, list[dict]] = {}
    with (args.shared / "data" / "polnear" / "train.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            words = len(rec["text"].split())
            if rec["id"] in taken or not WORDS[0] <= words < WORDS[1]:
                continue
            rec["words"] = words
            by_publisher.setdefault(rec["id"].split("_")[0], []).append(rec)
    rows = []
    for publisher in sorted(by_publisher):
        for rec in sorted(by_publisher[publisher], key=lambda r: sha(r["id"]))[:PER_PUBLISHER]:
            rows.append((rec["id"], rec.get("date", rec["id"].split("_")[1]), rec["words"], sha(rec["text"])))
    with (HERE / "articles.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["id", "dct", "words", "sha256"])
        w.writerows(rows)
    print(f"{len(rows)} articles, {sum(r[2] for r in rows)} words")


if __name__ == "__main__":
    main()
