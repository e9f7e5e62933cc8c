"""ingest(paths, settings) -> IngestReport (added / unchanged / replaced / rejected, and why).

Files are read, cleaned and chunked first; then their chunks are embedded in large batches across documents
(the model is the whole cost of ingest), reusing any vector already stored for the same text; then each
group of documents is committed in one transaction, so a crash loses at most the group being written and never
leaves half of a document.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ingest.chunking import chunk_text
from ingest.clean import clean_text, find_date, find_period, find_title
from ingest.loaders import load_bytes
from rag.bm25 import BM25Index
from rag.config import Settings
from rag.embedder import Embedder, load_embedder
from rag.errors import RejectedFile
from rag.neighbours import Vocabulary
from rag.store import DocWrite, Store
from rag.types import Chunk, DocRecord

__all__ = [
    "FileResult",
    "IngestReport",
    "Prepared",
    "doc_version",
    "embed_text",
    "fit_title",
    "fit_titles",
    "ingest",
    "iter_files",
    "prepare",
]

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]


@dataclass
class FileResult:
    path: str
    doc_id: str
    status: str  # added | unchanged | replaced | rejected
    reason: str = ""
    chunks: int = 0

    def line(self) -> str:
        label = f"rejected: {self.reason}" if self.status == "rejected" else self.status
        extra = f" ({self.chunks} chunks)" if self.status in ("added", "replaced") else ""
        return f"{self.path}: {label}{extra}"


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)
    embedded: int = 0  # texts sent to the model
    reused: int = 0  # chunk vectors taken from the store instead

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def ok(self) -> bool:
        return self.count("rejected") == 0


@dataclass
class Prepared:
    path: str
    doc: DocRecord
    version: str
    chunks: list[Chunk]
    status: str


def iter_files(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")))
        else:
            out.append(p)
    return out


def embed_text(title: str, chunk: str) -> str:
    """What the model sees: the title gives a chunk its document's context."""
    return f"{title}\n{chunk}" if title else chunk


def doc_version(sha: str, settings: Settings) -> str:
    """A document's version: its bytes, the chunking settings and how metadata is read (v3: a year or month
    when no full date is stated; v4: a file name's date before the text's). Any of them changing means a new
    version; unchanged chunks keep their vectors."""
    signature = f"v4|{settings.chunk_tokens}|{settings.chunk_overlap}|{settings.chunk_max_tokens}".encode()
    return hashlib.sha256(bytes.fromhex(sha) + signature).hexdigest()[:16]


def prepare(
    data: bytes, name: str, settings: Settings, doc_id: str | None = None, sha: str | None = None
) -> tuple[DocRecord, str, list[Chunk]]:
    """Bytes -> cleaned document and its chunks. Raises RejectedFile."""
    if not data.strip():
        raise RejectedFile(name, "the file is empty")
    doc_id = doc_id or Path(name).stem
    sha = sha or hashlib.sha256(data).hexdigest()
    loaded = load_bytes(data, name, int(settings.max_unpacked_mb * 2**20))
    text = clean_text(loaded.text)
    if not text:
        raise RejectedFile(name, "no text left after cleaning (empty, whitespace or boilerplate only)")
    if not any(ch.isalnum() for ch in text):
        raise RejectedFile(name, "no words in this file")
    title = loaded.title or find_title(text, doc_id)
    # A date in the file name ("wh-2022-07-16-joint-statement...") was put there on purpose: it comes first. The
    # first date a text states is often an earlier event ("the previous summits held on May 14, 2015"): 42 of the
    # corpus's 498 dated file names were overruled that way, one by 1956. An HTML page's metadata date is its
    # publication date; a PDF's or DOCX's is when the file was made, a weaker hint than a date the text states.
    stem = Path(name).stem
    if Path(name).suffix.lower() in (".html", ".htm"):
        date = find_date(stem, loaded.date, text)
    else:
        date = find_date(stem, text, loaded.date)
    # ... and a date the text states outside the year its title or file name gives ("Session 76 (2021)") is of an
    # earlier event ("on 15 August 2014 her life changed", the EU's 2021 General Debate statement): the year stands
    period = find_period(title, stem)
    if not date or (period and not date.startswith(period[:4]) and not find_date(stem)):
        date = period
    version = doc_version(sha, settings)
    doc = DocRecord(doc_id=doc_id, title=title, date=date, source=Path(name).name, sha256=sha, text=text)
    spans = chunk_text(text, settings.chunk_tokens, settings.chunk_overlap, hard_max=settings.chunk_max_tokens)
    chunks = [Chunk(doc_id, i, s.start, s.end, s.text, s.tokens, title, date) for i, s in enumerate(spans)]
    return doc, version, chunks


def _read(path: Path, settings: Settings) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as e:
        raise RejectedFile(str(path), f"cannot read it ({e.strerror})") from e
    if size > settings.max_file_bytes:
        raise RejectedFile(
            str(path), f"{size / 2**20:.1f} MiB is over the {settings.max_file_mb:g} MiB limit (SUMMIT_RAG_MAX_FILE_MB)"
        )
    with open(path, "rb") as f:
        return f.read(settings.max_file_bytes + 1)


def ingest(
    paths: Iterable[str | Path],
    settings: Settings,
    store: Store | None = None,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
    lock_timeout: float = 0.0,
    names: dict[str, str] | None = None,
) -> IngestReport:
    """Ingest files and folders. ``names`` maps a path to the name to report (uploads keep their own name)."""
    own_store = store is None
    store = store or Store(settings)
    report = IngestReport()
    try:
        with store.writing(timeout=lock_timeout):
            prepared: list[Prepared] = []
            seen: dict[str, str] = {}
            files = iter_files(paths)
            for path in files:
                shown = (names or {}).get(str(path), str(path))
                doc_id = Path(shown).stem
                try:
                    if doc_id in seen:
                        raise RejectedFile(shown, f"document id {doc_id!r} also comes from {seen[doc_id]}: rename one")
                    data = _read(path, settings)
                    sha = hashlib.sha256(data).hexdigest()
                    old = store.catalog.version_of(doc_id)
                    if old == doc_version(sha, settings):  # nothing to parse, nothing to embed
                        seen[doc_id] = shown
                        report.results.append(FileResult(shown, doc_id, "unchanged"))
                        continue
                    doc, version, chunks = prepare(data, Path(shown).name, settings, doc_id=doc_id, sha=sha)
                except RejectedFile as e:
                    report.results.append(FileResult(shown, doc_id, "rejected", e.reason))
                    continue
                seen[doc_id] = shown
                status = "added" if old is None else "replaced"
                prepared.append(Prepared(shown, doc, version, chunks, status))
            if prepared:
                embedder = embedder or load_embedder(settings.embedding_model, settings.embed_batch_size)
                _embed_and_commit(prepared, store, embedder, settings, report, progress)
            BM25Index.ensure_saved(store.catalog, settings.data_dir / "bm25")
            if prepared and settings.neighbour_weight and embedder is not None:  # the new words, embedded now
                Vocabulary.current(store.catalog, settings.data_dir / "vocabulary", embedder, settings.embedding_model)
    finally:
        if own_store:
            store.close()
    order = {(names or {}).get(str(p), str(p)): i for i, p in enumerate(files)}
    report.results.sort(key=lambda r: order.get(r.path, len(order)))
    return report


def _embed_and_commit(
    prepared: list[Prepared],
    store: Store,
    embedder: Embedder,
    settings: Settings,
    report: IngestReport,
    progress: Progress | None,
) -> None:
    """Embed in large groups, then write each group's documents together. Writing while the next group embeds
    was measured slower here (bench/ingest.py: 368 s against 331 s): Chroma's indexing competes with the model for
    the same two cores."""
    total = sum(len(p.chunks) for p in prepared)
    done = 0
    group_target = max(2048, settings.embed_batch_size * 32)  # big groups: encode sorts by length within a call
    i = 0
    while i < len(prepared):
        group = [prepared[i]]
        size = len(prepared[i].chunks)
        i += 1
        while i < len(prepared) and size + len(prepared[i].chunks) <= group_target:
            group.append(prepared[i])
            size += len(prepared[i].chunks)
            i += 1
        pairs = [(p.doc.title, c) for p in group for c in p.chunks]
        texts = [embed_text(t, c.text) for t, (_, c) in zip(fit_titles(pairs, embedder), pairs, strict=True)]
        hashes = [hashlib.sha256(t.encode()).hexdigest()[:32] for t in texts]
        known = store.vectors_for(hashes)
        todo = {h: t for h, t in zip(hashes, texts, strict=True) if h not in known}  # dedupes within the batch
        if todo:
            vecs = embedder.embed_documents(list(todo.values()))
            known.update(zip(todo.keys(), vecs, strict=True))
        report.embedded += len(todo)
        report.reused += len(texts) - len(todo)
        writes: list[DocWrite] = []
        k = 0
        for p in group:
            n = len(p.chunks)
            vectors = np.stack([known[h] for h in hashes[k : k + n]]) if n else np.zeros((0, embedder.dimension))
            writes.append(DocWrite(p.doc, p.version, p.chunks, vectors, hashes[k : k + n], p.status == "replaced"))
            k += n
        store.put_documents(writes)
        for p in group:
            report.results.append(FileResult(p.path, p.doc.doc_id, p.status, chunks=len(p.chunks)))
            done += len(p.chunks)
            if progress:
                progress(done, total, p.path)


def fit_titles(pairs: list[tuple[str, Chunk]], embedder: Embedder) -> list[str]:
    """fit_title for many (title, chunk) pairs, with one tokenizer call for the common case that fits."""
    titles = [t[:200] for t, _ in pairs]
    lengths = embedder.count_wordpieces_many([embed_text(t, c.text) for t, (_, c) in zip(titles, pairs, strict=True)])
    for i, n in enumerate(lengths):
        if n > embedder.max_seq_length:
            titles[i] = fit_title(titles[i], pairs[i][1], embedder)
    return titles


def fit_title(title: str, chunk: Chunk, embedder: Embedder) -> str:
    """Keep title + chunk within the model's window; shorten the title first, never the chunk."""
    title = title[:200]
    limit = embedder.max_seq_length
    while title and embedder.count_wordpieces(embed_text(title, chunk.text)) > limit:
        title = title[: len(title) // 2].rstrip()
    return title
