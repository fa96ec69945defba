# Parcours: `make run` to try it, `make test` to test everything. See README.md.
SHELL := /bin/bash
PYTHON_BIN := $(shell scripts/find-python)
VENV := .venv
PY := $(VENV)/bin/python
PARCOURS := $(VENV)/bin/parcours
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.9
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup test lint bench bench-load lock install install-dev messages messages-update clean

ifeq ($(PYTHON_BIN),)
$(error No Python 3.12+ found: see the message above)
endif

$(PY):
	$(PYTHON_BIN) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(VENV)/.installed: $(PY) requirements.lock pyproject.toml
	$(UV) pip install --quiet --python $(PY) -r requirements.lock
	$(UV) pip install --quiet --python $(PY) --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.lock
	$(UV) pip install --quiet --python $(PY) -r requirements-dev.lock
	touch $@

install: $(VENV)/.installed messages
install-dev: $(VENV)/.installed-dev messages

# Compiled catalogues are build products, not sources.
messages: $(VENV)/.installed
	@command -v msgfmt >/dev/null || { echo "msgfmt not found: install GNU gettext (Debian: apt-get install gettext)."; exit 1; }
	@$(PARCOURS) compilemessages --ignore=.venv --ignore=var --ignore=node_modules -v 0

# Re-extract every app's French catalogue after adding or changing strings; then translate the
# new entries (msgstr "") and remove "#, fuzzy" after checking them. No line numbers, so that
# catalogues only change where strings do.
messages-update: $(VENV)/.installed
	@for app in $$(ls -d */locale 2>/dev/null | cut -d/ -f1); do \
	  (cd $$app && DJANGO_SETTINGS_MODULE=parcours.settings PYTHONPATH=$(CURDIR) \
	    $(CURDIR)/$(VENV)/bin/django-admin makemessages -l fr --no-location --no-obsolete -v 0) || exit 1; \
	done

# What `make run` sets up before serving: the database, the ESCO taxonomy (shipped in data/,
# imported once) and the demo people. `make test` runs it in a fresh clone
# (scripts/check-fresh-clone).
setup: install
	$(PARCOURS) migrate --no-input
	$(PARCOURS) taxonomy import --if-empty
	$(PARCOURS) demo

run: setup
	$(PARCOURS) worker & trap "kill $$! 2>/dev/null" EXIT; $(PARCOURS) serve --host $(HOST) --port $(PORT)

test:
	scripts/ensure-system-packages
	$(MAKE) --no-print-directory install-dev
	scripts/run-tests

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# The quick benchmarks; the web load benchmark (minutes, both databases) is `make bench-load`.
bench: install-dev
	@for b in bench/*.py; do [ "$$b" = bench/web_load.py ] && continue; echo "== $$b"; $(PY) $$b || exit 1; done

# Options pass through, e.g. make bench-load ARGS="--db sqlite --think-time 5".
bench-load: install-dev
	$(PY) bench/web_load.py $(ARGS)

# Re-pin dependencies after editing pyproject.toml.
lock: $(PY)
	$(UV) pip compile pyproject.toml --python-version 3.12 -q -o requirements.lock
	$(UV) pip compile pyproject.toml --extra dev --python-version 3.12 -q -o requirements-dev.lock

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache test-artifacts
