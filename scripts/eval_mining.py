"""Judged evaluation of the phrase bank: P@20 and P@50 per section against a native reader's labels.

    python scripts/eval_mining.py CORPUS LABELS.tsv [--dump OUT.tsv]

Mines CORPUS (a folder) into a temporary bank with the real pipeline, takes each section's top 50
in the order `yuku phrases` and the sidebar show them, and looks every entry up in LABELS.tsv
(section, text, label: good / misplaced / fragment / junk). An entry with no label counts as not
good, so a ranking change cannot raise the figures until the new entries are read and judged.
--dump writes the current top 50s with their labels (blank where unjudged) for judging, and the
first ten of each kind the sidebar lists under a section (rank g1 … g10), since a drafter who
opens 通用 › 引语 reads those first, whatever their place in the section's top 50.
Exit status 0 only when every section reaches P@20 ≥ 0.85 and P@50 ≥ 0.75, no entry in any top 20
is a fragment and none in any top 50 is junk. A section with fewer than k entries is scored over
the entries it has.
"""
from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from editor.core.model.phrases import KINDS, SECTIONS  # after the path: run as a script from anywhere

LABELS = ("good", "misplaced", "fragment", "junk")
TOP = 50
GROUP_TOP = 10  # the sidebar lists a section's phrases by kind: what a drafter reads on opening one
_NO_QUOTES = str.maketrans("", "", "“”‘’")


def top_entries(corpus: Path) -> tuple[dict[str, list[str]], dict[tuple[str, str], list[str]]]:
    """Each section's top 50 texts and each (section, kind) group's first ten, mined with the real pipeline."""
    from editor.core.bank.store import PhraseBank
    from editor.core.mining.pipeline import mine_into_bank

    with tempfile.TemporaryDirectory() as tmp:
        bank = PhraseBank(Path(tmp) / "bank.db")
        try:
            mine_into_bank([corpus], bank, include_bank_corpus=False)
            tops = {s: [_plain(p.text) for p in bank.search("", s, None, TOP)] for s in SECTIONS}
            groups = {(s, k): [_plain(p.text) for p in bank.search("", s, k, GROUP_TOP)]
                      for s in SECTIONS for k in KINDS}
            return tops, {g: texts for g, texts in groups.items() if texts}
        finally:
            bank.close()


def read_labels(path: Path) -> dict[tuple[str, str], str]:
    """(section, text) → label."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]
    return {(r[0], _plain(r[1])): r[2] for r in rows[1:] if len(r) >= 3 and r[2] in LABELS}


def _plain(text: str) -> str:
    """A label is for the phrase, whether or not its quotation marks are shown (坚决做到“两个维护”)."""
    return text.translate(_NO_QUOTES)


def precision(texts: list[str], section: str, labels: dict[tuple[str, str], str], k: int) -> float | None:
    """Share of good entries in the first k (or all, if fewer); None for an empty section."""
    head = texts[:k]
    if not head:
        return None
    return sum(labels.get((section, t)) == "good" for t in head) / len(head)


def main() -> int:
    """Mine, score, print one line per section and a verdict."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("labels", type=Path)
    ap.add_argument("--dump", type=Path, help="write the current top 50s (with known labels) here")
    args = ap.parse_args()
    tops, groups = top_entries(args.corpus)
    labels = read_labels(args.labels)
    if args.dump:
        with args.dump.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t", lineterminator="\n")
            w.writerow(["section", "text", "label", "rank"])
            for s in SECTIONS:
                for i, t in enumerate(tops[s], 1):
                    w.writerow([s, t, labels.get((s, t), ""), i])
                for (gs, _), texts in groups.items():
                    for i, t in enumerate(texts, 1):
                        if gs == s and t not in tops[s]:
                            w.writerow([s, t, labels.get((s, t), ""), f"g{i}"])
    ok = True
    print(f"{'section':<11} {'n':>3} {'P@20':>5} {'P@50':>5}  unjudged  fragments@20  junk@50")
    for s in SECTIONS:
        texts = tops[s]
        p20, p50 = precision(texts, s, labels, 20), precision(texts, s, labels, 50)
        unjudged = sum((s, t) not in labels for t in texts)
        frag = sum(labels.get((s, t)) == "fragment" for t in texts[:20])
        junk = sum(labels.get((s, t)) == "junk" for t in texts)
        show = [f"{v:.2f}" if v is not None else "  -  " for v in (p20, p50)]
        print(f"{s:<11} {len(texts):>3} {show[0]:>5} {show[1]:>5}  {unjudged:>8}  {frag:>12}  {junk:>7}")
        if (p20 is not None and p20 < 0.85) or (p50 is not None and p50 < 0.75) or frag or junk or unjudged:
            ok = False
    print("targets met" if ok else "targets NOT met")
    print(sidebar_line(groups, labels))
    return 0 if ok else 1


def sidebar_line(groups: dict[tuple[str, str], list[str]], labels: dict[tuple[str, str], str]) -> str:
    """One line on what the sidebar shows first: the first ten of each kind under each section.

    Reported beside the verdict, not part of it (the issue's targets are the sections' lists).
    """
    shown = [(s, t) for (s, _), texts in groups.items() for t in texts]
    good = sum(labels.get(e) == "good" for e in shown)
    bad = {lab: sum(labels.get(e) == lab for e in shown) for lab in LABELS[1:]}
    unjudged = sum(e not in labels for e in shown)
    worst = sorted(((sum(labels.get((s, t)) == "good" for t in texts) / len(texts), f"{s}/{k}")
                    for (s, k), texts in groups.items()))[:3]
    return (f"sidebar (first {GROUP_TOP} of each kind in {len(groups)} groups): {good} of {len(shown)} good"
            f" ({good / max(1, len(shown)):.0%}); " + ", ".join(f"{n} {lab}" for lab, n in bad.items())
            + f", {unjudged} unjudged; weakest: " + ", ".join(f"{g} {p:.2f}" for p, g in worst))


if __name__ == "__main__":
    sys.exit(main())
