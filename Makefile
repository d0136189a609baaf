# Two commands for a fresh clone: `make run` and `make test`.
# Needs only python3 (3.11) with venv and pip; everything else goes into .venv.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
STAMP  := $(VENV)/.installed
HOST   ?= localhost
PORT   ?= 8501

.DEFAULT_GOAL := help
.PHONY: help venv run test bench clean

help:
	@echo "make run    - start the app on http://$(HOST):$(PORT) (PORT=... to change)"
	@echo "make test   - run the test suite"
	@echo "make bench  - run every bench/*.py script"
	@echo "make clean  - remove .venv and caches"

venv: $(STAMP)

# Reinstall only when a requirements file is newer than the stamp.
$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --disable-pip-version-check -r requirements-dev.txt
	touch $@

run: venv
	$(VENV)/bin/streamlit run app.py --server.address=$(HOST) --server.port=$(PORT)

test: venv
	$(PY) -m pytest -q -rfEs

# Scripts whose name starts with "_" are helpers, not benchmarks.
bench: venv
	@set -e; for f in bench/*.py; do \
		[ -e "$$f" ] || { echo "no bench/*.py scripts"; break; }; \
		case "$$(basename "$$f")" in _*) continue;; esac; \
		echo "== $$f"; $(PY) "$$f"; \
	done

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
