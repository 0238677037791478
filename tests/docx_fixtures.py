"""Builders for the Word files the DOCX tests need: real-world features and hostile inputs.

Files are built from raw XML (as Word writes it) rather than with python-docx, so the tests can
hold exactly the constructs Word produces: odd run splits, localised style ids, footnotes …
"""
from __future__ import annotations

import base64
import zipfile
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
MAIN_CT = f"{CT}.document.main+xml"
DOC_NS = (f'xmlns:w="{W}" xmlns:r="{R}" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"')
PNG_1PX = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def para(*runs: str, ppr: str = "") -> str:
    """A w:p from run XML."""
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>"


def run(text: str, rpr: str = "") -> str:
    """A w:r with text."""
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def styles_xml(extra: str = "") -> str:
    """A styles part with Chinese Word's localised heading ids ("1", "2") and a Title."""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">'
            '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
            '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>'
            '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>'
            '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style>'
            f'{extra}</w:styles>')


def build_docx(path: Path, body: str, *, parts: dict[str, bytes | str] | None = None,
               rels: list[tuple[str, str, str, str | None]] | None = None,
               types: dict[str, str] | None = None, main_type: str = MAIN_CT, styles: str | None = None,
               sect: str = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>') -> Path:
    """A DOCX from a body; rels are (id, type suffix or full URI, target, TargetMode or None)."""
    parts = dict(parts or {})
    rels = list(rels or [])
    types = dict(types or {})
    if styles is not False:
        parts["word/styles.xml"] = styles or styles_xml()
        rels.append(("rIdStyles", "styles", "styles.xml", None))
        types["word/styles.xml"] = f"{CT}.styles+xml"
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {DOC_NS}>'
                f"<w:body>{body}{sect}</w:body></w:document>")
    rel_xml = "".join(
        f'<Relationship Id="{rid}" Type="{typ if "://" in typ else REL + "/" + typ}" Target="{target}"'
        f'{f" TargetMode={chr(34)}{mode}{chr(34)}" if mode else ""}/>' for rid, typ, target, mode in rels)
    overrides = "".join(f'<Override PartName="/{n}" ContentType="{t}"/>' for n, t in types.items())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml",
                    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
                    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                    'ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
                    f'<Override PartName="/word/document.xml" ContentType="{main_type}"/>{overrides}</Types>')
        zf.writestr("_rels/.rels",
                    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
                    f'.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" '
                    'Target="word/document.xml"/></Relationships>')
        zf.writestr("word/document.xml", document)
        zf.writestr("word/_rels/document.xml.rels",
                    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
                    f'.org/package/2006/relationships">{rel_xml}</Relationships>')
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def drawing(rid: str) -> str:
    """An inline picture run referencing an image relationship."""
    return ('<w:r><w:drawing><wp:inline><wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="图片 1"/>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:blipFill><a:blip r:embed="{rid}"/></pic:blipFill></pic:pic></a:graphicData>'
            '</a:graphic></wp:inline></w:drawing></w:r>')


def rich_word_file(path: Path) -> Path:
    """Build a Word-like file.

    It has a header, a footnote, an image, a comment, a table, a #_top link, tracked-change-free odd
    run splits and localised heading styles.
    """
    header = f'<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="{W}"><w:p>{run("页眉文字")}</w:p></w:hdr>'
    footnotes = (f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{W}">'
                 f'<w:footnote w:id="1"><w:p>{run("脚注内容")}</w:p></w:footnote></w:footnotes>')
    comments = (f'<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="{W}">'
                f'<w:comment w:id="0" w:author="审稿人"><w:p>{run("请核实")}</w:p></w:comment></w:comments>')
    body = "".join([
        para(run("关于做好年度工作的通知"), ppr='<w:pStyle w:val="a3"/><w:jc w:val="center"/>'),
        para(run("一、总体"), run("要求"), ppr='<w:pStyle w:val="1"/>'),
        # Word splits runs anywhere (spell check, revision ids): one format, four runs.
        para('<w:proofErr w:type="spellStart"/>', run("今年"), '<w:bookmarkStart w:id="0" w:name="_GoBack"/>',
             run("以来"), '<w:bookmarkEnd w:id="0"/>', run("，"), run("成绩显著", "<w:b/>"),
             '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>',
             run("。")),
        para('<w:commentRangeStart w:id="0"/>', run("需要核实的数据"), '<w:commentRangeEnd w:id="0"/>',
             '<w:r><w:commentReference w:id="0"/></w:r>'),
        para(run("附图："), drawing("rIdImg")),
        para('<w:hyperlink w:history="1" r:id="rIdTop">', run("回到顶部"), "</w:hyperlink>"),
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/>"
        "</w:tblGrid>"
        f"<w:tr><w:tc>{para(run('项目'))}</w:tc><w:tc>{para(run('完成'))}</w:tc></w:tr>"
        f"<w:tr><w:tc>{para(run('甲'))}</w:tc><w:tc>{para(run('100%'))}</w:tc></w:tr></w:tbl>",
        para(run("（一）具体"), run("措施"), ppr='<w:pStyle w:val="2"/>'),
    ])
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHdr"/>'
            '<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>')
    return build_docx(
        path, body, sect=sect,
        parts={"word/header1.xml": header, "word/footnotes.xml": footnotes, "word/comments.xml": comments,
               "word/media/image1.png": PNG_1PX},
        rels=[("rIdHdr", "header", "header1.xml", None), ("rIdFn", "footnotes", "footnotes.xml", None),
              ("rIdCm", "comments", "comments.xml", None), ("rIdImg", "image", "media/image1.png", None),
              # Real Word files carry this; python-docx raises KeyError on it.
              ("rIdTop", "hyperlink", "#_top", None)],
        types={"word/header1.xml": f"{CT}.header+xml", "word/footnotes.xml": f"{CT}.footnotes+xml",
               "word/comments.xml": f"{CT}.comments+xml"})


# -- hostile inputs (issue 8) ---------------------------------------------------------------------


def _simple(path: Path, body: str | None = None, **kw: object) -> Path:
    return build_docx(path, body if body is not None else para(run("正文")), **kw)  # type: ignore[arg-type]


def _replace_member(path: Path, name: str, data: bytes, compress: int = zipfile.ZIP_DEFLATED) -> Path:
    """Rewrite one member of a zip."""
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    members[name] = data
    with zipfile.ZipFile(path, "w", compress) as zf:
        for n, d in members.items():
            zf.writestr(n, d)
    return path


def _document_with(path: Path, xml: bytes) -> Path:
    _simple(path)
    return _replace_member(path, "word/document.xml", xml)


def hostile_files(folder: Path) -> dict[str, tuple[Path, str]]:
    """Name -> (file, a fragment the error message must contain)."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, tuple[Path, str]] = {}

    def add(name: str, path: Path, expect: str) -> None:
        out[name] = (path, expect)

    empty = folder / "empty.docx"
    empty.write_bytes(b"")
    add("empty", empty, "空")
    text = folder / "text.docx"
    text.write_text("这其实是一个文本文件\n", encoding="utf-8")
    add("text_renamed", text, "不是 Word")
    good = _simple(folder / "good.docx")
    data = good.read_bytes()
    trunc = folder / "truncated.docx"
    trunc.write_bytes(data[: len(data) // 2])
    add("truncated_zip", trunc, "损坏")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000
    (folder / "old.doc").write_bytes(ole)
    add("old_doc", folder / "old.doc", "旧版 .doc")
    (folder / "locked.docx").write_bytes(ole)
    add("password_protected", folder / "locked.docx", "密码")
    add("docm", _simple(folder / "macro.docm", main_type="application/vnd.ms-word.document.macroEnabled.main+xml"),
        "宏")
    add("dotx", _simple(folder / "template.dotx", main_type=f"{CT}.template.main+xml"), "模板")
    add("malformed_xml", _document_with(folder / "malformed.docx", b"<w:document><w:body><w:p>"), "XML")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>前&x;后</w:t></w:r></w:p></w:body></w:document>')
    add("xxe", _document_with(folder / "xxe.docx", xxe.encode()), "DTD")
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
              + f']><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
    add("billion_laughs", _document_with(folder / "laughs.docx", laughs.encode()), "DTD")
    deep = (f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>' + "<w:sdt><w:sdtContent>" * 5000
            + "</w:sdtContent></w:sdt>" * 5000 + "</w:body></w:document>")
    add("deep_nesting", _document_with(folder / "deep.docx", deep.encode()), "XML")
    damaged = bytearray(_simple(folder / "deflate.docx").read_bytes())
    with zipfile.ZipFile(folder / "deflate.docx") as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 5, start + min(info.compress_size, 60)):
        damaged[i] ^= 0x5A
    (folder / "deflate.docx").write_bytes(bytes(damaged))
    add("damaged_deflate", folder / "deflate.docx", "损坏")
    nodoc = folder / "nodoc.docx"
    with zipfile.ZipFile(nodoc, "w") as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                    f'package/2006/content-types"><Override PartName="/word/document.xml" ContentType="{MAIN_CT}"/>'
                    "</Types>")
        zf.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                    f'package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" '
                    'Target="word/document.xml"/></Relationships>')
    add("missing_document_xml", nodoc, "word/document.xml")
    add("dangling_relationship",
        _simple(folder / "dangling.docx", para(run("图"), drawing("rIdGone")),
                rels=[("rIdGone", "image", "media/gone.png", None)]), "不存在的部件")
    bomb = _simple(folder / "bomb.docx")
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as zf, \
            zf.open("word/media/image1.png", "w", force_zip64=True) as fh:
        chunk = b"\0" * (1 << 20)
        for _ in range(64):  # 64 MB of zeros in ~64 KB: inflates a thousandfold
            fh.write(chunk)
    add("zip_bomb", bomb, "过大")
    return out


def top_link_file(path: Path) -> Path:
    """The real-world `#_top` hyperlink python-docx chokes on: this file must open."""
    return build_docx(path, para('<w:hyperlink r:id="rId9">', run("返回顶部"), "</w:hyperlink>"),
                      rels=[("rId9", "hyperlink", "#_top", None)])


def utf16_doctype_file(path: Path) -> Path:
    """A DTD in a UTF-16 part: a byte search for "<!DOCTYPE" in UTF-8 alone would miss it.

    Kept out of hostile_files(), whose case list other test modules pin.
    """
    xml = (f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>前&x;后</w:t></w:r></w:p></w:body></w:document>')
    return _document_with(path, xml.encode("utf-16"))
