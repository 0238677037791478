"""At QT_SCALE_FACTOR=2 the window, status bar included, fits the available screen (real processes)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# A 1600 × 1000 screen: at scale 2 that is 800 × 500 logical pixels, smaller than the default window.
SCREEN = {"screens": [{"name": "S1", "x": 0, "y": 0, "width": 1600, "height": 1000,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}

SCRIPT = r"""
import json, sys
import editor.gui.qt_workarounds  # noqa: F401
from PySide6.QtWidgets import QApplication
from editor.core.settings import Settings
from editor.gui.app import create_app
from editor.gui.window.main_window import MainWindow

app = create_app()
settings = Settings()
w = MainWindow(settings=settings, bank=None)
if sys.argv[1] == "big":  # a session on the same screen at scale 1 leaves a big window behind
    w.resize(1500, 940)
    w.move(40, 20)
w.show()
for _ in range(5):
    app.processEvents()
avail = w.screen().availableGeometry()
frame = w.frameGeometry()
bar = w.statusBar()
corner = bar.mapToGlobal(bar.rect().bottomRight())
print(json.dumps({"avail": [avail.x(), avail.y(), avail.width(), avail.height()],
                  "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                  "bar_visible": bar.isVisible(), "corner": [corner.x(), corner.y()]}))
if sys.argv[1] == "big":
    w.view_actions.save_layout()
w.editor.document().setModified(False)
w.close()
"""


def run(tmp_path: Path, scale: str, mode: str) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SCREEN), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=scale,
               YUKU_HOME=os.environ["YUKU_HOME"])
    out = subprocess.run([sys.executable, "-c", SCRIPT, mode], env=env, capture_output=True, text=True,
                         timeout=120, cwd=Path(__file__).resolve().parents[3])
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def inside(state: dict) -> bool:
    ax, ay, aw, ah = state["avail"]
    fx, fy, fw, fh = state["frame"]
    cx, cy = state["corner"]
    return (ax <= fx and ay <= fy and fx + fw <= ax + aw and fy + fh <= ay + ah
            and ax <= cx < ax + aw and ay <= cy < ay + ah)


@pytest.mark.parametrize("first_run", [True, False])
def test_window_fits_the_screen_at_scale_two(tmp_path, first_run):
    if not first_run:  # a big window saved at scale 1 is restored at scale 2
        before = run(tmp_path, "1", "big")
        assert before["avail"] == [0, 0, 1600, 1000]
        assert before["frame"][2] >= 1500  # really bigger than the scale-2 screen
    state = run(tmp_path, "2", "plain")
    assert state["avail"] == [0, 0, 800, 500]
    assert state["bar_visible"]
    assert inside(state), state
