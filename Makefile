# Front door for repeated jobs. `make reports` and `make test` set everything up on a fresh machine
# (Python 3.10+ and make are all they need): a project-local virtual environment in .venv, the project
# installed into it in editable mode, and the Jupyter kernel the notebooks run on.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
JOBS   ?=
ARGS   ?=

.PHONY: setup reports test lab benchmarks lint clean help

help:
	@echo "make reports     set up .venv (first time) and build every HTML report into reports/"
	@echo "make test        set up .venv (first time) and run the tests"
	@echo "make lab         open JupyterLab on notebooks/"
	@echo "make benchmarks  run the accuracy and speed benchmarks on ../shared/datasets"
	@echo "make lint        ruff"
	@echo "make clean       remove reports/ and caches (keeps .venv)"

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (media analysis)" >/dev/null
	@touch $(STAMP)

setup: $(STAMP)

reports: setup
	JUPYTER_PREFER_ENV_PATH=1 $(PY) -m analysis reports $(if $(JOBS),--jobs $(JOBS)) $(ARGS)

test: setup
	JUPYTER_PREFER_ENV_PATH=1 $(PY) -m pytest $(ARGS)

lab: setup
	JUPYTER_PREFER_ENV_PATH=1 $(VENV)/bin/jupyter lab --notebook-dir=notebooks

benchmarks: setup
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

lint: setup
	$(VENV)/bin/ruff check analysis tests benchmarks

clean:
	rm -rf reports .pytest_cache .ruff_cache
