"""The 落款 fitted under the text (plan.fit_closing) and the page walk that tells where the text ends (pages.walk)."""
from __future__ import annotations

from io import BytesIO

import docx
import pytest

from editor.core.gongwen import pages, plan
from editor.core.gongwen.export import official_body
from editor.core.gongwen.parts import Parts
from editor.core.gongwen.types import STANDARD
from editor.core.model.document import Document, Paragraph, Run

SIGNED = Parts(issuer_names=["江城市人民政府办公室"], date="2026年12月7日")


def closing(parts: Parts = SIGNED) -> list[plan.Item]:
    """The closing items of a 通知 with these parts."""
    return plan.closing(parts, STANDARD)


@pytest.mark.parametrize(("room", "before"), [(9, 2), (4, 2), (3, 1), (2, 0)])
def test_the_blank_lines_above_the_signature_shrink_to_fit(room, before):
    items, carry = plan.fit_closing(closing(), [1, 1], room, movable=True)
    assert [i.style for i in items] == ["GwSignature", "GwDate"]
    assert items[0].before == before
    assert not carry
    assert items[0].keep_next
    assert not items[1].keep_next


@pytest.mark.parametrize("room", [0, 1])
def test_without_room_the_text_goes_on_with_the_closing(room):
    items, carry = plan.fit_closing(closing(), [1, 1], room, movable=True)
    assert carry
    assert items[0].before == 2  # on the next page, under the text carried over, with its two blank lines
    _, carry = plan.fit_closing(closing(), [1, 1], room, movable=False)
    assert not carry  # a paragraph that cannot move (it started on an earlier page) stays


def test_the_attachment_note_counts_and_keeps_with_the_signature_but_the_note_after_the_date_does_not():
    parts = Parts(issuer_names=["江城市人民政府办公室"], date="2026年12月7日", attachments=["清单", "名单"],
                  note="此件公开发布")
    items = closing(parts)
    assert [i.style for i in items] == ["GwAttachNote", "GwAttachNote", "GwSignature", "GwDate", "GwNote"]
    lines = [1, 1, 1, 1, 1]
    fitted, carry = plan.fit_closing(items, lines, 7, movable=True)  # 1 + 2 + 2 + 2: the 附注 need not fit
    assert [i.before for i in fitted] == [1, 0, 2, 0, 0]
    assert not carry
    assert [i.keep_next for i in fitted] == [True, True, True, False, False]
    fitted, carry = plan.fit_closing(items, lines, 5, movable=True)
    assert fitted[2].before == 0
    assert not carry
    _, carry = plan.fit_closing(items, lines, 4, movable=True)
    assert carry


def test_without_signature_or_date_nothing_changes():
    items = closing(Parts(attachments=["清单"]))
    assert plan.fit_closing(items, [1], 0, movable=True) == (items, False)


def walk(paragraphs: list[tuple[str, str]]) -> pages.End:
    """Where the official body of these (style, text) paragraphs ends, by the page walk."""
    doc = Document([Paragraph([Run(text)], style=style) for style, text in paragraphs])
    return pages.walk(docx.Document(BytesIO(official_body(doc))).iter_inner_content())


LINE = ("body", "第一项工作已经按照要求全面完成。")  # one line


def test_a_short_last_paragraph_with_its_heading_can_move_on():
    end = walk([LINE] * 20 + [("heading1", "二、工作要求"), LINE])
    assert (end.page, pages.room_lines(end.used)) == (1, 0)
    assert end.movable


def test_a_paragraph_that_starts_its_page_or_began_on_the_one_before_cannot_move():
    end = walk([LINE] * 23)  # the last line starts page two: moving it on would gain nothing
    assert (end.page, pages.room_lines(end.used)) == (2, pages.LINES - 1)
    assert not end.movable
    long = ("body", "各单位要加强组织领导，明确责任分工，确保各项任务落到实处。" * 12)  # about 26 lines
    end = walk([LINE] * 10 + [long])
    assert end.page == 2
    assert not end.movable  # LibreOffice would move it whole and leave most of page one blank
    assert walk([LINE] * 10 + [long[:1] + ("第二项工作已经按照要求全面完成。",)]).movable


def test_a_heading_that_would_end_a_page_goes_on_with_the_paragraph_after_it():
    end = walk([LINE] * 21 + [("heading1", "二、工作要求"), LINE])
    assert end.page == 2
    assert pages.room_lines(end.used) == pages.LINES - 2  # the heading and its paragraph


def test_a_closing_written_in_the_text_is_found_with_the_empty_lines_after_it():
    texts = ["关于开展检查的通知", "各单位：", "请认真落实。", "", "江城市人民政府办公室", "2026年12月7日", "", ""]
    restyled = plan.restyles(texts, ["title"] + [""] * 7, Parts())
    assert plan.written_closing(restyled) == [4, 5]
    assert [restyled[i].style for i in (4, 5)] == ["GwSignature", "GwDate"]
    assert plan.empty_after(texts, 5) == 2
    assert plan.empty_after(texts, 2) == 1


def test_export_warns_when_the_last_paragraph_cannot_go_on_with_the_closing(tmp_path, capsys):
    """A last paragraph begun on an earlier page stays (LibreOffice would empty that page): the export says so."""
    from editor.cli import main
    from editor.core.gongwen.layout import ALONE

    head = ("---\n类型: 通知\n发文机关标志: 江城市人民政府办公室文件\n主送: 各区人民政府\n"
            "发文机关署名: 江城市人民政府办公室\n成文日期: 2026年12月7日\n---\n关于开展安全生产大检查的通知\n")
    long = "各单位要高度重视，加强组织领导，明确责任分工，细化工作措施，确保检查取得实效，" * 20 + "切实保障安全。"  # about 29 lines
    warned = []
    for n in range(0, 23):
        src = tmp_path / f"d{n}.txt"
        src.write_text(head + "".join(f"第{i:02d}项工作已经按照要求全面完成并报送。\n" for i in range(n)) + long + "\n",
                       encoding="utf-8")
        assert main(["export", str(src), str(tmp_path / f"d{n}.docx")]) == 0
        warned.append(ALONE in capsys.readouterr().err)
    assert 0 < sum(warned) < len(warned)  # where the long paragraph ends at a page's foot, and only there
    src = tmp_path / "short.txt"
    src.write_text(head + "各单位要高度重视。\n" * 18, encoding="utf-8")  # a one-line last paragraph can move
    for n in range(14, 26):
        src.write_text(head + "各单位要高度重视。\n" * n, encoding="utf-8")
        assert main(["export", str(src), str(tmp_path / "short.docx")]) == 0
        assert ALONE not in capsys.readouterr().err, n


def test_an_attachment_page_starts_with_its_label_in_heiti_and_its_title_centred():
    """§7.3.7: 附件N flush left in 黑体 on a new page, the 附件's title centred on the next line (not a heading)."""
    texts = ["关于开展检查的通知", "正文。", "附件1", "检查项目清单", "一、安全生产", "附件2", "一、联络人", "张三。"]
    restyled = plan.restyles(texts, [""] * len(texts), Parts())
    label, title = restyled[2], restyled[3]
    assert (label.page_break, label.heiti, label.align, label.first) == (True, True, "left", 0)
    assert (title.page_break, title.heiti, title.align, title.first) == (False, False, "center", 0)
    assert 4 not in restyled  # the 附件's text keeps its own layout
    assert restyled[5].page_break
    assert 6 not in restyled  # a heading right under the label is no title
