# make site  - build the explainer site into site/ (creates .venv with pinned dependencies);
#              ENGINE=properdocs or ENGINE=zensical builds it with another engine
# make test  - lint, type-check and run every test
# make serve - live preview on http://127.0.0.1:8000/
# make schemas    - regenerate the content files' JSON Schemas (explainer/schemas/) from the models
# make dist-check - build the wheel and sdist, install the wheel into a fresh venv outside the
#                   repository and run a new site there (init, new, draft, check, build, serve)
PYTHON ?= python3
ENGINE ?= mkdocs
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: site test serve check generate lint typecheck goldens clean lock schemas dist-check

# The pinned dependencies, then this package itself (editable, so its `explainer` command and
# its MkDocs plugin entry point exist; the code is used from this checkout).
$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

site: $(STAMP)
	$(BIN)/python build.py build --engine $(ENGINE)

serve: $(STAMP)
	$(BIN)/python build.py serve

check: $(STAMP)
	$(BIN)/python build.py check

generate: $(STAMP)
	$(BIN)/python build.py generate

lint: $(STAMP)
	$(BIN)/ruff check explainer tests benchmarks build.py

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/python -m pytest

# Refresh the golden files after a deliberate change to templates or content; review the diff.
goldens: $(STAMP)
	$(BIN)/python -m pytest tests/test_goldens.py --update-goldens

# After a change to the content models (fields, descriptions): the shipped JSON Schemas follow.
schemas: $(STAMP)
	$(BIN)/explainer schema explainer/schemas

dist-check: $(STAMP)
	PYTHON=$(BIN)/python bash .ci/dist-check

lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip
	.lock-venv/bin/pip install --quiet -e '.[dev,engines]'
	{ head -n 2 requirements.lock; .lock-venv/bin/pip freeze --exclude-editable; } > requirements.lock.new
	mv requirements.lock.new requirements.lock && rm -rf .lock-venv

clean:
	rm -rf site .site-previous .cache .pytest_cache .mypy_cache .ruff_cache test-artifacts dist
	find generated -mindepth 1 ! -name .explainer-generated -delete 2>/dev/null || true
