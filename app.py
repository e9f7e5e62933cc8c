"""summit-rag: the Streamlit chat UI. Widgets and session state only; the pipeline lives in `rag/` and `ingest/`."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

import streamlit as st

from ingest.loaders import SUPPORTED_SUFFIXES
from ingest.pipeline import ingest
from rag.answer import Engine
from rag.backends import REFUSAL, Turn
from rag.config import Settings
from rag.errors import BackendError, ConfigError, SummitRagError
from rag.present import answer_markdown, chat_markdown, escape_md, highlight, safe_upload_name
from rag.retrieve import Filters
from rag.types import Answer

SEEDS = Path(__file__).resolve().parent / "seeds"
st.set_page_config(page_title="summit-rag", page_icon="🗂️", layout="wide")


@st.cache_resource(show_spinner="Loading the embedding model…")
def get_engine() -> Engine:
    """One engine per server process: the model loads once, whatever the reruns and sessions."""
    engine = Engine(Settings())
    engine.embedder.embed_query("warm-up")  # first-call costs are paid here, not by the first question
    return engine


@st.cache_resource(show_spinner=False)
def bootstrap(_engine: Engine) -> str:
    """First start with an empty store: ingest the seed article (once per process, never on reruns)."""
    if _engine.store.catalog.count():
        return ""
    bar = st.progress(0.0, text="First start: adding the seed article…")
    report = ingest(
        [SEEDS], _engine.settings, store=_engine.store, embedder=_engine.embedder, lock_timeout=120,
        progress=lambda done, total, _name: bar.progress(done / max(total, 1), text=f"Embedding {done}/{total} chunks"),
    )  # fmt: skip
    bar.empty()
    return "; ".join(r.line() for r in report.results)


@st.cache_resource(show_spinner=False)
def warm(_engine: Engine) -> bool:
    """Load the BM25 index and run one query once per process, so the first real question is answered at speed."""
    if _engine.store.catalog.count():
        _engine.ask("What did the leaders agree?")
    return True


def state_defaults() -> None:
    ss = st.session_state
    ss.setdefault("messages", [])
    ss.setdefault("upload_results", [])
    ss.setdefault("uploader_key", 0)
    ss.setdefault("confirm_delete", None)
    ss.setdefault("chosen_docs", [])


def citation_cards(answer: Answer, engine: Engine, key: str) -> None:
    if answer.refused:
        if answer.passages:
            st.caption("Closest passages (they do not answer the question):")
            for p in answer.passages[:3]:
                with st.container(border=True):
                    st.markdown(f"**{escape_md(p.title)}** · {escape_md(p.date or 'undated')} · `{p.doc_id}`")
                    st.markdown(escape_md(p.text))
        return
    unsupported = [s.text for s in answer.sentences if not s.supported]
    if unsupported:
        st.warning("Not supported by any passage (check before you rely on it):\n\n" + "\n\n".join(
            f"- {escape_md(s)}" for s in unsupported))  # fmt: skip
    by_chunk = {p.chunk_id: p for p in answer.passages}
    for c in answer.citations:
        with st.container(border=True):
            st.markdown(f"**[{c.n}] {escape_md(c.title)}** · {escape_md(c.date or 'undated')} · `{c.doc_id}`")
            p = by_chunk.get(c.chunk_id)
            if p is not None:
                st.markdown(highlight(p.text, c.start - p.start, c.end - p.start))
            with st.expander("Show in the whole document"):
                doc = engine.store.catalog.get(c.doc_id)
                if doc is None:
                    st.info("This document has since been deleted.")
                else:
                    st.caption(f"{doc.source} · characters {c.start}–{c.end}")
                    st.markdown(highlight(doc.text, c.start, c.end))


def sidebar(engine: Engine) -> tuple[Filters, str, int]:
    settings = engine.settings
    with st.sidebar:
        st.header("Add documents")
        kinds = ", ".join(s.lstrip(".") for s in SUPPORTED_SUFFIXES)
        st.caption(f"{kinds} · up to {settings.max_file_mb:g} MB per file")
        files = st.file_uploader(
            "Upload articles", accept_multiple_files=True, key=f"up{st.session_state.uploader_key}",
            label_visibility="collapsed",
        )  # fmt: skip
        if files and st.button("Add to the library", type="primary"):
            add_uploads(engine, [(f.name, f.getvalue()) for f in files])
            st.session_state.uploader_key += 1
            st.rerun()
        for line in st.session_state.upload_results:
            (st.error if ": rejected:" in line else st.success)(escape_md(line))

        library(engine)

        st.header("Filters")
        docs = engine.store.catalog.list_docs()
        labels = {str(d["doc_id"]): f"{d['title']} ({d['date'] or 'undated'})" for d in docs}
        chosen = st.multiselect(
            "Only these documents", options=list(labels), format_func=lambda d: labels.get(d, d), key="chosen_docs"
        )
        col1, col2 = st.columns(2)
        date_from = col1.date_input("From", value=None, min_value=date(1900, 1, 1), key="date_from")
        date_to = col2.date_input("To", value=None, min_value=date(1900, 1, 1), key="date_to")

        st.header("Answering")
        backend = st.selectbox("Backend", ["extractive", "openai", "ollama", "local"], key="backend")
        spec = "extractive"
        if backend != "extractive":
            model = st.text_input("Model (or GGUF path for local)", key="model")
            spec = f"{backend}:{model}"
            if backend in ("openai", "ollama"):
                field = "openai_base_url" if backend == "openai" else "ollama_base_url"
                default = getattr(settings, field) or ("https://api.openai.com/v1" if backend == "openai" else "")
                url = st.text_input("Base URL", value=default, key=f"{backend}_url").strip()
                if url and url != default:
                    spec = register_variant(engine, spec, {field: url})
                st.caption("API key: SUMMIT_RAG_OPENAI_API_KEY (never typed into the page).")
        top_k = st.slider("Passages to read (top-k)", 1, 20, settings.top_k, key="top_k")

        st.header("Chat")
        st.download_button(
            "Export chat (Markdown)", chat_markdown(st.session_state.messages), file_name="summit-rag-chat.md",
            mime="text/markdown", disabled=not st.session_state.messages,
        )  # fmt: skip
        if st.button("New chat"):
            st.session_state.messages = []
            st.rerun()
    return Filters(tuple(chosen), date_from, date_to), spec, top_k


def register_variant(engine: Engine, spec: str, overrides: dict[str, str]) -> str:
    """A backend with this session's base URL, registered under its own name so the engine can use it."""
    try:
        return engine.variant(spec, **overrides)
    except SummitRagError as e:
        st.error(str(e))
        return spec


def library(engine: Engine) -> None:
    docs = engine.store.catalog.list_docs()
    st.header(f"Library ({len(docs)})")
    query = st.text_input("Search titles", key="doc_search").strip().lower()
    shown = [d for d in docs if query in str(d["title"]).lower() or query in str(d["doc_id"]).lower()]
    with st.container(height=260):
        for d in shown[:200]:
            cols = st.columns([5, 1])
            cols[0].markdown(
                f"**{escape_md(str(d['title']))}**  \n{escape_md(str(d['date']) or 'undated')} · "
                f"{d['chunks']} chunk{'s' if d['chunks'] != 1 else ''}"
            )
            if cols[1].button(":material/delete:", key=f"del-{d['doc_id']}", help=f"Delete {d['doc_id']}"):
                st.session_state.confirm_delete = d["doc_id"]
                st.rerun()
        if len(shown) > 200:
            st.caption(f"{len(shown) - 200} more: narrow the search")
    target = st.session_state.confirm_delete
    if target:
        st.warning(f"Delete `{target}` and all its chunks? This cannot be undone.")
        c1, c2 = st.columns(2)
        if c1.button("Yes, delete", type="primary", key="confirm-yes"):
            try:
                with engine.store.writing(timeout=60):
                    engine.store.delete_document(target)
                    from rag.bm25 import BM25Index

                    BM25Index.ensure_saved(engine.store.catalog, engine.settings.data_dir / "bm25")
            except SummitRagError as e:
                st.error(str(e))
            else:
                if target in st.session_state.chosen_docs:
                    st.session_state.chosen_docs = [d for d in st.session_state.chosen_docs if d != target]
                st.session_state.upload_results = [f"{target}: deleted"]
            st.session_state.confirm_delete = None
            st.rerun()
        if c2.button("Cancel", key="confirm-no"):
            st.session_state.confirm_delete = None
            st.rerun()


def add_uploads(engine: Engine, files: list[tuple[str, bytes]]) -> None:
    """Stage each upload in its own folder, ingest, keep the accepted ones under the data dir."""
    settings = engine.settings
    staging = Path(tempfile.mkdtemp(prefix="upload-", dir=settings.data_dir))
    names: dict[str, str] = {}
    paths = []
    try:
        for i, (name, data) in enumerate(files):
            safe = safe_upload_name(name)
            path = staging / str(i) / safe
            path.parent.mkdir()
            path.write_bytes(data[: settings.max_file_bytes + 1])
            names[str(path)] = safe
            paths.append(path)
        bar = st.progress(0.0, text="Reading files…")
        report = ingest(
            paths, settings, store=engine.store, embedder=engine.embedder, lock_timeout=300, names=names,
            progress=lambda done, total, _n: bar.progress(done / max(total, 1), text=f"Embedding {done}/{total}"),
        )  # fmt: skip
        bar.empty()
        settings.uploads_dir.mkdir(parents=True, exist_ok=True)
        for path in paths:
            result = next(r for r in report.results if r.path == names[str(path)])
            if result.status != "rejected":
                shutil.move(str(path), settings.uploads_dir / names[str(path)])
        st.session_state.upload_results = [r.line() for r in report.results]
    except SummitRagError as e:
        st.session_state.upload_results = [f"upload: rejected: {e}"]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def ask(engine: Engine, question: str, filters: Filters, spec: str, top_k: int) -> None:
    history = [Turn(m["role"], m["content"]) for m in st.session_state.messages]
    st.session_state.messages.append({"role": "user", "content": question})
    with st.chat_message("user"):
        st.markdown(escape_md(question))
    with st.chat_message("assistant"):
        placeholder = st.empty()
        answer: Answer | None = None
        try:
            streamed = ""
            for event in engine.stream(question, history=history, filters=filters, top_k=top_k, backend=spec):
                if event.kind == "delta":
                    streamed += event.text
                    placeholder.markdown(escape_md(streamed) + " ▌")
                elif event.answer is not None:
                    answer = event.answer
        except (BackendError, ConfigError) as e:
            st.error(f"{e}")
            st.info("Answering with the offline extractive backend instead.")
            answer = engine.ask(question, history=history, filters=filters, top_k=top_k, backend="extractive")
            answer.notice = f"{spec} failed: {e}"
        except SummitRagError as e:
            st.error(str(e))
            st.session_state.messages.pop()
            return
        assert answer is not None
        placeholder.markdown(answer_markdown(answer))
        if answer.refused:
            st.caption("Refused: no passage holds the answer.")
        citation_cards(answer, engine, key=str(len(st.session_state.messages)))
    st.session_state.messages.append({"role": "assistant", "content": answer.text, "answer": answer})


def main() -> None:
    state_defaults()
    try:
        engine = get_engine()
    except SummitRagError as e:
        st.error(str(e))
        st.stop()
    seeded = bootstrap(engine)
    if seeded:
        st.toast(f"First start: {seeded}")
    warm(engine)
    filters, spec, top_k = sidebar(engine)

    st.title("summit-rag")
    st.caption(
        "Ask about summit statements, communiqués and readouts. Every sentence of an answer cites the exact passage "
        f"it comes from; when the documents don't hold the answer, it says \u201c{REFUSAL}\u201d"
    )
    for i, m in enumerate(st.session_state.messages):
        with st.chat_message(m["role"]):
            if m["role"] == "user":
                st.markdown(escape_md(m["content"]))
            else:
                st.markdown(answer_markdown(m["answer"]))
                citation_cards(m["answer"], engine, key=str(i))
    question = st.chat_input("Ask a question about the documents")
    if question:
        ask(engine, question, filters, spec, top_k)


main()
