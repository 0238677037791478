"""The user's protected terms: names and words that script conversion leaves untouched.

OpenCC turns the surname 余 into 餘 (余小明→餘小明), and likewise 范→範, 于→於, 游→遊, 后→後,
干→幹. People keep a list of such names; it is stored in the settings under "protected_terms".
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from editor.core.settings import Settings

SETTING = "protected_terms"
MAX_TERM_LENGTH = 100
# Surnames OpenCC changes when they stand alone or start a name; shown as a hint in the dialog.
RISKY_SURNAMES = ("余", "范", "于", "游", "后", "干")

_SPLIT = re.compile(r"[\n\r,，;；、\t]+")


def normalise_terms(terms: Iterable[str]) -> list[str]:
    """Stripped, non-empty, de-duplicated terms in their first order; over-long entries are dropped."""
    seen: set[str] = set()
    result: list[str] = []
    for term in terms:
        t = term.strip().strip("\u3000")
        if t and len(t) <= MAX_TERM_LENGTH and t not in seen:
            seen.add(t)
            result.append(t)
    return result


def parse_terms(text: str) -> list[str]:
    """Terms from free text: one per line, or separated by commas, 、 or semicolons."""
    return normalise_terms(_SPLIT.split(text))


def format_terms(terms: Iterable[str]) -> str:
    """Terms one per line, for an editing box or a file."""
    return "\n".join(normalise_terms(terms))


def load_terms(settings: Settings | None = None) -> list[str]:
    """The user's protected terms (an unreadable settings file gives an empty list)."""
    value = (settings or Settings()).get(SETTING)
    return normalise_terms(v for v in value if isinstance(v, str))


def save_terms(terms: Iterable[str], settings: Settings | None = None) -> list[str]:
    """Store the user's protected terms (normalised) and return them."""
    clean = normalise_terms(terms)
    (settings or Settings()).set(SETTING, clean)
    return clean


def risky_names(text: str, known: Iterable[str] = ()) -> list[str]:
    """Two- and three-character names in text that start with a risky surname and are not protected yet.

    A hint only: the candidates are the surname followed by one or two characters before a
    name-ending mark (、，。 or a space or a title such as 同志/书记/主任).
    """
    have = set(known)
    pattern = re.compile(
        "(?:^|[\\s、，。：:（(])((?:" + "|".join(RISKY_SURNAMES) + ")[\u4e00-\u9fff]{1,2})"
        "(?=同志|书记|主任|局长|处长|科长|部长|先生|女士|[\\s、，。）)]|$)")
    found: list[str] = []
    for m in pattern.finditer(text):
        name = m.group(1)
        if name not in have and name not in found:
            found.append(name)
    return found
