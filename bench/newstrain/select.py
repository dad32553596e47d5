"""Choose the news training set's articles from PolNeAR train by a fixed rule.

    python bench/newstrain/select.py [--shared ../shared]   # rewrites bench/newstrain/articles.tsv

The rule: PolNeAR train articles that are not in the news development set
(bench/newsdev/articles.tsv), per publisher ordered by the sha256 of their id; of those with 150-899
whitespace words the first fifty-one of each of the 7 publishers (the New York Times has only 22 in
range and the Washington Post 37; the first fifteen annotated in three rounds of six, six and three,
then six more in each of rounds four to nine), and of those with 900-1599 words the first three (18,
as two publishers have fewer; the third round). Their entities are annotated by hand with
../shared/guidelines/news-annotation.md (the same conventions as the development set) and used only
for training; the development set's check part stays unseen.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
# (kind, words from, words to, articles per publisher)
BUCKETS = [("short", 150, 900, 51), ("long", 900, 1600, 3)]


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
            kind = next((k for k, lo, hi, _ in BUCKETS if lo <= words < hi), None)
            if rec["id"] in taken or kind is None:
                continue
            rec["words"] = words
            by_publisher.setdefault((kind, rec["id"].split("_")[0]), []).append(rec)
    rows = []
    for kind, _, _, n in BUCKETS:
        for publisher in sorted(p for k, p in by_publisher if k == kind):
            for rec in sorted(by_publisher[(kind, publisher)], key=lambda r: sha(r["id"]))[:n]:
                rows.append((rec["id"], rec.get("date", rec["id"].split("_")[1]), rec["words"], sha(rec["text"])))
    with (HERE / "articles.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["id", "dct", "words", "sha256"])
        w.writerows(rows)
    print(f"{len(rows)} articles, {sum(r[2] for r in rows)} words")


if __name__ == "__main__":
    main()
