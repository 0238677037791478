"""Pack dist/yuku/ with the desktop files and install.sh into dist/yuku-VERSION-linux-ARCH.tar.gz."""
from __future__ import annotations

import platform
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from editor import __version__  # noqa: E402


def main() -> int:
    """Write the tarball; exits 1 when the bundle has not been built."""
    bundle = ROOT / "dist" / "yuku"
    if not (bundle / "yuku").exists():
        print("dist/yuku/yuku missing: run pyinstaller packaging/yuku.spec first", file=sys.stderr)
        return 1
    top = f"yuku-{__version__}"
    out = ROOT / "dist" / f"{top}-linux-{platform.machine()}.tar.gz"
    here = Path(__file__).resolve().parent
    with tarfile.open(out, "w:gz") as tar:
        tar.add(bundle, f"{top}/yuku")
        for name in ("io.github.yuku.Yuku.desktop", "io.github.yuku.Yuku.metainfo.xml", "install.sh"):
            tar.add(here / name, f"{top}/{name}")
        tar.add(ROOT / "resources" / "icons" / "yuku.svg", f"{top}/io.github.yuku.Yuku.svg")
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
