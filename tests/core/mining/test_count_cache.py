"""Re-mining maps only documents it has not counted before, and gives the bank a full re-mine gives."""
from __future__ import annotations

import shutil

import pytest

from editor.core.bank.store import PhraseBank
from editor.core.mining import mapreduce
from editor.core.mining.count_cache import CountCache, cache_path
from editor.core.mining.pipeline import mine_into_bank
from editor.core.resources import seed_corpus_dir


def _rows(bank: PhraseBank) -> list[tuple[object, ...]]:
    return sorted((p.text, p.section, p.kind, p.count, p.doc_count, p.example, p.source)
                  for p in bank.search(include_hidden=True))


@pytest.fixture
def split_corpus(tmp_path):
    """The bundled corpus in two parts: the archive and the documents added later."""
    old, new = tmp_path / "old", tmp_path / "new"
    files = sorted(p for p in seed_corpus_dir().rglob("*.txt"))
    for i, f in enumerate(files):
        dest = (new if i % 6 == 5 else old) / f.relative_to(seed_corpus_dir())
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, dest)
    return old, new


def _count_maps(monkeypatch) -> list[str]:
    mapped: list[str] = []
    real = mapreduce.map_document
    # Mapped in this process, where the count is seen (the bundled corpus is big enough to fork workers).
    monkeypatch.setattr(mapreduce, "FORK_CHARS", 10**12)

    def counting(index, doc):
        mapped.append(doc.name)
        return real(index, doc)

    monkeypatch.setattr(mapreduce, "map_document", counting)
    return mapped


def test_adding_documents_maps_only_them_and_gives_the_full_bank(tmp_path, split_corpus, monkeypatch):
    old, new = split_corpus
    incremental = PhraseBank(tmp_path / "inc.db")
    mine_into_bank([old], incremental)
    assert cache_path(tmp_path / "inc.db").exists()
    mapped = _count_maps(monkeypatch)
    mine_into_bank([new], incremental)  # re-mines the stored corpus together with the new files
    added = {p.name for p in new.rglob("*.txt")}
    assert mapped, "the new documents were mapped"
    assert set(mapped) <= added  # …and nothing else: the archive's counts came from the cache
    monkeypatch.undo()

    reference = PhraseBank(tmp_path / "ref.db")
    for folder in (old, new):
        reference.close()
        reference = PhraseBank(tmp_path / "ref.db")
        cache_path(tmp_path / "ref.db").unlink(missing_ok=True)  # every run a full map
        mine_into_bank([folder], reference)
    assert _rows(incremental) == _rows(reference)
    incremental.close()
    reference.close()


def test_a_damaged_cache_is_ignored_and_mining_goes_on(tmp_path, split_corpus):
    old, _ = split_corpus
    cache_path(tmp_path / "b.db").write_bytes(b"this is not a database" * 100)
    bank = PhraseBank(tmp_path / "b.db")
    report = mine_into_bank([old], bank)
    assert report.phrases > 50
    bank.close()


def test_counts_from_other_miner_code_are_not_reused(tmp_path, split_corpus, monkeypatch):
    old, _ = split_corpus
    bank = PhraseBank(tmp_path / "b.db")
    mine_into_bank([old], bank)
    from editor.core.mining import count_cache

    monkeypatch.setattr(count_cache, "code_version", lambda: "another miner")
    mapped = _count_maps(monkeypatch)
    mine_into_bank([old], bank, include_bank_corpus=False)
    assert len(mapped) >= 20  # every document mapped again
    bank.close()


def test_the_cache_forgets_documents_that_left_the_corpus(tmp_path, split_corpus):
    old, new = split_corpus
    bank = PhraseBank(tmp_path / "b.db")
    mine_into_bank([old, new], bank, include_bank_corpus=False)
    before = CountCache(cache_path(tmp_path / "b.db"))
    n_before = len(before.keys())
    before.close()
    mine_into_bank([new], bank, include_bank_corpus=False)
    after = CountCache(cache_path(tmp_path / "b.db"))
    assert 0 < len(after.keys()) < n_before
    after.close()
    bank.close()


def test_merged_counts_are_kept_and_read_back_in_batches(tmp_path):
    from collections import Counter

    from editor.core.mining import blobs
    from editor.core.mining.counting import Counts, Tally

    surface = ("简体全文", "簡體全文")  # shared by many tallies: written once a batch, read back equal
    counts = Counts(sections=Counter({"measures": 3}), words=Counter({"加强": 2}), documents=2)
    for i in range(2 * blobs._BATCH + 7):
        counts.tallies[f"短语{i}"] = Tally(f"短语{i}", "例句", "a.txt", {"collocation": 1}, {"measures": i},
                                          df=i, surface=surface if i % 3 == 0 else None, titles=["标题"])
    cache = CountCache(tmp_path / "b.db.counts")
    cache.keep_merged(["k1", "k2"], counts)
    held, back = cache.merged(["k1", "k2", "k3"])
    cache.close()
    assert held == 2
    assert back.documents == 2
    assert back.sections == counts.sections
    assert back.words == counts.words
    assert list(back.tallies) == list(counts.tallies)  # the order is the fold's: it decides ties
    assert back.tallies == counts.tallies


def test_a_re_mine_reuses_the_shape_verdicts_of_the_last_run(tmp_path, split_corpus, monkeypatch):
    # Whether a text is shaped as a formula is kept with the filter's verdicts: a re-mine of the same
    # corpus tags none again with jieba, and ranks as before.
    from editor.core.mining import ngrams

    old, _ = split_corpus
    bank = PhraseBank(tmp_path / "bank.db")
    mine_into_bank([old], bank, include_bank_corpus=False)
    first = _rows(bank)
    calls: list[str] = []
    real = ngrams.formula_shaped

    def spy(text, clause=False):
        calls.append(text)
        return real(text, clause)

    monkeypatch.setattr(ngrams, "formula_shaped", spy)
    mine_into_bank([old], bank, include_bank_corpus=False)
    assert _rows(bank) == first
    assert calls == []
    CountCache(cache_path(bank.path)).keep_verdicts({})  # forgotten: every text is tagged again
    mine_into_bank([old], bank, include_bank_corpus=False)
    assert _rows(bank) == first
    assert len(calls) > 20
    bank.close()


def test_the_archive_is_kept_in_parts_and_read_back_as_a_stream(tmp_path, monkeypatch):
    # Written a part at a time (never whole in memory: 300 MB at archive scale); a damaged part
    # means structuring again, never a wrong archive.
    from editor.core.mining import blobs
    from editor.core.mining.miner import structure_archive

    corpus = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(seed_corpus_dir().rglob("*.txt"))[:12]]
    monkeypatch.setattr(blobs.PartsWriter, "PART", 4096)
    cache = CountCache(tmp_path / "bank.db.counts")
    archive, _ = structure_archive(corpus)
    cache.keep_archive(archive)
    assert cache.conn is not None
    assert cache.conn.execute("SELECT count(*) FROM archive_parts").fetchone()[0] > 3
    back = cache.archive(archive.files)
    assert back is not None
    assert back.files == archive.files
    assert back.docs == archive.docs
    assert back.passages == archive.passages
    with cache.conn:
        cache.conn.execute("UPDATE archive_parts SET data = x'00ff00ff' WHERE seq = 1")
    assert cache.archive(archive.files) is None
    cache.keep_archive(archive)  # kept again: a new generation, the old parts gone
    assert cache.archive(archive.files) is not None
    assert cache.conn.execute("SELECT count(DISTINCT gen) FROM archive_parts").fetchone()[0] == 1
    with cache.conn:
        cache.conn.execute("DELETE FROM archive_parts WHERE seq = 2")
    assert cache.archive(archive.files) is None
    cache.close()


def test_the_verdicts_are_rewritten_only_once_they_have_grown_by_a_twentieth(tmp_path, split_corpus, monkeypatch):
    old, new = split_corpus
    bank = PhraseBank(tmp_path / "bank.db")
    mine_into_bank([old], bank, include_bank_corpus=False)
    kept: list[int] = []
    real = CountCache.keep_verdicts

    def spy(self, verdicts):
        kept.append(len(verdicts))
        real(self, verdicts)

    monkeypatch.setattr(CountCache, "keep_verdicts", spy)
    mine_into_bank([old], bank, include_bank_corpus=False)  # nothing new to judge
    assert kept == []
    cache = CountCache(cache_path(bank.path))
    known = cache.verdicts()
    cache.keep_verdicts(dict(list(known.items())[: len(known) // 2]))  # half forgotten: many to judge again
    cache.close()
    kept.clear()
    mine_into_bank([old], bank, include_bank_corpus=False)
    assert kept == [len(known)]
    bank.close()
