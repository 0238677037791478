"""The real miner on the bundled corpus, judged by the project's scorer (tests/data/eval)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from editor.core.bank.store import PhraseBank
from editor.core.corpus.normalize import t2s
from editor.core.mining.pipeline import mine_into_bank
from editor.core.resources import seed_corpus_dir
from tests import DATA_ROOT

EVAL = DATA_ROOT / "eval"


@pytest.fixture(scope="module")
def seed_phrases(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed")
    # dev_gold.tsv lists what a good miner finds in the five seed files (resources/corpus/*.txt); the
    # bundled corpus adds the State Council documents under govcn/, judged by `make eval` instead.
    seeds = folder / "seeds"
    seeds.mkdir()
    for path in seed_corpus_dir().glob("*.txt"):
        shutil.copy(path, seeds / path.name)
    bank = PhraseBank(folder / "bank.db")
    try:
        report = mine_into_bank([seeds], bank)
        assert not report.skipped
        phrases = [p.as_json() for p in bank.search(limit=100000)]
    finally:
        bank.close()
    out = folder / "phrases.json"
    out.write_text(json.dumps(phrases, ensure_ascii=False), encoding="utf-8")
    return out, phrases


def test_scorer_targets_hold_on_the_seed_corpus(seed_phrases):
    path, _ = seed_phrases
    run = subprocess.run([sys.executable, str(EVAL / "score_mining.py"), str(path), str(EVAL / "dev_gold.tsv"),
                          str(EVAL / "dev_junk.tsv")], capture_output=True, text=True, timeout=300)
    line = run.stdout.strip().splitlines()[-1]
    figures = dict(kv.split("=") for kv in line.split())
    assert float(figures["recall"]) >= 0.90, run.stdout
    assert float(figures["section_acc"]) >= 0.85, run.stdout
    assert float(figures["fragments"]) <= 0.05, run.stdout
    assert figures["junk"] == "0", run.stdout
    # The shared self-check also asks for ≥ 300 entries from these 18 documents; issue 18 asks for
    # precision instead (a one-document clause or n-gram is that document's content, not a formula),
    # which leaves about 120. The bound below guards against a collapse, not a target.
    assert 90 <= int(figures["entries"]) <= 20000


def test_every_kind_and_section_is_represented(seed_phrases):
    _, phrases = seed_phrases
    assert {p["kind"] for p in phrases} == {"heading", "parallel", "idiom", "quote", "template", "collocation"}
    assert {p["section"] for p in phrases} >= {"title", "opening", "situation", "measures", "problems",
                                              "next_steps", "closing"}


def test_no_site_boilerplate_names_or_raw_placeholders(seed_phrases):
    _, phrases = seed_phrases
    texts = [p["text"] for p in phrases]
    joined = t2s("\n".join(texts))  # phrases keep the script they were written in
    for junk in ("上传", "客服", "QQ", "403074932", "小编", "淘文库", "KB", "版权"):
        assert junk not in joined, junk
    for name in ("石强桢", "钟南山", "武汉", "湖北"):
        assert name not in joined, name
    # Placeholders of every spelling became the one blank ___; no digits are left in phrases.
    assert not [t for t in texts if re.search(r"[0-9]|XX|xx|某某|(?<!_)_(?!_)|_{4,}", t)]
    assert any("___" in t for t in texts)


def test_entries_carry_statistics_and_an_example(seed_phrases):
    from editor.core.mining.miner import structure_corpus

    _, phrases = seed_phrases
    files = sorted(seed_corpus_dir().glob("*.txt"))
    docs = structure_corpus([(f.name, f.read_text(encoding="utf-8")) for f in files])
    # The source is the document's title as written (a seed file holds several documents and is named
    # by a hash), or its file's name when it has none.
    titles = {d.title for d in docs if d.title}
    written = "\n".join(f.read_text(encoding="utf-8") for f in files)
    untitled = {d.name for d in docs if not d.title}
    for p in phrases:
        assert p["count"] >= p["doc_count"] >= 1
        assert p["example"]
        assert p["source"] in untitled or (t2s(p["source"]) in titles and p["source"] in written), p["source"]
    assert sum(p["source"] in untitled for p in phrases) < len(phrases) // 4
    scores = [p["score"] for p in phrases]
    assert scores == sorted(scores, reverse=True)


def test_the_shipped_bank_keeps_what_the_seed_corpus_teaches():
    # The shipped bank is resources/corpus mined whole (`yuku mine resources/corpus`): the seeds and 45
    # State Council documents. Those documents must not push the seeds' formulas out (the seeds'
    # speeches and summaries are still few: their one-document shapes are evidence).
    from editor.core.resources import resource_path

    bank = resource_path("bank", "default.json")
    run = subprocess.run([sys.executable, str(EVAL / "score_mining.py"), str(bank), str(EVAL / "dev_gold.tsv"),
                          str(EVAL / "dev_junk.tsv")], capture_output=True, text=True, timeout=300)
    figures = dict(kv.split("=") for kv in run.stdout.strip().splitlines()[-1].split())
    assert float(figures["recall"]) >= 0.90, run.stdout
    assert float(figures["section_acc"]) >= 0.85, run.stdout
    assert float(figures["fragments"]) <= 0.05, run.stdout
    assert figures["junk"] == "0", run.stdout
