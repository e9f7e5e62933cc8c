"""Scale: retrieval latency, peak memory, write throughput and BM25 cost at 10k, 100k and 1M chunks, for the
embedded Chroma store and for a `chroma run` server.

Where the vectors come from: the real corpus store (537 documents + seed, ~20k chunks, real MiniLM vectors of
real text). Beyond its size the store is filled with copies of its documents under new ids whose vectors are
**synthetic**: the real vector plus Gaussian noise, renormalised (cosine ~0.9 to the original), so that HNSW sees
distinct points. Copies repeat the real text, so BM25 sees real word statistics but no new vocabulary.

Each (mode, size) runs in its own child process, so peak memory (ru_maxrss; VmHWM of the server process) is that
run's own. Queries are the 68 dev-set questions (eval/dev.jsonl) through the real Retriever with the real
embedding model: embed + Chroma top-100 + BM25 top-100 + fusion + catalog reads + windows.
Baseline in the same process: the bare Chroma `collection.query` (top-100 by a precomputed vector).

Usage: python bench/scale.py [--sizes 10000,100000,1000000] [--modes embedded,server] [--source DATA_DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_SOURCE = ROOT / "bench" / "results" / "corpus_store"
GROUP = 4096  # chunks per put_documents call, as ingest's groups


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(q * (len(xs) - 1)))]


def load_source(source: Path, cache: Path) -> None:
    """Real documents, chunk rows and vectors from an ingested store, into one .npz the children share."""
    import sqlite3

    import chromadb
    from chromadb.config import Settings as ChromaSettings

    db = sqlite3.connect(source / "catalog.sqlite3")
    docs = db.execute("SELECT doc_id, title, date, text FROM documents ORDER BY doc_id").fetchall()
    chunks = db.execute(
        'SELECT chunk_id, doc_id, idx, start, "end", tokens FROM chunks ORDER BY doc_id, idx'
    ).fetchall()
    client = chromadb.PersistentClient(str(source / "chroma"), settings=ChromaSettings(anonymized_telemetry=False))
    col = client.get_collection(client.list_collections()[0].name)
    vec: dict[str, np.ndarray] = {}
    ids = [c[0] for c in chunks]
    for i in range(0, len(ids), 5000):
        got = col.get(ids=ids[i : i + 5000], include=["embeddings"])
        vec.update(zip(got["ids"], np.asarray(got["embeddings"], dtype=np.float32), strict=True))
    vectors = np.stack([vec[c] for c in ids])
    questions = [json.loads(line)["question"] for line in (ROOT / "eval" / "dev.jsonl").read_text().splitlines()]
    np.savez(
        cache,
        vectors=vectors,
        docs=np.array(json.dumps(docs)),
        chunks=np.array(json.dumps(chunks)),
        questions=np.array(json.dumps(questions)),
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(path: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    exe = Path(sys.executable).with_name("chroma")
    proc = subprocess.Popen(
        [str(exe), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import chromadb

    for _ in range(200):
        try:
            chromadb.HttpClient(host="127.0.0.1", port=port).heartbeat()
            return proc, port
        except Exception:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("chroma run did not start")


def vm_hwm_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(size: int, mode: str, cache: Path) -> dict[str, object]:
    from rag.bm25 import BM25Index
    from rag.config import Settings
    from rag.embedder import load_embedder
    from rag.retrieve import Retriever
    from rag.store import DocWrite, Store
    from rag.types import Chunk, DocRecord

    src = np.load(cache)
    real_vectors = src["vectors"]
    docs = json.loads(str(src["docs"]))
    chunk_rows = json.loads(str(src["chunks"]))
    questions = json.loads(str(src["questions"]))
    by_doc: dict[str, list[list[object]]] = {}
    for row in chunk_rows:
        by_doc.setdefault(str(row[1]), []).append(row)
    vec_of = {row[0]: real_vectors[i] for i, row in enumerate(chunk_rows)}

    work = Path(tempfile.mkdtemp(prefix=f"summit-scale-{mode}-{size}-"))
    server = None
    extra: dict[str, object] = {}
    # The sentence rerank reads a fixed 12 passages whatever the store's size (bench/retrieval.py times it):
    # this benchmark times the stage that grows with the store.
    first_stage = {"sentence_rerank_pool": 0}
    if mode == "server":
        server, port = start_server(work / "server")
        settings = Settings(data_dir=work / "data", chroma_host="127.0.0.1", chroma_port=port, **first_stage)
    else:
        settings = Settings(data_dir=work / "data", **first_stage)
    embedder = load_embedder(settings.embedding_model, settings.embed_batch_size)
    embedder.embed_query("warm-up")
    rss_model = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    store = Store(settings)
    rng = np.random.default_rng(0)

    def make_doc(copy: int, doc: list[object]) -> DocWrite:
        doc_id, title, date, text = (str(x) for x in doc)
        new_id = doc_id if copy == 0 else f"{doc_id}~{copy}"
        rows = by_doc.get(doc_id, [])
        chunks = [
            Chunk(new_id, int(r[2]), int(r[3]), int(r[4]), text[int(r[3]) : int(r[4])], int(r[5]), title, date)
            for r in rows
        ]
        vecs = np.stack([vec_of[r[0]] for r in rows]) if rows else np.zeros((0, 384), np.float32)
        if copy and len(vecs):
            vecs = vecs + rng.normal(scale=0.025, size=vecs.shape).astype(np.float32)  # synthetic: see docstring
            vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        record = DocRecord(new_id, title, date, f"{new_id}.txt", f"{copy:08d}{doc_id}"[:64], text)
        hashes = [f"{new_id}:{c.index}" for c in chunks]
        return DocWrite(record, f"v{copy}", chunks, vecs.astype(np.float32), hashes, replacing=False)

    # write ------------------------------------------------------------------------------------------------
    written, blocks, pending_writes, pending_n = 0, [], [], 0
    block_t, block_n = time.perf_counter(), 0
    t_write = time.perf_counter()
    copy = 0
    with store.writing():
        while written < size:
            for doc in docs:
                if written >= size:
                    break
                w = make_doc(copy, doc)
                if not w.chunks:
                    continue
                pending_writes.append(w)
                pending_n += len(w.chunks)
                written += len(w.chunks)
                if pending_n >= GROUP:
                    store.put_documents(pending_writes)
                    block_n += pending_n
                    pending_writes, pending_n = [], 0
                    if block_n >= size // 10:
                        blocks.append(block_n / (time.perf_counter() - block_t))
                        block_t, block_n = time.perf_counter(), 0
            copy += 1
        if pending_writes:
            store.put_documents(pending_writes)
    t_write = time.perf_counter() - t_write

    t = time.perf_counter()
    BM25Index.ensure_saved(store.catalog, settings.data_dir / "bm25")
    t_bm25_build = time.perf_counter() - t
    bm25_mb = sum(f.stat().st_size for f in (settings.data_dir / "bm25").rglob("*") if f.is_file()) / 2**20

    # one more document into a store of this size: what a single upload costs (store write + BM25 rebuild)
    t = time.perf_counter()
    with store.writing():
        store.put_documents([make_doc(copy + 1, docs[0])])
        BM25Index.ensure_saved(store.catalog, settings.data_dir / "bm25")
    t_one_more = time.perf_counter() - t

    # query ------------------------------------------------------------------------------------------------
    retriever = Retriever(settings, store, embedder)
    t = time.perf_counter()
    retriever.bm25()
    t_bm25_load = time.perf_counter() - t
    retriever.vocabulary()  # built once per store (the words near a question's), not part of a query
    col = store.collection()
    qvecs = embedder.embed_sentences(questions)
    for q in questions[:5]:
        retriever.retrieve(q)
    total, dense, lexical, embed, raw = [], [], [], [], []
    for _ in range(2):
        for q, qv in zip(questions, qvecs, strict=True):
            timings: dict[str, float] = {}
            t = time.perf_counter()
            retriever.retrieve(q, timings=timings)
            total.append(1000 * (time.perf_counter() - t))
            dense.append(1000 * timings["dense"])
            lexical.append(1000 * timings["bm25"])
            embed.append(1000 * timings["embed_query"])
            t = time.perf_counter()
            col.query(query_embeddings=[qv], n_results=settings.candidates, include=["distances"])
            raw.append(1000 * (time.perf_counter() - t))
    chunks_now = store.catalog.stats()["chunks"]
    if server is not None:
        extra["server_peak_mb"] = round(vm_hwm_mb(server.pid))
        server.terminate()
        server.wait(30)
    disk_mb = sum(f.stat().st_size for f in work.rglob("*") if f.is_file()) / 2**20
    store.close()
    shutil.rmtree(work, ignore_errors=True)
    return {
        "mode": mode,
        "chunks": chunks_now,
        "write_s": round(t_write, 1),
        "write_chunks_per_s": round(written / t_write),
        "write_rate_first_block": round(blocks[0]) if blocks else None,
        "write_rate_last_block": round(blocks[-1]) if blocks else None,
        "bm25_build_s": round(t_bm25_build, 1),
        "bm25_load_s": round(t_bm25_load, 2),
        "bm25_mb": round(bm25_mb),
        "one_more_doc_s": round(t_one_more, 2),
        "retrieve_p50_ms": round(statistics.median(total), 1),
        "retrieve_p95_ms": round(pct(total, 0.95), 1),
        "embed_query_p50_ms": round(statistics.median(embed), 1),
        "dense_p50_ms": round(statistics.median(dense), 1),
        "dense_p95_ms": round(pct(dense, 0.95), 1),
        "bm25_p50_ms": round(statistics.median(lexical), 1),
        "bm25_p95_ms": round(pct(lexical, 0.95), 1),
        "raw_chroma_p50_ms": round(statistics.median(raw), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "rss_after_model_mb": round(rss_model),
        "disk_mb": round(disk_mb),
        **extra,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--modes", default="embedded,server")
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--child", nargs=3, metavar=("SIZE", "MODE", "CACHE"), help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "scale.json")
    args = ap.parse_args()
    if args.child:
        size, mode, cache = args.child
        print(json.dumps(child(int(size), mode, Path(cache))), flush=True)
        return
    if not (args.source / "catalog.sqlite3").exists():
        sys.exit(
            f"no ingested store at {args.source}: run `python bench/ingest.py --keep {args.source}` first "
            "(or pass --source DATA_DIR)"
        )
    cache = Path(tempfile.mkdtemp(prefix="summit-scale-")) / "source.npz"
    load_source(args.source, cache)
    results = json.loads(args.out.read_text()) if args.out.exists() else []
    for mode in args.modes.split(","):
        for size in (int(s) for s in args.sizes.split(",")):
            t = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, __file__, "--child", str(size), mode, str(cache)],
                capture_output=True,
                text=True,
            )
            if proc.returncode != 0:
                print(f"{mode} {size}: failed\n{proc.stderr[-3000:]}", flush=True)
                continue
            row = json.loads(proc.stdout.strip().splitlines()[-1])
            row["run_s"] = round(time.perf_counter() - t)
            print(json.dumps(row), flush=True)
            results = [r for r in results if not (r["mode"] == mode and r.get("target") == size)]
            results.append({"target": size, **row})
            args.out.write_text(json.dumps(results, indent=1))
    print_table(results)


def print_table(results: list[dict[str, object]]) -> None:
    print()
    print(
        "| store | chunks | retrieval p50 / p95 ms | of which dense p50 | BM25 p50 | embed query p50 | bare Chroma "
        "query p50 | write chunks/s (first → last tenth) | BM25 build s | one more doc s | peak RSS MB |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in sorted(results, key=lambda r: (str(r["mode"]), int(r["chunks"]))):  # type: ignore[call-overload]
        peak = f"{r['peak_rss_mb']}" + (f" + server {r['server_peak_mb']}" if "server_peak_mb" in r else "")
        print(
            f"| {r['mode']} | {r['chunks']:,} | {r['retrieve_p50_ms']} / {r['retrieve_p95_ms']} | {r['dense_p50_ms']} "
            f"| {r['bm25_p50_ms']} | {r['embed_query_p50_ms']} | {r['raw_chroma_p50_ms']} | "
            f"{r['write_chunks_per_s']} ({r['write_rate_first_block']} → {r['write_rate_last_block']}) | "
            f"{r['bm25_build_s']} | {r['one_more_doc_s']} | {peak} |"
        )


if __name__ == "__main__":
    main()
