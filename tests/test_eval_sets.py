"""The question sets in eval/ are data the README's figures rest on: each line must be well formed, and (where the
shared corpus is on this machine) every document it names must exist and every evidence sentence must be that
document's text. A typo in a widened gold list would otherwise count a right citation as wrong, silently."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED, SEED_ID

SETS = sorted((ROOT / "eval").glob("*.jsonl"))
CORPUS_TEXT = ROOT.parent / "shared" / "corpus" / "text"
TYPES = {"single_fact", "who_when_where", "multi_doc", "paraphrase", "unanswerable"}


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _items(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.stem)
def test_question_set_is_well_formed(path: Path) -> None:
    items = _items(path)
    assert items
    ids = [q["id"] for q in items]
    assert len(ids) == len(set(ids)), "question ids repeat"
    for q in items:
        assert set(q) >= {"id", "question", "answer", "doc_ids", "evidence", "type"}, q["id"]
        assert q["type"] in TYPES, q["id"]
        docs = q["doc_ids"]
        assert len(docs) == len(set(docs)), f"{q['id']}: a document is listed twice"
        if q["type"] == "unanswerable":
            assert not docs and not q["evidence"], q["id"]
            continue
        assert docs and q["evidence"], q["id"]
        # evidence names the documents it was copied from; a gold list may name more (every document stating it)
        assert {e["doc_id"] for e in q["evidence"]} <= set(docs), q["id"]
        if q["type"] == "multi_doc":
            assert len({e["doc_id"] for e in q["evidence"]}) >= 2, q["id"]


@pytest.mark.skipif(not CORPUS_TEXT.is_dir(), reason="the shared corpus is not on this machine (../shared/corpus/text)")
@pytest.mark.parametrize("path", SETS, ids=lambda p: p.stem)
def test_gold_documents_exist_and_evidence_is_verbatim(path: Path) -> None:
    texts: dict[str, str] = {}

    def text(doc_id: str) -> str:
        if doc_id not in texts:
            f = SEED if doc_id == SEED_ID else CORPUS_TEXT / f"{doc_id}.txt"
            assert f.is_file(), f"{path.name}: no document {doc_id}"
            texts[doc_id] = _norm(f.read_text(encoding="utf-8"))
        return texts[doc_id]

    for q in _items(path):
        for doc_id in q["doc_ids"]:
            text(doc_id)
        for e in q["evidence"]:
            assert _norm(e["sentence"]) in text(e["doc_id"]), f"{q['id']}: evidence not verbatim in {e['doc_id']}"
