"""Open the user's bank, creating it from the bundled corpus on first use."""
from __future__ import annotations

import logging
from pathlib import Path

from editor.core.bank.store import PhraseBank
from editor.core.paths import user_dirs
from editor.core.resources import seed_corpus_dir

log = logging.getLogger(__name__)
# The meta entry naming the shipped bank a bank was last filled from.
SHIPPED = "shipped_bank"


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
    else:
        _follow_shipped(bank)
    return bank


def _follow_shipped(bank: PhraseBank) -> None:
    """A bank mined from the bundled corpus alone takes the shipped phrases of a newer Yuku.

    Without this, a user who upgrades keeps the phrases of the version they first ran, whatever the
    miner has learnt since; favourites, hidden entries and the user's own phrases stay. A bank that
    also holds the user's documents is theirs: `yuku mine` or 重新挖掘 refreshes it.
    """
    from editor.core.bank.prebuilt import load_prebuilt, shipped_id
    from editor.core.corpus.reader import read_corpus_files

    current = shipped_id()
    if current is None or bank.get_meta(SHIPPED) == current:
        return
    stored = {digest for digest, _name, _text in bank.corpus_documents_with_digest()}
    read = read_corpus_files([seed_corpus_dir()])
    if stored and stored <= {f.digest for f in read.files}:
        phrases = load_prebuilt()
        if phrases is None:  # shipped for other code (a developer's tree): keep what the bank holds
            return
        n = bank.commit_mining([(f.digest, f.name, f.text) for f in read.files], phrases, replace_corpus=True)
        log.info("bank %s now holds the shipped bank of this version: %s phrases", bank.path, n)
    bank.set_meta(SHIPPED, current)


def _from_prebuilt(bank: PhraseBank) -> bool:
    """Fill a new bank with the phrases mined at build time and the corpus they came from (no mining)."""
    from editor.core.bank.prebuilt import load_prebuilt, shipped_id
    from editor.core.corpus.reader import read_corpus_files

    phrases = load_prebuilt()
    if phrases is None:
        return False
    read = read_corpus_files([seed_corpus_dir()])
    # The corpus is stored too: a later `yuku mine` re-mines it together with the user's files.
    n = bank.commit_mining([(f.digest, f.name, f.text) for f in read.files], phrases)
    shipped = shipped_id()
    if shipped is not None:
        bank.set_meta(SHIPPED, shipped)
    log.info("created bank %s from the shipped bank: %s phrases", bank.path, n)
    return True
