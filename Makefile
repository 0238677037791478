# Yuku: `make run` opens the editor, `make test` runs the whole suite. Both set up .venv first.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
PIP     = $(PY) -m pip -q --disable-pip-version-check

.PHONY: run test lint bench package screenshot translations clean

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

$(VENV)/.package-installed: $(VENV)/.installed
	$(PIP) install -e '.[package]'
	touch $@

# The Linux one-folder bundle dist/yuku/ (+ a tarball with the desktop files), then its self-test.
package: $(VENV)/.package-installed translations
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/yuku.spec
	$(PY) packaging/linux/make_tarball.py
	QT_QPA_PLATFORM=offscreen YUKU_HOME=$$(mktemp -d) dist/yuku/yuku --self-test

# README screenshots (docs/screenshot.png, docs/screenshot-en.png) from the real window under Xvfb.
screenshot: $(VENV)/.installed translations
	scripts/screenshot.sh

bench: $(VENV)/.test-installed translations
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

clean:
	rm -rf build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache resources/i18n/*.qm
