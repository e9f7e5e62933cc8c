"""The `summit-rag` command, run as a user runs it (a subprocess with the environment as its only input)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT, SEED, SEED_ID

pytestmark = pytest.mark.integration
EXE = str(Path(sys.executable).with_name("summit-rag"))


def run(data: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SUMMIT_RAG_DATA_DIR": str(data), "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run([EXE, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def test_ingest_twice_then_docs_ask_and_delete(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds)
    first = run(data, "ingest", str(seeds))
    assert first.stdout.strip().startswith(f"{seeds / SEED.name}: added (")
    second = run(data, "ingest", str(seeds))
    assert second.stdout.strip() == f"{seeds / SEED.name}: unchanged"
    assert "0 chunks embedded" in second.stderr

    docs = json.loads(run(data, "docs", "--json").stdout)
    assert docs[0]["chunks"] >= 5
    assert docs == [
        {
            "doc_id": SEED_ID,
            "title": "Japan-US Summit Meeting: Strengthening Cooperation for Stability of the International Order",
            "date": "",
            "source": SEED.name,
            "chunks": docs[0]["chunks"],
        }
    ]

    out = json.loads(run(data, "ask", "How long did the Kishida-Biden online meeting last?", "--json").stdout)
    assert set(out) >= {"answer", "refused", "citations", "passages", "timings"}
    assert out["refused"] is False and "one hour and 20 minutes" in out["answer"]
    c = out["citations"][0]
    assert set(c) == {"n", "doc_id", "title", "date", "chunk_id", "start", "end", "text"}
    seed_text = SEED.read_text(encoding="utf-8")
    assert c["text"] == seed_text[c["start"] : c["end"]], "the seed's cleaned text keeps its offsets here"
    assert c["text"].startswith("At the end of the meeting lasting one hour and 20 minutes")
    assert {"doc_id", "chunk_id", "title", "text", "score"} <= set(out["passages"][0])

    plain = run(data, "ask", "How long did the Kishida-Biden online meeting last?").stdout
    assert "[1]" in plain and "chars" in plain

    assert run(data, "delete", SEED_ID).stdout.strip() == f"deleted {SEED_ID}"
    missing = run(data, "delete", SEED_ID, check=False)
    assert missing.returncode == 1 and "no document" in missing.stderr
    assert json.loads(run(data, "docs", "--json").stdout) == []


def test_rejected_file_exits_1_and_the_others_are_still_ingested(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    good = sorted(CORPUS.glob("*.txt"))[0]
    shutil.copy(good, src)
    (src / "photo.jpg").write_bytes(b"\xff\xd8\xff" + b"\x00" * 64)
    proc = run(tmp_path / "data", "ingest", str(src), check=False)
    assert proc.returncode == 1
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 2
    assert any(line.startswith(str(src / good.name)) and ": added (" in line for line in lines)
    assert any(
        line.startswith(str(src / "photo.jpg") + ": rejected: unsupported file type .jpg: use one of") for line in lines
    )
    assert len(json.loads(run(tmp_path / "data", "docs", "--json").stdout)) == 1


def test_bad_setting_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "SUMMIT_RAG_DATA_DIR": str(tmp_path), "SUMMIT_RAG_CHUNK_OVERLAP": "500"}
    proc = subprocess.run([EXE, "docs"], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "SUMMIT_RAG_CHUNK_OVERLAP" in proc.stderr and "Traceback" not in proc.stderr


def test_eval_prints_metrics_per_type(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run(data, "ingest", str(SEED), str(CORPUS))
    qa = tmp_path / "qa.jsonl"
    rows = [
        {"id": "a", "question": "How long did the Kishida-Biden online meeting last?", "answer": "one hour and 20 minutes",
         "doc_ids": [SEED_ID, "wh-2022-01-21-readout-of-president-bidens-meeting-with-prime-minister-kishida-of-japan"],
         "evidence": [{"doc_id": SEED_ID, "sentence": "At the end of the meeting lasting one hour and 20 minutes, Kishida told reporters,"}],
         "type": "single_fact"},
        {"id": "b", "question": "What is the recipe for Neapolitan pizza dough?", "answer": "", "doc_ids": [],
         "evidence": [], "type": "unanswerable"},
    ]  # fmt: skip
    qa.write_text("\n".join(json.dumps(r) for r in rows))
    out = json.loads(run(data, "eval", str(qa), "--json").stdout)
    m = out["metrics"]["overall"]
    assert m["hit@1"] == 100.0 and m["evidence_recall@5"] == 100.0 and m["refusal_rate_unanswerable"] == 100.0
    assert m["false_refusal_rate"] == 0.0 and m["citation_precision"] == 100.0
    assert set(out["metrics"]["by_type"]) == {"single_fact", "unanswerable"}
    assert [r["id"] for r in out["results"]] == ["a", "b"] and out["results"][1]["refused"] is True
    table = run(data, "eval", str(qa)).stdout
    assert "single_fact" in table and "unanswerable" in table

    qa.write_text('{"id": "x"}\n')
    bad = run(data, "eval", str(qa), check=False)
    assert bad.returncode == 2 and "lacks question" in bad.stderr
