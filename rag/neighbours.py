"""Words of the collection near a question's words, by the embedding model's reading of single words: the bridge
for a question worded unlike its documents ("obtaining" -> "acquiring", "disaster" -> "tragedy", "often" ->
"regularly", "lender" -> "loans"). The retriever adds them to a third BM25 query, fused beside the plain one, so a
neighbour can only add evidence, never replace the question's own words.

The vocabulary is every word (three letters or more, no stopword) found in two documents or more, or in one when
the collection has fewer than 20 documents. Its vectors are saved beside the BM25 index with the catalog
generation and the embedding model they were built with; a rebuild after an ingest or a delete embeds only the
words it has not seen (the whole corpus's 9,662 words took 10 s once).
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from pathlib import Path

import numpy as np

from rag.bm25 import STOPWORDS, tokenize
from rag.catalog import Catalog
from rag.embedder import Embedder
from rag.folders import replacing

__all__ = ["Vocabulary", "words_of"]

log = logging.getLogger(__name__)

_WORD = re.compile(r"[A-Za-z][a-z]+(?:-[a-z]+)?")
SMALL_COLLECTION = 20  # documents; below it a word in one document is enough
MIN_SIMILARITY, PER_WORD = 0.70, 2  # measured on eval/dev.jsonl and eval/check.jsonl (README, the dev set)


def words_of(text: str) -> set[str]:
    return {w for w in (m.lower() for m in _WORD.findall(text)) if len(w) > 2 and w not in STOPWORDS}


class Vocabulary:
    def __init__(self, words: list[str], vectors: np.ndarray, generation: int, model: str) -> None:
        self.words = words
        self.vectors = vectors
        self.generation = generation
        self.model = model

    @classmethod
    def build(cls, catalog: Catalog, embedder: Embedder, model: str, previous: Vocabulary | None = None) -> Vocabulary:
        generation = catalog.generation()
        df: Counter[str] = Counter()
        n_docs = 0
        for _doc_id, title, text in catalog.iter_texts():
            df.update(words_of(f"{title}\n{text}"))
            n_docs += 1
        floor = 2 if n_docs >= SMALL_COLLECTION else 1
        words = sorted(w for w, c in df.items() if c >= floor and tokenize(w))
        known: dict[str, np.ndarray] = {}
        if previous is not None and previous.model == model:
            known = dict(zip(previous.words, previous.vectors, strict=True))
        todo = [w for w in words if w not in known]
        if todo:
            known.update(zip(todo, embedder.embed_words(todo), strict=True))
        dim = len(next(iter(known.values()))) if known else 0
        vectors = np.stack([known[w] for w in words]) if words else np.zeros((0, dim), dtype=np.float32)
        return cls(words, vectors.astype(np.float32), generation, model)

    def near(self, question: str, embedder: Embedder) -> list[str]:
        """For each word of the question (four letters or more), up to PER_WORD collection words at cosine
        MIN_SIMILARITY or more that are not the same word inflected."""
        asked = [w for w in dict.fromkeys(m.lower() for m in _WORD.findall(question)) if len(w) > 3 and tokenize(w)]
        if not asked or not self.words:
            return []
        sims = embedder.embed_sentences(asked) @ self.vectors.T
        out: list[str] = []
        for word, row in zip(asked, sims, strict=True):
            stems = set(tokenize(word))
            taken = 0
            for i in np.argsort(-row)[: PER_WORD * 8]:
                if row[i] < MIN_SIMILARITY or taken >= PER_WORD:
                    break
                if not set(tokenize(self.words[i])) & stems:
                    out.append(self.words[i])
                    taken += 1
        return out

    def save(self, folder: Path) -> None:
        """Write to a temporary folder, then swap it in: a crash never leaves a half-written vocabulary."""
        with replacing(folder) as tmp:
            np.save(tmp / "vectors.npy", self.vectors)
            meta = {"generation": self.generation, "model": self.model, "words": self.words}
            (tmp / "vocabulary.json").write_text(json.dumps(meta))

    @classmethod
    def load(cls, folder: Path) -> Vocabulary | None:
        try:
            meta = json.loads((folder / "vocabulary.json").read_text())
            vectors = np.load(folder / "vectors.npy")
            if len(meta["words"]) != len(vectors):
                raise ValueError("words and vectors differ in number")
        except (OSError, ValueError, KeyError) as e:
            log.info("no usable vocabulary at %s (%s): it will be rebuilt", folder, e)
            return None
        return cls(meta["words"], vectors, int(meta["generation"]), str(meta["model"]))

    @classmethod
    def current(
        cls, catalog: Catalog, folder: Path, embedder: Embedder, model: str, cached: Vocabulary | None = None
    ) -> Vocabulary:
        """The vocabulary for the catalog as it is now: the cached one, the saved one, or a (partial) rebuild."""
        generation = catalog.generation()
        if cached is not None and cached.generation == generation and cached.model == model:
            return cached
        loaded = cls.load(folder)
        if loaded is not None and loaded.generation == generation and loaded.model == model:
            return loaded
        built = cls.build(catalog, embedder, model, previous=loaded or cached)
        try:
            built.save(folder)
        except OSError as e:  # a read-only reader still answers
            log.warning("could not save the vocabulary to %s: %s", folder, e)
        return built
