"""The recovery store: one draft per document, named by a hash of its full path."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from editor.core import recovery
from editor.core.paths import user_dirs
from editor.core.recovery import RecoveryStore, draft_id, key_for_path, new_untitled_key


def test_same_name_in_two_folders_never_collides(tmp_path):
    store = RecoveryStore()
    a, b = tmp_path / "甲" / "报告.docx", tmp_path / "乙" / "报告.docx"
    store.save(key_for_path(a), source=str(a), title="报告.docx", text="甲的草稿")
    store.save(key_for_path(b), source=str(b), title="报告.docx", text="乙的草稿")
    drafts = {d.source: d.text for d in store.drafts()}
    assert drafts == {str(a): "甲的草稿", str(b): "乙的草稿"}
    assert store.path_of(key_for_path(a)) != store.path_of(key_for_path(b))


def test_drafts_live_in_the_recovery_dir_and_never_touch_the_document(tmp_path):
    doc = tmp_path / "报告.txt"
    doc.write_text("用户的原文", encoding="utf-8")
    store = RecoveryStore()
    store.save(key_for_path(doc), source=str(doc), title=doc.name, text="草稿")
    assert store.folder == user_dirs().recovery
    files = list(store.folder.iterdir())
    assert [f.name for f in files] == [f"{draft_id(str(doc))}{recovery.SUFFIX}"]
    assert doc.read_text(encoding="utf-8") == "用户的原文"
    assert {p.name for p in tmp_path.iterdir()} == {"报告.txt", "yuku-home"}


def test_saved_draft_round_trips_with_metadata():
    store = RecoveryStore()
    key = new_untitled_key()
    saved = store.save(key, source="", title="未命名", text="一、总体情况\n今年以来", rich="<html>x</html>",
                       rich_format="qt-html")
    got = store.get(key)
    assert got is not None
    assert (got.text, got.rich, got.rich_format, got.source, got.title) == (
        "一、总体情况\n今年以来", "<html>x</html>", "qt-html", "", "未命名")
    assert got.saved_at == saved.saved_at
    assert "T" in got.saved_at
    assert got.pid == os.getpid()
    # A later autosave replaces the draft rather than adding another.
    store.save(key, source="", title="未命名", text="改过")
    assert [d.text for d in store.drafts()] == ["改过"]


def test_remove_deletes_only_that_draft():
    store = RecoveryStore()
    k1, k2 = new_untitled_key(), new_untitled_key()
    store.save(k1, source="", title="a", text="一")
    store.save(k2, source="", title="b", text="二")
    assert store.remove(k1) is True
    assert store.remove(k1) is False
    assert [d.key for d in store.drafts()] == [k2]


def test_damaged_draft_is_skipped_not_fatal():
    store = RecoveryStore()
    store.save(new_untitled_key(), source="", title="好", text="好的草稿")
    store.folder.joinpath("bad" + recovery.SUFFIX).write_text("{not json", encoding="utf-8")
    store.folder.joinpath("worse" + recovery.SUFFIX).write_text(json.dumps({"key": 1}), encoding="utf-8")
    assert [d.text for d in store.drafts()] == ["好的草稿"]


def test_recoverable_excludes_drafts_of_running_editors_and_includes_dead_ones():
    store = RecoveryStore()
    store.save(new_untitled_key(), source="", title="mine", text="本进程的")
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live_key = new_untitled_key()
        store.save(live_key, source="", title="live", text="活着的")
        _set_owner(store, live_key, child.pid)
        dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
        dead_key = new_untitled_key()
        store.save(dead_key, source="", title="dead", text="崩溃留下的")
        _set_owner(store, dead_key, int(dead.stdout))
        assert [d.text for d in store.recoverable()] == ["崩溃留下的"]
    finally:
        child.kill()
        child.wait()
    assert sorted(d.text for d in store.recoverable()) == ["崩溃留下的", "活着的"]


def test_reused_pid_is_not_taken_for_the_owner():
    store = RecoveryStore()
    key = new_untitled_key()
    store.save(key, source="", title="t", text="旧进程的草稿")
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        _set_owner(store, key, child.pid, started="1")  # same pid, but a different process start
        if recovery.process_started(child.pid):
            assert [d.text for d in store.recoverable()] == ["旧进程的草稿"]
    finally:
        child.kill()
        child.wait()


def _set_owner(store, key, pid, started=None):
    path = store.path_of(key)
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["pid"] = pid
    raw["started"] = recovery.process_started(pid) if started is None else started
    path.write_text(json.dumps(raw), encoding="utf-8")


def test_document_model_round_trips_through_json_with_its_package():
    from editor.core.model.document import Document, KeptItem, Paragraph, Run, Table
    from editor.core.recovery import document_from_json, document_to_json

    doc = Document([Paragraph([Run("标题", bold=True)], style="title", align="center", extra="<w:keepNext/>"),
                    Paragraph([Run("附图："), Run("\ufffc", kept="k1")], first_line_indent=32.0),
                    Table([[[Paragraph([Run("甲")])], [Paragraph([Run("乙", extra="<w:b/>")])]]], extra="<w:tblW/>")],
                   kept={"k1": KeptItem("<w:drawing/>", "图片")}, unsupported=["修订"], default_font="宋体",
                   default_size=12.0)
    back = document_from_json(document_to_json(doc), b"PK-package")
    assert back.blocks == doc.blocks
    assert back.kept == doc.kept
    assert back.unsupported == ["修订"]
    assert (back.default_font, back.default_size, back.source) == ("宋体", 12.0, b"PK-package")


def test_draft_keeps_its_package_beside_it_and_drops_it_with_the_draft(tmp_path):
    store = RecoveryStore(tmp_path / "r")
    key = key_for_path(tmp_path / "a.docx")
    draft = store.save(key, source=str(tmp_path / "a.docx"), title="a.docx", text="x", package=b"PK1")
    assert store.package(store.get(key)) == b"PK1"
    store.package_path_of(key).write_bytes(b"PK-other")  # damaged or replaced: not taken for the draft's
    assert store.package(draft) is None
    store.remove(key)
    assert not list(store.folder.iterdir())


def test_the_model_json_holds_every_field_as_dataclasses_asdict_does():
    from dataclasses import asdict

    from editor.core.model.document import Document, KeptItem, Paragraph, Run, Table

    para = Paragraph([Run("甲", True, False, True, "仿宋", 16.0, "FF0000", None, "#a", "<w:rPr/>", "w1"),
                      Run("\ufffc", kept="k1")], style="heading2", align="center", first_line_indent=32.0,
                     left_indent=1.0, right_indent=2.0, line_spacing=1.5, line_height=28.95, space_before=3.0,
                     space_after=4.0, list_kind="number", list_level=1, list_id=7, page_break_before=True,
                     kept_block=None, extra="<w:pPr/>", origin="3", base=42)
    table = Table([[[para], []]], extra="<w:tblPr/>", origin="5", base=9)
    doc = Document([para, table], kept={"k1": KeptItem("<w:drawing/>", "图片")}, properties={"Yuku.公文.类型": "通知"})
    raw = json.loads(recovery.document_to_json(doc))
    assert raw["blocks"] == [{"p": asdict(para)}, {"table": asdict(table)}]
    back = recovery.document_from_json(recovery.document_to_json(doc))
    assert back.blocks == doc.blocks
    assert back.properties == doc.properties
