# Two commands from a fresh clone:  make run   |   make test
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
RUN_STAMP  := $(VENV)/.stamp-run
TEST_STAMP := $(VENV)/.stamp-test
NODE_STAMP := tests/servers/node_modules/.stamp
ARGS ?=

.PHONY: run test lint pytest system-deps-run system-deps-test clean

run: system-deps-run $(RUN_STAMP)
	$(VENV)/bin/storebrowser $(ARGS)

test: system-deps-test $(TEST_STAMP) $(NODE_STAMP) lint pytest

lint: $(TEST_STAMP)
	$(PY) -m ruff check storebrowser tests bench

pytest: $(TEST_STAMP) $(NODE_STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

system-deps-run:
	@bash installer/system-deps.sh run

system-deps-test:
	@bash installer/system-deps.sh test

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "StoreBrowser needs Python 3.11 or newer; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -qq -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -qq -e '.[test]'
	touch $@ $(RUN_STAMP)

$(NODE_STAMP): tests/servers/package.json tests/servers/package-lock.json
	npm ci --prefix tests/servers --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf $(VENV) tests/servers/node_modules build dist *.egg-info
