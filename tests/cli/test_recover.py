"""`yuku recover --list [--json]` as scripts and support use it."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from editor.core.recovery import RecoveryStore, key_for_path, new_untitled_key


def yuku(*args):
    return subprocess.run([sys.executable, "-m", "editor", *args], capture_output=True, text=True,
                          env=dict(os.environ), timeout=120)


def _two_drafts(tmp_path):
    store = RecoveryStore()
    src = tmp_path / "甲" / "报告.docx"
    store.save(key_for_path(src), source=str(src), title="报告.docx", text="一、总体情况\n今年以来")
    store.save(new_untitled_key(), source="", title="未命名", text="未命名的草稿")
    return src


def test_list_json_has_source_saved_at_and_text(tmp_path):
    src = _two_drafts(tmp_path)
    out = yuku("recover", "--list", "--json")
    assert out.returncode == 0, out.stderr
    items = {d["source"]: d for d in json.loads(out.stdout)}
    assert set(items) == {str(src), ""}
    assert items[str(src)]["text"] == "一、总体情况\n今年以来"
    assert items[""]["text"] == "未命名的草稿"
    for d in items.values():
        assert d["saved_at"]
        assert len(d["id"]) == 64


def test_list_plain_names_source_time_and_text(tmp_path):
    src = _two_drafts(tmp_path)
    out = yuku("recover", "--list")
    assert out.returncode == 0, out.stderr
    assert str(src) in out.stdout
    assert "今年以来" in out.stdout
    assert "未命名的草稿" in out.stdout
    assert "保存于" in out.stdout


def test_empty_store_lists_nothing():
    out = yuku("recover", "--list", "--json")
    assert out.returncode == 0
    assert json.loads(out.stdout) == []


def test_discard_by_id_and_bad_id_is_one_line(tmp_path):
    _two_drafts(tmp_path)
    drafts = RecoveryStore().drafts()
    out = yuku("recover", "--discard", drafts[0].id[:10])
    assert out.returncode == 0, out.stderr
    assert [d.id for d in RecoveryStore().drafts()] == [drafts[1].id]
    bad = yuku("recover", "--discard", "nosuchid")
    assert bad.returncode == 2
    assert len(bad.stderr.strip().splitlines()) == 1
    assert "Traceback" not in bad.stderr


def test_long_drafts_are_previewed_unless_full():
    long_text = "今年以来，我们坚持稳中求进。" * 40
    RecoveryStore().save(new_untitled_key(), source="", title="未命名", text=long_text)
    short = yuku("recover", "--list")
    assert long_text not in short.stdout.replace("\n    | ", "")
    assert "…" in short.stdout
    full = yuku("recover", "--list", "--full")
    assert long_text in full.stdout
