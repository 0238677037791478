"""Fixtures shared by the GUI tests."""
from __future__ import annotations

import pytest

from editor.core.settings import Settings
from editor.gui.main_window import MainWindow


@pytest.fixture
def bank():
    """No phrase bank; test modules that need one define their own `bank` fixture."""
    return None


@pytest.fixture
def window(qtbot, bank):
    """A shown main window over the test module's own `bank` fixture."""
    w = MainWindow(settings=Settings(), bank=bank)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.editor.document().setModified(False)
