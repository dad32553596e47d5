"""analyze_many: order kept, serial == parallel == analyze, and the GIL is released."""

import threading
import time

import tidings


def test_parallel_equals_serial_on_seeds_repeated_50_times(seed_texts):
    texts = seed_texts * 50
    one = tidings.analyze_many(texts, n_threads=1)
    two = tidings.analyze_many(texts, n_threads=2)
    assert len(one) == len(two) == len(texts)
    assert [d.to_json() for d in one] == [d.to_json() for d in two]
    # order is preserved and each equals the single-document call
    for i in (0, 1, 2, 3, 101, 199):
        assert one[i].text == texts[i]
        assert one[i] == tidings.analyze(texts[i])


def test_same_input_same_output(seed_texts):
    a = [d.to_json() for d in tidings.analyze_many(seed_texts)]
    b = [d.to_json() for d in tidings.analyze_many(seed_texts)]
    assert a == b


def test_gil_is_released_while_analysing(seed_texts):
    texts = seed_texts * 200  # about 9 MB: long enough to observe
    counter = [0]
    stop = threading.Event()

    def spin():
        while not stop.is_set():
            counter[0] += 1

    t = threading.Thread(target=spin)
    t.start()
    try:
        time.sleep(0.05)
        before = counter[0]
        start = time.perf_counter()
        docs = tidings.analyze_many(texts, n_threads=2)
        elapsed = time.perf_counter() - start
        during = counter[0] - before
    finally:
        stop.set()
        t.join()
    assert len(docs) == len(texts)
    # With the GIL held for the whole call the other thread could not count at all while Rust
    # ran; with it released it keeps counting (Python counts millions per second).
    assert elapsed > 0.01
    assert during > 10_000, f"other thread advanced only {during} times in {elapsed:.2f}s"


def _count_sentences_in_child(texts):
    return [len(d.sentences) for d in tidings.analyze_many(texts, n_threads=2)]


def test_a_forked_child_still_works_after_the_parent_used_threads(seed_texts):
    import multiprocessing

    expected = [len(d.sentences) for d in tidings.analyze_many(seed_texts * 3, n_threads=2)]
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(1) as pool:
        got = pool.apply_async(_count_sentences_in_child, (seed_texts * 3,)).get(timeout=120)
    assert got == expected
