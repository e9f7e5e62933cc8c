"""Experiment: dense/BM25/fused doc hit@5 on the dev set for chunk sizes and title prefixes, over the dev set's
gold documents plus N random distractors (in memory, no store). Prints a table. Not a test."""

from __future__ import annotations

import ast
import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import bm25s
import numpy as np

from ingest.chunking import chunk_text
from ingest.clean import clean_text
from rag.bm25 import tokenize
from rag.embedder import load_embedder
from rag.retrieve import rrf

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "text"
qa = [json.loads(l) for l in open(ROOT / "eval" / "dev.jsonl")]
qa = [x for x in qa if x["doc_ids"]]
gold = {d for x in qa for d in x["doc_ids"]}
files = {p.stem: p for p in CORPUS.glob("*.txt")}
files["000_bdb73d043eebbd6f"] = ROOT / "seeds" / "000_bdb73d043eebbd6f.txt"
random.seed(0)
others = random.sample(sorted(set(files) - gold), int(sys.argv[1]) if len(sys.argv) > 1 else 200)
docs = {d: clean_text(files[d].read_text()) for d in sorted(gold) + others}
emb = load_embedder("packaged:all-MiniLM-L6-v2")
qv = emb.embed_sentences([x["question"] for x in qa])


def evaluate(size, overlap, title):
    ids, texts, lex = [], [], []
    for d, t in docs.items():
        ttl = t.split("\n")[0]
        for c in chunk_text(t, size, overlap):
            ids.append(d)
            texts.append((ttl + "\n" + c.text) if title else c.text)
            lex.append(tokenize(ttl + "\n" + c.text))
    t0 = time.time()
    V = emb.embed_documents(texts)
    te = time.time() - t0
    r = bm25s.BM25(k1=0.9, b=0.4)
    r.index(lex, show_progress=False)
    out = {"dense": [], "bm25": [], "fused": []}
    for x, q in zip(qa, qv):
        g = set(x["doc_ids"])
        dense = list(np.argsort(-(V @ q))[:60])
        res, sc = r.retrieve([tokenize(x["question"])], k=60, show_progress=False)
        lexr = [int(i) for i, s in zip(res[0], sc[0]) if s > 0]
        fused = sorted(rrf([dense, lexr], [1, 1], 60).items(), key=lambda kv: -kv[1])
        for name, order in (("dense", dense), ("bm25", lexr), ("fused", [i for i, _ in fused])):
            seen = []
            for i in order:
                if ids[i] not in seen:
                    seen.append(ids[i])
            out[name].append(any(d in g for d in seen[:5]))
    print(
        f"size={size} overlap={overlap} title={title} chunks={len(ids)} embed={te:.0f}s "
        + " ".join(f"{k}@5={np.mean(v):.3f}" for k, v in out.items()),
        flush=True,
    )


CONFIGS = (
    ast.literal_eval(sys.argv[2])
    if len(sys.argv) > 2
    else [(160, 32, True), (96, 16, True), (64, 16, True), (64, 16, False)]
)
for size, overlap, title in CONFIGS:
    evaluate(size, overlap, title)
