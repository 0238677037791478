"""mine_into_bank: stored corpus, progress, cancellation, encodings, messy folders, SIGKILL safety."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from editor.core.bank.store import PhraseBank
from editor.core.corpus.normalize import t2s
from editor.core.mining.pipeline import mine_into_bank
from editor.core.resources import seed_corpus_dir

SEED_FILES = sorted(p for p in seed_corpus_dir().glob("*.txt"))


def seed_texts():
    return {p.name: p.read_text(encoding="utf-8") for p in SEED_FILES}


def bank_rows(path):
    """The mined bank as comparable rows (ids and the source file's name left out)."""
    b = PhraseBank(path)
    try:
        return sorted((p.text, p.section, p.kind, p.count, p.doc_count) for p in b.search(include_hidden=True))
    finally:
        b.close()


def mine_folder(folder, bank_path, **kw):
    b = PhraseBank(bank_path)
    try:
        return mine_into_bank([folder], b, **kw)
    finally:
        b.close()


def write_corpus(folder, texts, encoding="utf-8"):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_bytes(text.encode(encoding))


def test_progress_reaches_the_end_and_never_goes_back(tmp_path):
    seen = []
    report = mine_folder(seed_corpus_dir(), tmp_path / "b.db", progress=lambda d, t, s: seen.append((d, t, s)))
    assert report.phrases > 150  # issue 18: only what recurs (df ≥ 2 from 30 documents on)
    assert report.documents > 5
    assert not report.cancelled
    done = [d for d, _, _ in seen]
    assert done == sorted(done)
    assert seen[-1][0] == seen[-1][1]
    assert all(isinstance(s, str) and s for _, _, s in seen)


def count_cancel_checks(tmp_path):
    calls = {"n": 0}

    def never():
        calls["n"] += 1
        return False

    mine_folder(seed_corpus_dir(), tmp_path / "count.db", cancelled=never)
    return calls["n"]


@pytest.mark.parametrize("fraction", [0.0, 0.3, 0.6, 0.95])
def test_cancel_leaves_the_bank_unchanged(tmp_path, fraction):
    checks = count_cancel_checks(tmp_path)
    assert checks > 20  # the GUI's cancel button must be heard often, not only between stages
    stop_after = int(checks * fraction)
    path = tmp_path / "b.db"
    b = PhraseBank(path)
    b.replace_mined([])
    b.add_user_phrase("原有短语")
    calls = {"n": 0}

    def cancelled():
        calls["n"] += 1
        return calls["n"] > stop_after

    try:
        report = mine_into_bank([seed_corpus_dir()], b, cancelled=cancelled)
        assert report.cancelled
        assert [p.text for p in b.search()] == ["原有短语"]
        assert b.corpus_documents() == []
    finally:
        b.close()


def test_re_mining_after_an_import_covers_old_and_new_documents(tmp_path):
    a, c = tmp_path / "a", tmp_path / "c"
    write_corpus(a, {"a.txt": "一、高度重视，加强领导\n要坚持人民至上、生命至上。\n"})
    write_corpus(c, {"c.txt": "一、强化宣传，营造氛围\n做到应查尽查、应检尽检、应收尽收。\n"})
    path = tmp_path / "b.db"
    b = PhraseBank(path)
    try:
        mine_into_bank([a], b)
        mine_into_bank([c], b)
        found = [p.text for p in b.search()]
        assert "高度重视，加强领导" in found
        assert "强化宣传，营造氛围" in found
        assert len(b.corpus_documents()) == 2
        mine_into_bank([c], b)  # the same file again adds nothing
        assert len(b.corpus_documents()) == 2
        mine_into_bank([c], b, include_bank_corpus=False)  # mine only these: the old corpus is forgotten
        found = [p.text for p in b.search()]
        assert "强化宣传，营造氛围" in found
        assert "高度重视，加强领导" not in found
    finally:
        b.close()


def test_banks_are_identical_whatever_the_encoding(tmp_path):
    texts = seed_texts()
    simplified = {n: t2s(t) for n, t in texts.items()}
    reference = None
    for enc in ("utf-8", "utf-8-sig", "utf-16", "gbk", "gb18030"):
        folder = tmp_path / enc
        write_corpus(folder, simplified, "gbk" if enc == "gbk" else enc)
        mine_folder(folder, tmp_path / f"{enc}.db")
        rows = bank_rows(tmp_path / f"{enc}.db")
        # Issue 18: fewer, precise entries (what recurs, or has the genre's shape), not every clause.
        assert len(rows) > 100
        if reference is None:
            reference = rows
        assert rows == reference, enc


def test_big5_bank_equals_the_utf8_bank_of_the_same_traditional_text(tmp_path):
    import opencc

    s2t = opencc.OpenCC("s2t")
    traditional = {}
    for name, text in seed_texts().items():
        t = s2t.convert(text)
        # Keep the lines Big5 can hold: the comparison is about decoding, not about Big5's repertoire.
        traditional[name] = "\n".join(ln for ln in t.split("\n") if _big5_ok(ln))
    write_corpus(tmp_path / "u8", traditional, "utf-8")
    write_corpus(tmp_path / "b5", traditional, "cp950")
    mine_folder(tmp_path / "u8", tmp_path / "u8.db")
    mine_folder(tmp_path / "b5", tmp_path / "b5.db")
    rows = bank_rows(tmp_path / "u8.db")
    assert len(rows) > 25
    assert bank_rows(tmp_path / "b5.db") == rows


def _big5_ok(line):
    try:
        line.encode("cp950")
        return True
    except UnicodeEncodeError:
        return False


def test_messy_folder_gives_the_same_bank_as_the_clean_corpus(tmp_path):
    texts = seed_texts()
    clean = tmp_path / "clean"
    write_corpus(clean, texts)
    messy = tmp_path / "messy"
    sub = messy / "more" / "deeper"
    sub.mkdir(parents=True)
    encodings = ["gb18030", "utf-16", "utf-8-sig", "utf-8", "utf-8"]
    for (name, text), enc in zip(sorted(texts.items()), encodings):
        if name.startswith("000"):
            enc = "utf-8"  # traditional-script text: GB18030 could hold it, but keep one plain copy
        (messy / name).write_bytes(text.encode(enc))
    # Duplicates under other names and encodings, and broken or foreign files.
    first = sorted(texts)[1]
    (sub / f"copy_of_{first}").write_bytes(t2s(texts[first]).encode("gb18030"))
    (sub / "again.txt").write_bytes(texts[first].encode("utf-16"))
    (messy / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (messy / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    (messy / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (messy / "empty.txt").write_bytes(b"")
    (messy / "notes.pdf").write_bytes(b"%PDF-1.4")
    (messy / ".hidden.txt").write_text("网站客服QQ:123", encoding="utf-8")
    report = mine_folder(messy, tmp_path / "messy.db")
    mine_folder(clean, tmp_path / "clean.db")
    skipped = {os.path.basename(p) for p, _ in report.skipped}
    assert skipped == {"broken.docx", "old.docx", "binary.txt", "empty.txt"}
    assert all(reason for _, reason in report.skipped)
    assert bank_rows(tmp_path / "messy.db") == bank_rows(tmp_path / "clean.db")


KILL_SCRIPT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from editor.core.bank.store import PhraseBank
    from editor.core.mining.pipeline import mine_into_bank
    bank = PhraseBank(sys.argv[1])
    print("ready", flush=True)
    while True:  # mine again and again until killed
        mine_into_bank([Path(sys.argv[2])], bank, include_bank_corpus=False)
        print("mined", flush=True)
""")


def test_sigkill_during_mining_never_damages_the_bank(tmp_path):
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("no SIGKILL on this platform")
    corpus = tmp_path / "corpus"
    shutil.copytree(seed_corpus_dir(), corpus)
    path = tmp_path / "bank.db"
    mine_folder(corpus, path)
    expected = bank_rows(path)
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    for delay in (0.3, 1.0, 1.8, 2.6):
        proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(path), str(corpus)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        b = PhraseBank(path)
        try:
            assert b.recovered_from_backup is None
            assert b.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            b.close()
        assert bank_rows(path) == expected, f"killed after {delay} s"


EDIT_SCRIPT = textwrap.dedent("""
    import sys
    from editor.core.bank.store import PhraseBank
    bank = PhraseBank(sys.argv[1])
    print("ready", flush=True)
    i = 0
    while True:  # the user edits and edits until the power goes
        p = bank.add_user_phrase(f"用户短语{i}")
        bank.set_favourite(p.id, True)
        print(i, flush=True)
        i += 1
""")


def test_sigkill_during_editing_keeps_every_committed_edit(tmp_path):
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("no SIGKILL on this platform")
    path = tmp_path / "bank.db"
    mine_folder(seed_corpus_dir(), path)
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    for delay in (0.2, 0.7):
        proc = subprocess.Popen([sys.executable, "-c", EDIT_SCRIPT, str(path)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        confirmed = len(out.split())
        b = PhraseBank(path)
        try:
            assert b.recovered_from_backup is None
            assert b.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            added = len(b.search("用户短语"))
        finally:
            b.close()
        # Every edit reported as done is there; at most the one in flight is lost or half-done.
        assert confirmed > 0
        assert confirmed <= added <= confirmed + 1
        b = PhraseBank(path)
        try:
            for p in b.search("用户短语"):
                b.delete_phrase(p.id)
        finally:
            b.close()


def test_a_bank_that_cannot_be_written_is_a_clear_error_and_unchanged(tmp_path):
    from editor.core.errors import YukuError

    path = tmp_path / "b.db"
    b = PhraseBank(path)
    b.add_user_phrase("原有短语")
    # Simulate a failing write (full disk, read-only medium): commit raises inside the transaction.
    b.conn.execute("CREATE TRIGGER no_insert BEFORE INSERT ON phrases BEGIN SELECT RAISE(FAIL, 'disk full'); END")
    try:
        with pytest.raises(YukuError) as err:
            mine_into_bank([seed_corpus_dir()], b)
        assert err.value.exit_code == 1
        assert str(path) in str(err.value)
        assert [p.text for p in b.search()] == ["原有短语"]
        assert b.corpus_documents() == []
    finally:
        b.close()


def test_progress_says_how_long_is_left():
    from editor.core.mining.pipeline import _with_eta, eta_text

    assert eta_text(0.5, 50, 100) == ""  # too early to say
    assert eta_text(10.0, 2, 100) == ""  # under 5 % done: a guess would jump about
    assert eta_text(10.0, 50, 100) == "约剩 10 秒 / about 10 s left"
    assert eta_text(60.0, 25, 100) == "约剩 3 分钟 / about 3 min left"
    assert eta_text(10.0, 100, 100) == ""
    seen = []
    ticks = iter([0.0, 0.0, 4.0])
    report = _with_eta(lambda d, t, s: seen.append(s), clock=lambda: next(ticks))
    report(10, 100, "挖掘短语 / mining phrases")
    report(40, 100, "挖掘短语 / mining phrases")
    assert seen == ["挖掘短语 / mining phrases", "挖掘短语 / mining phrases（约剩 6 秒 / about 6 s left）"]
