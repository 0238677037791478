"""Render resources/icons/yuku.svg into the raster icons installers want (build/icons/).

python packaging/render_icons.py          # PNGs 16…1024 and yuku.ico (Windows)
python packaging/render_icons.py --icns   # also yuku.icns through iconutil (macOS only)
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def render(size: int, target: Path) -> None:
    """Draw the SVG at size × size pixels into a PNG."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ROOT / "resources" / "icons" / "yuku.svg")).render(painter)
    painter.end()
    image.save(str(target))


def main() -> int:
    """Write the PNGs, the .ico and (with --icns, on macOS) the .icns."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    OUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        render(size, OUT / f"yuku-{size}.png")
    # Qt writes .ico from its largest sensible size; Windows scales it for smaller views.
    from PySide6.QtGui import QImage

    QImage(str(OUT / "yuku-256.png")).save(str(OUT / "yuku.ico"))
    if "--icns" in sys.argv:
        iconset = OUT / "yuku.iconset"
        iconset.mkdir(exist_ok=True)
        for size in (16, 32, 128, 256, 512):
            shutil.copy(OUT / f"yuku-{size}.png", iconset / f"icon_{size}x{size}.png")
            shutil.copy(OUT / f"yuku-{size * 2}.png", iconset / f"icon_{size}x{size}@2x.png")
        subprocess.run(["iconutil", "-c", "icns", str(iconset), "-o", str(OUT / "yuku.icns")], check=True)
    print(OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
