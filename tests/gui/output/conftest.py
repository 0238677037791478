"""Fixtures of the output tests: the real window with a text draft opened in it."""
from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.fixture
def open_draft(window, tmp_path) -> Callable[[str], object]:
    """Open a .txt draft with this text in the window, as File ▸ Open does; returns the window."""
    def open_text(text: str) -> object:
        src = tmp_path / "通知.txt"
        src.write_text(text, encoding="utf-8")
        assert window.session.open_path(src)
        return window

    return open_text
