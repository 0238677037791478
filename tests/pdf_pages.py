"""Read a PDF back the way a reader checks a printed page: lines, characters a line, where words sit."""
from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

PUNCT = set("，。、；：？！）》」』】〕〉”’…—·（《「『【〔〈“‘,.;:?!()")


@dataclass
class Word:
    """One word pdftotext -bbox found: its text and box in points."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


# Ideographs Qt's PDFs name by a twin sharing their glyph in the CJK font, which NFKC leaves alone
# (CJK Radicals Supplement, or a traditional form).
TWINS = str.maketrans({"⺠": "民", "⻔": "门", "⻓": "长", "⻬": "齐", "⻅": "见", "⻚": "页", "⻛": "风",
                       "⻋": "车", "⻉": "贝", "⻢": "马", "⻄": "西", "⻩": "黄", "戶": "户"})


def _norm(text: str) -> str:
    # Qt's PDFs map some ideographs to their Kangxi radical twins (工 → ⼯): NFKC folds them back.
    return unicodedata.normalize("NFKC", text).translate(TWINS)


def page_texts(pdf: Path) -> list[str]:
    """Each page's text without any whitespace, blank pages included (pdftotext, normalised)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return ["".join(_norm(page).split()) for page in out.split("\f")[:-1]]


def page_count(pdf: Path) -> int:
    """The page count pdfinfo reports."""
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


def page_size(pdf: Path) -> tuple[float, float]:
    """Width and height of the first page in points."""
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", out)
    return float(m.group(1)), float(m.group(2))


def words(pdf: Path, page: int) -> list[Word]:
    """The words of one page (1-based) with their boxes."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', out)
    return [Word(_norm(t), float(a), float(b), float(c), float(d)) for a, b, c, d, t in found]


def lines(pdf: Path, page: int) -> list[tuple[float, str]]:
    """Text lines of one page, top to bottom: (left x of the line, its text without spaces)."""
    rows: list[list[Word]] = []
    for w in sorted(words(pdf, page), key=lambda w: (w.y1, w.x0)):
        if rows and abs(rows[-1][0].y1 - w.y1) < 6:
            rows[-1].append(w)
        else:
            rows.append([w])
    return [(min(w.x0 for w in row), "".join(w.text for w in sorted(row, key=lambda w: w.x0))) for row in rows]


def body_lines(pdf: Path, page: int) -> list[tuple[float, str]]:
    """The lines of a page without its page number (— n —)."""
    return [(x, t) for x, t in lines(pdf, page) if not re.fullmatch(r"—\d+—", t)]


def page_number(pdf: Path, page: int) -> Word | None:
    """The page number of a page as one box covering "— n —", if there is one."""
    for _x, text in lines(pdf, page):
        if re.fullmatch(r"—\d+—", text):
            ws = [w for w in words(pdf, page) if w.text in ("—", str(page)) or re.fullmatch(r"—?\d+—?", w.text)]
            return Word(text, min(w.x0 for w in ws), min(w.y0 for w in ws), max(w.x1 for w in ws),
                        max(w.y1 for w in ws))
    return None


def letters(text: str) -> str:
    """A line without punctuation (where a hanging mark lands differs between PDF writers)."""
    return "".join(c for c in _norm(text) if c not in PUNCT and not c.isspace())
