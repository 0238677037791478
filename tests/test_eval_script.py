"""The judged evaluation's scorer (scripts/eval_mining.py): its precision and its sidebar line."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "scripts" / "eval_mining.py"


def _scorer():
    spec = importlib.util.spec_from_file_location("eval_mining", _PATH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_mining", module)
    spec.loader.exec_module(module)
    return module


def test_unjudged_entries_count_as_not_good():
    em = _scorer()
    labels = {("general", "贯彻落实"): "good", ("general", "退休人员"): "junk"}
    assert em.precision(["贯彻落实", "退休人员", "没读过"], "general", labels, 20) == 1 / 3
    assert em.precision([], "general", labels, 20) is None


def test_sidebar_line_counts_each_kinds_first_entries_and_names_the_weakest_groups():
    em = _scorer()
    groups = {
        ("general", "quote"): ["跟着美食去旅行", "国家兴亡，匹夫有责"],
        ("general", "idiom"): ["因地制宜", "严厉打击"],
        ("measures", "parallel"): ["法律监督、工作监督"],
    }
    labels = {
        ("general", "quote"): "good",  # a label of another section's entry does not count here
        ("general", "跟着美食去旅行"): "junk",
        ("general", "因地制宜"): "good",
        ("general", "严厉打击"): "good",
        ("measures", "法律监督、工作监督"): "fragment",
    }
    line = em.sidebar_line(groups, labels)
    assert "in 3 groups): 2 of 5 good (40%)" in line
    assert "0 misplaced, 1 fragment, 1 junk, 1 unjudged" in line
    assert line.endswith("weakest: general/quote 0.00, measures/parallel 0.00, general/idiom 1.00")


def test_labels_ignore_quotation_marks(tmp_path):
    em = _scorer()
    path = tmp_path / "labels.tsv"
    path.write_text("section\ttext\tlabel\n# a comment line\nmeasures\t坚决做到“两个维护”\tgood\n", encoding="utf-8")
    assert em.read_labels(path) == {("measures", "坚决做到两个维护"): "good"}
