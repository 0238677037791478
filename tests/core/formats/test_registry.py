"""The format and export-style registries: one registration reaches reading, writing, the CLI and dialogs."""
from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest

from editor.cli import main
from editor.core.atomic import atomic_write_text
from editor.core.errors import YukuError
from editor.core.formats import registry
from editor.core.formats.document_files import read_document, write_document
from editor.core.formats.file_format import FileFormat, WriteOptions
from editor.core.model.document import Document
from editor.core.model.phrases import KINDS, PHRASE_KINDS
from editor.core.resources import resource_path
from editor.core.settings import DEFAULTS


def test_suffixes_map_to_their_formats():
    assert registry.format_for(Path("a.DOCX")).id == "docx"
    assert registry.format_for(Path("a.md")).id == "text"
    assert registry.format_for(Path("no_suffix")).id == "text"
    assert registry.format_for(Path("a.pdf")) is None
    assert registry.format_for(Path("old.doc")) is None  # never written …
    assert registry.format_for(Path("old.doc"), opening=True).id == "docx"  # … but read, to say what it is
    assert registry.suffixes() == [".docx", ".txt", ".md"]


def test_export_styles_are_registered_once():
    assert registry.export_style_ids() == ["official", "plain"]
    assert DEFAULTS["export_style"][1] == registry.DEFAULT_EXPORT_STYLE
    assert registry.export_style("nonsense") is None
    with pytest.raises(YukuError, match="nonsense"):
        write_document(Document.from_plain_text("x"), Path("unused.docx"), style="nonsense")


def _odt_read(path: Path) -> Document:
    return Document.from_plain_text(path.read_text(encoding="utf-8").removeprefix("ODT:"))


def _odt_write(doc: Document, path: Path, _options: WriteOptions) -> None:
    atomic_write_text(path, "ODT:" + doc.plain_text())


ODT = FileFormat("odt", "OpenDocument 文本", (".odt",), _odt_read, _odt_write)


@pytest.fixture
def with_odt(monkeypatch):
    """A new format, added the way a real one would be: one FileFormat plus one registry entry."""
    monkeypatch.setattr(registry, "FILE_FORMATS", (*registry.FILE_FORMATS, ODT))


def test_a_new_format_is_read_and_written_through_the_registry(with_odt, tmp_path):
    target = tmp_path / "稿.odt"
    write_document(Document.from_plain_text("标题\n正文"), target)
    assert target.read_text(encoding="utf-8") == "ODT:标题\n正文"
    assert read_document(target).plain_text() == "标题\n正文"


def test_a_new_format_reaches_the_cli_and_the_file_dialogs(with_odt, tmp_path):
    from editor.gui.document.file_filters import file_dialog_filter, suffix_for_filter

    draft = tmp_path / "draft.txt"
    draft.write_text("关于开展检查的通知\n正文", encoding="utf-8")
    out = tmp_path / "out.odt"
    assert main(["export", str(draft), str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("ODT:关于开展检查的通知")
    filters = file_dialog_filter().split(";;")
    assert filters[-2] == "OpenDocument 文本 (*.odt)"
    assert suffix_for_filter(filters[-2]) == ".odt"
    assert suffix_for_filter(filters[1]) == ".txt"
    assert suffix_for_filter("所有文件 (*)") == ".docx"


def _odt_convert(src: Path, dst: Path, config: str, terms: list[str]) -> dict[str, object]:
    from editor.core.script.converter import convert_text

    atomic_write_text(dst, convert_text(src.read_text(encoding="utf-8"), config, terms))
    return {"odt": True}


def test_yuku_convert_takes_a_new_formats_converter(monkeypatch, tmp_path, capsys):
    from dataclasses import replace

    monkeypatch.setattr(registry, "FILE_FORMATS", (*registry.FILE_FORMATS, replace(ODT, convert=_odt_convert)))
    src, out = tmp_path / "稿.odt", tmp_path / "繁.odt"
    src.write_text("ODT:头发", encoding="utf-8")
    assert main(["convert", str(src), str(out), "--config", "s2t", "--json", "--no-user-terms"]) == 0
    assert out.read_text(encoding="utf-8") == "ODT:頭髮"
    assert '"odt": true' in capsys.readouterr().out


def test_yuku_convert_refuses_a_format_without_a_converter(with_odt, tmp_path, capsys):
    src = tmp_path / "稿.odt"
    src.write_text("ODT:头发", encoding="utf-8")
    assert main(["convert", str(src), str(tmp_path / "out.odt"), "--config", "s2t"]) == 2
    assert "不支持的文件类型" in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_every_registered_label_is_translated(lang):
    tree = ElementTree.parse(str(resource_path("i18n", f"yuku_{lang}.ts")))
    translated = {(ctx.findtext("name"), msg.findtext("source"))
                  for ctx in tree.getroot().iter("context") for msg in ctx.iter("message")
                  if (msg.findtext("translation") or "").strip()}
    wanted = [("FileFormats", f.label) for f in registry.FILE_FORMATS]
    wanted += [("ExportStyles", s.label) for s in registry.EXPORT_STYLES]
    wanted += [("phrase_model", k.label) for k in PHRASE_KINDS]
    assert [w for w in wanted if w not in translated] == []


def test_phrase_kinds_in_display_order():
    assert KINDS == ("heading", "parallel", "idiom", "quote", "template", "collocation")
    assert len({k.order for k in PHRASE_KINDS}) == len(PHRASE_KINDS)
