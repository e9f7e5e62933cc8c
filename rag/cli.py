"""The ``summit-rag`` command: ingest, docs, delete, ask, eval, bootstrap."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from rag.config import Settings
from rag.errors import SummitRagError

__all__ = ["app", "main"]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Ask questions of summit documents, with citations.",
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _settings() -> Settings:
    try:
        s = Settings()
    except ValueError as e:
        err.print(f"[red]error:[/] bad setting: {e}")
        raise typer.Exit(2) from e
    logging.basicConfig(level=s.log_level, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("bm25s").setLevel(max(logging.WARNING, logging.getLevelName(s.log_level)))
    return s


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="files and folders (recursive)")],
    wait: Annotated[float, typer.Option(help="seconds to wait for another writer to finish")] = 0.0,
) -> None:
    """Add, update or skip documents; one line per file. Exit status 1 when any file was rejected."""
    from tqdm import tqdm

    from ingest.pipeline import ingest as run_ingest

    settings = _settings()
    bar: Any = None

    def progress(done: int, total: int, name: str) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, unit="chunk", desc="embedding", file=sys.stderr, leave=False)
        bar.update(done - bar.n)

    report = run_ingest(paths, settings, progress=progress, lock_timeout=wait)
    if bar is not None:
        bar.close()
    for r in report.results:
        out.print(r.line(), markup=False)
    counts = ", ".join(f"{report.count(s)} {s}" for s in ("added", "replaced", "unchanged", "rejected"))
    err.print(f"{counts}; {report.embedded} chunks embedded, {report.reused} reused")
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def bootstrap() -> None:
    """Ingest the seed article when the store is empty (what `make run` does first)."""
    from ingest.pipeline import ingest as run_ingest
    from rag.store import Store

    settings = _settings()
    store = Store(settings)
    try:
        if store.catalog.count():
            err.print(f"store at {settings.data_dir} holds {store.catalog.count()} documents")
            return
        report = run_ingest([SEEDS], settings, store=store, lock_timeout=60)
    finally:
        store.close()
    for r in report.results:
        out.print(r.line(), markup=False)


@app.command()
def docs(as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """List the stored documents."""
    from rag.store import Store

    store = Store(_settings())
    rows = store.catalog.list_docs()
    store.close()
    if as_json:
        keys = ("doc_id", "title", "date", "source", "chunks")
        out.print(json.dumps([{k: r[k] for k in keys} for r in rows], ensure_ascii=False, indent=1), markup=False)
        return
    table = Table("doc_id", "date", "chunks", "title")
    for r in rows:
        table.add_row(str(r["doc_id"]), str(r["date"]), str(r["chunks"]), str(r["title"])[:80])
    out.print(table)
    out.print(f"{len(rows)} documents")


@app.command()
def delete(doc_id: str) -> None:
    """Delete one document (its chunks, vectors and BM25 entries)."""
    from rag.bm25 import BM25Index
    from rag.store import Store

    settings = _settings()
    store = Store(settings)
    try:
        with store.writing():
            existed = store.delete_document(doc_id)
            BM25Index.ensure_saved(store.catalog, settings.data_dir / "bm25")
    finally:
        store.close()
    if not existed:
        err.print(f"[red]error:[/] no document {doc_id!r}: `summit-rag docs` lists them")
        raise typer.Exit(1)
    out.print(f"deleted {doc_id}")


@app.command()
def ask(
    question: str,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    backend: Annotated[
        str | None, typer.Option(help="extractive | openai:MODEL | ollama:MODEL | local:PATH.gguf")
    ] = None,
    top_k: Annotated[int | None, typer.Option("--top-k", min=1, max=50)] = None,
    history: Annotated[Path | None, typer.Option(help="JSON file: the chat so far, [{role, content}, ...]")] = None,
) -> None:
    """Answer a question from the stored documents, citing exact passages."""
    from rag.answer import Engine
    from rag.backends import Turn

    settings = _settings()
    turns = [Turn(t["role"], t["content"]) for t in json.loads(history.read_text())] if history else []
    engine = Engine(settings)
    try:
        answer = engine.ask(question, history=turns, top_k=top_k, backend=backend)
    finally:
        engine.close()
    if as_json:
        out.print(json.dumps(answer.to_json(), ensure_ascii=False, indent=1), markup=False)
        return
    out.print(answer.text, markup=False)
    if answer.notice:
        err.print(answer.notice)
    if answer.citations:
        out.print("")
    for c in answer.citations:
        out.print(f"[{c.n}] {c.title} ({c.date or 'no date'}) {c.doc_id} chars {c.start}-{c.end}", markup=False)
        out.print(f'    "{c.text}"', markup=False)
    if answer.refused and answer.passages:
        out.print("\nClosest passages:")
        for p in answer.passages[:3]:
            out.print(f"- {p.title} ({p.doc_id}): {p.text[:200]}…", markup=False)


@app.command("eval")
def eval_cmd(
    qa: Path,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    backend: Annotated[str | None, typer.Option()] = None,
    top_k: Annotated[int | None, typer.Option("--top-k", min=1, max=50)] = None,
) -> None:
    """Score the pipeline on a QA set (JSON lines)."""
    from rag.answer import Engine
    from rag.evaluate import evaluate, load_qa

    settings = _settings()
    items = load_qa(qa)
    engine = Engine(settings)
    try:
        report = evaluate(engine, items, top_k=top_k, backend=backend)
    finally:
        engine.close()
    if as_json:
        out.print(json.dumps(report, ensure_ascii=False, indent=1), markup=False)
        return
    m = report["metrics"]
    cols = ["n", "hit@1", "hit@5", "hit@10", "mrr", "evidence_recall@5", "citation_precision",
            "refusal_rate_unanswerable", "false_refusal_rate", "latency_p50_ms", "latency_p95_ms"]  # fmt: skip
    table = Table("type", *cols)
    for name, row in [("overall", m["overall"]), *m["by_type"].items()]:
        table.add_row(name, *("-" if row.get(c) is None else str(row[c]) for c in cols))
    Console(highlight=False, width=220).print(table)  # wide even in a pipe: a truncated metric is useless


def main() -> None:
    try:
        app()
    except SummitRagError as e:
        err.print(f"[red]error:[/] {e}")
        sys.exit(2)


if __name__ == "__main__":
    main()
