"""The BM25 index (bm25s), built from the catalog and persisted beside Chroma with the catalog generation it
was built at: a reader whose stamp is stale rebuilds, so BM25 never disagrees with the committed documents."""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

from rag.catalog import Catalog
from rag.folders import replacing

__all__ = ["STOPWORDS", "TOKENIZER_VERSION", "BM25Index", "tokenize"]

log = logging.getLogger(__name__)

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "also",
        "s",
        "t",
    ]
)
_WORD = re.compile(r"[a-z0-9]+(?:[.'’][a-z0-9]+)*")


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


# British and American spellings meet: "criticise"/"criticize", "organisation"/"organization", "analyse"/"analyze",
# "centre"/"center", "defence"/"defense", "labour"/"labor", "programme"/"program", "adviser"/"advisor" (UN
# statements are in British spelling, White House documents in American). Applied to documents and questions alike,
# so a word it bends wrongly ("promise" -> "promize") still matches itself.
_SPELLING = [
    (re.compile(r"(?<=\w{3})is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=\w{2})ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=\w{3})tre(s)?$"), r"ter\1"),
    (re.compile(r"^(def|off|lic|pret)ence(s)?$"), r"\1ense\2"),
    (re.compile(r"^(lab|fav|hon|neighb|col|behavi|endeav|harb|rum|vig|arm|flav|hum|val|rig|ferv|vap|sav)our"), r"\1or"),
    (re.compile(r"^programme"), "program"),
    (re.compile(r"^adviser"), "advisor"),
]
TOKENIZER_VERSION = "5"  # bump when tokenize() changes: saved indexes built by another version are rebuilt


def _respell(word: str) -> str:
    for pattern, repl in _SPELLING:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=1 << 19)
def _term(word: str) -> str:
    """One lower-cased word -> its index term ("" for a stopword). Cached: a corpus repeats its vocabulary, and
    this is most of the cost of rebuilding BM25."""
    word = word.replace(".", "").replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if word in STOPWORDS:
        return ""
    return _stemmer().stemWord(_respell(word))  # type: ignore[no-any-return]


_UNMARKED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th"})


def fold(text: str) -> str:
    """Lower case without diacritics: "Erdoğan", "Türkiye", "Nausėda" are "erdogan", "turkiye", "nauseda", as a
    question typed on an English keyboard writes them (and whole words, not "erdo" and "rkiy")."""
    text = text.lower()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text).translate(_UNMARKED)
    return "".join(c for c in text if not unicodedata.combining(c))


def tokenize(text: str) -> list[str]:
    return [t for t in map(_term, _WORD.findall(fold(text))) if t]


class BM25Index:
    def __init__(self, retriever: object, ids: list[str], generation: int) -> None:
        self._retriever = retriever
        self.ids = ids
        self.generation = generation

    @classmethod
    def build(cls, catalog: Catalog, k1: float = 0.9, b: float = 0.4) -> BM25Index:
        import bm25s

        generation = catalog.generation()
        ids, tokens = [], []
        for chunk_id, _doc_id, title, text in catalog.iter_chunks():
            ids.append(chunk_id)
            tokens.append(tokenize(f"{title}\n{text}") or ["__empty__"])
        retriever = bm25s.BM25(k1=k1, b=b)
        if tokens:
            retriever.index(tokens, show_progress=False)
        return cls(retriever, ids, generation)

    def save(self, folder: Path) -> None:
        """Write to a temporary folder, then swap it in: a crash never leaves a half-written index."""
        with replacing(folder) as tmp:
            if self.ids:
                self._retriever.save(str(tmp))  # type: ignore[attr-defined]
            meta = {"generation": self.generation, "ids": self.ids, "tokenizer": TOKENIZER_VERSION}
            (tmp / "summit_ids.json").write_text(json.dumps(meta))
            (tmp / "generation").write_text(f"{self.generation} {TOKENIZER_VERSION}")

    @classmethod
    def load(cls, folder: Path) -> BM25Index | None:
        import bm25s

        try:
            meta = json.loads((folder / "summit_ids.json").read_text())
            if meta.get("tokenizer") != TOKENIZER_VERSION:
                raise ValueError(f"built by tokenizer version {meta.get('tokenizer')}, not {TOKENIZER_VERSION}")
            retriever = bm25s.BM25.load(str(folder)) if meta["ids"] else bm25s.BM25()
        except (OSError, ValueError, KeyError) as e:
            log.info("no usable BM25 index at %s (%s): it will be rebuilt", folder, e)
            return None
        return cls(retriever, meta["ids"], int(meta["generation"]))

    @staticmethod
    def saved_generation(folder: Path) -> int | None:
        """The catalog generation the saved index was built at; None when absent or built by another tokenizer."""
        try:
            generation, version = (folder / "generation").read_text().split()
            return int(generation) if version == TOKENIZER_VERSION else None
        except (OSError, ValueError):
            return None

    @classmethod
    def ensure_saved(cls, catalog: Catalog, folder: Path) -> None:
        """Rebuild the saved index if a crash left it behind the catalog (cheap when it is current)."""
        saved, now = cls.saved_generation(folder), catalog.generation()
        if saved != now and not (saved is None and now == 0):
            cls.build(catalog).save(folder)

    @classmethod
    def current(cls, catalog: Catalog, folder: Path, cached: BM25Index | None = None) -> BM25Index:
        """The index for the catalog as it is now: the cached one, the saved one, or a fresh build."""
        generation = catalog.generation()
        if cached is not None and cached.generation == generation:
            return cached
        loaded = cls.load(folder)
        if loaded is not None and loaded.generation == generation:
            return loaded
        built = cls.build(catalog)
        try:
            built.save(folder)
        except OSError as e:  # a read-only reader still answers
            log.warning("could not save the BM25 index to %s: %s", folder, e)
        return built

    def idf(self, token: str) -> float:
        """Inverse document frequency of a (stemmed) token over the chunks; unseen tokens count as rare."""
        n = len(self.ids)
        scores = getattr(self._retriever, "scores", None)
        vocab = getattr(self._retriever, "vocab_dict", None)
        if not n or not scores or not vocab:
            return 1.0
        tid = vocab.get(token)
        df = 0 if tid is None else int(scores["indptr"][tid + 1] - scores["indptr"][tid])
        return float(np.log(1 + (n - df + 0.5) / (df + 0.5)))

    def search(self, query: str, n: int) -> list[tuple[str, float]]:
        q = tokenize(query)
        if not q or not self.ids:
            return []
        k = min(n, len(self.ids))
        docs, scores = self._retriever.retrieve([q], k=k, show_progress=False, n_threads=1)  # type: ignore[attr-defined]
        out = []
        for i, s in zip(np.asarray(docs)[0], np.asarray(scores)[0], strict=True):
            if s > 0:
                out.append((self.ids[int(i)], float(s)))
        return out
