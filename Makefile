# Yuku: `make run` opens the editor, `make test` runs the whole suite. Both set up .venv first.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
PIP     = $(PY) -m pip -q --disable-pip-version-check

.PHONY: run test lint bench package translations clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(PIP) install -e '.[test]'
	touch $@

translations: $(VENV)/.installed
	@$(PY) -m editor.build_translations

run: $(VENV)/.installed translations
	$(VENV)/bin/yuku

lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

test: $(VENV)/.test-installed translations lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(VENV)/.test-installed translations
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

clean:
	rm -rf build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache resources/i18n/*.qm
