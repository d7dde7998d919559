# quizgen: `make demo` sets up .venv and builds the outputs; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test fuzz bench lint clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/quizgen build

test: $(STAMP)
	$(BIN)/ruff check quizgen tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -m "not fuzz"

fuzz: $(STAMP)
	$(BIN)/python -m pytest -q -m fuzz -p no:cacheprovider

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

lint: $(STAMP)
	$(BIN)/ruff check quizgen tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info
