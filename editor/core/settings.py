"""User settings: every option with its type and default in one table, stored as JSON."""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from editor.core.atomic import atomic_write_text
from editor.core.formats.registry import DEFAULT_EXPORT_STYLE
from editor.core.paths import user_dirs

log = logging.getLogger(__name__)

# name: (type, default). Add options here and nowhere else.
DEFAULTS: dict[str, tuple[type, Any]] = {
    "ui_language": (str, ""),  # "" = follow the system locale
    "autosave_seconds": (int, 30),
    "default_conversion": (str, "s2t"),
    "export_style": (str, DEFAULT_EXPORT_STYLE),
    "font_fallbacks": (dict, {}),
    "recent_files": (list, []),
    "recent_files_max": (int, 10),
    "phrase_insert_on_double_click": (bool, True),
    "phrase_suggestions": (bool, True),
    "auto_format_headings": (bool, True),  # Enter after 一、… makes the line a heading
    "protected_terms": (list, []),
    "window_geometry": (str, ""),
    "window_state": (str, ""),
    "zoom": (int, 0),
    "theme": (str, "system"),  # "system", "light" or "dark"
    # The unit profile that fills the 公文要素 (core/gongwen/profile.py).
    "gongwen_issuer_marks": (list, []),  # 发文机关标志, one an organ (joint issuance: several)
    "gongwen_issuer_names": (list, []),  # 发文机关署名
    "gongwen_number_prefix": (str, ""),  # 机关代字 of the 发文字号, e.g. 江政办发
    "gongwen_printer": (str, ""),  # 印发机关
}


class Settings:
    """Typed access to the settings file; unknown or mistyped values fall back to the default."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or user_dirs().settings_file
        self._values: dict[str, Any] = {}
        self.load()

    def load(self) -> None:
        """Read the file; a missing or damaged file gives the defaults (damage is logged, not fatal)."""
        self._values = {}
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.warning("settings file %s unreadable (%s); using defaults", self.path, exc)
            return
        if isinstance(raw, dict):
            for key, value in raw.items():
                if key in DEFAULTS and isinstance(value, DEFAULTS[key][0]):
                    self._values[key] = value

    def get(self, key: str) -> Any:
        """The value of one option (environment overrides included)."""
        if key == "autosave_seconds":
            env = os.environ.get("YUKU_AUTOSAVE_SECONDS")
            if env:
                try:
                    return max(1, int(env))
                except ValueError:
                    log.warning("YUKU_AUTOSAVE_SECONDS=%r is not a whole number; ignored", env)
        typ, default = DEFAULTS[key]
        value = self._values.get(key, default)
        return value.copy() if isinstance(value, (list, dict)) else value

    def set(self, key: str, value: Any) -> None:
        """Set one option (type-checked) and save."""
        typ, _ = DEFAULTS[key]
        if not isinstance(value, typ):
            raise TypeError(f"setting {key} takes {typ.__name__}, not {type(value).__name__}")
        self._values[key] = value
        self.save()

    def save(self) -> None:
        """Write the settings atomically."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path, json.dumps(self._values, ensure_ascii=False, indent=2))

    def add_recent_file(self, path: str) -> list[str]:
        """Put path first in the recent-files list and return the list."""
        recent = [p for p in self.get("recent_files") if p != path]
        recent.insert(0, path)
        recent = recent[: self.get("recent_files_max")]
        self.set("recent_files", recent)
        return recent
