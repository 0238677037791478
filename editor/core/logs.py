"""Logging to a rotating file in the user log dir."""
from __future__ import annotations

import logging
import logging.handlers

from editor.core.paths import user_dirs


def setup_logging(level: int = logging.INFO) -> None:
    """Send log records to yuku.log in the log dir (once per process)."""
    root = logging.getLogger()
    if any(getattr(h, "_yuku", False) for h in root.handlers):
        return
    try:
        logs = user_dirs().logs
        logs.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            logs / "yuku.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        # A read-only home must not stop the editor from starting.
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._yuku = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
