"""Detection on seeded mistakes in real documents: ≥ 95 % a rule, ≥ 10 cases a rule, and certain fixes undo them."""
from __future__ import annotations

from io import BytesIO

import docx
import pytest
from docx.oxml.ns import qn

from editor.core.formats.draft_text import draft_to_document
from editor.core.gongwen.check.rules import RULES, Finding
from editor.core.gongwen.check.runner import apply_fixes, run_checks
from editor.core.gongwen.docx_source import from_docx
from editor.core.gongwen.export import official_body
from editor.core.gongwen.source import from_text
from tests.core.gongwen import mutations
from tests.core.gongwen.corpus import official_texts

DOCS = official_texts()
TEXT_RULES = sorted(r for r in RULES if r != "font.part")
# Mutations a certain fix undoes exactly: the fixed text equals the real document again.
RESTORED_BY_FIX = ("docnum.brackets", "docnum.di", "docnum.zero", "title.punct", "punct.quotes", "numbers.mixed")


def _keys(findings: list[Finding], rule: str) -> set[tuple[int | None, str]]:
    return {(f.line, f.excerpt) for f in findings if f.rule == rule}


def _cases(rule: str) -> list[tuple[str, str]]:
    return list(mutations.MUTATORS[rule](DOCS))


def test_every_rule_has_a_mutation_generator_with_enough_cases():
    """A rule without tests fails here: every registered rule needs ≥ MIN_CASES seeded cases."""
    missing = sorted(set(RULES) - set(mutations.MUTATORS))
    assert not missing, f"rules without mutation tests: {missing}"
    for rule in RULES:
        assert len(_cases(rule)) >= mutations.MIN_CASES, rule


@pytest.mark.parametrize("rule", TEXT_RULES)
def test_detection_on_seeded_mistakes(rule):
    """The rule finds a new breach in at least 95 % of the mutated real documents."""
    originals = dict(DOCS)
    cases = _cases(rule)
    detected = []
    for name, text in cases:
        before = _keys(run_checks(from_text(originals[name])), rule)
        after = _keys(run_checks(from_text(text)), rule)
        detected.append(bool(after - before))
    rate = sum(detected) / len(detected)
    missed = [name for (name, _), hit in zip(cases, detected) if not hit]
    assert rate >= 0.95, (rule, f"{rate:.0%}", missed[:5])


@pytest.mark.parametrize("rule", RESTORED_BY_FIX)
def test_certain_fixes_restore_the_real_document(rule):
    """Applying the certain fixes of the rule to the mutated text gives back the published text."""
    originals = dict(DOCS)
    restored = 0
    cases = _cases(rule)
    for name, text in cases:
        findings = [f for f in run_checks(from_text(text)) if f.rule == rule]
        fixed, _ = apply_fixes(text, findings)
        restored += fixed == originals[name]
    assert restored / len(cases) >= 0.95, (rule, restored, len(cases))


def _official_docx(text: str) -> bytes:
    return official_body(draft_to_document(text))


def test_font_rule_detects_changed_fonts_and_sizes_in_docx():
    """font.part: the title set in 黑体, or a body paragraph in 12 pt, is found in the exported DOCX."""
    cases = _cases("font.part")[:12]
    hits = 0
    for k, (_, text) in enumerate(cases):
        data = _official_docx(text)
        clean = [f for f in run_checks(from_docx(None, data)) if f.rule == "font.part"]
        assert clean == [], clean
        d = docx.Document(BytesIO(data))
        if k % 2 == 0:
            for run in d.paragraphs[0].runs:  # the whole title (a long one is several runs: its lines)
                run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "黑体")
        else:
            body = next(p for p in d.paragraphs[1:] if p.style.style_id == "Normal" and len(p.text) > 20)
            for run in body.runs:
                run.font.size = docx.shared.Pt(12)
        out = BytesIO()
        d.save(out)
        found = [f for f in run_checks(from_docx(None, out.getvalue())) if f.rule == "font.part"]
        hits += bool(found)
    assert hits / len(cases) >= 0.95
