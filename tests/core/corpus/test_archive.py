"""The structured archive kept beside the bank: a re-mine structures only new files, with the full result."""
from __future__ import annotations

import sqlite3

import pytest

from editor.core.corpus import archive
from editor.core.mining import miner
from editor.core.mining.count_cache import CountCache
from editor.core.resources import seed_corpus_dir
from tests.mining_corpus_gen import generate_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Generated reports (copies and site furniture among them) and bundled documents, as (name, text)."""
    made = generate_corpus(tmp_path_factory.mktemp("gen") / "c", n_reports=14, chars_per_report=2500, seed=3)
    files = [*made.files, *sorted(seed_corpus_dir().rglob("*.txt"))[:16]]
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


def shape(docs):
    """Everything mining reads of the structured documents."""
    return [(d.name, d.title, d.traditional, d.surface,
             [(p.text, p.level, p.heading, p.body, p.section) for p in d.paragraphs]) for d in docs]


def structure(corpus, path):
    cache = CountCache(path)
    try:
        return miner.structure_corpus(corpus, cache=cache)
    finally:
        cache.close()


def split_spy(monkeypatch) -> list[int]:
    """How many files each call of split_files structured."""
    sizes: list[int] = []
    real = miner.split_files

    def spy(files, *args):
        sizes.append(len(files))
        return real(files, *args)

    monkeypatch.setattr(miner, "split_files", spy)
    return sizes


def test_files_added_at_the_end_are_the_only_ones_structured(corpus, tmp_path, monkeypatch):
    path = tmp_path / "bank.db.counts"
    full = shape(miner.structure_corpus(corpus))
    assert len(full) > 20
    structure(corpus[:-5], path)
    sizes = split_spy(monkeypatch)
    again = shape(structure(corpus, path))
    assert sizes == [5]
    assert again == full
    sizes.clear()
    assert shape(structure(corpus, path)) == full  # nothing new: nothing structured
    assert sizes == [0]


def test_a_new_longer_copy_of_an_old_file_means_structuring_everything(corpus, tmp_path, monkeypatch):
    path = tmp_path / "bank.db.counts"
    name, text = corpus[2]
    grown = [*corpus, ("longer.txt", text + "\n另外补充一段很长的说明文字，用来说明这份材料后来又增加了新的内容和新的做法。")]
    structure(corpus, path)
    sizes = split_spy(monkeypatch)
    again = shape(structure(grown, path))
    assert sizes == [1, len(corpus)]  # the new file, then every earlier one again
    monkeypatch.undo()
    assert again == shape(miner.structure_corpus(grown))
    names = {d[0] for d in again}
    assert "longer.txt" in names
    assert name not in names  # the longer copy took its place


def test_new_footers_mean_structuring_everything(tmp_path, monkeypatch):
    import random

    rng = random.Random(2)
    words = "农业工业交通水利教育卫生文化科技环保财政金融商贸旅游体育民政司法"

    def report(i: int, kind: str) -> str:
        body = "。".join("".join(rng.choice(words) for _ in range(30)) for _ in range(4))
        return f"第{i}份{kind}\n{body}。\n{line}"

    line = "这一行在每份材料的末尾都出现"  # no page furniture: a footer only once it is in 10 documents
    old = [(f"a{i}.txt", report(i, "工作总结")) for i in range(4)]
    new = [(f"b{i}.txt", report(i, "情况报告")) for i in range(6)]
    path = tmp_path / "bank.db.counts"
    first = structure(old, path)
    assert len(first) == 4
    assert all(d.paragraphs[-1].text == line for d in first)  # in 4 documents: the author's line…
    sizes = split_spy(monkeypatch)
    again = shape(structure(old + new, path))
    monkeypatch.undo()
    assert again == shape(miner.structure_corpus(old + new))
    assert sizes == [6, 4]  # the new files, then the earlier ones again
    assert len(again) == 10
    assert not any(p[0] == line for d in again for p in d[4])  # …in 10 it is the site's


def test_a_damaged_or_foreign_archive_is_not_used(corpus, tmp_path, monkeypatch):
    path = tmp_path / "bank.db.counts"
    full = shape(miner.structure_corpus(corpus))
    structure(corpus[:-5], path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE archive_parts SET data = x'00ff00ff'")
    assert shape(structure(corpus, path)) == full
    structure(corpus[:-5], path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE kept_archive SET code = 'another miner'")
    sizes = split_spy(monkeypatch)
    assert shape(structure(corpus, path)) == full
    assert sizes == [len(corpus)]


def test_file_identity_names_name_and_text():
    assert archive.file_identity("a/x.txt", "正文") == archive.file_identity("b/x.txt", "正文")
    assert archive.file_identity("x.txt", "正文") != archive.file_identity("y.txt", "正文")
    assert archive.file_identity("x.txt", "正文") != archive.file_identity("x.txt", "正文。")
