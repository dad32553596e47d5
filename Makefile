# The front door. `make test` is what CI runs (.ci/run).
PYTHON ?= python3

.PHONY: test lint rust-test install-test pytest install run bench fmt

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

bench: install
	$(PYTHON) bench/speed.py

fmt:
	cargo fmt
