"""Open the user's bank, creating it from the bundled corpus on first use."""
from __future__ import annotations

from pathlib import Path

from editor.core.bank import PhraseBank
from editor.core.mining import mine_texts, read_corpus
from editor.core.paths import user_dirs
from editor.core.resources import seed_corpus_dir


def open_bank(path: str | Path | None = None) -> PhraseBank:
    """Open the bank at path (default: the user's); mine the seed corpus into it if it is empty."""
    target = Path(path) if path else user_dirs().ensure().bank
    bank = PhraseBank(target)
    if bank.count() == 0:
        bank.replace_mined(mine_texts(read_corpus([seed_corpus_dir()])))
    return bank
