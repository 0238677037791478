"""Where Yuku keeps user data: every user dir comes from here (platformdirs, or YUKU_HOME)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_DIR_NAME = "yuku"
HOME_ENV = "YUKU_HOME"


@dataclass(frozen=True)
class UserDirs:
    """The user directories Yuku writes to."""

    config: Path
    data: Path
    cache: Path
    logs: Path

    @property
    def recovery(self) -> Path:
        """Folder of autosaved drafts."""
        return self.data / "recovery"

    @property
    def bank(self) -> Path:
        """The user's phrase bank."""
        return self.data / "bank.db"

    @property
    def settings_file(self) -> Path:
        """The settings file (JSON)."""
        return self.config / "settings.json"

    def ensure(self) -> UserDirs:
        """Create every directory (idempotent) and return self."""
        for d in (self.config, self.data, self.cache, self.logs, self.recovery):
            d.mkdir(parents=True, exist_ok=True)
        return self


def user_dirs() -> UserDirs:
    """Return the user dirs, honouring YUKU_HOME (tests and scripts put everything under one folder)."""
    home = os.environ.get(HOME_ENV)
    if home:
        root = Path(home).expanduser()
        return UserDirs(root / "config", root / "data", root / "cache", root / "logs")
    # Imported here so that YUKU_HOME users (tests, scripts) never pay for it.
    import platformdirs

    return UserDirs(
        Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)),
        Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_DIR_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False)),
    )
