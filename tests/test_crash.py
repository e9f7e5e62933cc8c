"""Crash safety: SIGKILL an ingest (and a replace) at several moments, rerun it, and compare the end state with a
clean ingest of the same folder: same documents, same chunks, BM25 in step, no orphan vectors in Chroma."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rag.bm25 import BM25Index
from rag.config import Settings
from rag.store import Store
from tests.conftest import CORPUS, ROOT, SEED, SEEDED_DOCS

pytestmark = pytest.mark.integration
EXE = str(Path(sys.executable).with_name("summit-rag"))


def state(data: Path) -> dict[str, object]:
    settings = Settings(data_dir=data)
    store = Store(settings)
    try:
        catalog = json.loads(store.catalog.dump())
        col = store.collection()
        chroma_ids = sorted(col.get(include=[])["ids"]) if col is not None else []
        bm25 = BM25Index.current(store.catalog, data / "bm25")
        return {
            "docs": [(d[0], d[1], d[2]) for d in catalog["docs"]],
            "chunks": catalog["chunks"],
            "chroma_ids": chroma_ids,
            "bm25_ids": sorted(bm25.ids),
            "pending": store.catalog.pending(),
        }
    finally:
        store.close()


def ingest_cmd(data: Path, src: Path) -> list[str]:
    return [EXE, "ingest", str(src)]


def env_for(data: Path) -> dict[str, str]:
    return {**os.environ, "SUMMIT_RAG_DATA_DIR": str(data), "HF_HUB_OFFLINE": "1"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    shutil.copy(SEED, src)
    for f in sorted(CORPUS.glob("*.txt")):
        shutil.copy(f, src)
    return src


@pytest.fixture(scope="module")
def clean_state(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    data = tmp_path_factory.mktemp("clean") / "data"
    subprocess.run(ingest_cmd(data, folder), env=env_for(data), check=True, capture_output=True, timeout=600)
    s = state(data)
    assert len(s["docs"]) == SEEDED_DOCS and s["chroma_ids"] == sorted(c[0] for c in s["chunks"]) == s["bm25_ids"]
    return s


def kill_after(cmd: list[str], env: dict[str, str], seconds: float) -> bool:
    """Run cmd and SIGKILL it after `seconds`; True when it was killed before it finished."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    try:
        proc.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def kill_at_first_commit(cmd: list[str], env: dict[str, str], data: Path) -> bool:
    """Run cmd and SIGKILL it as soon as the catalog shows a committed document: mid-way through the commits."""
    import sqlite3

    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    deadline = time.time() + 300
    while proc.poll() is None and time.time() < deadline:
        try:
            with sqlite3.connect(f"file:{data / 'catalog.sqlite3'}?mode=ro", uri=True, timeout=1) as db:
                if db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] >= 1:
                    proc.send_signal(signal.SIGKILL)
                    proc.wait()
                    return True
        except sqlite3.Error:
            pass
        time.sleep(0.02)
    proc.wait()
    return False


def timed_run(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=600)
    return time.perf_counter() - t


def test_kill_during_ingest_then_rerun_equals_a_clean_ingest(
    folder: Path, clean_state: dict[str, object], tmp_path: Path
) -> None:
    timed_run(ingest_cmd(tmp_path / "warm", folder), env_for(tmp_path / "warm"))  # a cold disk cache is slower
    probe = tmp_path / "probe"
    full = timed_run(ingest_cmd(probe, folder), env_for(probe))
    killed = 0
    # moments spread over start-up and embedding, then one in the middle of the commits
    for i, frac in enumerate((0.3, 0.5, 0.7, 0.85, None)):
        data = tmp_path / f"d{i}"
        if frac is None:
            killed += kill_at_first_commit(ingest_cmd(data, folder), env_for(data), data)
        else:
            killed += kill_after(ingest_cmd(data, folder), env_for(data), full * frac)
        mid = state(data) if (data / "catalog.sqlite3").exists() else None
        if mid is not None:  # whatever a reader sees mid-way is whole documents only
            committed = {c[0] for c in mid["chunks"]}
            per_doc = {d[0]: d[2] for d in mid["docs"]}
            for doc_id, n in per_doc.items():
                assert sum(1 for c in committed if c.startswith(doc_id + "::")) == n
        subprocess.run(ingest_cmd(data, folder), env=env_for(data), check=True, capture_output=True, timeout=600)
        assert state(data) == clean_state, f"kill at {frac:.0%} of the run left a different end state"
    assert killed >= 3, "the kills must land while the ingest is running"


def test_kill_during_replace_keeps_one_whole_version(folder: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    src = tmp_path / "src"
    shutil.copytree(folder, src)
    subprocess.run(ingest_cmd(data, src), env=env_for(data), check=True, capture_output=True, timeout=600)
    before = state(data)
    for f in sorted(src.glob("*.txt")):  # change every document
        f.write_text(f.read_text(encoding="utf-8") + "\n\nA paragraph added in the second edition of this text.")
    probe = tmp_path / "probe"
    shutil.copytree(data, probe)
    full = timed_run(ingest_cmd(probe, src), env_for(probe))
    after = state(probe)
    for frac in (0.5, 0.9):
        trial = tmp_path / f"t{frac}"
        shutil.copytree(data, trial)
        kill_after(ingest_cmd(trial, src), env_for(trial), full * frac)
        mid = state(trial)
        old_v = {d[0]: d[1] for d in before["docs"]}
        new_v = {d[0]: d[1] for d in after["docs"]}
        for doc_id, version, _n in mid["docs"]:
            assert version in (old_v[doc_id], new_v[doc_id])
        assert len(mid["docs"]) == SEEDED_DOCS, "a replace must never lose a document"
        subprocess.run(ingest_cmd(trial, src), env=env_for(trial), check=True, capture_output=True, timeout=600)
        assert state(trial) == after


def test_kill_during_delete_then_rerun(folder: Path, clean_state: dict[str, object], tmp_path: Path) -> None:
    data = tmp_path / "data"
    subprocess.run(ingest_cmd(data, folder), env=env_for(data), check=True, capture_output=True, timeout=600)
    doc_id = SEED.stem
    kill_after([EXE, "delete", doc_id], env_for(data), 2.5)
    proc = subprocess.run([EXE, "delete", doc_id], env=env_for(data), capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1)  # 1: the killed run had already committed the delete
    s = state(data)
    assert doc_id not in [d[0] for d in s["docs"]]
    assert not [c for c in s["chroma_ids"] if c.startswith(doc_id)] and not [
        c for c in s["bm25_ids"] if c.startswith(doc_id)
    ]
    assert len(s["docs"]) == SEEDED_DOCS - 1 and s["pending"] == []
