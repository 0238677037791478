"""Take the README screenshots from the real window: run under an X server (scripts/screenshot.sh).

    python scripts/screenshot.py LANGUAGE OUT.png [THEME]   # zh_CN, zh_TW or en; system, light or dark

Opens the editor with a sample 工作总结, styles its headings, shows phrases in the bank, and grabs
the window's pixels from the screen.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

SAMPLE = [
    ("title", "关于2024年度工作情况的总结"),
    ("body", "今年以来，在上级党委的坚强领导下，我们坚持以习近平新时代中国特色社会主义思想为指导，"
             "紧紧围绕年度目标任务，凝心聚力、真抓实干，各项工作取得了新的进展。现将有关情况总结如下。"),
    ("heading1", "一、主要工作及成效"),
    ("heading2", "（一）强化政治引领，筑牢思想根基"),
    ("body", "坚持把政治建设摆在首位，认真落实“第一议题”制度，全年组织集中学习24次，"
             "开展专题研讨6次，干部职工政治判断力、政治领悟力、政治执行力进一步提升。"),
    ("heading2", "（二）聚焦中心任务，推动提质增效"),
    ("body", "围绕年度重点任务，细化分解责任清单，建立周调度、月通报工作机制，"
             "确保各项任务按时保质完成。"),
    ("heading1", "二、存在的问题和不足"),
    ("body", "一是工作创新意识还不够强；二是基层基础工作仍有薄弱环节；三是干部队伍能力素质有待进一步提升。"),
    ("heading1", "三、下一步工作打算"),
    ("body", "下一步，我们将坚持问题导向，持续用力、久久为功，以更加饱满的精神状态推动各项工作再上新台阶。"),
]


def main() -> int:
    """Render the window in the language and save the PNG."""
    language, out = sys.argv[1], Path(sys.argv[2])
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from editor.core.settings import Settings
    from editor.gui.app import create_app, setup_ui
    from editor.gui.document.paragraph_styles import apply_style
    from editor.gui.window.main_window import MainWindow

    app = create_app()
    settings = Settings(Path(tempfile.mkdtemp(prefix="yuku-shot-")) / "settings.json")
    settings.set("ui_language", language)
    settings.set("theme", sys.argv[3] if len(sys.argv) > 3 else "light")
    setup_ui(app, settings)
    window = MainWindow(settings=settings)
    editor = window.editor
    cursor = QTextCursor(editor.document())
    for i, (_, text) in enumerate(SAMPLE):
        if i:
            cursor.insertBlock()
        cursor.insertText(text)
    for i, (style, _) in enumerate(SAMPLE):
        apply_style(QTextCursor(editor.document().findBlockByNumber(i)), style)
    editor.document().setModified(False)
    window.setGeometry(0, 0, 1280, 800)
    window.show()
    tree = getattr(window.phrase_panel, "tree", None)
    model = tree.model() if tree is not None else None
    if model is not None and model.rowCount() > 0:
        # Show one group of real phrases, with the first selected so the preview has something.
        tree.collapseAll()
        index = model.index(0, 0)
        while model.rowCount(index) > 0:
            tree.expand(index)
            index = model.index(0, 0, index)
        tree.setCurrentIndex(index)
    cur = QTextCursor(editor.document().findBlockByNumber(4))
    cur.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cur)
    editor.setFocus()

    def grab() -> None:
        window.status_widgets.update_count()
        app.processEvents()
        screen = window.screen()
        geo = window.frameGeometry()
        pixmap = screen.grabWindow(0, geo.x(), geo.y(), geo.width(), geo.height())
        if pixmap.isNull():  # platforms that cannot read the screen: the window's own rendering
            pixmap = window.grab()
        out.parent.mkdir(parents=True, exist_ok=True)
        pixmap.save(str(out))
        print(out)
        window.close()
        QApplication.quit()

    QTimer.singleShot(1500, grab)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
