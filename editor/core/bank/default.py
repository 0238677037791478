"""Open the user's bank, creating it from the bundled corpus on first use."""
from __future__ import annotations

import logging
from pathlib import Path

from editor.core.bank.store import PhraseBank
from editor.core.paths import user_dirs
from editor.core.resources import seed_corpus_dir

log = logging.getLogger(__name__)


def open_bank(path: str | Path | None = None) -> PhraseBank:
    """Open the bank at path (default: the user's); mine the seed corpus into it when it is new."""
    from editor.core.mining.pipeline import mine_into_bank

    target = Path(path) if path else user_dirs().ensure().bank
    bank = PhraseBank(target)
    # A bank with no corpus and no phrases is new (or was rebuilt after damage with no backup); one
    # from the first Yuku holds first-cut phrases and no corpus: re-mine it (the user's work stays).
    if (bank.count_all() == 0 or bank.migrated_from_v1) and not bank.corpus_documents():
        if not _from_prebuilt(bank):
            report = mine_into_bank([seed_corpus_dir()], bank)
            log.info("created bank %s from the seed corpus: %s phrases", target, report.phrases)
    return bank


def _from_prebuilt(bank: PhraseBank) -> bool:
    """Fill a new bank with the phrases mined at build time and the corpus they came from (no mining)."""
    from editor.core.bank.prebuilt import load_prebuilt
    from editor.core.corpus.reader import read_corpus_files

    phrases = load_prebuilt()
    if phrases is None:
        return False
    read = read_corpus_files([seed_corpus_dir()])
    # The corpus is stored too: a later `yuku mine` re-mines it together with the user's files.
    n = bank.commit_mining([(f.digest, f.name, f.text) for f in read.files], phrases)
    log.info("created bank %s from the shipped bank: %s phrases", bank.path, n)
    return True
