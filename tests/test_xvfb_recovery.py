"""Acceptance: text typed into the real window under Xvfb survives SIGKILL (yuku recover --list).

Starts its own Xvfb on a free display (-displayfd), runs the real `yuku` with
YUKU_AUTOSAVE_SECONDS=1, types with xdotool through the X server, waits one autosave interval,
kills the editor with SIGKILL and finds the text with `yuku recover --list --json`; then starts
Yuku again and sees the recovery dialog offer the draft. Skips without Xvfb/xdotool, except in CI.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 only")]

TYPED = "Autosave test draft 42"


def need(tool: str) -> str:
    exe = shutil.which(tool)
    if exe:
        return exe
    if os.environ.get("CI") == "true":
        pytest.fail(f"{tool} is required in CI (apt-get install xvfb xdotool)")
    pytest.skip(f"{tool} not installed")
    return ""


@pytest.fixture
def xvfb():
    exe = need("Xvfb")
    need("xdotool")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen([exe, "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as f:
            number = f.readline().strip()  # Xvfb writes the display number once it accepts clients
        if not number:
            pytest.fail("Xvfb did not start")
        yield f":{number}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def yuku_command() -> list[str]:
    script = Path(sys.executable).with_name("yuku")
    return [str(script)] if script.exists() else [sys.executable, "-m", "editor"]


def xdotool(display: str, *args: str, timeout: float = 30) -> str:
    out = subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display}, capture_output=True,
                         text=True, timeout=timeout)
    return out.stdout.strip()


def wait_window(display: str, name: str, proc: subprocess.Popen, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"yuku exited early with {proc.returncode}"
        wid = xdotool(display, "search", "--onlyvisible", "--name", name)
        if wid:
            return wid.splitlines()[-1]
        time.sleep(0.3)
    pytest.fail(f"no window named {name!r} appeared")
    return ""


def test_typed_text_survives_sigkill_and_is_offered_again(xvfb, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", YUKU_HOME=str(tmp_path / "home"), YUKU_AUTOSAVE_SECONDS="1")
    log = open(tmp_path / "yuku.log", "w")  # noqa: SIM115 - closed below; Qt chatter goes here
    app = subprocess.Popen(yuku_command(), env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wid = wait_window(xvfb, "Yuku", app)
        # No window manager: point at the window and give it the input focus ourselves.
        xdotool(xvfb, "mousemove", "--window", wid, "600", "400")
        xdotool(xvfb, "windowfocus", "--sync", wid)
        time.sleep(0.5)
        xdotool(xvfb, "type", "--delay", "40", TYPED)
        time.sleep(1 + 1.5)  # one autosave interval, and a margin for the event loop
    finally:
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=30)
        log.close()
    assert app.returncode == -signal.SIGKILL

    listed = subprocess.run([*yuku_command(), "recover", "--list", "--json"], env=env, capture_output=True,
                            text=True, timeout=60)
    assert listed.returncode == 0, listed.stderr
    drafts = json.loads(listed.stdout)
    assert any(TYPED in d["text"] for d in drafts), (drafts, (tmp_path / "yuku.log").read_text())
    (draft,) = [d for d in drafts if TYPED in d["text"]]
    assert draft["source"] == ""
    assert draft["saved_at"]

    # The next start offers the draft back.
    again = subprocess.Popen(yuku_command(), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_window(xvfb, "恢复未保存的草稿", again)
    finally:
        again.send_signal(signal.SIGKILL)
        again.wait(timeout=30)
