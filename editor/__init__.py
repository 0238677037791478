"""Yuku (语库): a desktop editor for Chinese official writing."""
from __future__ import annotations

__all__ = ["APP_NAME", "__version__"]

APP_NAME = "Yuku"
__version__ = "0.1.0"
