"""Tuning helper: per-retriever document hit@k on a QA set against an existing store (not a test)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from rag.answer import Engine
from rag.config import Settings
from rag.retrieve import rrf


def docs_of(ids):
    out = []
    for i in ids:
        d = i.split("::")[0]
        if d not in out:
            out.append(d)
    return out


def main():
    qa = [json.loads(l) for l in open(sys.argv[1])]
    s = Settings()
    eng = Engine(s)
    bm = eng.retriever.bm25()
    res = {"dense": [], "bm25": [], "fused": []}
    per = []
    for x in qa:
        if not x["doc_ids"]:
            continue
        gold = set(x["doc_ids"])
        qv = eng.embedder.embed_query(x["question"])
        dense = [c for c, _ in eng.store.dense_search(qv, 40)]
        lex = [c for c, _ in bm.search(x["question"], 40)]
        fused = sorted(rrf([dense, lex], [1, 1], 60).items(), key=lambda kv: -kv[1])
        f = [c for c, _ in fused]
        for name, ids in (("dense", dense), ("bm25", lex), ("fused", f)):
            d = docs_of(ids)
            rank = next((i for i, dd in enumerate(d, 1) if dd in gold), 99)
            res[name].append(rank)
        per.append((x["id"], x["type"], res["dense"][-1], res["bm25"][-1], res["fused"][-1], x["question"][:70]))
    for name, r in res.items():
        n = len(r)
        print(name, " ".join(f"hit@{k}={sum(x <= k for x in r) / n:.2f}" for k in (1, 3, 5, 10)))
    for p in per:
        if p[4] > 3:
            print(p)


main()
