"""The one error type users see: names the file and says what to do."""
from __future__ import annotations


class YukuError(Exception):
    """A problem with user input or the environment, explained in one sentence."""

    def __init__(self, path: object, message: str, exit_code: int = 2) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = str(path) if path else ""
        self.message = message
        self.exit_code = exit_code
