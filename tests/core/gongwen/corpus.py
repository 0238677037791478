"""The real documents the checker is measured on (tests/data/gongwen/official, gov.cn; see its README)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "data" / "gongwen"
OFFICIAL = ROOT / "official" / "govcn_state_council"
SEEDS = Path(__file__).resolve().parents[3] / "resources" / "corpus"


def official_texts() -> list[tuple[str, str]]:
    """(file name, text) of every real document, in name order."""
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(OFFICIAL.glob("*.txt"))]
