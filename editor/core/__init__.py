"""Yuku's core: everything that works without Qt (corpus, mining, bank, conversion, files)."""
