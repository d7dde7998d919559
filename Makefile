# quizgen: `make demo` sets up .venv and builds the outputs; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test fuzz bench lint clean

# The install log is shown only when the install fails, so a newcomer sees what quizgen did.
$(STAMP): pyproject.toml constraints.txt
	@echo "setting up $(VENV) (first run only; about a minute)"
	$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --upgrade pip -c constraints.txt > $(VENV)/install.log 2>&1 \
		|| { cat $(VENV)/install.log; exit 1; }
	@$(BIN)/python -m pip install -c constraints.txt -e ".[test]" >> $(VENV)/install.log 2>&1 \
		|| { cat $(VENV)/install.log; exit 1; }
	touch $(STAMP)

# One set of outputs per article: deck, worksheet, key, JSON and web quiz for each fact base.
demo: $(STAMP)
	@# kept compiled code first (only speed: each build compiles what is missing, the same output)
	@$(BIN)/python -m quizgen.keep_code 2>/dev/null || true
	@for factbase in content/*.yaml; do \
		echo "quizgen build $$factbase"; \
		$(BIN)/quizgen build "$$factbase" --quiet || exit 1; \
	done

# The suite runs on every core (pytest-xdist; worksteal evens out the long property tests).
test: $(STAMP)
	$(BIN)/ruff check quizgen tests benchmarks
	$(BIN)/mypy
	@# bytecode once, as an install would: with PYTHONDONTWRITEBYTECODE set (as on the shared
	@# machine) each worker and each CLI run of the suite compiled quizgen from source again
	$(BIN)/python -m compileall -q quizgen benchmarks
	@# and the kept compiled code beside it (quizgen/__pycache__/kept-code.*.bin), which a run
	@# would write at exit only where bytecode may be written
	$(BIN)/python -m quizgen.keep_code
	$(BIN)/python -m pytest -q -m "not fuzz" -n auto --dist worksteal

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q -m "fuzz or sweep or search" -p no:cacheprovider

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

lint: $(STAMP)
	$(BIN)/ruff check quizgen tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info
