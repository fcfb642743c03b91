# Two commands on a fresh machine: `make demo` checks the bundled example, `make test` runs the tests.
VENV ?= .venv
BIN := $(VENV)/bin

# The modules compiled with mypyc (listed in pyproject.toml): editing one reinstalls, which compiles it again.
COMPILED := $(shell sed -n '/^compile = \[/,/^\]/p' pyproject.toml | grep -o 'factcheck/[a-z_/]*\.py')

$(BIN)/.installed: pyproject.toml hatch_build.py $(COMPILED)
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@$(BIN)/python -c 'from factcheck._native import install_line; print(install_line())'
	touch $@

.PHONY: demo test reinstall lint docs eval rule-stats bench bench-batch
# --fail-on never: the demo draft is meant to have misleading claims; `factcheck check` alone exits 1 on them.
demo: $(BIN)/.installed
	$(BIN)/factcheck check examples/draft.txt --published 2025-05-02 --fail-on never

# The tests check that the build which loads is the one the install made (compiled, or pure Python
# when it fell back); .ci/run sets FACTCHECK_REQUIRE_COMPILED=1 so that only the compiled build passes.
test: $(BIN)/.installed
	$(BIN)/python -m pytest

# Install again, compiling the hot modules (after installing a C compiler, say).
reinstall:
	rm -f $(BIN)/.installed
	$(MAKE) $(BIN)/.installed

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Pages generated from the code; tests fail when they are stale.
docs: $(BIN)/.installed
	$(BIN)/factcheck rules --format markdown > docs/rules.md
	$(BIN)/factcheck schema > docs/report.schema.json

# The in-repo gold, then the real-article corpus (its texts come from a git-ignored cache: claims/real/README.md).
eval: $(BIN)/.installed
	$(BIN)/factcheck eval claims/own claims/seeds claims/cases
	$(BIN)/factcheck eval claims/real

# Each rule's flags on the real articles, for `factcheck rules` and docs/rules.md (needs the corpus cached).
rule-stats: $(BIN)/.installed
	$(BIN)/factcheck eval claims/real --rule-stats > /dev/null
	$(BIN)/factcheck rules --format markdown > docs/rules.md

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/extract_speed.py
	$(BIN)/python benchmarks/check_speed.py
	$(BIN)/python benchmarks/api_latency.py

bench-batch: $(BIN)/.installed
	$(BIN)/python benchmarks/batch_speed.py
