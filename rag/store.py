"""The store: the SQLite catalog (truth, commit point) plus Chroma (vectors), embedded or client/server.

Write protocol for a group of documents, under the data dir's write lock::

    journal(docs, new)  ->  Chroma upsert chunks of each `new`  ->  catalog commit of the group (the commit point)
                        ->  Chroma delete chunks of each doc whose version != new  ->  clear journal

Readers only see chunk ids the catalog knows, so a crash at any step shows either the old version whole or the
new one whole; ``repair()`` (run before every write) removes what a crash left behind in Chroma.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from filelock import FileLock, Timeout

from rag.catalog import Catalog
from rag.config import Settings
from rag.dates import period
from rag.errors import ModelMismatch, StoreBusy, StoreError
from rag.types import Chunk, DocRecord

__all__ = ["DocWrite", "Store"]

log = logging.getLogger(__name__)


def _chroma_client(settings: Settings) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_host:
        try:
            client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
            client.heartbeat()
        except Exception as e:
            raise StoreError(
                f"cannot reach the Chroma server at {settings.chroma_host}:{settings.chroma_port} ({e}). Start it "
                f"with `chroma run --path DIR --host {settings.chroma_host} --port {settings.chroma_port}`, "
                "or unset SUMMIT_RAG_CHROMA_HOST to use the embedded store"
            ) from e
        return client
    path = settings.data_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


@dataclass
class DocWrite:
    """One document to write: its record, version, chunks, their vectors and embedded-text hashes.
    ``replacing=False`` (a new doc_id) skips the delete of other versions: there are none, and debris from a
    crash is removed by ``repair()`` via the journal."""

    doc: DocRecord
    version: str
    chunks: list[Chunk]
    vectors: np.ndarray
    text_hashes: list[str]
    replacing: bool = True


class Store:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.data_dir = Path(settings.data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.catalog = Catalog(self.data_dir / "catalog.sqlite3")
        self._client_obj: Any = None  # opened on first use: opening Chroma rewrites its files
        self._open_lock = threading.RLock()  # opening the client and the collection, once, across threads
        self._lock = FileLock(str(self.data_dir / ".write.lock"), thread_local=False)
        self._thread_lock = threading.Lock()  # writers in this process (the app's sessions) queue here
        self.model = settings.embedding_model
        self._collection: Any = None
        self._counted: tuple[int, int] | None = None  # (catalog generation, Chroma count)
        stored = self.catalog.get_meta("embedding_model")
        if stored is not None and stored != self.model:
            raise ModelMismatch(
                f"the store in {self.data_dir} was built with embedding model {stored!r} "
                f"({self.catalog.get_meta('dimension')} dimensions), but the settings ask for {self.model!r}. "
                f"Set SUMMIT_RAG_EMBEDDING_MODEL={stored} to use it, or rebuild: remove {self.data_dir} "
                "(or choose another SUMMIT_RAG_DATA_DIR) and run `summit-rag ingest` again"
            )

    @property
    def _client(self) -> Any:
        with self._open_lock:  # the app's threads may all arrive first: Chroma's client is not safe to open twice
            if self._client_obj is None:
                self._client_obj = _chroma_client(self.settings)
            return self._client_obj

    # collection -------------------------------------------------------------------------------------------
    def collection(self, dimension: int | None = None) -> Any:
        """The chunk collection; created on first write, recording the model's name and dimension."""
        with self._open_lock:
            return self._open_collection(dimension)

    def _open_collection(self, dimension: int | None) -> Any:
        if self._collection is None:
            name = self.settings.collection
            existing = {c.name if hasattr(c, "name") else str(c) for c in self._client.list_collections()}
            if name in existing:
                self._collection = self._client.get_collection(name, embedding_function=None)
            elif dimension is None:
                return None
            else:
                self._collection = self._client.create_collection(
                    name,
                    embedding_function=None,
                    metadata={"hnsw:space": "cosine", "embedding_model": self.model, "dimension": dimension},
                )
            meta = self._collection.metadata or {}
            if meta.get("embedding_model") not in (None, self.model):
                raise ModelMismatch(
                    f"Chroma collection {name!r} was built with {meta.get('embedding_model')!r} "
                    f"({meta.get('dimension')} dimensions), not {self.model!r}: set SUMMIT_RAG_EMBEDDING_MODEL "
                    "to that model, or SUMMIT_RAG_COLLECTION to a new name and ingest again"
                )
            if self.catalog.get_meta("embedding_model") is None:
                self.catalog.set_meta("embedding_model", self.model)
                self.catalog.set_meta("dimension", str(meta.get("dimension", dimension)))
        if dimension is not None:
            stored_dim = (self._collection.metadata or {}).get("dimension")
            if stored_dim is not None and int(stored_dim) != dimension:
                raise ModelMismatch(
                    f"the collection holds {stored_dim}-dimension vectors but model {self.model!r} makes "
                    f"{dimension}: rebuild the store (remove {self.data_dir}) or pick the model it was built with"
                )
        return self._collection

    # locking and repair -----------------------------------------------------------------------------------
    @contextmanager
    def writing(self, timeout: float = 0.0) -> Iterator[None]:
        """Exclusive write access to the data dir, across processes (file lock) and threads (a lock)."""
        busy = StoreBusy(
            f"another ingest or delete is writing to {self.data_dir}: wait for it to finish and run this again"
        )
        if not self._thread_lock.acquire(timeout=timeout if timeout > 0 else -1 if timeout < 0 else 0.01):
            raise busy
        try:
            try:
                self._lock.acquire(timeout=timeout)
            except Timeout as e:
                raise busy from e
            try:
                self.repair()
                yield
            finally:
                self._lock.release()
        finally:
            self._thread_lock.release()

    def repair(self) -> int:
        """Finish what a crashed writer left: drop Chroma chunks of journaled documents that are not committed."""
        fixed = 0
        pending = self.catalog.pending()
        col = self.collection() if pending else None
        for doc_id in pending:
            if col is not None:
                committed = self.catalog.version_of(doc_id)
                where: dict[str, Any] = {"doc_id": doc_id}
                if committed is not None:
                    where = {"$and": [{"doc_id": doc_id}, {"version": {"$ne": committed}}]}
                col.delete(where=where)
            self.catalog.done(doc_id)
            fixed += 1
        if fixed:
            log.warning("repaired %d document(s) left half-written by an earlier crash", fixed)
        return fixed

    # writes (call inside `writing()`) ------------------------------------------------------------------------
    def vectors_for(self, text_hashes: Sequence[str]) -> dict[str, np.ndarray]:
        """Vectors already stored for these embedded-text hashes: never embed the same text twice."""
        col = self.collection()
        if col is None or not text_hashes:
            return {}
        out: dict[str, np.ndarray] = {}
        unique = sorted(set(text_hashes))
        for i in range(0, len(unique), 500):
            got = col.get(where={"text_hash": {"$in": unique[i : i + 500]}}, include=["embeddings", "metadatas"])
            for meta, emb in zip(got["metadatas"], got["embeddings"], strict=True):
                out[str(meta["text_hash"])] = np.asarray(emb, dtype=np.float32)
        return out

    def put_documents(self, writes: Sequence[DocWrite]) -> None:
        """Write a group of documents (see the module docstring): one journal entry each, their chunks in as few
        Chroma calls as its batch limit allows (one call per document cost 3x more: bench/ingest.py), one catalog
        transaction for the group. Chroma holds vectors and filter fields only; the text lives in the catalog."""
        if not writes:
            return
        dims = [int(w.vectors.shape[1]) for w in writes if len(w.vectors)]
        col = self.collection(dims[0] if dims else None)
        self.catalog.begin_many([(w.doc.doc_id, w.version) for w in writes])
        ids: list[str] = []
        metas: list[dict[str, Any]] = []
        for w in writes:
            ids += [c.chunk_id(w.version) for c in w.chunks]
            date_int = _date_int(w.doc.date)
            metas += [
                {"doc_id": c.doc_id, "version": w.version, "idx": c.index, "date_int": date_int, "text_hash": h}
                for c, h in zip(w.chunks, w.text_hashes, strict=True)
            ]
        if ids:
            vectors = np.concatenate([w.vectors for w in writes if len(w.vectors)])
            step = self._max_batch()
            for i in range(0, len(ids), step):
                col.upsert(ids=ids[i : i + step], embeddings=vectors[i : i + step], metadatas=metas[i : i + step])
        self.catalog.commit_documents([(w.doc, w.version, w.chunks) for w in writes])
        for w in writes:
            if col is not None and w.replacing:
                col.delete(where={"$and": [{"doc_id": w.doc.doc_id}, {"version": {"$ne": w.version}}]})
        self.catalog.done(*(w.doc.doc_id for w in writes))

    def _max_batch(self) -> int:
        try:
            return max(1, int(self._client.get_max_batch_size()))
        except Exception:  # an older server without the endpoint
            return 1000

    def delete_document(self, doc_id: str) -> bool:
        self.catalog.begin(doc_id, "")
        existed = self.catalog.delete_document(doc_id)
        col = self.collection()
        if col is not None:
            col.delete(where={"doc_id": doc_id})
        self.catalog.done(doc_id)
        return existed

    # reads ------------------------------------------------------------------------------------------------
    def dense_search(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None) -> list[tuple[str, float]]:
        col = self.collection()
        if col is None or n <= 0:
            return []
        count = self._count()
        if count == 0:
            return []
        res = col.query(query_embeddings=[vector], n_results=min(n, count), where=where, include=["distances"])
        ids, dists = res["ids"][0], res["distances"][0]
        known = self.catalog.known_chunk_ids(ids)  # hide uncommitted or stale chunks
        return [(cid, 1.0 - float(d)) for cid, d in zip(ids, dists, strict=True) if cid in known]

    def _count(self) -> int:
        """Chroma's count, asked once per catalog generation: over HTTP each call is a round trip."""
        generation = self.catalog.generation()
        if self._counted is None or self._counted[0] != generation:
            col = self.collection()
            self._counted = (generation, 0 if col is None else int(col.count()))
        return self._counted[1]

    def chroma_count(self) -> int:
        col = self.collection()
        return 0 if col is None else int(col.count())

    def close(self) -> None:
        self.catalog.close()


def _date_int(iso: str) -> int:
    """YYYYMMDD for Chroma's range filters; a month or a year stands for its first day (0: undated)."""
    p = period(iso)
    return int(p[0].strftime("%Y%m%d")) if p else 0
