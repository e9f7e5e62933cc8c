"""Dense (Chroma) + BM25 (bm25s) retrieval, fused by reciprocal rank fusion, with doc and date filters and an
optional cross-encoder reranker for users who have one on disk."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date
from typing import Any

from rag.bm25 import BM25Index
from rag.config import Settings
from rag.dates import DateSpan, date_hints, in_spans, period
from rag.embedder import Embedder
from rag.errors import ConfigError
from rag.expand import expand
from rag.neighbours import Vocabulary
from rag.qtype import MUST_HOLD, answer_type, holds, is_multi_part, question_parts
from rag.sentences import OUT_OF_SPAN, Scored, acts_named, end_asked, heading_asked, score_sentences, span_asked
from rag.store import Store
from rag.types import Passage

__all__ = ["Filters", "Retriever", "diversify", "rrf"]

PART_K = 3  # passages retrieved for a part no passage answers


@dataclass(frozen=True)
class Filters:
    doc_ids: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None

    def where(self) -> dict[str, Any] | None:
        clauses: list[dict[str, Any]] = []
        if self.doc_ids:
            clauses.append({"doc_id": {"$in": list(self.doc_ids)}})
        if self.date_from:
            clauses.append({"date_int": {"$gte": int(self.date_from.strftime("%Y%m%d"))}})
        if self.date_to:
            clauses.append({"date_int": {"$lte": int(self.date_to.strftime("%Y%m%d"))}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def admits(self, doc_id: str, iso_date: str) -> bool:
        if self.doc_ids and doc_id not in self.doc_ids:
            return False
        if self.date_from or self.date_to:
            if not iso_date:
                return False
            span = period(iso_date)
            if span is None:
                return False
            d = span[0]  # a month or a year stands for its first day, as in Chroma's date_int
            if (self.date_from and d < self.date_from) or (self.date_to and d > self.date_to):
                return False
        return True

    @property
    def active(self) -> bool:
        return bool(self.doc_ids or self.date_from or self.date_to)


def rrf(rankings: list[list[str]], weights: list[float], k: int) -> dict[str, float]:
    """Reciprocal rank fusion: sum of weight / (k + rank) over the rankings an id appears in (rank from 1)."""
    scores: dict[str, float] = {}
    for ranking, w in zip(rankings, weights, strict=True):
        for rank, cid in enumerate(ranking, start=1):
            scores[cid] = scores.get(cid, 0.0) + w / (k + rank)
    return scores


def diversify(passages: list[Passage], k: int, max_per_doc: int) -> list[Passage]:
    """The best k passages with at most max_per_doc from one document; the rest fill in if too few documents."""
    counts: dict[str, int] = {}
    first, rest = [], []
    for p in passages:
        counts[p.doc_id] = counts.get(p.doc_id, 0) + 1
        (first if counts[p.doc_id] <= max_per_doc else rest).append(p)
    return (first + rest)[:k] if len(first) < k else first[:k]


class Retriever:
    def __init__(self, settings: Settings, store: Store, embedder: Embedder) -> None:
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self._bm25: BM25Index | None = None
        self._vocab: Vocabulary | None = None
        self._lock = threading.Lock()
        self._reranker: Any = None

    def bm25(self) -> BM25Index:
        with self._lock:
            self._bm25 = BM25Index.current(self.store.catalog, self.settings.data_dir / "bm25", self._bm25)
            return self._bm25

    def vocabulary(self) -> Vocabulary:
        with self._lock:
            self._vocab = Vocabulary.current(
                self.store.catalog, self.settings.data_dir / "vocabulary", self.embedder,
                self.settings.embedding_model, self._vocab,
            )  # fmt: skip
            return self._vocab

    def retrieve(
        self,
        query: str,
        top_k: int | None = None,
        filters: Filters | None = None,
        timings: dict[str, float] | None = None,
        _part: bool = False,
    ) -> list[Passage]:
        top_k = top_k or self.settings.top_k
        filters = filters or Filters()
        timings = timings if timings is not None else {}
        n = max(self.settings.candidates, top_k)

        t = time.perf_counter()
        expanded = expand(query)  # "Tokyo's premier" -> "Japan's Prime Minister" for the model; both for BM25
        qvec = self.embedder.embed_query(expanded.dense)
        timings["embed_query"] = time.perf_counter() - t

        # A question naming a time reads deeper: the hits inside that time are a ranking of their own below.
        # (Deeper costs ~1 ms in HNSW; a second, date-filtered Chroma query cost 38 ms at corpus scale.)
        spans = date_hints(query) if self.settings.date_weight else ()
        t = time.perf_counter()
        deep = self.store.dense_search(qvec, n * 4 if spans else n, filters.where())
        dense = deep[:n]
        timings["dense"] = time.perf_counter() - t

        t = time.perf_counter()
        # BM25 has no metadata filter: take more, then keep those the filter admits
        raw = self.bm25().search(expanded.lexical, n * 4 if filters.active or spans else n)
        rows = self.store.catalog.chunk_rows([cid for cid, _ in raw] + [cid for cid, _ in deep])

        def admitted(cid: str) -> bool:  # a BM25 hit the filters let through
            return cid in rows and filters.admits(rows[cid]["doc_id"], rows[cid]["date"])

        def inside(cid: str) -> bool:  # a hit dated in (or recalling) the times the question names
            return cid in rows and in_spans(str(rows[cid]["date"]), spans, rows[cid]["text"])

        lexical = [cid for cid, _ in raw if admitted(cid)][:n]
        timings["bm25"] = time.perf_counter() - t

        rankings = [[cid for cid, _ in dense], lexical]
        weights = [self.settings.dense_weight, self.settings.bm25_weight]
        if self.settings.neighbour_weight:  # "obtaining" also finds "acquiring": a ranking beside the plain one
            t = time.perf_counter()
            near = self.vocabulary().near(expanded.dense, self.embedder)
            if near:
                raw_near = self.bm25().search(expanded.lexical + " " + " ".join(near), n * 4 if filters.active else n)
                rows.update(self.store.catalog.chunk_rows([c for c, _ in raw_near if c not in rows]))
                rankings.append([c for c, _ in raw_near if admitted(c)][:n])
                weights.append(self.settings.neighbour_weight)
            timings["neighbours"] = time.perf_counter() - t
        if spans:  # the question names a time: also rank inside the documents of that time
            t = time.perf_counter()
            dated = [c for c, _ in deep if inside(c)]
            in_span = [c for c, _ in raw if admitted(c) and inside(c)]
            rankings += [dated[:n], in_span[:n]]
            weights += [self.settings.date_weight * w for w in (self.settings.dense_weight, self.settings.bm25_weight)]
            timings["dated"] = time.perf_counter() - t
        fused = rrf(rankings, weights, self.settings.rrf_k)
        kind = answer_type(expanded.dense)
        if kind in MUST_HOLD and self.settings.type_weight:
            # "how long", "how many", "when": favour the hits that hold a duration, a number, a date
            ranked = sorted(fused, key=lambda c: -fused[c])
            held = [c for c in ranked if c in rows and holds(kind, rows[c]["text"], expanded.dense)]
            for rank, cid in enumerate(held[:n], start=1):
                fused[cid] += self.settings.type_weight / (self.settings.rrf_k + rank)
        dense_rank = {cid: i for i, (cid, _) in enumerate(dense, 1)}
        bm25_rank = {cid: i for i, cid in enumerate(lexical, 1)}
        ordered = sorted(fused, key=lambda c: (-fused[c], c))
        passages = []
        for cid in ordered:
            row = rows.get(cid)
            if row is None:
                continue
            passages.append(
                Passage(
                    chunk_id=cid, doc_id=str(row["doc_id"]), title=str(row["title"]), date=str(row["date"]),
                    start=int(row["start"]), end=int(row["end"]), text=str(row["text"]), score=fused[cid],
                    dense_rank=dense_rank.get(cid), bm25_rank=bm25_rank.get(cid),
                )
            )  # fmt: skip
        if self.settings.reranker_path:
            t = time.perf_counter()
            passages = self._rerank(query, passages[: max(top_k * 5, 30)])
            timings["rerank"] = time.perf_counter() - t
        pool = 0 if self.settings.reranker_path else self.settings.sentence_rerank_pool
        top = diversify(passages, max(top_k, pool), self.settings.max_per_doc)
        extra = self.settings.sentence_rerank_extra if pool > top_k else 0
        if extra:  # a passage one retriever ranks first may sit low in the fusion: the rerank reads it too
            have = {p.chunk_id for p in top}
            by_id = {p.chunk_id: p for p in passages}
            for ranking in rankings[:2]:  # dense, BM25
                for cid in ranking[:extra]:
                    if cid not in have and cid in by_id:
                        top.append(by_id[cid])
                        have.add(cid)
        if self.settings.context_chunks:
            self._widen(top)
        if pool > top_k:
            t = time.perf_counter()
            top = self._rerank_by_sentences(expanded.dense, top, spans)[:top_k]
            timings["sentence_rerank"] = time.perf_counter() - t
        self._add_leads(top)  # for the passages kept, not the whole rerank pool
        if is_multi_part(query) and not _part:
            t = time.perf_counter()
            top = self._fill_parts(expanded.dense, top, top_k, filters)
            timings["parts"] = time.perf_counter() - t
        if heading_asked(query):
            top = self._add_openings(query, top)
        return top

    def _add_openings(self, question: str, top: list[Passage], docs: int = 2) -> list[Passage]:
        """Where a speech was given, at what time it began: a transcript says so in the lines under its title, in
        its first chunk, which the question's words rarely find (and when it ended, in its last). The first
        documents retrieved, and the first whose title names the kind of speech asked ("their joint press
        conference"), get that chunk as a passage of their own when none holds it, read (and cited) after the
        others (how long it lasted: both)."""
        firsts = list(dict.fromkeys(p.doc_id for p in top))[:docs]
        acts = acts_named(question)
        firsts += [p.doc_id for p in top if acts & acts_named(p.title) and p.doc_id not in firsts][:1]
        for last in (False, True) if end_asked(question) or span_asked(question) else (False,):
            edges = self.store.catalog.edges(firsts, last=last)
            for doc_id, (chunk_id, start, end, text) in edges.items():
                if any(p.doc_id == doc_id and p.start <= start and end <= p.end for p in top):
                    continue
                like = next(p for p in top if p.doc_id == doc_id)
                top.append(
                    Passage(
                        chunk_id=chunk_id, doc_id=doc_id, title=like.title, date=like.date, start=start, end=end,
                        text=text, score=min(p.score for p in top),
                    )
                )  # fmt: skip
        return top

    def _fill_parts(self, question: str, top: list[Passage], top_k: int, filters: Filters) -> list[Passage]:
        """A question in parts ("Where did Biden meet Albanese in March 2023, and who hosted the PGI IPEF Investment
        Forum?") is retrieved as a whole, and one part's words can crowd the other's document out. A part that no
        passage answers (no sentence reaches the refusal threshold) is retrieved on its own, and its best new
        document's passage takes that part's place in the order."""
        parts = question_parts(question)
        if len(parts) < 2:
            return top
        idf = self.bm25().idf
        for i, part in enumerate(parts):
            # "Who will visit China...": a sentence naming nobody does not answer a part asking for a person
            asks_a_kind = answer_type(part) in (*MUST_HOLD, "person")

            def fits(c: Scored, asks_a_kind: bool = asks_a_kind) -> bool:
                return c.typed or not asks_a_kind

            scored = score_sentences(part, top, idf, self.embedder.embed_sentences)
            if any(c.evidence >= self.settings.refusal_threshold and fits(c) for c in scored):
                continue
            have = {p.doc_id for p in top}
            found = [p for p in self.retrieve(part, PART_K, filters, _part=True) if p.doc_id not in have]
            if not found:
                continue
            answers = [c for c in score_sentences(part, found, idf, self.embedder.embed_sentences) if fits(c)]
            best = max(answers, key=lambda c: c.evidence, default=None)  # none: passages of fewer than four words
            if best is not None and best.evidence >= self.settings.refusal_threshold:
                top = [*top[:i], found[best.passage - 1], *top[i:]]
        return top[: max(top_k, len(parts))]

    def _rerank_by_sentences(
        self, question: str, passages: list[Passage], spans: tuple[DateSpan, ...] = ()
    ) -> list[Passage]:
        """A passage is as good as its best sentence: the fused rank finds the neighbourhood, the sentence that
        answers (dense + lexical + passage overlap, as the extractive backend scores it) decides the order. Its
        fused rank still counts a little (sentence_rerank_rank_weight), and breaks ties."""
        if not passages:
            return passages
        best = [0.0] * len(passages)
        for c in score_sentences(question, passages, self.bm25().idf, self.embedder.embed_sentences):
            best[c.passage - 1] = max(best[c.passage - 1], c.evidence)
        inside = [in_spans(p.date, spans, p.text) for p in passages]
        # the dates the question names still count, unless its parts may be about different times
        off = OUT_OF_SPAN if any(inside) and not is_multi_part(question) else 0.0
        n, w = len(passages), self.settings.sentence_rerank_rank_weight
        for i, p in enumerate(passages):
            p.score = best[i] + w * (1 - i / n) - (0.0 if inside[i] else off)
        return sorted(passages, key=lambda p: -p.score)

    def _widen(self, passages: list[Passage]) -> None:
        """Small-to-big: a hit is found by its small chunk, and read with its neighbours around it."""
        windows = self.store.catalog.windows([p.chunk_id for p in passages], self.settings.context_chunks)
        for p in passages:
            if p.chunk_id in windows:
                p.start, p.end, p.text = windows[p.chunk_id]

    def _add_leads(self, passages: list[Passage]) -> None:
        """A passage that does not hold its document's opening carries it (read, never cited): the answer's checks
        ask the document, not the window, whether it names the place or the person asked ("... met today with Leo
        Varadkar ... in Dublin")."""
        leads = self.store.catalog.leads([p.doc_id for p in passages])
        for p in passages:
            end, lead = leads.get(p.doc_id, (0, ""))
            p.lead = lead if p.start >= end else ""

    def _rerank(self, query: str, passages: list[Passage]) -> list[Passage]:
        if self._reranker is None:
            from sentence_transformers import CrossEncoder

            path = self.settings.reranker_path
            if path is None or not path.exists():
                raise ConfigError(
                    f"SUMMIT_RAG_RERANKER_PATH={path} does not exist: point it at a local cross-encoder folder "
                    "or unset it (no reranker ships with summit-rag)"
                )
            self._reranker = CrossEncoder(str(path), device="cpu", local_files_only=True)
        scores = self._reranker.predict([(query, p.text) for p in passages], show_progress_bar=False)
        for p, s in zip(passages, scores, strict=True):
            p.score = float(s)
        return sorted(passages, key=lambda p: -p.score)
