"""The phrase record and the section and kind ids shared by miner, bank, CLI and GUI."""
from __future__ import annotations

from dataclasses import dataclass

SECTIONS = ("title", "opening", "situation", "measures", "problems", "next_steps", "closing", "general")
KINDS = ("heading", "parallel", "idiom", "quote", "template", "collocation")
BLANK = "___"


@dataclass
class Phrase:
    """One bank entry."""

    text: str
    section: str = "general"
    kind: str = "collocation"
    score: float = 0.0
    count: int = 1
    doc_count: int = 1
    example: str = ""
    source: str = ""
    id: int | None = None
    user: bool = False  # added or edited by the user
    favourite: bool = False
    hidden: bool = False
    locked: bool = False

    def as_json(self) -> dict[str, object]:
        """The CLI's JSON shape (ARCHITECTURE.md)."""
        return {
            "text": self.text,
            "section": self.section,
            "kind": self.kind,
            "score": round(self.score, 4),
            "count": self.count,
            "doc_count": self.doc_count,
            "example": self.example,
            "source": self.source,
            "user": self.user,
            "favourite": self.favourite,
        }
