"""Files → structured, de-duplicated documents, kept between runs so a re-mine structures only the new files.

Structuring is one step per file (script, lines, titles, headings) followed by corpus-wide steps
that each run over the documents in order: copies dropped, footers found across the corpus and cut,
copied paragraphs and passages dropped. Every corpus-wide step keeps a compact index of what it
has seen (dedupe.DocumentIndex, ParagraphIndex, the passages' pairs, boilerplate.EdgeLines), so files
added after the ones of the last run are structured by continuing those steps: the result is
exactly what structuring everything again gives. When it would not be — a new file is the longer
copy of an old one, or the new files change which lines are footers — everything is structured again.
"""
from __future__ import annotations

import dataclasses
import gzip
import hashlib
import io
import logging
import pickle
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from editor.core.corpus.boilerplate import EdgeLines, edge_line_key
from editor.core.corpus.dedupe import (
    DocumentIndex,
    ParagraphIndex,
    Prints,
    dedupe_documents,
    dedupe_paragraphs,
    dedupe_passages,
)
from editor.core.corpus.structure import Document

log = logging.getLogger(__name__)
Step = Callable[[int, int], None]
# Told of each batch of finished documents: (the documents of earlier runs, the batch's documents).
Ready = Callable[[list[Document], list[Document]], None]
# A binary stream the archive is written to or read from (count_cache's parts, a file, BytesIO).
Stream = IO[bytes] | io.RawIOBase
FORMAT = 2  # 2: the documents pickled in batches after the indexes
_BATCH = 50  # documents de-duplicated between two progress steps
_PICKLED = 200  # documents pickled between two clearings of the pickler's memo


@dataclass
class Archive:
    """The structured documents of the files structured so far, and the corpus-wide steps' indexes."""

    files: list[str] = field(default_factory=list)  # file_identity of each file, in order
    docs: list[Document] = field(default_factory=list)  # documents as mined (empty ones left out)
    documents: DocumentIndex = field(default_factory=DocumentIndex)
    edges: EdgeLines = field(default_factory=EdgeLines)
    footers: set[str] = field(default_factory=set)
    paragraphs: ParagraphIndex = field(default_factory=ParagraphIndex)
    passages: set[int] = field(default_factory=set)


def file_identity(name: str, text: str) -> str:
    """What a file is, for the archive: its name and text."""
    return hashlib.sha1(f"{Path(name).name}\x00{text}".encode("utf-8", "surrogatepass")).hexdigest()


def split_file(name: str, text: str) -> list[Document]:
    """One file's documents with headings (simplified script, half-width digits; the original script remembered)."""
    from editor.core.corpus.normalize import fold_width, is_traditional, t2s
    from editor.core.corpus.structure import split_documents

    # Counting happens in simplified script with half-width digits (MINING.md); the script the
    # document was written in is remembered so phrases can be shown in it.
    simplified = fold_width(t2s(text))
    found = split_documents(Path(name).name, simplified)
    if is_traditional(text, simplified):
        pair = (simplified, fold_width(text)) if len(simplified) == len(text) else None
        for d in found:
            d.traditional, d.surface = True, pair
    return found


def _drop_footers(docs: list[Document], footers: set[str]) -> None:
    if footers:
        for d in docs:
            d.paragraphs = [p for p in d.paragraphs if p.heading or edge_line_key(p.text) not in footers]


def extend(archive: Archive, files: list[str], split: list[Document], prints: Prints | None = None,
           step: Step | None = None, ready: Ready | None = None) -> bool:
    """Add the documents of new files (split_file, in file order) to the archive; False when it cannot be done exactly.

    False leaves the archive unusable: structure everything again. prints: the documents' and
    paragraphs' prints when the workers that split the files made them (dedupe.fingerprints).
    step(done, total) is called between batches of documents (progress; it may raise to cancel);
    ready(earlier documents, batch) with each batch's finished documents, in order, as soon as they are
    final (later batches never change them): the map step starts on them while later ones are de-duplicated.
    """
    from editor.core.corpus.sections import assign_sections, genre_formula

    kept = dedupe_documents(split, archive.documents, prints)
    if archive.documents.replaced_earlier:
        return False  # an earlier document gave way to a longer copy: the earlier results change
    for d in kept:
        archive.edges.add([p.text for p in d.paragraphs if not p.heading])
    footers = archive.edges.recurring(genre_formula)
    if archive.files and footers != archive.footers:
        return False  # the earlier documents lose or keep other lines
    archive.footers = footers
    _drop_footers(kept, footers)
    # In batches, so a long run reports progress and can be cancelled; the indexes carry over.
    for start in range(0, len(kept), _BATCH):
        if step is not None:
            step(start, len(kept))
        batch = kept[start:start + _BATCH]
        dedupe_paragraphs(batch, archive.paragraphs, prints)
        dedupe_passages(batch, archive.passages)
        for d in batch:
            assign_sections(d)
        if ready is not None:
            ready(archive.docs, [d for d in batch if d.paragraphs])
    archive.docs.extend(d for d in kept if d.paragraphs)
    archive.files.extend(files)
    return True


def structure_all(files: list[str], split: list[Document], prints: Prints | None = None,
                  step: Step | None = None, ready: Ready | None = None) -> Archive:
    """An archive of every file from scratch (extending an empty archive cannot fail)."""
    archive = Archive()
    extend(archive, files, split, prints, step, ready)
    return archive


def dump(archive: Archive, out: Stream) -> None:
    """The archive, pickled and compressed into a stream: its indexes, then its documents a batch at a time.

    The pickler remembers every object it wrote until its memo is cleared, so the documents go in
    batches; and the compressed bytes go on as they come (count_cache writes them in parts), never
    held whole: at 20 M characters the whole archive's bytes and their copies for SQLite were 300 MB.
    """
    docs = archive.docs
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=1) as stream:
        pickler = pickle.Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL)
        # A copy without its documents (the archive itself may be in use on another thread meanwhile).
        pickler.dump((FORMAT, dataclasses.replace(archive, docs=[])))
        for i in range(0, len(docs), _PICKLED):
            pickler.clear_memo()
            pickler.dump(docs[i:i + _PICKLED])
        pickler.dump([])


def load(stream: Stream) -> Archive | None:
    """The archive dump wrote; None when it cannot be read (then everything is structured again)."""
    try:
        with gzip.GzipFile(fileobj=stream, mode="rb") as unzipped:
            version, archive = pickle.load(unzipped)
            if version != FORMAT or not isinstance(archive, Archive):
                return None
            while batch := pickle.load(unzipped):
                archive.docs.extend(batch)
        return archive
    except (OSError, EOFError, zlib.error, pickle.UnpicklingError, AttributeError, TypeError, ValueError,
            ImportError) as exc:
        log.warning("kept structure unreadable (%s): structuring every file", exc)
        return None
