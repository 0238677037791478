"""The phrase bank: search, the user's own work across re-mining, schema migration, damage recovery."""
from __future__ import annotations

import sqlite3

import pytest

from editor.core.bank.schema import SCHEMA_VERSION, backup_path
from editor.core.bank.store import PhraseBank
from editor.core.errors import YukuError
from editor.core.model.phrases import Phrase

MINED = [
    Phrase("高度重视，加强领导", "measures", "heading", 5.0, 3, 3, "一、高度重视，加强领导", "a.txt"),
    Phrase("下一步工作打算", "next_steps", "heading", 4.0, 2, 2),
    Phrase("同志们", "closing", "collocation", 3.0, 2, 2),
    Phrase("從___來看", "situation", "template", 2.0, 2, 1),
    Phrase("守望相助", "general", "idiom", 1.0, 1, 1),
]


@pytest.fixture
def bank(make_bank):
    return make_bank(MINED)


def texts(phrases):
    return [p.text for p in phrases]


def test_search_all_is_ranked_and_complete(bank):
    assert bank.count() == 5
    assert texts(bank.search()) == [p.text for p in MINED]
    assert texts(bank.search(limit=2)) == ["高度重视，加强领导", "下一步工作打算"]
    assert texts(bank.search(section="closing")) == ["同志们"]
    assert texts(bank.search(kind="template")) == ["從___來看"]


@pytest.mark.parametrize(("query", "expected"), [
    ("领", ["高度重视，加强领导"]),  # one character
    ("領", ["高度重视，加强领导"]),  # the traditional form finds the simplified phrase
    ("来看", ["從___來看"]),  # simplified finds the traditional phrase
    ("___", ["從___來看"]),  # no LIKE wildcards
    ("%", []),
    ("不存在", []),
])
def test_search_either_script_any_length(bank, query, expected):
    assert texts(bank.search(query)) == expected


def test_favourite_sorts_first_and_hidden_is_left_out(bank):
    last = bank.search("守望")[0]
    bank.set_favourite(last.id, True)
    assert bank.search()[0].text == "守望相助"
    bank.set_hidden(last.id, True)
    assert "守望相助" not in texts(bank.search())
    assert "守望相助" in texts(bank.search(include_hidden=True))
    assert bank.count() == 4
    assert bank.get(last.id).hidden is True


def test_user_work_survives_re_mining(bank):
    by_text = {p.text: p for p in bank.search()}
    bank.set_favourite(by_text["同志们"].id, True)
    bank.set_hidden(by_text["守望相助"].id, True)
    bank.set_locked(by_text["下一步工作打算"].id, True)
    bank.update_phrase(by_text["高度重视，加强领导"].id, text="高度重视，强化领导", section="opening")
    bank.delete_phrase(by_text["從___來看"].id)
    own = bank.add_user_phrase("我自己的短语", "closing")
    # Re-mining returns the original texts with new statistics, plus a new phrase.
    remined = [Phrase(p.text, "general", p.kind, 9.0, 7, 7) for p in MINED] + [Phrase("新的短语", "general")]
    bank.replace_mined(remined)
    now = {p.text: p for p in bank.search(include_hidden=True)}
    assert now["同志们"].favourite
    assert now["同志们"].count == 7
    assert now["守望相助"].hidden
    assert now["下一步工作打算"].locked
    assert now["下一步工作打算"].count == 2
    assert now["下一步工作打算"].section == "next_steps"
    assert now["高度重视，强化领导"].section == "opening"
    assert now["高度重视，强化领导"].user
    assert "高度重视，加强领导" not in now  # the edited original does not come back
    assert "從___來看" not in now
    assert "从___来看" not in now
    assert now["我自己的短语"].id == own.id
    assert "新的短语" in now
    # Re-mining without the user's favourite keeps it (it is their work).
    bank.replace_mined([Phrase("新的短语")])
    assert "同志们" in texts(bank.search())


def test_export_and_import_user_phrases(tmp_path, bank):
    first = bank.search("守望")[0]
    bank.set_favourite(first.id, True)
    bank.add_user_phrase("自拟短语", "opening", "collocation", "例句")
    exported = bank.export_user_phrases()
    assert {e["text"] for e in exported} == {"守望相助", "自拟短语"}
    other = PhraseBank(tmp_path / "other.db")
    try:
        assert other.import_user_phrases(exported + [{"text": ""}, {"bogus": 1}]) == 2
        got = {p.text: p for p in other.search()}
        assert got["守望相助"].favourite
        assert got["自拟短语"].section == "opening"
        assert got["自拟短语"].user
    finally:
        other.close()


def test_add_user_phrase_rejects_empty(bank):
    with pytest.raises(ValueError):
        bank.add_user_phrase("   ")


def test_many_rows_all_returned(tmp_path):
    b = PhraseBank(tmp_path / "big.db")
    try:
        b.replace_mined(Phrase(f"短语{i:06d}", "measures", "collocation", float(i % 97), 1, 1) for i in range(20000))
        rows = b.search()
        assert len(rows) == 20000
        assert rows[0].score == 96.0
        assert len(b.search("1")) > 0
    finally:
        b.close()


def test_migrates_a_version_1_bank(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE phrases (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE, section TEXT NOT NULL,"
                 " kind TEXT NOT NULL, score REAL NOT NULL DEFAULT 0, count INTEGER NOT NULL DEFAULT 1,"
                 " doc_count INTEGER NOT NULL DEFAULT 1, example TEXT NOT NULL DEFAULT '',"
                 " source TEXT NOT NULL DEFAULT '', user INTEGER NOT NULL DEFAULT 0,"
                 " favourite INTEGER NOT NULL DEFAULT 0, hidden INTEGER NOT NULL DEFAULT 0,"
                 " locked INTEGER NOT NULL DEFAULT 0)")
    conn.execute("INSERT INTO phrases (text, section, kind, favourite) VALUES ('高度重視', 'measures', 'idiom', 1)")
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.close()
    b = PhraseBank(path)
    try:
        assert b.migrated_from_v1
        assert texts(b.search("视")) == ["高度重視"]  # search column filled by the migration
        assert b.search()[0].favourite
        assert b.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert b.recovered_from_backup is None
    finally:
        b.close()


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(YukuError, match="newer"):
        PhraseBank(path)


def _corrupt(path):
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):  # every page after the header page
        data[offset:offset + 200] = b"\xde\xad\xbe\xef" * 50
    path.write_bytes(bytes(data))


def test_damaged_bank_is_restored_from_backup(tmp_path):
    path = tmp_path / "bank.db"
    b = PhraseBank(path)
    b.replace_mined(Phrase(f"短语{i}", "measures") for i in range(300))
    b.add_user_phrase("我的短语")
    b.close()  # backs up the user's edit
    assert backup_path(path).exists()
    _corrupt(path)
    b = PhraseBank(path)
    try:
        assert b.recovered_from_backup
        assert "备份" in b.recovered_from_backup
        assert b.count() == 301
        assert texts(b.search("我的")) == ["我的短语"]
        assert b.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        b.close()
    assert list(tmp_path.glob("bank.db.damaged-*"))  # the damaged file is kept for inspection


def test_garbage_file_without_backup_gives_a_new_bank_and_says_so(tmp_path):
    path = tmp_path / "bank.db"
    path.write_bytes(b"this is not a database at all" * 100)
    b = PhraseBank(path)
    try:
        assert b.recovered_from_backup
        assert "没有可用的备份" in b.recovered_from_backup
        assert b.count() == 0
        b.add_user_phrase("新短语")
        assert b.count() == 1
    finally:
        b.close()


def test_folder_as_bank_is_a_clear_error(tmp_path):
    with pytest.raises(YukuError):
        PhraseBank(tmp_path)


def test_open_bank_re_mines_a_first_cut_bank_and_keeps_the_favourite(tmp_path):
    from editor.core.bank.default import open_bank

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE phrases (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE, section TEXT NOT NULL,"
                 " kind TEXT NOT NULL, score REAL NOT NULL DEFAULT 0, count INTEGER NOT NULL DEFAULT 1,"
                 " doc_count INTEGER NOT NULL DEFAULT 1, example TEXT NOT NULL DEFAULT '',"
                 " source TEXT NOT NULL DEFAULT '', user INTEGER NOT NULL DEFAULT 0,"
                 " favourite INTEGER NOT NULL DEFAULT 0, hidden INTEGER NOT NULL DEFAULT 0,"
                 " locked INTEGER NOT NULL DEFAULT 0)")
    conn.execute("INSERT INTO phrases (text, section, kind, favourite) VALUES ('三、下一步工作打算', 'general',"
                 " 'collocation', 1)")
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.close()
    b = open_bank(path)
    try:
        assert b.count() > 150  # re-mined: the bundled corpus gives a few hundred precise entries
        assert b.search()[0].text == "三、下一步工作打算"  # the favourite survives, first
        assert b.corpus_documents()
    finally:
        b.close()
    b = PhraseBank(path)
    try:
        assert not b.migrated_from_v1
    finally:
        b.close()
