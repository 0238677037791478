# Yuku: `make run` opens the editor, `make test` runs the whole suite. Both set up .venv first.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
PIP     = $(PY) -m pip -q --disable-pip-version-check

.PHONY: run test lint bench package screenshot translations bank eval clean

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

# The default phrase bank, mined from resources/corpus when the code or corpus changed (shipped, so a
# first start copies it instead of mining).
bank: $(VENV)/.installed
	@$(PY) -m editor.build_bank

# Judged quality of the miner: P@20 / P@50 per section on the bundled corpus, held-out documents and
# report archives, against the labels in tests/data/eval (see its README).
EVAL_SETS = "bundled corpus:resources/corpus:bundled" "held-out corpus:tests/data/eval/heldout:heldout" \
	"development reports:tests/data/eval/dev_reports:dev_reports" \
	"held-out reports:tests/data/eval/heldout_reports:heldout_reports" \
	"unseen reports:tests/data/eval/unseen_reports:unseen_reports" \
	"unseen early reports:tests/data/eval/unseen_reports_early:unseen_reports_early" \
	"provincial reports:tests/data/eval/provincial_reports:provincial_reports"
eval: $(VENV)/.installed
	@status=0; for set in $(EVAL_SETS); do \
		name=$${set%%:*}; rest=$${set#*:}; dir=$${rest%%:*}; labels=$${rest#*:}; \
		echo "$$name ($$dir):"; \
		$(PY) scripts/eval_mining.py "$$dir" "tests/data/eval/labels_$$labels.tsv" || status=1; \
	done; exit $$status

run: $(VENV)/.installed translations bank
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
package: $(VENV)/.package-installed translations bank
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
