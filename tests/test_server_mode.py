"""Client/server mode against a real `chroma run` server started here on a free loopback port."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ingest.pipeline import ingest
from rag.answer import Engine
from rag.config import Settings
from rag.errors import StoreError
from rag.store import Store
from tests.conftest import SEED, SEED_ID, free_port

pytestmark = pytest.mark.integration


@pytest.fixture
def chroma_server(tmp_path: Path):  # type: ignore[no-untyped-def]
    port = free_port()
    exe = str(Path(sys.executable).with_name("chroma"))
    log = open(tmp_path / "chroma.log", "w")
    proc = subprocess.Popen(
        [exe, "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
            break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        raise AssertionError("chroma run did not start: " + (tmp_path / "chroma.log").read_text())
    yield port
    proc.terminate()
    proc.wait(timeout=30)
    log.close()


def test_ingest_ask_and_delete_through_a_chroma_server(chroma_server: int, tmp_path: Path, embedder) -> None:
    settings = Settings(data_dir=tmp_path / "data", chroma_host="127.0.0.1", chroma_port=chroma_server)
    assert ingest([SEED], settings, embedder=embedder).results[0].status == "added"
    assert not (tmp_path / "data" / "chroma").exists(), "vectors must go to the server, not an embedded store"
    assert ingest([SEED], settings, embedder=embedder).results[0].status == "unchanged"
    engine = Engine(settings, embedder=embedder)
    assert engine.store.chroma_count() == engine.store.catalog.stats()["chunks"] >= 5
    a = engine.ask("How long did the Kishida-Biden online meeting last?")
    assert a.citations[0].doc_id == SEED_ID and "one hour and 20 minutes" in a.citations[0].text
    with engine.store.writing():
        assert engine.store.delete_document(SEED_ID)
    assert engine.store.chroma_count() == 0
    engine.close()


def test_unreachable_server_says_how_to_start_one(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", chroma_host="127.0.0.1", chroma_port=free_port())
    store = Store(settings)
    with pytest.raises(StoreError, match="chroma run --path"):
        store.collection()
