"""The unit profile (Preferences): the parts a unit writes on every 公文, filled into new documents."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from editor.core.gongwen.parts import Parts

KEYS = ("gongwen_issuer_marks", "gongwen_issuer_names", "gongwen_number_prefix", "gongwen_printer")


def profile_parts(get: Callable[[str], Any], today: date | None = None) -> Parts:
    """The parts the profile gives: 标志, 署名, 印发机关, and a 发文字号 with this year and a blank number."""
    parts = Parts()
    parts.issuer_marks = [str(m) for m in get("gongwen_issuer_marks") if str(m).strip()]
    parts.issuer_names = [str(m) for m in get("gongwen_issuer_names") if str(m).strip()]
    prefix = str(get("gongwen_number_prefix")).strip()
    if prefix:
        parts.doc_number = f"{prefix}〔{(today or date.today()).year}〕___号"
    parts.printer = str(get("gongwen_printer")).strip()
    return parts


def fill(parts: Parts, get: Callable[[str], Any], today: date | None = None) -> Parts:
    """Parts with their blanks (empty, or only ___) filled from the profile."""
    profile = profile_parts(get, today)
    out = parts.merged(Parts())
    for key, value in profile.items():
        mine = out.text_of(key)
        if not mine or set(mine.replace("文件", "")) <= set("_〔〕年月日号 "):
            out.set(key, value)
    return out
