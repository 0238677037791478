"""The page a PDF is laid out on: the style's, or a Word file's own paper and margins."""
from __future__ import annotations

from editor.core.formats.document_files import read_document
from editor.core.formats.pdf_export import OFFICIAL_PAGE, PLAIN_PAGE, page_setup
from editor.core.model.document import Document
from tests.docx_fixtures import build_docx, para, run


def test_official_and_plain_pages():
    doc = Document.from_plain_text("正文")
    assert page_setup(doc, "official") == OFFICIAL_PAGE
    assert (OFFICIAL_PAGE.top, OFFICIAL_PAGE.bottom, OFFICIAL_PAGE.left, OFFICIAL_PAGE.right) == (37, 35, 28, 26)
    assert page_setup(doc, "plain") == PLAIN_PAGE


def test_a_word_file_keeps_its_own_letter_paper_and_margins(tmp_path):
    sect = '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="720" w:right="1440" w:bottom="720" w:left="1440"/></w:sectPr>'
    path = build_docx(tmp_path / "letter.docx", para(run("正文")), sect=sect)
    setup = page_setup(read_document(path), "plain")
    assert (round(setup.width, 1), round(setup.height, 1)) == (215.9, 279.4)
    assert (round(setup.top, 1), round(setup.left, 1)) == (12.7, 25.4)
    assert page_setup(read_document(path), "official") == OFFICIAL_PAGE
