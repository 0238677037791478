"""The phrase record and the section and kind ids shared by miner, bank, CLI and GUI."""
from __future__ import annotations

from dataclasses import dataclass

from editor.core.translatable import QT_TRANSLATE_NOOP

SECTIONS = ("title", "opening", "situation", "measures", "problems", "next_steps", "closing", "general")
# Each section's name for people (Simplified Chinese source; the GUI translates it in "phrase_model").
SECTION_LABELS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("phrase_model", "标题"),
    "opening": QT_TRANSLATE_NOOP("phrase_model", "开头"),
    "situation": QT_TRANSLATE_NOOP("phrase_model", "形势"),
    "measures": QT_TRANSLATE_NOOP("phrase_model", "措施"),
    "problems": QT_TRANSLATE_NOOP("phrase_model", "问题"),
    "next_steps": QT_TRANSLATE_NOOP("phrase_model", "下一步"),
    "closing": QT_TRANSLATE_NOOP("phrase_model", "结尾"),
    "general": QT_TRANSLATE_NOOP("phrase_model", "通用"),
}


@dataclass(frozen=True)
class PhraseKind:
    """A kind of phrase: its id (stored in the bank), its name for people and its place in lists.

    label is the Simplified Chinese source text; the GUI translates it in the "phrase_model" context.
    """

    id: str
    label: str
    order: int


# The phrase-kind registry: a new kind is one line here (plus the miner code that finds it).
PHRASE_KINDS: tuple[PhraseKind, ...] = (
    PhraseKind("heading", QT_TRANSLATE_NOOP("phrase_model", "小标题"), 0),
    PhraseKind("parallel", QT_TRANSLATE_NOOP("phrase_model", "排比"), 1),
    # 四字语, not 成语: the kind holds 联防联控 and 督查督办 beside 防微杜渐 (a user called the first "not idioms").
    PhraseKind("idiom", QT_TRANSLATE_NOOP("phrase_model", "四字语"), 2),
    PhraseKind("quote", QT_TRANSLATE_NOOP("phrase_model", "引语"), 3),
    PhraseKind("template", QT_TRANSLATE_NOOP("phrase_model", "句式"), 4),
    PhraseKind("collocation", QT_TRANSLATE_NOOP("phrase_model", "搭配"), 5),
)
# Kind ids in display order (the panel, the phrase dialog, the bank's group order, the CLI).
KINDS: tuple[str, ...] = tuple(k.id for k in sorted(PHRASE_KINDS, key=lambda k: k.order))
DEFAULT_KIND = "collocation"  # what a phrase the user adds is, unless they choose otherwise


def phrase_kind(kind_id: str) -> PhraseKind | None:
    """The registered kind of that id, or None for an unknown id (an old or foreign bank)."""
    return next((k for k in PHRASE_KINDS if k.id == kind_id), None)
BLANK = "___"


@dataclass
class Phrase:
    """One bank entry."""

    text: str
    section: str = "general"
    kind: str = DEFAULT_KIND
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
