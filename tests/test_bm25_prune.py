"""BM25 leaves the commonest query terms out only in a large index (a cost measure; small indexes rank as before)."""

from __future__ import annotations

import bm25s

from rag import bm25 as bm25_module
from rag.bm25 import BM25Index, tokenize


def index_of(texts: list[str]) -> BM25Index:
    retriever = bm25s.BM25(k1=0.9, b=0.4)
    retriever.index([tokenize(t) for t in texts], show_progress=False)
    return BM25Index(retriever, [f"c{i}" for i in range(len(texts))], generation=1)


def test_common_terms_are_left_out_only_past_the_size_threshold(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    texts = ["the president met the premier"] * 8 + ["the president spoke of whales", "reef wardens funded"]
    index = index_of(texts)
    assert index.df("presid") == 9 and index.df("whale") == 1
    assert index.query_terms("president whales") == ["presid", "whale"], "a small index keeps every term"
    monkeypatch.setattr(bm25_module, "PRUNE_FROM", 5)
    assert index.query_terms("president whales") == ["whale"]
    assert index.query_terms("president") == ["presid"], "a query of common terms only keeps them"
    assert [cid for cid, _ in index.search("president whales", 3)][0] == "c8"
