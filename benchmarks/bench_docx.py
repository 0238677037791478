"""DOCX: open and save a document holding 1 MB of text, against python-docx's bare open and save."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from benchmarks import data
from benchmarks.harness import NotAvailable, Row, interleave, median, size_text, summary

NAME = "docx"
SIZE = {"full": 1 << 20, "tiny": 16 << 10}


def make_docx(path: Path, n_bytes: int) -> int:
    """A DOCX with headings, bold lead clauses and italic figures; returns the UTF-8 size of its text."""
    import docx

    text = data.document_text(n_bytes, seed=7)
    document = docx.Document()
    for para in text.split("\n"):
        if para.startswith(("一、", "二、", "三、", "四、", "五、", "六、")):
            document.add_heading(para, level=1)
        elif para.startswith("（"):
            document.add_heading(para, level=2)
        else:
            p = document.add_paragraph()
            lead, sep, rest = para.partition("，")
            p.add_run(lead + sep).bold = True
            if rest:
                head, _, tail = rest.partition("。")
                p.add_run(head + ("。" if tail else ""))
                if tail:
                    p.add_run(tail).italic = True
    document.save(str(path))
    return len(text.encode("utf-8"))


def _timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def run(size: str, work: Path) -> list[Row]:
    """Median of interleaved runs: Yuku's read_document/write_document against python-docx.

    Targets (issue #15): open ≤ 0.5× python-docx `Document(path)` + all paragraph texts (what a user
    would otherwise run to get the text); an unedited save ≤ 1× `Document.save`; a save after
    editing one paragraph ≤ 1.5× `Document.save`.
    """
    import copy

    import docx

    from editor.core.errors import YukuError
    from editor.core.formats.document_files import read_document, write_document
    from editor.core.model.document import Run

    src = work / "report.docx"
    text_bytes = make_docx(src, SIZE[size])
    try:
        model = read_document(src)
        write_document(model, work / "probe.docx")
    except YukuError as exc:
        print(f"docx: {exc}", file=sys.stderr)
        raise NotAvailable("editor.core.formats.document_files .docx support missing") from None
    if len(model.plain_text()) < 0.9 * len(docx.Document(str(src)).element.body.xpath("string(.)")):
        raise RuntimeError("read_document lost text of the DOCX")
    edited = copy.deepcopy(model)
    middle = edited.paragraphs[len(edited.paragraphs) // 2]
    middle.runs.append(Run("（补充）"))
    write_document(edited, work / "edited.docx")
    if read_document(work / "edited.docx").paragraphs[len(edited.paragraphs) // 2].text != middle.text:
        raise RuntimeError("the edited paragraph did not reach the file")
    bare_doc = docx.Document(str(src))
    runs = 11 if size == "full" else 1  # medians of 11: single runs of ~30 ms swing by ±30 % on a busy VM

    def bare_read() -> None:
        [p.text for p in docx.Document(str(src)).paragraphs]

    walk, yuku_open = interleave(runs, lambda: _timed(bare_read), lambda: _timed(lambda: read_document(src)))
    bare_save, yuku_save = interleave(runs, lambda: _timed(lambda: bare_doc.save(str(work / "bare.docx"))),
                                      lambda: _timed(lambda: write_document(model, work / "yuku.docx")))
    bare_save2, yuku_edit = interleave(runs, lambda: _timed(lambda: bare_doc.save(str(work / "bare.docx"))),
                                       lambda: _timed(lambda: write_document(edited, work / "yuku-edit.docx")))
    bare_open = [_timed(lambda: docx.Document(str(src))) for _ in range(min(runs, 3))]
    details = {"text_bytes": text_bytes, "file_bytes": src.stat().st_size, "paragraphs": len(model.paragraphs),
               "open_s": {"yuku": summary(yuku_open), "bare_plus_paragraph_text_walk": summary(walk),
                          "bare_document_only": summary(bare_open)},
               "save_s": {"yuku_unedited": summary(yuku_save), "yuku_one_paragraph_edited": summary(yuku_edit),
                          "bare": summary(bare_save + bare_save2)},
               "saved_bytes": {"yuku": (work / "yuku.docx").stat().st_size, "bare": (work / "bare.docx").stat().st_size}}
    label = f"{size_text(text_bytes)} of text, median"
    return [
        Row(NAME, "DOCX open", f"read_document, {label}", median(yuku_open), "s", median(walk),
            "docx.Document(path) + paragraph texts", "ratio", 0.5, details=details,
            note=f"bare docx.Document(path), which builds nothing: {median(bare_open):.3g} s"),
        Row(NAME, "DOCX save, unedited", f"write_document, {label}", median(yuku_save), "s", median(bare_save),
            "Document.save(path)", "ratio", 1.0),
        Row(NAME, "DOCX save, one paragraph edited", f"write_document, {label}", median(yuku_edit), "s",
            median(bare_save2), "Document.save(path)", "ratio", 1.5),
    ]
