# Two commands from a fresh clone:  make run   |   make test
# Packages (the frozen app, .tar.gz and .deb into dist/):  make dist
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
RUN_STAMP  := $(VENV)/.stamp-run
TEST_STAMP := $(VENV)/.stamp-test
DIST_STAMP := $(VENV)/.stamp-dist
NODE_STAMP := tests/servers/node_modules/.stamp
ARGS ?=

.PHONY: run test lint pytest dist translations system-deps-run system-deps-test system-deps-dist clean

run: system-deps-run $(RUN_STAMP)
	$(VENV)/bin/storebrowser $(ARGS)

test: system-deps-test $(TEST_STAMP) $(NODE_STAMP) lint pytest

lint: $(TEST_STAMP)
	$(PY) -m ruff check storebrowser tests bench installer
	$(PY) -m mypy

# The suite mostly waits on servers and subprocesses: PYTEST_WORKERS processes (xdist) run
# it, each with test servers of its own; a test file stays on one worker (--dist loadfile)
# so its module fixtures seed once. PYTEST_WORKERS=0 runs it in this one process, as a bare
# `pytest tests/...` does. The slowest items are listed at the end, for CI's log.
PYTEST_WORKERS ?= 2
pytest: $(TEST_STAMP) $(NODE_STAMP)
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile --durations=60 $(PYTEST_ARGS)

# The .ts from the code (pyside6-lupdate) and the .qm from the .ts (pyside6-lrelease); both
# are committed, tests/ui/test_translations.py says when they are stale.
translations: $(RUN_STAMP)
	$(PY) installer/translations.py

dist: system-deps-dist $(DIST_STAMP)
	$(PY) installer/build.py --dist dist --work build

system-deps-run:
	@PYTHON=$(PYTHON) bash installer/system-deps.sh run

system-deps-test:
	@PYTHON=$(PYTHON) bash installer/system-deps.sh test

system-deps-dist:
	@PYTHON=$(PYTHON) bash installer/system-deps.sh dist

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "StoreBrowser needs Python 3.11 or newer; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }  # a half-made venv would look done

$(RUN_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -qq -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -qq -e '.[test]'
	touch $@ $(RUN_STAMP)

$(DIST_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -qq -e '.[dist]'
	touch $@ $(RUN_STAMP)

$(NODE_STAMP): tests/servers/package.json tests/servers/package-lock.json
	npm ci --prefix tests/servers --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf $(VENV) tests/servers/node_modules build dist *.egg-info
