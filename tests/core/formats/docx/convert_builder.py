"""Build small .docx files by hand for conversion tests (helpers only; no tests here)."""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{W_NS}" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"')
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")

# Run properties cycled over characters: bold, italic, a Chinese font named in simplified script,
# colours and sizes, so a misplaced character shows up as a changed format.
RPRS = [
    '<w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="黑体"/><w:b/></w:rPr>',
    '<w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:i/><w:color w:val="FF0000"/></w:rPr>',
    '<w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="32"/></w:rPr>',
    '<w:rPr><w:u w:val="single"/><w:color w:val="0000FF"/></w:rPr>',
]


def run(text: str, rpr: str = "") -> str:
    """One w:r with a w:t."""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def char_runs(text: str) -> str:
    """Each character its own run, formats cycling through RPRS."""
    return "".join(run(ch, RPRS[i % len(RPRS)]) for i, ch in enumerate(text))


def para(inner: str, style: str = "") -> str:
    """A w:p around runs."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{inner}</w:p>"


def _part(root: str, body: str) -> bytes:
    return (DECL + f"<w:{root} {NS}>{body}</w:{root}>").encode("utf-8")


def build_docx(path: Path, body_paragraphs: list[str], *, header: str = "", footer: str = "",
               footnote: str = "", endnote: str = "", comment: str = "", table: str = "",
               textbox: str = "", image: bool = False) -> Path:
    """Write a .docx with the given paragraph XML in the body and optional other text parts."""
    rels = ['<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/styles" Target="styles.xml"/>']
    overrides = [("/word/document.xml", f"{CT_MAIN}.document.main+xml"),
                 ("/word/styles.xml", f"{CT_MAIN}.styles+xml")]
    parts: dict[str, bytes] = {}
    body = "".join(body_paragraphs)
    if table:
        body += ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/>'
                 f'</w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>{table}</w:tc></w:tr>'
                 '</w:tbl>')
    if textbox:
        body += para('<w:r><w:pict><v:shape id="tb1" style="width:200pt;height:50pt"><v:textbox>'
                     f'<w:txbxContent>{textbox}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    if image:
        rels.append('<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    'relationships/image" Target="media/image1.png"/>')
        parts["word/media/image1.png"] = PNG
        body += para('<w:r><w:drawing><wp:inline><wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="图片 1"/>'
                     '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
                     '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="图片"/><pic:cNvPicPr/></pic:nvPicPr>'
                     '<pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill><pic:spPr/></pic:pic>'
                     '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')
    sect = ""
    for kind, content in (("header", header), ("footer", footer)):
        if content:
            rels.append(f'<Relationship Id="rId{kind}" Type="http://schemas.openxmlformats.org/officeDocument/'
                        f'2006/relationships/{kind}" Target="{kind}1.xml"/>')
            overrides.append((f"/word/{kind}1.xml", f"{CT_MAIN}.{kind}+xml"))
            parts[f"word/{kind}1.xml"] = _part("hdr" if kind == "header" else "ftr", content)
            sect += f'<w:{kind}Reference w:type="default" r:id="rId{kind}"/>'
    for kind, content, root, item in (("footnotes", footnote, "footnotes", "footnote"),
                                      ("endnotes", endnote, "endnotes", "endnote"),
                                      ("comments", comment, "comments", "comment")):
        if content:
            rels.append(f'<Relationship Id="rId{kind}" Type="http://schemas.openxmlformats.org/officeDocument/'
                        f'2006/relationships/{kind}" Target="{kind}.xml"/>')
            overrides.append((f"/word/{kind}.xml", f"{CT_MAIN}.{kind}+xml"))
            attrs = ' w:author="张三"' if item == "comment" else ""
            parts[f"word/{kind}.xml"] = _part(root, f'<w:{item} w:id="1"{attrs}>{content}</w:{item}>')
    body += f'<w:sectPr>{sect}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
    parts["word/document.xml"] = _part("document", f"<w:body>{body}</w:body>")
    parts["word/styles.xml"] = _part(
        "styles", '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="标题 1"/>'
                  '<w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>')
    parts["word/_rels/document.xml.rels"] = (
        DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels) + "</Relationships>").encode("utf-8")
    ctypes = (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Default Extension="png" ContentType="image/png"/>'
              + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in overrides) + "</Types>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", ctypes)
        zf.writestr("_rels/.rels", DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                    '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def runs_of(path: Path, part: str = "word/document.xml") -> list[list[tuple[str, str]]]:
    """Per paragraph of a part: (text, serialised rPr) of each run that has text."""
    from lxml import etree

    w = f"{{{W_NS}}}"
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read(part))
    result = []
    for p in root.iter(f"{w}p"):
        runs = []
        for r in p.findall(f"{w}r"):
            t = r.find(f"{w}t")
            if t is None:
                continue
            rpr = r.find(f"{w}rPr")
            runs.append((t.text or "", etree.tostring(rpr, encoding="unicode") if rpr is not None else ""))
        result.append(runs)
    return result
