# Two commands for a fresh clone: `make run` and `make test`.
# Needs only python3 (3.11) with venv and pip; everything else goes into .venv.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
STAMP  := $(VENV)/.installed
HOST   ?= localhost
PORT   ?= 8501
# Host names the browser may use besides localhost (the websocket refuses others): `make run HOST=0.0.0.0
# ALLOWED_HOSTS="pc-oddzial.local 192.168.1.20"`.
ALLOWED_HOSTS ?=
# `make serve`: N Streamlit processes behind nginx (deploy/serve.py, docs/deploy.md).
WORKERS    ?= 2
SERVE_PORT ?= 8080
LISTEN     ?= 127.0.0.1
HOSTS      ?= localhost 127.0.0.1

.DEFAULT_GOAL := help
.PHONY: help venv run serve test bench clean

help:
	@echo "make run    - start the app on http://$(HOST):$(PORT) (PORT=... to change)"
	@echo "make serve  - the served configuration: WORKERS=$(WORKERS) Streamlit processes behind nginx on"
	@echo "              http://$(LISTEN):$(SERVE_PORT) (WORKERS=, SERVE_PORT=, LISTEN=, HOSTS=\"name ...\"; docs/deploy.md)"
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
	$(VENV)/bin/streamlit run app.py --server.address=$(HOST) --server.port=$(PORT) \
		$(if $(ALLOWED_HOSTS),$(foreach h,localhost 127.0.0.1 ::1 $(ALLOWED_HOSTS),--server.allowedHosts $(h)))

# In the foreground; Ctrl-C stops nginx and every Streamlit process. Needs Debian's nginx (apt-get install nginx).
serve: venv
	$(PY) deploy/serve.py --workers $(WORKERS) --port $(SERVE_PORT) --listen $(LISTEN) $(foreach h,$(HOSTS),--host $(h))

test: venv
	$(PY) -m pytest -q -rfEs

# Scripts whose name starts with "_" are helpers, not benchmarks.
bench: venv
	@failed=""; for f in bench/*.py; do \
		[ -e "$$f" ] || { echo "no bench/*.py scripts"; break; }; \
		case "$$(basename "$$f")" in _*) continue;; esac; \
		echo "== $$f"; $(PY) "$$f" || failed="$$failed $$f"; \
	done; \
	if [ -n "$$failed" ]; then echo "== over budget or failed:$$failed"; exit 1; fi

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
