"""Document locks: a file open in one window (or another instance) is not opened twice."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QLockFile

from editor.gui.document import lock as document_lock

HOLDER = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QLockFile
    lock = QLockFile(sys.argv[1])
    lock.setStaleLockTime(0)
    print("locked" if lock.tryLock(0) else "failed", flush=True)
    time.sleep(120)
""")


@pytest.fixture
def bank(make_bank):
    return make_bank()  # an empty bank: building the bundled one is slow


@pytest.fixture
def doc(tmp_path):
    p = tmp_path / "报告.txt"
    p.write_text("正文\n", encoding="utf-8")
    return p


@pytest.fixture
def holder(doc):
    """Another process holding the document's lock, as a second Yuku instance would."""
    lock_file = document_lock.lock_path(doc)
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(lock_file)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    yield proc
    proc.kill()
    proc.wait()


def test_second_window_in_this_process_is_refused(make_window, doc, no_blocking_dialogs):
    w1, w2 = make_window(), make_window()
    assert w1.session.open_path(doc)
    assert not w2.session.open_path(doc)
    title, text = no_blocking_dialogs.shown[-1]
    assert title == "文件已被占用"
    assert str(doc.resolve()) in text
    assert "另一个窗口" in text
    assert w2.session.path is None
    assert w1.session.open_path(doc)  # the holder itself may reopen (revert)
    w1.session.new_document()  # closing the document releases the lock
    assert w2.session.open_path(doc)


def test_other_instance_is_named_and_its_lock_taken_over_after_a_kill(make_window, doc, holder,
                                                                       no_blocking_dialogs):
    w = make_window()
    assert not w.session.open_path(doc)
    _, text = no_blocking_dialogs.shown[-1]
    assert f"进程 {holder.pid}" in text
    assert "另一个语库程序" in text
    assert "python" not in text  # the interpreter's name told the user nothing
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert w.session.open_path(doc)  # a lock left by a killed process is taken over
    assert w.session.lock.held_path == doc.resolve()


def test_lock_is_held_against_other_processes_and_released_on_close(make_window, doc):
    w = make_window()
    assert w.session.open_path(doc)
    probe = subprocess.run([sys.executable, "-c", textwrap.dedent("""
        import sys
        from PySide6.QtCore import QLockFile
        lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0)
        print(lock.tryLock(0))
    """), str(document_lock.lock_path(doc))], capture_output=True, text=True, timeout=60)
    assert probe.stdout.strip() == "False"
    w.editor.document().setModified(False)
    w.close()
    lock = QLockFile(str(document_lock.lock_path(doc)))
    lock.setStaleLockTime(0)
    assert lock.tryLock(0)
    lock.unlock()


def test_save_as_onto_a_file_open_elsewhere_is_refused(make_window, doc, tmp_path, no_blocking_dialogs):
    w1, w2 = make_window(), make_window()
    assert w1.session.open_path(doc)
    w2.editor.insertPlainText("别的稿子")
    assert not w2.session.save_to(doc)
    assert doc.read_text(encoding="utf-8") == "正文\n"
    assert "不能保存到这里" in no_blocking_dialogs.shown[-1][1]
    other = tmp_path / "另一份.txt"
    assert w2.session.save_to(other)
    assert w2.session.lock.held_path == other.resolve()


def test_failed_open_leaves_no_lock(make_window, tmp_path, qtbot):
    bad = tmp_path / "坏.xyz"
    bad.write_bytes(b"\x00\x01")
    w = make_window()
    assert not w.session.open_path(bad)
    qtbot.wait(20)  # the unadopted lock is dropped once control returns to the event loop
    lock = QLockFile(str(document_lock.lock_path(bad)))
    lock.setStaleLockTime(0)
    assert lock.tryLock(0)
    lock.unlock()


def test_unusable_lock_folder_does_not_stop_editing(make_window, doc, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setattr(document_lock, "lock_folder", lambda: blocker / "locks")
    w = make_window()
    assert w.session.open_path(doc)


def test_lock_survives_a_later_hook_that_asks_the_user(make_window, tmp_path, qtbot):
    """A hook after the lock's (a warning box: a nested event loop) must not cost the new file its lock."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog

    target = tmp_path / "新稿.txt"
    w = make_window()
    w.editor.insertPlainText("正文")

    def ask(path):
        box = QDialog(w)
        box.setModal(True)
        QTimer.singleShot(300, box.accept)
        box.exec()  # the event loop runs here, as under QMessageBox.warning
        return True

    w.session.before_save.append(ask)
    assert w.session.save_to(target)
    assert w.session.lock.held_path == target.resolve()
    qtbot.wait(50)
    probe = QLockFile(str(document_lock.lock_path(target)))
    probe.setStaleLockTime(0)
    assert not probe.tryLock(0)  # still held by the window


@pytest.mark.parametrize("content", [b"", b"garbled\n"])
def test_damaged_lock_file_does_not_block_for_ever(make_window, doc, content):
    lock_file = document_lock.lock_path(doc)
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    lock_file.write_bytes(content)  # power lost while a lock was being written
    old = lock_file.stat().st_mtime - 60
    os.utime(lock_file, (old, old))
    w = make_window()
    assert w.session.open_path(doc)
    assert w.session.lock.held_path == doc.resolve()


def test_fresh_unreadable_lock_is_respected(make_window, doc, no_blocking_dialogs):
    """A lock file being written this very moment by another editor is not torn away."""
    lock_file = document_lock.lock_path(doc)
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    lock_file.write_bytes(b"")
    w = make_window()
    assert not w.session.open_path(doc)
    assert no_blocking_dialogs.shown[-1][0] == "文件已被占用"
