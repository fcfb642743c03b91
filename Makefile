# Two commands on a fresh machine: `make demo` checks the bundled example, `make test` runs the tests.
VENV ?= .venv
BIN := $(VENV)/bin

$(BIN)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

.PHONY: demo test lint docs bench bench-batch
# --fail-on never: the demo draft is meant to have misleading claims; `factcheck check` alone exits 1 on them.
demo: $(BIN)/.installed
	$(BIN)/factcheck check examples/draft.txt --published 2025-05-02 --fail-on never

test: $(BIN)/.installed
	$(BIN)/python -m pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Pages generated from the code; tests fail when they are stale.
docs: $(BIN)/.installed
	$(BIN)/factcheck rules --format markdown > docs/rules.md

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/extract_speed.py
	$(BIN)/python benchmarks/check_speed.py
	$(BIN)/python benchmarks/api_latency.py

bench-batch: $(BIN)/.installed
	$(BIN)/python benchmarks/batch_speed.py
