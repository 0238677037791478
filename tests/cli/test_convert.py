"""`yuku convert IN OUT --config CFG` on .txt and .docx files."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict

import pytest

from editor.cli import main
from editor.core.formats.docx.convert import paragraph_texts
from editor.core.script.converter import VOCABULARY_CONFIGS
from editor.core.script.protected_terms import save_terms
from tests.core.formats.docx.convert_builder import build_docx, char_runs, para, run, runs_of
from tests.core.script.test_converter import upstream_cases


def yuku(*args, env=None):
    return subprocess.run([sys.executable, "-m", "editor", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


def _by_config() -> dict[str, list[tuple[str, str]]]:
    grouped: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for _, cfg, text, expected in upstream_cases():
        assert "\n" not in text
        grouped[cfg].append((text, expected))
    return grouped


@pytest.mark.parametrize("config", sorted(_by_config()))
def test_upstream_cases_through_yuku_convert_txt(tmp_path, config):
    cases = _by_config()[config]
    src, dst = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_text("\n".join(t for t, _ in cases) + "\n", encoding="utf-8")
    assert main(["convert", str(src), str(dst), "--config", config]) == 0
    assert dst.read_text(encoding="utf-8").split("\n")[:-1] == [e for _, e in cases]


@pytest.mark.parametrize("config", sorted(_by_config()))
def test_upstream_cases_through_yuku_convert_docx(tmp_path, config):
    cases = _by_config()[config]
    src = build_docx(tmp_path / "in.docx", [para(char_runs(t)) for t, _ in cases])
    dst = tmp_path / "out.docx"
    assert main(["convert", str(src), str(dst), "--config", config]) == 0
    assert paragraph_texts(dst) == [e for _, e in cases]
    for (text, expected), before, after in zip(cases, runs_of(src), runs_of(dst)):
        assert [rpr for _, rpr in before] == [rpr for _, rpr in after]
        if len(text) == len(expected) and config not in VOCABULARY_CONFIGS:
            assert [t for t, _ in after] == list(expected)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-16", "utf-8"])
def test_any_encoding_in_utf8_out(tmp_path, encoding):
    src, dst = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_bytes("关于进一步加强头发护理工作的通知\r\n各单位：\r\n".encode(encoding))
    assert main(["convert", str(src), str(dst), "-c", "s2t"]) == 0
    assert dst.read_bytes() == "關於進一步加強頭髮護理工作的通知\r\n各單位：\r\n".encode()


def test_big5_in(tmp_path):
    src, dst = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_bytes(("關於進一步加強經濟發展工作的通知，請各單位認真貫徹落實。" * 4).encode("cp950"))
    assert main(["convert", str(src), str(dst), "-c", "t2s"]) == 0
    assert dst.read_text(encoding="utf-8").startswith("关于进一步加强经济发展工作的通知")


def test_default_config_from_settings_and_protected_terms(tmp_path, capsys):
    save_terms(["余小明"])
    src, dst = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_text("余小明与余下的人讨论头发", encoding="utf-8")
    assert main(["convert", str(src), str(dst), "--protect", "讨论", "--json"]) == 0
    assert dst.read_text(encoding="utf-8") == "余小明與餘下的人讨论頭髮"
    assert json.loads(capsys.readouterr().out)["config"] == "s2t"
    assert main(["convert", str(src), str(dst), "--no-user-terms"]) == 0
    assert dst.read_text(encoding="utf-8") == "餘小明與餘下的人討論頭髮"


def test_docx_protected_terms_and_in_place(tmp_path):
    doc = build_docx(tmp_path / "d.docx", [para(run("余小") + run("明的头") + run("发"))])
    assert main(["convert", str(doc), str(doc), "-c", "s2t", "--protect", "余小明"]) == 0
    assert [t for t, _ in runs_of(doc)[0]] == ["余小", "明的頭", "髮"]


@pytest.mark.parametrize(("args", "needle"), [
    (["convert", "{tmp}/missing.txt", "{tmp}/o.txt", "-c", "s2t"], "missing.txt: 文件不存在"),
    (["convert", "{tmp}/in.txt", "{tmp}/o.txt", "-c", "s2x"], "--config s2x"),
    (["convert", "{tmp}/in.txt", "{tmp}/o.docx", "-c", "s2t"], "o.docx"),
    (["convert", "{tmp}/bad.docx", "{tmp}/o.docx", "-c", "s2t"], "bad.docx: 不是 Word"),
    (["convert", "{tmp}/in.txt", "{tmp}/nodir/o.txt", "-c", "s2t"], "目标文件夹不存在"),
    (["convert", "{tmp}/in.pdf", "{tmp}/o.txt", "-c", "s2t"], "不支持的文件类型"),
    (["convert", "{tmp}/bin.txt", "{tmp}/o.txt", "-c", "s2t"], "不是文本文件"),
])
def test_errors_are_one_line_exit_2(tmp_path, args, needle):
    (tmp_path / "in.txt").write_text("头发", encoding="utf-8")
    (tmp_path / "in.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    out = yuku(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("yuku: ")
    assert needle in lines[0]
    assert "Traceback" not in out.stderr
    assert not (tmp_path / "o.txt").exists()


def test_subprocess_round_trip(tmp_path):
    src, mid, back = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    src.write_text("发展经济，头发", encoding="utf-8")
    assert yuku("convert", str(src), str(mid), "--config", "s2tw").returncode == 0
    assert mid.read_text(encoding="utf-8") == "發展經濟，頭髮"
    assert yuku("convert", str(mid), str(back), "--config", "tw2s").returncode == 0
    assert back.read_text(encoding="utf-8") == "发展经济，头发"
