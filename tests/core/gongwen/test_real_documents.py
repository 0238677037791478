"""No false positives on real published documents: the 60 State Council texts and the seed corpus."""
from __future__ import annotations

import re

from editor.core.gongwen.check.punctuation import HAN
from editor.core.gongwen.check.runner import run_checks
from editor.core.gongwen.source import from_text
from tests.core.gongwen.corpus import ROOT, SEEDS, official_texts


def _known() -> set[tuple[str, str, int, str]]:
    out = set()
    for line in (ROOT / "known_findings.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, rule, number, excerpt, _why = line.split("\t")
            out.add((name, rule, int(number), excerpt))
    return out


def test_corpus_is_the_copied_one_with_its_attribution():
    docs = official_texts()
    assert len(docs) == 60
    assert (ROOT / "official" / "README.md").read_text(encoding="utf-8").count("gov.cn")
    assert len((ROOT / "official" / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()) == 61


def test_no_findings_on_published_state_council_documents_but_the_reviewed_true_ones():
    """Every finding on the 60 real documents is one reviewed by hand and listed with its reason."""
    known = _known()
    seen = set()
    for name, text in official_texts():
        for f in run_checks(from_text(text)):
            key = (name, f.rule, f.line or 0, f.excerpt)
            assert key in known, key
            seen.add(key)
    assert seen == known  # the list holds nothing stale


def test_the_parts_of_real_documents_are_recognised():
    """Title, 主送, 署名 and 成文日期 are found where the published documents have them."""
    with_date = with_main = 0
    docs = official_texts()
    for _, text in docs:
        src = from_text(text)
        with_date += bool(src.role("date"))
        with_main += bool(src.role("main"))
        assert src.title is not None
    assert with_date >= 55
    assert with_main >= 50


def test_seed_corpus_gives_only_true_findings_of_text_rules():
    """The seeds are web texts, not 公文: ASCII punctuation and blanks are really there; nothing structural fires."""
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for f in run_checks(from_text(text)):
            assert f.rule in ("punct.halfwidth", "blanks.unfilled", "title.punct"), (path.name, f)
            line = text.split("\n")[f.line - 1]
            assert f.excerpt in line
            if f.rule == "punct.halfwidth":
                assert re.search(rf"[{HAN}]{re.escape(f.excerpt[0])}", line)
            elif f.rule == "blanks.unfilled":
                assert set(f.excerpt) <= set("_＿Xx×□Ｘ")
            else:
                assert f.line == 1
                assert f.excerpt
                assert line.endswith(f.excerpt)
