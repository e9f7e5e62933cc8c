"""The catalog: one SQLite file under the data dir, the source of truth for which documents exist.

A document's row and its chunk rows are written in one transaction; that transaction is the commit point of an
ingest. Vectors in Chroma whose chunk id is not in the catalog are invisible to readers and are removed by
``Store.repair()``; the ``pending`` table is the journal that tells repair where to look after a crash.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rag.types import Chunk, DocRecord

__all__ = ["Catalog"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, version TEXT NOT NULL, sha256 TEXT NOT NULL, title TEXT NOT NULL,
    date TEXT NOT NULL, source TEXT NOT NULL, text TEXT NOT NULL, n_chunks INTEGER NOT NULL,
    ingested_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, tokens INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
CREATE TABLE IF NOT EXISTS pending (doc_id TEXT PRIMARY KEY, version TEXT NOT NULL, since REAL NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class Catalog:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, timeout=60, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a killed process loses no commit
        self._db.executescript(_SCHEMA)
        self._mu = threading.RLock()  # one connection shared by the app's threads: one statement at a time

    def _all(self, sql: str, args: tuple | list = ()) -> list[tuple]:  # type: ignore[type-arg]
        with self._mu:
            return self._db.execute(sql, args).fetchall()

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._mu:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # meta -------------------------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        rows = self._all("SELECT value FROM meta WHERE key=?", (key,))
        return rows[0][0] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def generation(self) -> int:
        """Bumped by every commit: readers compare it to know their BM25 index is stale."""
        return int(self.get_meta("generation") or 0)

    # documents --------------------------------------------------------------------------------------------
    def version_of(self, doc_id: str) -> str | None:
        rows = self._all("SELECT version FROM documents WHERE doc_id=?", (doc_id,))
        return rows[0][0] if rows else None

    def get(self, doc_id: str) -> DocRecord | None:
        rows = self._all(
            "SELECT doc_id, title, date, source, sha256, text, n_chunks FROM documents WHERE doc_id=?", (doc_id,)
        )
        return DocRecord(*rows[0]) if rows else None

    def list_docs(self) -> list[dict[str, object]]:
        rows = self._all(
            "SELECT doc_id, title, date, source, n_chunks, version FROM documents ORDER BY date DESC, doc_id"
        )
        keys = ("doc_id", "title", "date", "source", "chunks", "version")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def count(self) -> int:
        return int(self._all("SELECT COUNT(*) FROM documents")[0][0])

    def commit_documents(self, items: list[tuple[DocRecord, str, list[Chunk]]]) -> None:
        """Commit several documents in one transaction: all of them become visible together, or none."""
        now = time.time()
        with self._tx() as db:
            for doc, version, chunks in items:
                db.execute("DELETE FROM chunks WHERE doc_id=?", (doc.doc_id,))
                db.execute(
                    "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?)",
                    (doc.doc_id, version, doc.sha256, doc.title, doc.date, doc.source, doc.text, len(chunks), now),
                )
                db.executemany(
                    "INSERT INTO chunks VALUES (?,?,?,?,?,?)",
                    [(c.chunk_id(version), c.doc_id, c.index, c.start, c.end, c.tokens) for c in chunks],
                )
            self._bump(db)

    def delete_document(self, doc_id: str) -> bool:
        with self._tx() as db:
            n = db.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,)).rowcount
            db.execute("DELETE FROM chunks WHERE doc_id=?", (doc_id,))
            if n:
                self._bump(db)
        return bool(n)

    @staticmethod
    def _bump(db: sqlite3.Connection) -> None:
        db.execute(
            "INSERT INTO meta VALUES ('generation', '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    # chunks -----------------------------------------------------------------------------------------------
    def known_chunk_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            q = f"SELECT chunk_id FROM chunks WHERE chunk_id IN ({','.join('?' * len(part))})"
            found.update(r[0] for r in self._all(q, part))
        return found

    def iter_chunks(self) -> Iterator[tuple[str, str, str, str]]:
        """(chunk_id, doc_id, title, chunk text) for every committed chunk, in a stable order."""
        yield from self._all(
            'SELECT c.chunk_id, c.doc_id, d.title, substr(d.text, c.start + 1, c."end" - c.start) '
            "FROM chunks c JOIN documents d USING (doc_id) ORDER BY c.chunk_id"
        )

    def iter_texts(self) -> Iterator[tuple[str, str, str]]:
        """(doc_id, title, cleaned text) of every committed document."""
        yield from self._all("SELECT doc_id, title, text FROM documents ORDER BY doc_id")

    def chunk_rows(self, ids: list[str]) -> dict[str, dict[str, object]]:
        out: dict[str, dict[str, object]] = {}
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            q = (
                'SELECT c.chunk_id, c.doc_id, d.title, d.date, c.start, c."end", '
                'substr(d.text, c.start + 1, c."end" - c.start) '
                f"FROM chunks c JOIN documents d USING (doc_id) WHERE c.chunk_id IN ({','.join('?' * len(part))})"
            )
            for cid, doc_id, title, date, s, e, text in self._all(q, part):
                out[cid] = {"doc_id": doc_id, "title": title, "date": date, "start": s, "end": e, "text": text}
        return out

    def windows(self, ids: list[str], radius: int) -> dict[str, tuple[int, int, str]]:
        """For each chunk id: (start, end, text) of the span from `radius` chunks before it to `radius` after."""
        out: dict[str, tuple[int, int, str]] = {}
        for cid in ids:
            rows = self._all(
                'SELECT MIN(c2.start), MAX(c2."end") FROM chunks c1 JOIN chunks c2 ON c2.doc_id = c1.doc_id '
                "AND c2.idx BETWEEN c1.idx - ? AND c1.idx + ? WHERE c1.chunk_id = ?",
                (radius, radius, cid),
            )
            if rows and rows[0][0] is not None:
                s, e = rows[0]
                text = self._all(
                    "SELECT substr(text, ? + 1, ? - ?) FROM documents WHERE doc_id = (SELECT doc_id FROM chunks "
                    "WHERE chunk_id = ?)",
                    (s, e, s, cid),
                )[0][0]
                out[cid] = (int(s), int(e), text)
        return out

    def leads(self, doc_ids: list[str]) -> dict[str, tuple[int, str]]:
        """For each document: the end and the text of its first chunk (a readout's "met today with ... in Dublin")."""
        return {doc_id: (end, text) for doc_id, (_, _, end, text) in self.edges(doc_ids).items()}

    def edges(self, doc_ids: list[str], last: bool = False) -> dict[str, tuple[str, int, int, str]]:
        """For each document: the id, the start, the end and the text of its first chunk (or its last), to be read
        and cited as a passage."""
        ids = list(dict.fromkeys(doc_ids))
        if not ids:
            return {}
        which = "(SELECT MAX(idx) FROM chunks WHERE doc_id = c.doc_id)" if last else "0"
        rows = self._all(
            'SELECT c.doc_id, c.chunk_id, c.start, c."end", substr(d.text, c.start + 1, c."end" - c.start) '
            f"FROM chunks c JOIN documents d ON d.doc_id = c.doc_id WHERE c.idx = {which} "
            f"AND c.doc_id IN ({','.join('?' * len(ids))})",
            tuple(ids),
        )
        return {str(r[0]): (str(r[1]), int(r[2]), int(r[3]), str(r[4])) for r in rows}

    def doc_chunk_ids(self, doc_id: str) -> list[str]:
        return [r[0] for r in self._all("SELECT chunk_id FROM chunks WHERE doc_id=? ORDER BY idx", (doc_id,))]

    # journal ----------------------------------------------------------------------------------------------
    def begin(self, doc_id: str, version: str) -> None:
        self.begin_many([(doc_id, version)])

    def begin_many(self, items: list[tuple[str, str]]) -> None:
        now = time.time()
        with self._tx() as db:
            db.executemany("INSERT OR REPLACE INTO pending VALUES (?,?,?)", [(d, v, now) for d, v in items])

    def done(self, *doc_ids: str) -> None:
        with self._tx() as db:
            db.executemany("DELETE FROM pending WHERE doc_id=?", [(d,) for d in doc_ids])

    def pending(self) -> list[str]:
        return [r[0] for r in self._all("SELECT doc_id FROM pending")]

    def stats(self) -> dict[str, int]:
        docs = self.count()
        chunks = int(self._all("SELECT COUNT(*) FROM chunks")[0][0])
        return {"documents": docs, "chunks": chunks, "generation": self.generation()}

    def dump(self) -> str:
        """A canonical text of the catalog's content, for tests that compare end states."""
        docs = self._all("SELECT doc_id, version, n_chunks, text FROM documents ORDER BY doc_id")
        chunks = self._all('SELECT chunk_id, start, "end", tokens FROM chunks ORDER BY chunk_id')
        return json.dumps({"docs": docs, "chunks": chunks})
