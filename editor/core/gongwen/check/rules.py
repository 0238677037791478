"""Rule and Finding, and the registry of every rule (ids are stable: JSON output and tests use them)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

from editor.core.gongwen.source import Line, Source
from editor.core.gongwen.types import DocType

ERROR, WARNING = "error", "warning"
S9704 = "GB/T 9704-2012"
S15834 = "GB/T 15834-2011"
S15835 = "GB/T 15835-2011"
REGS = "党政机关公文处理工作条例"


@dataclass(frozen=True)
class Finding:
    """One place that breaks a rule; `fix` replaces `excerpt` there when the fix is certain."""

    rule: str
    source: str
    severity: str
    line: int | None  # 1-based line (text) or paragraph (DOCX); None for the document as a whole
    excerpt: str
    message: str
    fix: str | None
    column: int = 0  # where excerpt starts in the line's text (for applying the fix)

    def as_json(self) -> dict[str, object]:
        """The finding as the JSON output writes it."""
        d = asdict(self)
        del d["column"]
        return d


Check = Callable[["Context"], list[Finding]]


@dataclass(frozen=True)
class Rule:
    """A rule: id, source clause, severity, what it asks, and the function that finds breaches."""

    id: str
    source: str
    severity: str
    summary: str
    check: Check

    def finding(self, line: Line | int | None, excerpt: str, message: str, fix: str | None = None,
                column: int = 0) -> Finding:
        """A finding of this rule."""
        number = line.number if isinstance(line, Line) else line
        return Finding(self.id, self.source, self.severity, number, excerpt, message, fix, column)


@dataclass
class Context:
    """What a rule sees: the source, its type (None when unknown) and the lines it may check."""

    source: Source
    doc_type: DocType | None
    forced_type: bool = False  # --type given: required parts are checked whatever the title says

    def text_lines(self) -> list[Line]:
        """Every line of the body plus the front-matter lines, for text-wide rules."""
        return self.source.lines


RULES: dict[str, Rule] = {}


def rule(rule_id: str, source: str, severity: str, summary: str) -> Callable[[Check], Check]:
    """Register a rule function under its id."""
    def register(fn: Check) -> Check:
        if rule_id in RULES:
            raise ValueError(f"duplicate rule id {rule_id}")
        RULES[rule_id] = Rule(rule_id, source, severity, summary, fn)
        return fn
    return register


def this(rule_id: str) -> Rule:
    """The registered rule with an id (rule functions use it to build their findings)."""
    return RULES[rule_id]
