# Two commands do all the set-up: `make serve` and `make test`.
# Both create .venv on first use and reinstall only when a requirements file changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint pytest strict-build bench check clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-installed: requirements.txt plugins/pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.site-installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

## serve: build the default site and preview it on http://127.0.0.1:8000/
serve: $(VENV)/.site-installed
	$(BIN)/mkdocs serve --livereload --dirty

## build: a production build of the default site into site/
build: $(VENV)/.site-installed
	$(BIN)/mkdocs build --strict

## test: lint, type-check, run the test suite, and build the default site under --strict
test: lint pytest strict-build

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check plugins tests scripts
	$(BIN)/ruff format --check plugins tests scripts
	$(BIN)/mypy

# Two workers, one test file each at a time: module-scoped site builds are shared within a file.
pytest: $(VENV)/.dev-installed
	$(BIN)/pytest -n 2 --dist loadfile

# No --quiet: it drops warnings before --strict can count them. The site is thrown away.
strict-build: $(VENV)/.site-installed
	site=$$(mktemp -d) && trap 'rm -rf "$$site"' EXIT && $(BIN)/mkdocs build --strict --site-dir "$$site"

## check: run every series' commands as a reader would (see README); not part of `make test`
# CHECK_ARGS passes options and series: make check CHECK_ARGS="--part 2 python-environment-isolation"
check: $(VENV)/.site-installed
	$(BIN)/stepwise check $(CHECK_ARGS)

## bench: the performance benchmark (see README)
bench: $(VENV)/.dev-installed
	$(BIN)/python scripts/benchmark.py --check

clean:
	rm -rf $(VENV) site .cache
