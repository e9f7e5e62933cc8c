"""Ingest throughput over the whole shared corpus, against baselines run in the same process.

    (a) bare `model.encode` on exactly the texts our pipeline embeds, run once before (b) and once after: the
        machine's speed drifts by up to ~8% over minutes (measured), so (b) is compared with the mean of the two
    (b) our pipeline end to end (load, clean, chunk, embed, Chroma, catalog, BM25) into a fresh data dir; the
        time it spends inside the model is timed too, so its own overhead is known without any drift
    (r) a re-ingest of the unchanged corpus
    (c) the LangChain tutorial pipeline: RecursiveCharacterTextSplitter(1000, 200) + Chroma.from_documents
        with the same embedding model

Usage: python bench/ingest.py [CORPUS_DIR] [--keep DATA_DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ingest.pipeline import embed_text, fit_titles, ingest, iter_files, prepare
from rag.config import Settings
from rag.embedder import load_embedder, resolve_model_path

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "text"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--keep", type=Path, help="keep our pipeline's store here")
    ap.add_argument("--limit", type=int, default=0, help="only the first N files (a quick run)")
    ap.add_argument("--skip-langchain", action="store_true")
    args = ap.parse_args()

    files = iter_files([args.corpus])
    if args.limit:
        files = files[: args.limit]
    work = Path(tempfile.mkdtemp(prefix="summit-bench-"))
    src = work / "corpus"
    src.mkdir()
    for f in files:
        shutil.copy(f, src / f.name)
    data = args.keep or work / "data"
    if data.exists():
        shutil.rmtree(data)
    settings = Settings(data_dir=data)
    embedder = load_embedder(settings.embedding_model, settings.embed_batch_size)
    embedder.embed_documents(["warm-up"])
    embedder.calls = embedder.texts_embedded = 0
    print(f"{len(files)} documents from {args.corpus}")

    # the texts our pipeline will embed (title fitted, deduplicated), for the bare-encode baseline
    texts = []
    for f in iter_files([src]):
        doc, _v, chunks = prepare(f.read_bytes(), f.name, settings)
        fitted = fit_titles([(doc.title, c) for c in chunks], embedder)
        texts += [embed_text(t, c.text) for t, c in zip(fitted, chunks, strict=True)]
    unique = list(dict.fromkeys(texts))
    model = embedder._model

    def bare() -> float:
        t = time.perf_counter()
        model.encode(unique, batch_size=settings.embed_batch_size, normalize_embeddings=True, show_progress_bar=False)
        return time.perf_counter() - t

    t_bare_before = bare()
    print(f"(a) bare encode, before: {len(unique)} texts in {t_bare_before:.1f} s", flush=True)

    # (b) our pipeline, with the time inside the model measured
    inside = [0.0]
    real_embed = embedder.embed_documents

    def timed_embed(batch: list[str]):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        out = real_embed(batch)
        inside[0] += time.perf_counter() - t
        return out

    embedder.embed_documents = timed_embed  # type: ignore[method-assign]
    t = time.perf_counter()
    report = ingest([src], settings, embedder=embedder)
    t_ours = time.perf_counter() - t
    embedder.embed_documents = real_embed  # type: ignore[method-assign]
    n_chunks = sum(r.chunks for r in report.results)
    print(
        f"(b) pipeline: {n_chunks} chunks ({report.embedded} embedded) in {t_ours:.1f} s, "
        f"{inside[0]:.1f} s of it in the model, {t_ours - inside[0]:.1f} s outside it",
        flush=True,
    )

    t_bare_after = bare()
    print(f"(a) bare encode, after: {t_bare_after:.1f} s", flush=True)
    t_bare = (t_bare_before + t_bare_after) / 2

    # (r) re-ingest unchanged
    t = time.perf_counter()
    again = ingest([src], settings, embedder=embedder)
    t_again = time.perf_counter() - t
    assert again.embedded == 0 and again.count("unchanged") == len(files), "re-ingest embedded something"
    print(f"(r) re-ingest unchanged: {t_again:.2f} s, {again.embedded} embedded")

    rows = [
        (
            f"(a) bare model.encode, our chunk texts (mean of {t_bare_before:.0f} s before, {t_bare_after:.0f} s after)",
            len(unique),
            t_bare,
        ),
        ("(b) summit-rag ingest, end to end", n_chunks, t_ours),
    ]
    if not args.skip_langchain:
        t_lc, n_lc = langchain_baseline(src, work / "lc")
        rows.append(("(c) LangChain tutorial (1000/200 splitter + Chroma.from_documents)", n_lc, t_lc))
    print()
    print("| run | chunks | seconds | chunks/s | vs bare encode |")
    print("|---|---:|---:|---:|---:|")
    bare_rate = len(unique) / t_bare
    for name, n, secs in rows:
        print(f"| {name} | {n} | {secs:.1f} | {n / secs:.2f} | {n / secs / bare_rate:.2f}x |")
    print(
        f"| (b') summit-rag ingest, time outside the model | - | {t_ours - inside[0]:.1f} | - | "
        f"{100 * (t_ours - inside[0]) / t_ours:.1f}% of (b) |"
    )
    print(
        f"| (r) re-ingest of the unchanged corpus | 0 embedded | {t_again:.2f} | - | {100 * t_again / t_ours:.2f}% of (b) |"
    )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


def langchain_baseline(src: Path, path: Path) -> tuple[float, int]:
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_huggingface import HuggingFaceEmbeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    t = time.perf_counter()
    emb = HuggingFaceEmbeddings(model_name=resolve_model_path("packaged:all-MiniLM-L6-v2"))
    docs = [Document(f.read_text(encoding="utf-8"), metadata={"source": f.name}) for f in sorted(src.iterdir())]
    splits = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(docs)
    client = chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False))
    ids = [hashlib.sha1(f"{i}".encode()).hexdigest() for i in range(len(splits))]
    Chroma.from_documents(splits, emb, client=client, collection_name="lc_tutorial", ids=ids)
    return time.perf_counter() - t, len(splits)


if __name__ == "__main__":
    main()
