"""The default backend: offline and deterministic. It answers with sentences copied verbatim from the passages.

Each candidate sentence is scored by embedding similarity to the question, IDF-weighted overlap of the question's
words with the sentence and with its passage (title included), whether it holds the kind of thing the question asks
for (a date for "when", a duration for "how long", a number for "how many"...), and its passage's rank. The best
sentences, in score order, form the answer, each cited; below the calibrated threshold the backend refuses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from ingest.chunking import split_sentences
from rag.backends import register
from rag.backends.base import REFUSAL, Backend, GenerationRequest
from rag.bm25 import tokenize
from rag.config import Settings
from rag.expand import expand
from rag.qtype import TYPES, answer_type
from rag.types import Passage

__all__ = ["ExtractiveBackend", "Scored", "missing_focus", "missing_year", "score_sentences"]


@dataclass
class Scored:
    passage: int  # 1-based
    start: int  # offsets in the passage text
    end: int
    text: str
    score: float
    dense: float
    lexical: float
    features: tuple[float, ...] = ()  # (dense, lexical, context, typed, rank, is_title): for tuning
    evidence: float = 0.0  # the absolute part of the score (no rank, which is only relative): used to refuse
    typed: bool = False  # holds the kind of thing the question asks for (a date, a duration, a number...)


# Weights and threshold tuned on eval/dev.jsonl (see README, "Tuning").
W_DENSE, W_LEX, W_CTX, W_TYPE, W_RANK = 0.50, 0.10, 0.30, 0.08, 0.30


def _coverage(q: list[str], words: set[str], idf: Callable[[str], float]) -> float:
    if not q:
        return 0.0
    total = sum(idf(t) for t in q)
    return sum(idf(t) for t in q if t in words) / total if total else 0.0


def score_sentences(
    question: str,
    request: GenerationRequest,
    embed: Callable[[list[str]], np.ndarray],
) -> list[Scored]:
    idf = request.idf or (lambda _t: 1.0)
    q_tokens = list(dict.fromkeys(tokenize(question)))
    kind = answer_type(question)
    cands: list[Scored] = []
    seen: set[tuple[str, int]] = set()
    ctx_cov: list[float] = []
    for pi, p in enumerate(request.passages, start=1):
        ctx_cov.append(_coverage(q_tokens, set(tokenize(f"{p.title}\n{p.text}")), idf))
        for s in split_sentences(p.text):
            key = (p.doc_id, p.start + s.start)
            if key in seen or len(s.text.split()) < 4:
                continue
            seen.add(key)
            cands.append(Scored(pi, s.start, s.end, s.text, 0.0, 0.0, 0.0))
    if not cands:
        return []
    qv = embed([question])[0]
    sv = embed([c.text for c in cands])
    dense = sv @ qv
    n = len(request.passages)
    focus_of: dict[int, list[str]] = {}
    for c, d in zip(cands, dense, strict=True):
        p = request.passages[c.passage - 1]
        if c.passage not in focus_of:
            # question words the document's title already explains say which document, not which sentence:
            # a sentence is scored on the rest (the focus), so the one that answers beats the one that restates
            topic = set(tokenize(p.title))
            focus_of[c.passage] = [t for t in q_tokens if t not in topic] or q_tokens
        words = set(tokenize(c.text))
        c.dense = float(d)
        c.lexical = _coverage(focus_of[c.passage], words, idf)
        c.typed = bool(kind and TYPES[kind].search(c.text))
        typed = float(c.typed)
        rank = 1.0 - (c.passage - 1) / max(1, n)
        is_title = float(p.start + c.start == 0 and c.text.strip() == p.title.strip())
        c.features = (c.dense, c.lexical, ctx_cov[c.passage - 1], typed, rank, is_title, float(bool(kind)))
        c.score = (
            W_DENSE * c.dense + W_LEX * c.lexical + W_CTX * ctx_cov[c.passage - 1] + W_TYPE * typed + W_RANK * rank
        )
        if kind and not typed:
            c.score -= 0.04
        c.score -= 0.08 * is_title  # a document's title names a topic; it rarely answers a question
        c.evidence = W_DENSE * c.dense + W_LEX * c.lexical + W_CTX * ctx_cov[c.passage - 1]
    return sorted(cands, key=lambda c: -c.score)


# Words that shape a question rather than name what it is about; never evidence that an answer is missing.
_SCAFFOLD = frozenset(
    [
        "mani",
        "much",
        "long",
        "last",
        "exact",
        "name",
        "held",
        "hold",
        "took",
        "place",
        "date",
        "went",
        "put",
        "say",
        "tell",
        "ask",
        "give",
        "find",
        "brought",
        "time",
        "meet",
        "met",
        "happen",
        "come",
        "kind",
        "like",
        "get",
        "make",
        "us",
    ]
)
# Calibrated on eval/dev.jsonl over the whole corpus (bench/refusal_features.py). An absolute IDF: on a small
# corpus every word is "rare" (an unseen word's IDF is ln(2N + 2)), so the rule only fires past ~2,500 chunks.
RARE_IDF, WEAK_DENSE = 8.5, 0.70


def missing_rare_term(
    question: str, passage_text: str, idf: Callable[[str], float], skip: frozenset[str] = frozenset()
) -> str | None:
    """A rare word of the question (IDF >= RARE_IDF) that the passage lacks: the documents are about the topic
    but not about the specific thing asked (a gift, a cost, a venue...). ``skip``: words a rewrite put in."""
    context = set(tokenize(passage_text))
    for t in tokenize(question):
        if t not in context and t not in _SCAFFOLD and t not in skip and not t.isdigit() and idf(t) >= RARE_IDF:
            return t
    return None


_MUST_HOLD = ("duration", "number")
# "how many reporters", "how much yen", "the name of the interpreter", "what was the weather like": the thing
# counted or named must be in the passage, or the passage is about the topic but not about the question
_FOCUS = re.compile(
    r"\bhow (?:many|much) (?:of (?:the )?)?([A-Za-z][\w.'-]*)|\bname of (?:the |a |an |its |their )?([A-Za-z][\w'-]*)"
    r"|\bwhat (?:is|was|were|are) the ([A-Za-z][\w'-]*) like\b"
    r"|\bwhat (?:is|was|were|are) the (population|weather|temperature|size|area|salary|age|height|length|capacity"
    r"|turnout|attendance|score|margin|price|budget) (?:of|at|in|during|for)\b"
    r"|\bwhat (?:is|was|were|are|will be) the (?:total |overall |estimated |final )?(cost|price|budget)\b",
    re.I,
)
_FOCUS_EXEMPT = frozenset(tokenize("money funding funds times percent exactly total additional new more"))
_WH = re.compile(r"\b(what|when|where|who|whom|which|how)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def missing_year(question: str, passages: list[Passage]) -> str | None:
    """A year the question names that no passage mentions (text, title or date): an event the documents do not
    cover, such as one after the corpus ends."""
    years = set(_YEAR.findall(question))
    if not years:
        return None
    seen = " ".join(f"{p.title} {p.date} {p.text}" for p in passages)
    return next((y for y in sorted(years) if y not in seen), None)


def missing_focus(question: str, passage_text: str) -> str | None:
    """The counted or named thing of the question, when the passage never mentions it."""
    m = _FOCUS.search(question)
    if not m:
        return None
    word = next(g for g in m.groups() if g)
    stems = [t for t in tokenize(word) if t not in _FOCUS_EXEMPT and t not in _SCAFFOLD and len(t) > 2]
    if not stems:
        return None
    context = set(tokenize(passage_text))
    return stems[0] if stems[0] not in context else None


def _similar(a: str, b: str) -> bool:
    ta, tb = set(tokenize(a)), set(tokenize(b))
    return bool(ta and tb) and len(ta & tb) / len(ta | tb) > 0.6


class ExtractiveBackend(Backend):
    name = "extractive"

    def __init__(self, settings: Settings, embedder: object, max_sentences: int = 3, margin: float = 0.06) -> None:
        self.settings = settings
        self.embedder = embedder
        self.threshold = settings.refusal_threshold
        self.max_sentences = max_sentences
        self.margin = margin

    def _embed(self, texts: list[str]) -> np.ndarray:
        embed = getattr(self.embedder, "embed_sentences", None) or self.embedder.embed_documents  # type: ignore[attr-defined]
        return np.asarray(embed(texts))

    def select(self, request: GenerationRequest) -> list[Scored]:
        expanded = expand(request.question)
        question = expanded.dense  # "Tokyo's premier" reads as the documents write it
        ranked = score_sentences(question, request, self._embed)
        kind = answer_type(question)
        if kind in _MUST_HOLD and len(_WH.findall(question)) == 1:
            # "how long" / "how many" asked alone: a sentence without a duration or a number answers nothing
            ranked = [c for c in ranked if c.typed]
        if not ranked or ranked[0].evidence < self.threshold:
            return []
        best = ranked[0]
        p = request.passages[best.passage - 1]
        context = f"{p.title} {p.text}"
        skip = frozenset(tokenize(" ".join(expanded.swapped)))
        if request.idf and best.dense < WEAK_DENSE and missing_rare_term(question, context, request.idf, skip):
            return []
        if missing_focus(question, context) or missing_year(question, request.passages):
            return []
        chosen = [best]
        for c in ranked[1:]:
            if len(chosen) >= self.max_sentences or c.score < best.score - self.margin:
                break
            other_doc = request.passages[c.passage - 1].doc_id != p.doc_id
            if other_doc and c.score < best.score - self.margin / 3:  # another document must be nearly as good
                continue
            if any(_similar(c.text, o.text) for o in chosen):
                continue
            chosen.append(c)
        return chosen

    def generate(self, request: GenerationRequest) -> Iterator[str]:
        chosen = self.select(request)
        if not chosen:
            yield REFUSAL
            return
        for i, c in enumerate(chosen):
            yield ("" if i == 0 else " ") + f"{c.text} [{c.passage}]"


@register("extractive")
def _factory(model: str, settings: Settings, embedder: object) -> Backend:
    return ExtractiveBackend(settings, embedder)
