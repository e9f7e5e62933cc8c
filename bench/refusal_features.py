"""Dump the extractive scorer's features per dev question (for calibrating refusal). Not a test."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from rag.answer import Engine
from rag.config import Settings
from rag.qtype import answer_type
from rag.sentences import score_sentences

eng = Engine(Settings())
be = eng.backend("extractive")
rows = []
for line in open(sys.argv[1]):
    x = json.loads(line)
    ps = eng.retriever.retrieve(x["question"])
    ranked = score_sentences(x["question"], ps, eng.retriever.bm25().idf, be._embed)
    b = ranked[0]
    gold = set(x["doc_ids"])
    from rag.bm25 import tokenize

    idf = eng.retriever.bm25().idf
    bp = ps[b.passage - 1]
    ctx = set(tokenize(bp.title + " " + bp.text))
    missing = sorted(((idf(t), t) for t in set(tokenize(x["question"])) if t not in ctx), reverse=True)
    rows.append(
        {
            "id": x["id"],
            "type": x["type"],
            "score": round(b.score, 3),
            "dense": round(b.dense, 3),
            "lex": round(b.lexical, 3),
            "gold_hit": ps[b.passage - 1].doc_id in gold if gold else None,
            "kind": answer_type(x["question"]),
            "miss": [(round(i, 1), t) for i, t in missing[:3]],
        }
    )
    print(json.dumps(rows[-1]))
