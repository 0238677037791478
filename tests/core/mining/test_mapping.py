"""The per-document map cache: a cached or incremental mine gives exactly what a full mine gives."""
from __future__ import annotations

import sqlite3

import pytest

from editor.core.bank.store import PhraseBank
from editor.core.mining import mapping
from editor.core.mining.mapping import MapCache
from editor.core.mining.miner import mine_corpus
from editor.core.mining.pipeline import mine_into_bank
from editor.core.resources import seed_corpus_dir
from tests.mining_corpus_gen import generate_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Generated reports (with copies and site furniture) and the bundled documents: (name, text)."""
    made = generate_corpus(tmp_path_factory.mktemp("gen") / "c", n_reports=16, chars_per_report=2500, seed=7)
    files = [*made.files, *sorted(seed_corpus_dir().rglob("*.txt"))[:20]]
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


@pytest.fixture(scope="module")
def full(corpus):
    """Phrases of a full mine, no cache."""
    return mine_corpus(corpus).phrases


def counting_maps(monkeypatch):
    calls = []
    real = mapping.map_document

    def counted(index, doc):
        calls.append(doc.name)
        return real(index, doc)

    monkeypatch.setattr(mapping, "map_document", counted)
    return calls


def test_a_cached_mine_equals_a_full_mine(corpus, full, tmp_path, monkeypatch):
    path = tmp_path / "bank.db.mapcache"
    cold = mine_corpus(corpus, cache=MapCache(path)).phrases
    calls = counting_maps(monkeypatch)
    warm = mine_corpus(corpus, cache=MapCache(path)).phrases
    assert len(full) > 50
    assert cold == full  # same phrases, same order, same scores, examples and sources
    assert warm == full
    assert calls == []  # nothing mapped again


def test_adding_documents_maps_only_those_and_equals_a_full_mine(corpus, full, tmp_path, monkeypatch):
    path = tmp_path / "bank.db.mapcache"
    head, added = corpus[:-6], corpus[-6:]
    mine_corpus(head, cache=MapCache(path))
    calls = counting_maps(monkeypatch)
    again = mine_corpus(corpus, cache=MapCache(path)).phrases
    assert again == full
    assert 0 < len(calls) <= len(added)  # only the added documents (a copy is dropped before mapping)
    assert {n for n, _ in added} >= set(calls)


def test_the_cache_holds_only_the_current_corpus(corpus, tmp_path):
    path = tmp_path / "bank.db.mapcache"
    mine_corpus(corpus, cache=MapCache(path))
    many = len(MapCache(path).keys())
    mine_corpus(corpus[:8], cache=MapCache(path))
    assert 0 < len(MapCache(path).keys()) < many


def test_a_changed_miner_does_not_reuse_old_counts(corpus, tmp_path, monkeypatch):
    path = tmp_path / "bank.db.mapcache"
    mine_corpus(corpus[:10], cache=MapCache(path))
    monkeypatch.setattr(mapping, "code_version", lambda: "another miner")
    calls = counting_maps(monkeypatch)
    mine_corpus(corpus[:10], cache=MapCache(path))
    assert len(calls) >= 8


def test_a_damaged_cache_file_is_rebuilt(corpus, full, tmp_path):
    path = tmp_path / "bank.db.mapcache"
    path.write_bytes(b"this is not a database" * 100)
    assert mine_corpus(corpus, cache=MapCache(path)).phrases == full
    assert len(MapCache(path).keys()) > 10  # a new cache took its place


def test_damaged_entries_are_mapped_again(corpus, full, tmp_path):
    path = tmp_path / "bank.db.mapcache"
    mine_corpus(corpus, cache=MapCache(path))
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE maps SET counts = x'00ff00ff'")
    assert mine_corpus(corpus, cache=MapCache(path)).phrases == full


def test_re_mining_a_bank_after_adding_files_uses_its_cache(corpus, tmp_path, monkeypatch):
    first, more = tmp_path / "first", tmp_path / "more"
    for folder, part in ((first, corpus[:-5]), (more, corpus[-5:])):
        folder.mkdir()
        for name, text in part:
            (folder / name).write_text(text, encoding="utf-8")
    bank = PhraseBank(tmp_path / "a.db")
    mine_into_bank([first], bank, include_bank_corpus=False)
    assert (tmp_path / "a.db.mapcache").exists()
    calls = counting_maps(monkeypatch)
    mine_into_bank([more], bank)
    incremental = [(p.text, p.section, p.kind, p.score, p.doc_count) for p in bank.search(include_hidden=True)]
    bank.close()
    monkeypatch.undo()
    fresh = PhraseBank(tmp_path / "b.db")
    mine_into_bank([first, more], fresh, include_bank_corpus=False)
    whole = [(p.text, p.section, p.kind, p.score, p.doc_count) for p in fresh.search(include_hidden=True)]
    fresh.close()
    assert incremental == whole
    assert len(calls) <= 5
