"""User dirs, settings and the resource helper."""
from __future__ import annotations

import json

from editor.core import paths
from editor.core.resources import resource_path, seed_corpus_dir
from editor.core.settings import Settings


def test_yuku_home_puts_every_dir_under_it(yuku_home):
    dirs = paths.user_dirs().ensure()
    for d in (dirs.config, dirs.data, dirs.cache, dirs.logs, dirs.recovery):
        assert d.is_dir()
        assert yuku_home in d.parents


def test_platformdirs_used_without_yuku_home(monkeypatch):
    monkeypatch.delenv("YUKU_HOME")
    import platformdirs

    assert paths.user_dirs().config == __import__("pathlib").Path(platformdirs.user_config_dir("yuku", appauthor=False))


def test_settings_defaults_types_and_round_trip(yuku_home):
    s = Settings()
    assert s.get("autosave_seconds") == 30
    s.set("autosave_seconds", 12)
    assert Settings().get("autosave_seconds") == 12
    try:
        s.set("autosave_seconds", "12")
    except TypeError:
        pass
    else:
        raise AssertionError("a str for an int option must be refused")


def test_damaged_settings_fall_back_to_defaults(yuku_home):
    s = Settings()
    s.path.parent.mkdir(parents=True, exist_ok=True)
    s.path.write_text("{not json", encoding="utf-8")
    assert Settings().get("autosave_seconds") == 30
    s.path.write_text(json.dumps({"autosave_seconds": "x", "zoom": 2}), encoding="utf-8")
    fresh = Settings()
    assert fresh.get("autosave_seconds") == 30
    assert fresh.get("zoom") == 2


def test_env_overrides_autosave(monkeypatch):
    monkeypatch.setenv("YUKU_AUTOSAVE_SECONDS", "3")
    assert Settings().get("autosave_seconds") == 3


def test_recent_files_most_recent_first_and_capped():
    s = Settings()
    for i in range(15):
        s.add_recent_file(f"/tmp/{i}.docx")
    recent = s.get("recent_files")
    assert recent[0] == "/tmp/14.docx"
    assert len(recent) == 10


def test_resources_found():
    assert (resource_path("icons", "yuku.svg")).is_file()
    assert len(list(seed_corpus_dir().glob("*.txt"))) == 5
