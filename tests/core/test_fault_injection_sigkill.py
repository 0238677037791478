"""SIGKILL during save, in a loop: the file on disk is always a whole old or new version."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from editor.core.formats.document_files import read_document
from editor.core.recovery import RecoveryStore
from editor.core.settings import Settings

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")

# The child saves version A, says "ready", then saves B, A, B... until it is killed.
CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    kind, folder = sys.argv[1], Path(sys.argv[2])
    from editor.core.formats.document_files import write_document
    from editor.core.model.document import Document
    from editor.core.recovery import RecoveryStore
    from editor.core.settings import Settings

    def version(tag):
        line = ("今年以来，我们坚持稳中求进工作总基调" + tag) * 40
        return "\\n".join([line] * (300 if kind != "docx" else 60))

    settings = Settings(folder / "settings.json")
    store = RecoveryStore(folder / "recovery")
    def save(text):
        if kind in ("txt", "docx"):
            write_document(Document.from_plain_text(text), folder / f"报告.{kind}")
        elif kind == "settings":
            settings.set("protected_terms", [text])
        else:
            store.save("untitled-fixed", source="", title="t", text=text)

    save(version("A"))
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        save(version("B" if i % 2 else "A"))
""")

ROUNDS = 6  # kills per kind at least; more (up to MAX_ROUNDS) until one lands in the middle of a save
MAX_ROUNDS = 25


def version(kind, tag):
    line = ("今年以来，我们坚持稳中求进工作总基调" + tag) * 40
    return "\n".join([line] * (300 if kind != "docx" else 60))


def read_back(kind, folder):
    if kind in ("txt", "docx"):
        return read_document(folder / f"报告.{kind}").plain_text().rstrip("\n")
    if kind == "settings":
        return Settings(folder / "settings.json").get("protected_terms")[0]
    draft = RecoveryStore(folder / "recovery").get("untitled-fixed")
    assert draft is not None
    return draft.text


def wait_for_temp(folder, deadline):
    """Return as soon as a save's temp file exists in folder (or at the deadline)."""
    before = {p.name for p in folder.rglob("*.tmp")}
    while time.monotonic() < deadline:
        if any(p.name not in before for p in folder.rglob("*.tmp")):
            return


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["txt", "docx", "settings", "recovery"])
def test_sigkill_during_save_never_leaves_a_mix(tmp_path, kind):
    rng = random.Random(8)
    expected = {version(kind, "A"), version(kind, "B")}
    seen = set()
    for i in range(MAX_ROUNDS):
        if i >= ROUNDS and list(tmp_path.rglob("*.tmp")):
            break
        child = subprocess.Popen([sys.executable, "-c", CHILD, kind, str(tmp_path)],
                                 stdout=subprocess.PIPE, text=True, env=dict(os.environ))
        try:
            assert child.stdout.readline().strip() == "ready"
            if i < ROUNDS:
                time.sleep(rng.uniform(0.01, 0.25))
            else:
                # A fast save leaves only a short window: kill the moment a temp file shows.
                wait_for_temp(tmp_path, deadline=time.monotonic() + 5)
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
        got = read_back(kind, tmp_path)
        assert got in expected, f"{kind}: the file is neither the old nor the new version"
        seen.add(got)
    # A temp file left behind shows that kills landed in the middle of a save, which is the point.
    leftovers = list(tmp_path.rglob("*.tmp"))
    assert leftovers, "no kill landed during a save; the test proved nothing"
