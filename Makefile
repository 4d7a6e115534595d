# helpcentre: `make run` builds every locale and serves it with the feedback collector;
# `make test` runs the test suite. Both create the virtual environment on first use.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
DB     ?= sqlite:///data/feedback.db

# Material prints a banner about MkDocs 2.0 on every build; the pins in pyproject.toml cover it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: install build run test lint bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

build: install
	$(BIN)/mkdocs build --strict

run: install
	HELPCENTRE_SITE_URL=http://$(HOST):$(PORT)/ $(BIN)/mkdocs build --strict
	mkdir -p data
	$(BIN)/helpcentre collector --db $(DB) --site site --host $(HOST) --port $(PORT)

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check plugins tests bench
	$(BIN)/ruff format --check plugins tests bench

bench: install
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/build.py

clean:
	rm -rf site .venv data .pytest_cache
