"""Yuku's test suite: mirrors editor/ (tests/core, tests/gui, tests/cli); fixtures in tests/data."""
from pathlib import Path

DATA_ROOT = Path(__file__).resolve().parent / "data"
