"""The default bank is mined at build time and shipped: a first start copies it, it never mines."""
from __future__ import annotations

import json

from editor.core.bank import prebuilt
from editor.core.bank.default import open_bank
from editor.core.bank.store import PhraseBank
from editor.core.mining.pipeline import mine_into_bank
from editor.core.resources import seed_corpus_dir


def test_shipped_bank_is_current():
    # Fails when the miner or the corpus changed without `python -m editor.build_bank` (make run does it).
    data = json.loads(prebuilt.prebuilt_path().read_text(encoding="utf-8"))
    assert data["fingerprint"] == prebuilt.fingerprint(), "run: python -m editor.build_bank"
    assert len(data["phrases"]) > 150


def test_first_start_copies_the_shipped_bank_without_mining(tmp_path, monkeypatch):
    import editor.core.mining.miner as miner

    def no_mining(*a, **k):
        raise AssertionError("the first start mined")

    monkeypatch.setattr(miner, "mine_corpus", no_mining)
    bank = open_bank(tmp_path / "bank.db")
    try:
        shipped = prebuilt.load_prebuilt()
        assert shipped is not None
        assert bank.count() == len(shipped)
        assert len(bank.corpus_documents()) == len(list(seed_corpus_dir().rglob("*.txt")))
        assert {p.text for p in bank.search(limit=100000)} == {p.text for p in shipped}
    finally:
        bank.close()


def test_shipped_bank_equals_what_mining_the_corpus_gives(tmp_path):
    bank = PhraseBank(tmp_path / "mined.db")
    try:
        mine_into_bank([seed_corpus_dir()], bank)
        mined = [(p.text, p.section, p.kind, p.doc_count) for p in bank.search(limit=100000)]
    finally:
        bank.close()
    shipped = prebuilt.load_prebuilt()
    assert shipped is not None
    assert [(p.text, p.section, p.kind, p.doc_count) for p in shipped] == mined


def test_a_stale_shipped_bank_is_ignored_and_the_corpus_mined(tmp_path, monkeypatch):
    monkeypatch.setattr(prebuilt, "fingerprint", lambda corpus=None: "other code")
    assert prebuilt.load_prebuilt() is None
    bank = open_bank(tmp_path / "bank.db")
    try:
        assert bank.count() > 150  # mined, as before there was a shipped bank
    finally:
        bank.close()


def test_every_section_of_the_shipped_bank_offers_known_good_formulas_and_no_boilerplate():
    from editor.core.mining.lexicon import is_junk
    from editor.core.model.phrases import SECTIONS

    shipped = prebuilt.load_prebuilt()
    assert shipped is not None
    by_section: dict[str, set[str]] = {}
    for p in shipped:
        by_section.setdefault(p.section, set()).add(p.text)
    # The bundled corpus holds few summaries and speeches, so the small parts are small (README); but
    # none is empty, and each offers the formula a drafter looks for there.
    known = {"title": "关于___的通知", "opening": "现提出以下意见", "situation": "截至目前", "measures": "加强组织领导",
             "problems": "侥幸心理", "next_steps": "下一步工作打算", "closing": "请认真贯彻执行", "general": "因地制宜"}
    for section in SECTIONS:
        if section in known:
            assert known[section] in by_section.get(section, set()), section
    assert len(by_section["problems"]) >= 5
    assert len(by_section["closing"]) >= 5
    assert len(by_section["situation"]) >= 4
    assert not [p.text for p in shipped if is_junk(p.text) or "公有领域" in p.text or "\u200b" in p.text]


def _older_version_bank(path, documents):
    """A bank as an earlier Yuku left it: the given corpus, first-cut phrases, no shipped-bank mark."""
    from editor.core.model.phrases import Phrase

    bank = PhraseBank(path)
    old = [Phrase(text="判处置涉武舆情", section="next_steps", kind="collocation", score=9.0, count=2, doc_count=2),
           Phrase(text="加强组织领导", section="measures", kind="collocation", score=8.0, count=3, doc_count=3)]
    bank.commit_mining(documents, old)
    favourite = next(p for p in bank.search(limit=10) if p.text == "加强组织领导")
    bank.set_favourite(favourite.id, True)
    bank.add_user_phrase("我自己的句子", section="closing")
    bank.close()


def _seed_documents(limit=None):
    from editor.core.corpus.reader import read_corpus_files

    files = read_corpus_files([seed_corpus_dir()]).files[:limit]
    return [(f.digest, "/old/install/" + f.name.rsplit("/", 1)[-1], f.text) for f in files]


def test_an_upgrade_gives_a_bundled_only_bank_the_shipped_phrases_and_keeps_the_users_work(tmp_path):
    _older_version_bank(tmp_path / "bank.db", _seed_documents(5))  # the first Yuku shipped 5 seed files
    bank = open_bank(tmp_path / "bank.db")
    try:
        texts = {p.text: p for p in bank.search(limit=100000)}
        shipped = prebuilt.load_prebuilt()
        assert shipped is not None
        assert "判处置涉武舆情" not in texts  # the old miner's fragment is gone
        assert {p.text for p in shipped} <= set(texts)
        assert texts["我自己的句子"].section == "closing"
        assert texts["加强组织领导"].favourite
        assert len(bank.corpus_documents()) == len(list(seed_corpus_dir().rglob("*.txt")))
        assert bank.get_meta("shipped_bank") == prebuilt.shipped_id()
    finally:
        bank.close()


def test_a_bank_holding_the_users_own_documents_is_not_touched_by_an_upgrade(tmp_path, monkeypatch):
    own = ("0" * 40, "/home/me/总结.txt", "我们单位的工作总结。")
    _older_version_bank(tmp_path / "bank.db", [*_seed_documents(2), own])
    bank = open_bank(tmp_path / "bank.db")
    try:
        assert "判处置涉武舆情" in {p.text for p in bank.search(limit=100000)}
        assert ("/home/me/总结.txt", "我们单位的工作总结。") in bank.corpus_documents()
        assert bank.get_meta("shipped_bank") == prebuilt.shipped_id()
    finally:
        bank.close()
    # Marked as seen: a later start does not read the bundled corpus again.
    import editor.core.corpus.reader as reader

    monkeypatch.setattr(reader, "read_corpus_files", lambda *a, **k: (_ for _ in ()).throw(AssertionError("read")))
    open_bank(tmp_path / "bank.db").close()
