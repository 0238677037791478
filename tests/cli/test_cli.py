"""The command line as scripts use it (subprocesses, exit codes, one-line errors)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def yuku(*args, env=None):
    return subprocess.run([sys.executable, "-m", "editor", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


def test_self_test_passes_offscreen():
    out = yuku("--self-test", env={"QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["ok"] is True
    assert report["checks"]["phrase_inserted"] is True
    assert report["timings_ms"]["total"] > 0


def test_phrases_json_shape():
    out = yuku("phrases", "--json", "--limit", "5")
    assert out.returncode == 0, out.stderr
    items = json.loads(out.stdout)
    assert 0 < len(items) <= 5
    for key in ("text", "section", "kind", "score", "count", "doc_count"):
        assert key in items[0]


@pytest.mark.parametrize(("name", "kind_name"), [("结尾", "搭配"), ("結尾", "collocation"), ("closing", "搭配")])
def test_phrases_take_the_sidebars_names(name, kind_name):
    out = yuku("phrases", "--section", name, "--kind", kind_name, "--json", "--limit", "3")
    assert out.returncode == 0, out.stderr
    items = json.loads(out.stdout)
    assert items
    assert {(p["section"], p["kind"]) for p in items} == {("closing", "collocation")}


def test_an_unknown_section_name_lists_the_names():
    out = yuku("phrases", "--section", "结论")
    assert out.returncode == 2
    assert "结尾" in out.stderr
    assert "Traceback" not in out.stderr


def test_mine_into_bank_file(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for i in range(2):
        (corpus / f"{i}.txt").write_text("一、高度重视，加强领导\n要坚持人民至上、生命至上。\n", encoding="utf-8")
    bank = tmp_path / "b.db"
    out = yuku("mine", str(corpus), "--bank", str(bank), "--json")
    assert out.returncode == 0, out.stderr
    listed = json.loads(yuku("phrases", "--bank", str(bank), "--json").stdout)
    assert any("高度重视" in p["text"] for p in listed)


@pytest.mark.parametrize("args", [["mine", "/no/such/dir"], ["phrases", "--bank", "/no/such.db"]])
def test_bad_input_is_one_line_exit_2(args):
    out = yuku(*args)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("yuku: /no/such")
    assert "Traceback" not in out.stderr


def test_unknown_option_is_usage_error():
    out = yuku("--frobnicate")
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
