"""The data that moves between ingest, store, retrieval, answering and the UI."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Answer", "Chunk", "Citation", "DocRecord", "Passage", "SentenceSupport"]


@dataclass(frozen=True)
class DocRecord:
    """A cleaned document: its full text is kept so that citations can be shown in context."""

    doc_id: str
    title: str
    date: str  # ISO 8601 or ""
    source: str  # file name
    sha256: str  # of the file's bytes
    text: str
    n_chunks: int = 0

    @property
    def version(self) -> str:
        return self.sha256[:16]


@dataclass(frozen=True)
class Chunk:
    doc_id: str
    index: int
    start: int
    end: int
    text: str
    tokens: int
    title: str = ""
    date: str = ""

    def chunk_id(self, version: str) -> str:
        return f"{self.doc_id}::{version}::{self.index:05d}"


@dataclass
class Passage:
    """A retrieved chunk."""

    chunk_id: str
    doc_id: str
    title: str
    date: str
    start: int
    end: int
    text: str
    score: float = 0.0
    dense_rank: int | None = None
    bm25_rank: int | None = None
    lead: str = ""  # the document's first chunk, when the passage does not hold it: who met whom, where, when

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "chunk_id": self.chunk_id,
            "title": self.title,
            "text": self.text,
            "score": round(self.score, 6),
        }


@dataclass
class Citation:
    n: int
    doc_id: str
    title: str
    date: str
    chunk_id: str
    start: int  # in the document's cleaned text
    end: int
    text: str  # == document text[start:end]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SentenceSupport:
    """One sentence of an answer and how well the passages it cites support it."""

    text: str
    citations: list[int]
    supported: bool
    score: float = 1.0


@dataclass
class Answer:
    text: str
    citations: list[Citation]
    refused: bool
    passages: list[Passage]
    timings: dict[str, float] = field(default_factory=dict)
    question: str = ""
    standalone_question: str = ""
    sentences: list[SentenceSupport] = field(default_factory=list)
    backend: str = "extractive"
    notice: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "answer": self.text,
            "refused": self.refused,
            "citations": [c.to_json() for c in self.citations],
            "passages": [p.to_json() for p in self.passages],
            "timings": {k: round(v, 4) for k, v in self.timings.items()},
            "question": self.question,
            "standalone_question": self.standalone_question,
            "backend": self.backend,
            "sentences": [asdict(s) for s in self.sentences],
            "notice": self.notice,
        }
