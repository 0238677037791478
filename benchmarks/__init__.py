"""Yuku's benchmarks: every figure next to a baseline measured in the same run (`python -m benchmarks`)."""
from __future__ import annotations
