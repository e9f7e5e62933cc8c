"""Question -> Answer: condense, retrieve, generate, then map every ``[n]`` to an exact span and verify it.

The post-processing is the same for every backend: a marker that names no passage is dropped; each cited
sentence is located in its passage (verbatim when it was copied, else the best-matching sentence of the passage);
citations are numbered in order of first use; a sentence no passage supports is flagged, never passed off as cited.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from ingest.chunking import split_sentences
from rag.backends import REFUSAL, Backend, GenerationRequest, Turn, resolve_backend
from rag.backends.base import split_marked_sentences
from rag.bm25 import tokenize
from rag.config import Settings
from rag.embedder import Embedder, load_embedder
from rag.errors import QuestionError
from rag.retrieve import Filters, Retriever
from rag.store import Store
from rag.types import Answer, Citation, Passage, SentenceSupport

__all__ = ["Engine", "Event", "build_answer", "locate_span"]

_MARKER = re.compile(r"\s*\[(\d+(?:\s*[,;]\s*\d+)*)\]")
SUPPORT_THRESHOLD = 0.55


@dataclass
class Event:
    kind: str  # "passages" | "delta" | "answer"
    text: str = ""
    answer: Answer | None = None
    passages: list[Passage] | None = None


def _overlap(a: str, b: str) -> float:
    ta, tb = set(tokenize(a)), set(tokenize(b))
    return len(ta & tb) / len(ta) if ta else 0.0


def locate_span(sentence: str, passage: Passage, embedder: Embedder | None = None) -> tuple[int, int, float]:
    """(start, end) of the passage text that supports ``sentence``, and a support score in [0, 1]."""
    idx = passage.text.find(sentence)
    if sentence and idx >= 0:
        return idx, idx + len(sentence), 1.0
    best = (0, len(passage.text), 0.0)
    spans = split_sentences(passage.text) or []
    if not spans:
        return best
    lexical = [_overlap(sentence, s.text) for s in spans]
    if embedder is not None and hasattr(embedder, "embed_sentences"):
        vecs = embedder.embed_sentences([sentence] + [s.text for s in spans])
        dense = list(np.asarray(vecs[1:]) @ np.asarray(vecs[0]))
    else:
        dense = lexical
    for s, lx, dn in zip(spans, lexical, dense, strict=True):
        score = 0.5 * lx + 0.5 * float(dn)
        if score > best[2]:
            best = (s.start, s.end, score)
    return best


def build_answer(
    raw: str, passages: list[Passage], embedder: Embedder | None = None, backend: str = "extractive"
) -> Answer:
    raw = raw.strip()
    if not raw or raw.startswith(REFUSAL) or raw.strip('" ') == REFUSAL.rstrip("."):
        return Answer(REFUSAL, [], True, passages, backend=backend)
    citations: dict[tuple[str, int, int], Citation] = {}
    out: list[str] = []
    support: list[SentenceSupport] = []
    for sentence in split_marked_sentences(raw):
        numbers = [int(n) for m in _MARKER.finditer(sentence) for n in re.split(r"[,;]", m.group(1))]
        clean = _MARKER.sub("", sentence).strip()
        if not clean:
            continue
        ns: list[int] = []
        best_score = 0.0
        for num in dict.fromkeys(numbers):
            if not 1 <= num <= len(passages):
                continue  # a marker naming no passage is dropped
            p = passages[num - 1]
            probe = clean.rstrip(".") if p.text.find(clean) < 0 else clean
            s, e, score = locate_span(probe, p, embedder)
            best_score = max(best_score, score)
            if score < SUPPORT_THRESHOLD:
                continue
            key = (p.chunk_id, s, e)
            if key not in citations:
                citations[key] = Citation(
                    n=len(citations) + 1, doc_id=p.doc_id, title=p.title, date=p.date, chunk_id=p.chunk_id,
                    start=p.start + s, end=p.start + e, text=p.text[s:e],
                )  # fmt: skip
            ns.append(citations[key].n)
        ns = list(dict.fromkeys(ns))
        marks = "".join(f"[{n}]" for n in ns)
        out.append(f"{clean} {marks}".strip() if marks else clean)
        support.append(SentenceSupport(clean, ns, bool(ns), round(best_score, 4)))
    text = " ".join(out)
    return Answer(text, list(citations.values()), False, passages, sentences=support, backend=backend)


class Engine:
    """Built once per process (the app caches it): holds the store, the model and the backend."""

    def __init__(
        self,
        settings: Settings,
        store: Store | None = None,
        embedder: Embedder | None = None,
        backend: Backend | None = None,
    ) -> None:
        self.settings = settings
        self.store = store or Store(settings)
        self.embedder = embedder or load_embedder(settings.embedding_model, settings.embed_batch_size)
        self.retriever = Retriever(settings, self.store, self.embedder)
        self._backends: dict[str, Backend] = {}
        if backend is not None:
            self._backends[settings.backend] = backend

    def backend(self, spec: str | None = None) -> Backend:
        """The backend for ``provider:model`` (or a name ``variant`` returned), built once."""
        spec = spec or self.settings.backend
        if spec not in self._backends:
            self._backends[spec] = resolve_backend(spec, self.settings, self.embedder)
        return self._backends[spec]

    def variant(self, spec: str, **overrides: object) -> str:
        """Build the backend ``spec`` with these settings changed (e.g. a session's base URL), once; returns the
        name to pass as ``backend=`` to ``ask``/``stream``."""
        key = spec + "@" + "&".join(f"{k}={v}" for k, v in sorted(overrides.items()))
        if key not in self._backends:
            self._backends[key] = resolve_backend(spec, self.settings.model_copy(update=overrides), self.embedder)
        return key

    def check_question(self, question: str) -> str:
        q = " ".join((question or "").split())
        if not q:
            raise QuestionError("the question is empty: type a question about the documents")
        if len(q) > self.settings.max_question_chars:
            raise QuestionError(
                f"the question is {len(q)} characters, over the {self.settings.max_question_chars} limit: shorten it"
            )
        return q

    def stream(
        self,
        question: str,
        history: list[Turn] | None = None,
        filters: Filters | None = None,
        top_k: int | None = None,
        backend: str | None = None,
    ) -> Iterator[Event]:
        t0 = time.perf_counter()
        q = self.check_question(question)
        history = history or []
        be = self.backend(backend)
        timings: dict[str, float] = {}
        t = time.perf_counter()
        standalone = be.condense(q, history) if history else q
        timings["condense"] = time.perf_counter() - t
        t = time.perf_counter()
        passages = self.retriever.retrieve(standalone, top_k, filters, timings)
        timings["retrieve"] = time.perf_counter() - t
        yield Event("passages", passages=passages)
        t = time.perf_counter()
        bm25 = self.retriever.bm25()
        request = GenerationRequest(standalone, passages, history, idf=bm25.idf)
        pieces: list[str] = []
        if passages:
            for piece in be.generate(request):
                pieces.append(piece)
                yield Event("delta", text=piece)
        timings["generate"] = time.perf_counter() - t
        t = time.perf_counter()
        answer = build_answer("".join(pieces), passages, self.embedder, backend=backend or self.settings.backend)
        timings["verify"] = time.perf_counter() - t
        timings["total"] = time.perf_counter() - t0
        answer.timings = timings
        answer.question = q
        answer.standalone_question = standalone
        yield Event("answer", answer=answer)

    def ask(self, question: str, **kwargs: object) -> Answer:
        for event in self.stream(question, **kwargs):  # type: ignore[arg-type]
            if event.answer is not None:
                return event.answer
        raise AssertionError("stream ended without an answer")  # pragma: no cover

    def close(self) -> None:
        for be in self._backends.values():
            be.close()
        self.store.close()
