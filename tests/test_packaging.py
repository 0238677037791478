"""Packaging: the recipes agree with pyproject, the wheel build compiles translations, the bundle runs."""
from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from editor import __version__

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.yuku.Yuku"


def test_spec_reads_name_and_version_from_pyproject():
    spec = (PACKAGING / "yuku.spec").read_text(encoding="utf-8")
    assert "tomllib.load(f)[\"project\"]" in spec
    assert "__version__" in spec
    assert "build_translations" in spec
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "yuku"


def test_desktop_file():
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive (Name[zh_CN])
    parser.read(PACKAGING / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Exec"].split()[0] == "yuku"
    assert entry["Icon"] == APP_ID
    assert entry["Name[zh_CN]"] == "语库"
    assert "application/vnd.openxmlformats-officedocument.wordprocessingml.document" in entry["MimeType"]
    assert "Office" in entry["Categories"].split(";")


def test_metainfo_matches_version_and_validates():
    path = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
    root = etree.parse(str(path)).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert root.find("releases/release").get("version") == __version__
    tool = shutil.which("appstreamcli")
    if tool:
        result = subprocess.run([tool, "validate", "--no-net", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_inno_setup_offers_open_with_for_docx():
    iss = (PACKAGING / "windows" / "yuku.iss").read_text(encoding="utf-8")
    assert r"Software\Classes\.docx\OpenWithProgids" in iss
    assert r"SupportedTypes" in iss
    assert r'Source: "..\..\dist\yuku\*"' in iss


def test_macos_recipe_present():
    assert (PACKAGING / "macos" / "build.sh").stat().st_mode & 0o111
    assert "BUNDLE(" in (PACKAGING / "yuku.spec").read_text(encoding="utf-8")


def test_wheel_build_compiles_translations(tmp_path):
    """setup.py's build_py hook writes .qm files into the built package (what a wheel ships)."""
    result = subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    qms = sorted(p.name for p in (tmp_path / "editor" / "resources" / "i18n").glob("*.qm"))
    assert qms == ["yuku_en.qm", "yuku_zh_TW.qm"]


BUNDLE = ROOT / "dist" / "yuku" / ("yuku.exe" if sys.platform == "win32" else "yuku")


@pytest.mark.slow
@pytest.mark.skipif(not BUNDLE.exists(), reason="bundle not built (run `make package`)")
def test_built_bundle_self_test(tmp_path):
    """The PyInstaller bundle starts the real GUI offscreen and passes every self-test check."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "YUKU_HOME": str(tmp_path)}
    result = subprocess.run([str(BUNDLE), "--self-test"], capture_output=True, text=True, env=env, timeout=300)
    line = result.stdout.strip().splitlines()[-1]
    report = json.loads(line)
    assert result.returncode == 0, result.stdout + result.stderr
    assert report["ok"] is True
    assert report["checks"]["translations"] is True
    assert report["checks"]["svg_icons"] is True
    assert list((BUNDLE.parent / "_internal" / "editor" / "resources" / "i18n").glob("*.qm"))
