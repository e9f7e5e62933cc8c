"""Retrieval quality on BEIR SciFact and query latency over the whole summit corpus.

    SciFact test (300 queries): nDCG@10 and recall@100 for BM25 (bm25s, our tokenizer), dense (packaged MiniLM),
    hybrid (reciprocal rank fusion with summit-rag's settings) and hybrid + cross-encoder rerank when
    --reranker PATH is given. Published anchors from the data set's README are printed beside them.
    Latency: retrieval and whole answers (extractive) for the dev questions over a store of the whole corpus.

Usage: python bench/retrieval.py [--scifact DIR] [--store DATA_DIR] [--reranker PATH]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from rag.bm25 import tokenize  # noqa: E402
from rag.config import Settings  # noqa: E402
from rag.embedder import load_embedder  # noqa: E402
from rag.neighbours import Vocabulary, words_of  # noqa: E402
from rag.retrieve import rrf  # noqa: E402

ANCHORS = {"BM25 (BEIR paper)": 0.665, "BM25 + MiniLM cross-encoder (BEIR paper)": 0.688, "bge-small-en-v1.5": 0.713}


def ndcg_at(ranked: list[str], rel: dict[str, int], k: int = 10) -> float:
    dcg = sum(rel.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    ideal = sorted(rel.values(), reverse=True)[:k]
    idcg = sum(r / math.log2(i + 2) for i, r in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall_at(ranked: list[str], rel: dict[str, int], k: int = 100) -> float:
    return len(set(ranked[:k]) & set(rel)) / len(rel)


def scifact(folder: Path, reranker: Path | None, cache: Path) -> None:
    import bm25s

    settings = Settings()
    docs = [json.loads(line) for line in open(folder / "corpus.jsonl")]
    queries = {q["_id"]: q["text"] for q in map(json.loads, open(folder / "queries.jsonl"))}
    qrels: dict[str, dict[str, int]] = {}
    for line in list(open(folder / "qrels" / "test.tsv"))[1:]:
        qid, did, score = line.split()
        qrels.setdefault(qid, {})[did] = int(score)
    ids = [d["_id"] for d in docs]
    texts = [f"{d.get('title', '')}\n{d['text']}".strip() for d in docs]
    emb = load_embedder(settings.embedding_model)
    if cache.exists():
        vectors = np.load(cache)
        print(f"SciFact: {len(docs)} abstracts, vectors from {cache}")
    else:
        t = time.perf_counter()
        vectors = emb.embed_documents(texts)
        np.save(cache, vectors)
        print(f"SciFact: embedded {len(docs)} abstracts in {time.perf_counter() - t:.0f} s")
    retriever = bm25s.BM25(k1=0.9, b=0.4)
    retriever.index([tokenize(t) or ["__empty__"] for t in texts], show_progress=False)
    qids = sorted(qrels)
    qvecs = emb.embed_sentences([queries[q] for q in qids])
    # the product's near-word ranking: the collection's words (in two abstracts or more), embedded once
    df: Counter[str] = Counter()
    for t in texts:
        df.update(words_of(t))
    words = sorted(w for w, c in df.items() if c >= 2 and tokenize(w))
    t = time.perf_counter()
    vocab = Vocabulary(words, emb.embed_words(words), 0, settings.embedding_model)
    print(f"SciFact vocabulary: {len(words)} words embedded in {time.perf_counter() - t:.0f} s")
    runs: dict[str, list[list[str]]] = {"BM25": [], "dense": [], "hybrid": [], "hybrid + near words": []}
    for qid, qv in zip(qids, qvecs, strict=True):
        dense = [ids[i] for i in np.argsort(-(vectors @ qv))[:100]]
        res, sc = retriever.retrieve([tokenize(queries[qid])], k=100, show_progress=False)
        lex = [ids[int(i)] for i, s in zip(res[0], sc[0], strict=True) if s > 0]
        fused = rrf([dense, lex], [settings.dense_weight, settings.bm25_weight], settings.rrf_k)
        runs["BM25"].append(lex)
        runs["dense"].append(dense)
        runs["hybrid"].append(sorted(fused, key=lambda d: -fused[d])[:100])
        near = vocab.near(queries[qid], emb)
        res, sc = retriever.retrieve([tokenize(queries[qid] + " " + " ".join(near))], k=100, show_progress=False)
        lex_near = [ids[int(i)] for i, s in zip(res[0], sc[0], strict=True) if s > 0]
        fused = rrf(
            [dense, lex, lex_near],
            [settings.dense_weight, settings.bm25_weight, settings.neighbour_weight],
            settings.rrf_k,
        )
        runs["hybrid + near words"].append(sorted(fused, key=lambda d: -fused[d])[:100])
    if reranker:
        from sentence_transformers import CrossEncoder

        ce = CrossEncoder(str(reranker), device="cpu", local_files_only=True)
        by_id = dict(zip(ids, texts, strict=True))
        runs["hybrid + rerank"] = []
        for qid, ranked in zip(qids, runs["hybrid"], strict=True):
            scores = ce.predict([(queries[qid], by_id[d]) for d in ranked], show_progress_bar=False)
            runs["hybrid + rerank"].append([d for _, d in sorted(zip(-scores, ranked, strict=True))])
    print("\n| SciFact test (300 queries) | nDCG@10 | recall@100 |\n|---|---:|---:|")
    for name, ranked_lists in runs.items():
        nd = statistics.mean(ndcg_at(r, qrels[q]) for q, r in zip(qids, ranked_lists, strict=True))
        rc = statistics.mean(recall_at(r, qrels[q]) for q, r in zip(qids, ranked_lists, strict=True))
        print(f"| summit-rag {name} | {nd:.3f} | {rc:.3f} |")
    for name, value in ANCHORS.items():
        print(f"| published: {name} | {value:.3f} | - |")


def latency(store: Path) -> None:
    from rag.answer import Engine

    settings = Settings(data_dir=store)
    engine = Engine(settings)
    questions = [json.loads(line)["question"] for line in open(ROOT / "eval" / "dev.jsonl")]
    engine.ask(questions[0])  # warm-up: BM25 index load, first query
    retrieval, rerank, answers = [], [], []
    for _ in range(3):
        for q in questions:
            engine.embedder.forget_sentences()  # every question cold: no sentence vectors from a previous round
            timings: dict[str, float] = {}
            t = time.perf_counter()
            engine.retriever.retrieve(q, timings=timings)
            total = time.perf_counter() - t
            rerank.append(timings.get("sentence_rerank", 0.0))
            retrieval.append(total - rerank[-1])
            engine.embedder.forget_sentences()
            t = time.perf_counter()
            engine.ask(q)
            answers.append(time.perf_counter() - t)
    stats = engine.store.catalog.stats()

    def q(v: list[float], p: float) -> float:
        return 1000 * sorted(v)[int(p * (len(v) - 1))]

    print(f"\nLatency over {stats['documents']} documents, {stats['chunks']} chunks ({len(retrieval)} queries):")
    print("| step | p50 ms | p95 ms |\n|---|---:|---:|")
    print(
        f"| retrieval (embed query + dense + BM25 + near words + fusion + windows) | {q(retrieval, 0.5):.0f} | "
        f"{q(retrieval, 0.95):.0f} |"
    )
    print(
        f"| sentence rerank of the top {engine.settings.sentence_rerank_pool} (embedding their sentences, cold) | "
        f"{q(rerank, 0.5):.0f} | {q(rerank, 0.95):.0f} |"
    )
    print(
        f"| whole extractive answer (retrieval + rerank + sentence scoring + citations, cold) | {q(answers, 0.5):.0f} | {q(answers, 0.95):.0f} |"
    )
    engine.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scifact", type=Path, default=ROOT.parent / "shared" / "bench" / "scifact")
    ap.add_argument("--store", type=Path, default=ROOT / "bench" / "results" / "corpus_store")
    ap.add_argument("--reranker", type=Path, default=None)
    ap.add_argument("--latency-only", action="store_true", help="skip SciFact")
    args = ap.parse_args()
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    if not args.latency_only:
        scifact(args.scifact, args.reranker, ROOT / "bench" / "results" / "scifact_vectors.npy")
    if (args.store / "catalog.sqlite3").exists():
        latency(args.store)
    else:
        print(f"\n(no store at {args.store}: run `python bench/ingest.py --keep {args.store}` for the latency table)")


if __name__ == "__main__":
    main()
