"""Test set-up: offscreen Qt, a temporary YUKU_HOME for every test, dialogs that never block."""
from __future__ import annotations

import os
import shutil

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def yuku_home(tmp_path, monkeypatch):
    """Every test gets its own user dirs."""
    home = tmp_path / "yuku-home"
    monkeypatch.setenv("YUKU_HOME", str(home))
    monkeypatch.delenv("YUKU_AUTOSAVE_SECONDS", raising=False)
    return home


@pytest.fixture(autouse=True)
def qt_default_locale(request):
    """Each GUI test starts under the source language's locale (a test that installs zh_TW must not leak it)."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    yield
    QLocale.setDefault(before)


@pytest.fixture(autouse=True)
def no_blocking_dialogs(request, monkeypatch):
    """Patch modal dialogs so GUI tests never wait for a person; answers can be set per test."""
    if "qtbot" not in request.fixturenames:
        yield None
        return
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    answers: dict[str, object] = {"question": QMessageBox.StandardButton.Discard, "open": "", "save": ""}
    shown: list[tuple[str, str]] = []

    def box(kind):
        def _show(parent, title, text, *args, **kwargs):
            shown.append((title, text))
            return answers["question"]
        return _show

    for name in ("warning", "question", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(box(name)))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a, **k: shown.append(("about", ""))))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: answers["question"])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (answers["open"], "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([answers["open"]] if answers["open"] else [], "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (answers["save"], "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: answers["open"]))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    yield type("Dialogs", (), {"answers": answers, "shown": shown})


@pytest.fixture
def make_bank(tmp_path):
    """Phrase banks in the test's folder, empty or holding the phrases given; closed after the test."""
    from editor.core.bank.store import PhraseBank

    made = []

    def make(phrases=(), name="bank.db"):
        bank = PhraseBank(tmp_path / name)
        if phrases:
            bank.replace_mined(list(phrases))
        made.append(bank)
        return bank

    yield make
    for bank in made:
        bank.close()


def libreoffice_or_skip() -> str:
    """Path of soffice; skip without it, but fail in CI where it must be installed."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe:
        return exe
    if os.environ.get("CI") == "true":
        pytest.fail("LibreOffice is required in CI (.ci/run installs libreoffice-writer-nogui)")
    pytest.skip("LibreOffice not installed")
    return ""
