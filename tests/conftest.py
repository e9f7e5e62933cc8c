"""Shared fixtures. The real embedding model, a real Chroma in tmp dirs; no network but loopback (pytest-socket,
see pyproject), and no hub downloads (HF_HUB_OFFLINE): a hidden download fails loudly."""

from __future__ import annotations

import os
import shutil
import socket
import sys
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["TOKENIZERS_PARALLELISM"] = "false"
for key in list(os.environ):  # the developer's own settings must not leak into tests
    if key.startswith("SUMMIT_RAG_"):
        del os.environ[key]

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "000_bdb73d043eebbd6f.txt"
SEED_ID = "000_bdb73d043eebbd6f"
CORPUS = FIXTURES / "corpus"
SEEDED_DOCS = 1 + len(list(CORPUS.glob("*.txt")))  # the seed and the corpus slice
sys.path.insert(0, str(ROOT))

from rag.config import Settings  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def embedder():  # type: ignore[no-untyped-def]
    from rag.embedder import load_embedder

    return load_embedder(Settings().embedding_model)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


@pytest.fixture(scope="session")
def _seeded_template(tmp_path_factory: pytest.TempPathFactory, embedder) -> Path:  # type: ignore[no-untyped-def]
    """The seed and the corpus slice, ingested once per session; tests get a copy."""
    from ingest.pipeline import ingest

    base = tmp_path_factory.mktemp("seeded")
    docs = base / "docs"
    docs.mkdir()
    shutil.copy(SEED, docs / SEED.name)
    for f in CORPUS.glob("*.txt"):
        shutil.copy(f, docs / f.name)
    report = ingest([docs], Settings(data_dir=base / "data"), embedder=embedder)
    assert report.ok and report.count("added") == SEEDED_DOCS, [r.line() for r in report.results]
    return base


@pytest.fixture
def seeded(tmp_path: Path, _seeded_template: Path) -> Settings:
    """Settings of a data dir holding the seed and the corpus slice (a private copy)."""
    shutil.copytree(_seeded_template / "data", tmp_path / "data")
    shutil.copytree(_seeded_template / "docs", tmp_path / "docs")
    return Settings(data_dir=tmp_path / "data")


@pytest.fixture
def engine(seeded: Settings, embedder):  # type: ignore[no-untyped-def]
    from rag.answer import Engine

    eng = Engine(seeded, embedder=embedder)
    yield eng
    eng.close()
