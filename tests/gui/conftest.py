"""Fixtures shared by the GUI tests."""
from __future__ import annotations

import pytest

from editor.core.settings import Settings
from editor.gui.window.main_window import MainWindow


@pytest.fixture
def bank():
    """No phrase bank; test modules that need one define their own `bank` fixture."""
    return None


@pytest.fixture
def make_window(qtbot, bank):
    """Shown main windows over the test module's own `bank` fixture, as many as the test asks for."""
    made = []

    def make():
        w = MainWindow(settings=Settings(), bank=bank)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield make
    for w in made:
        w.editor.document().setModified(False)


@pytest.fixture
def window(make_window):
    """A shown main window over the test module's own `bank` fixture."""
    return make_window()
