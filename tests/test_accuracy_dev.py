"""Accuracy floors on the development sets, scored by ../shared/eval (skipped when ../shared is absent).

These guard against regressions; the numbers themselves are printed by bench/accuracy.py.
"""

import importlib.util
import sys

import pytest
from conftest import ROOT, SHARED

pytestmark = pytest.mark.skipif(not (SHARED / "eval" / "metrics.py").exists(), reason="../shared is not here")


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def score():
    metrics = _load("tidings_eval_metrics", SHARED / "eval" / "metrics.py")
    accuracy = _load("tidings_bench_accuracy", ROOT / "bench" / "accuracy.py")

    def run(layer):
        gold = accuracy.load_gold(SHARED, layer)
        pred = {p["id"]: p for p in accuracy.predict(gold, [layer])}
        gold_by_id = {g["id"]: g for g in gold}
        if layer == "dates":
            return metrics.timex_scores(gold_by_id, pred)
        if layer == "quotes":
            return metrics.quote_scores(gold_by_id, pred)
        return metrics.entity_scores(gold_by_id, pred)

    return run


def test_quotes_on_polnear_dev(score):
    q = score("quotes")
    assert q["overlap"]["f1"] >= 0.90
    assert q["speaker"]["acc"] >= 0.93
    assert q["speaker"]["e2e"]["f1"] >= 0.85


def test_dates_on_tempeval3_train(score):
    t = score("dates")
    assert t["strict"]["f1"] >= 0.88
    assert t["relaxed"]["f1"] >= 0.94
    assert t["value"]["f1"] >= 0.815


def test_entities_on_conll_dev(score):
    e = score("entities")
    assert e["f1"] >= 0.93
    assert e["span_only"]["f1"] >= 0.96


def test_news_dev_tuning_part():
    """Floors on the news development set's tuning part (the frozen check part is never a test)."""
    metrics = _load("tidings_eval_metrics", SHARED / "eval" / "metrics.py")
    accuracy = _load("tidings_bench_accuracy", ROOT / "bench" / "accuracy.py")
    if not accuracy.newsdev.available(SHARED):
        pytest.skip("../shared/data/polnear is not here")
    gold = {g["id"]: g for g in accuracy.newsdev.load("tune", SHARED)}
    pred = {p["id"]: p for p in accuracy.predict(list(gold.values()), ["entities", "dates", "quotes"])}
    assert metrics.entity_scores(gold, pred)["f1"] >= 0.82
    t = metrics.timex_scores(gold, pred)
    assert t["strict"]["f1"] >= 0.93
    assert t["value"]["f1"] >= 0.86
    assert metrics.quote_scores(gold, pred)["speaker"]["acc"] >= 0.95
