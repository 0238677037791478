"""The fast DOCX reader (docx_read_fast) builds exactly the model the lxml-only path builds."""
from __future__ import annotations

from pathlib import Path

from editor.core.formats.docx.read import read_docx
from editor.core.formats.docx.read_fast import FastBody
from editor.core.formats.docx.safety import open_docx
from tests import DATA_ROOT
from tests.docx_fixtures import build_docx, para, rich_word_file, run

ODD = "".join([
    para(run("a &amp; b &lt;c&gt; &#x4E2D;&#25991; &quot;q&quot;"), run("同格式", ""), run("")),
    para(run("粗", "<w:b/>"), run("粗二", '<w:b w:val="1"/>'), run("斜", "<w:i/>"), run("", "<w:i/>"),
         ppr='<w:pStyle w:val="1"/><w:spacing w:before="240" w:line="360" w:lineRule="auto"/>'),
    para(run("字体", '<w:rFonts w:eastAsia="黑体"/><w:sz w:val="32"/><w:color w:val="ff0000"/>'),
         ppr='<w:ind w:firstLineChars="200"/><w:jc w:val="both"/><w:keepNext/>'),
    "<w:p/>",
    '<w:p w:rsidR="00AB12CD"><w:pPr/><w:r w:rsidRPr="0012"><w:rPr/><w:t xml:space="preserve"> 空格 </w:t></w:r></w:p>',
    "<w:p><w:r><w:t>一</w:t><w:tab/><w:t>二</w:t><w:br/><w:t>三</w:t></w:r></w:p>",
    '<w:p><w:r><w:t>分页前</w:t><w:br w:type="page"/><w:t>分页后</w:t></w:r></w:p>',
    '<w:p><w:r><w:t>前</w:t></w:r><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>后</w:t></w:r></w:p>',
    '<w:p><w:proofErr w:type="spellStart"/><w:r><w:t>拼写</w:t></w:r><w:proofErr w:type="spellEnd"/></w:p>',
    '<w:p>\n  <w:r>\n    <w:t>缩进的 XML</w:t>\n  </w:r>\n</w:p>',
    '<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="1" w:author="x"><w:rPr/></w:rPrChange></w:rPr>'
    "<w:t>改格式</w:t></w:r></w:p>",
    '<w:bookmarkStart w:id="3" w:name="x"/>',
    '<w:sdt><w:sdtContent><w:p><w:r><w:t>控件</w:t></w:r></w:p></w:sdtContent></w:sdt>',
    "<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>",
    para(run("尾段")),
])


def _files(tmp_path: Path) -> list[Path]:
    files = [rich_word_file(tmp_path / "rich.docx"), build_docx(tmp_path / "odd.docx", ODD)]
    import docx

    d = docx.Document()  # python-docx's template: rsids, its own styles, a table
    d.add_heading("标题", 1)
    p = d.add_paragraph()
    p.add_run("粗体，").bold = True
    p.add_run("正文。")
    d.add_table(rows=2, cols=2).cell(0, 0).text = "格"
    d.add_paragraph("尾")
    d.save(str(tmp_path / "pydocx.docx"))
    files.append(tmp_path / "pydocx.docx")
    golden = DATA_ROOT / "docx"
    files += sorted(golden.rglob("*.docx"))
    return files


def test_fast_and_lxml_paths_build_the_same_model(tmp_path, monkeypatch):
    done: list[int] = []
    real = FastBody.read

    def read(self, *args):  # count the bodies the fast path really read (no silent fallback)
        out = real(self, *args)
        done.append(len(out))
        return out

    monkeypatch.setattr(FastBody, "read", read)
    files = _files(tmp_path)
    assert len(files) >= 3
    for path in files:
        fast = read_docx(open_docx(path))
        slow = read_docx(open_docx(path), fast=False)
        assert fast == slow, path
    assert len(done) >= 3


def test_fast_path_handles_odd_text_the_same(tmp_path):
    body = para(run("回车\r\n换行\r结束")) + para(run("&#13;&#x9;"))
    path = build_docx(tmp_path / "cr.docx", body)
    fast = read_docx(open_docx(path))
    slow = read_docx(open_docx(path), fast=False)
    assert fast == slow
    assert fast.paragraphs[0].text == "回车\n换行\n结束"
