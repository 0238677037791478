"""A plain Save of a new document writes Title and Heading 1-4 with the look the editor shows."""
from __future__ import annotations

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from editor.core.formats.document_files import write_document
from editor.core.model.document import Document, Paragraph, Run


def test_title_is_large_and_centred_headings_bold_at_their_sizes(tmp_path):
    doc = Document([Paragraph([Run("关于做好年度工作的通知")], style="title"),
                    Paragraph([Run("一、总体要求")], style="heading1"),
                    Paragraph([Run("（一）工作目标")], style="heading2"),
                    Paragraph([Run("正文。")])], default_size=16)
    write_document(doc, tmp_path / "new.docx")
    styles = {p.text: p.style for p in docx.Document(str(tmp_path / "new.docx")).paragraphs}
    title, h1, h2 = styles["关于做好年度工作的通知"], styles["一、总体要求"], styles["（一）工作目标"]
    assert title.name == "Title"
    assert title.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.font.size.pt == 24  # 1.5 × the 16 pt body, as the editor shows it
    assert title.font.bold
    assert h1.name == "Heading 1"
    assert h1.font.bold
    assert h1.font.size.pt == 19.0  # 1.2 × 16, to the half point Word stores
    assert h2.font.size.pt == 19.0
    assert not h2.font.bold  # 楷体, not bold: as in the editor
