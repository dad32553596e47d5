# The front door. `make test` is what CI runs (.ci/run).
PYTHON ?= python3

.PHONY: test lint rust-test install-test pytest install run bench fmt structure

test: lint rust-test install-test pytest

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --no-default-features -- -D warnings

rust-test:
	cargo test --no-default-features

install-test:
	$(PYTHON) -m pip install --quiet ".[test]"

pytest:
	$(PYTHON) -m ruff check python tests bench
	$(PYTHON) -m pytest -q

install:
	$(PYTHON) -m pip install --quiet .

run: install
	$(PYTHON) -m tidings

# Throughput and peak memory per stage, 1 and all threads; BENCH_ARGS=--peers adds spaCy,
# dateparser and textacy when installed (e.g. make bench BENCH_ARGS="--peers --mb 10").
BENCH_ARGS ?=
bench: install
	$(PYTHON) -m tidings.bench $(BENCH_ARGS)

fmt:
	cargo fmt

# Files over 800 lines, functions over 120 lines, modules that import each other (issue 10).
structure:
	$(PYTHON) bench/structure.py
