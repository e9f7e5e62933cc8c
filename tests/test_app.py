"""The Streamlit app through `streamlit.testing.v1.AppTest`, with a temporary data dir and the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from rag.config import Settings
from rag.store import Store
from tests.conftest import CORPUS, ROOT, SEED_ID

pytestmark = pytest.mark.integration
SEED_TITLE = "Japan-US Summit Meeting: Strengthening Cooperation for Stability of the International Order"


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SUMMIT_RAG_DATA_DIR", str(tmp_path / "data"))
    st.cache_resource.clear()  # each test gets its own engine on its own data dir
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    assert not at.exception, at.exception
    yield at
    st.cache_resource.clear()


def plain(markdown: str) -> str:
    """Markdown as read: our escaping backslashes removed."""
    return markdown.replace("\\", "")


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return at


def doc_count(tmp: Path) -> int:
    store = Store(Settings(data_dir=tmp / "data"))
    try:
        return store.catalog.count()
    finally:
        store.close()


def test_first_start_ingests_the_seed_and_answers_with_a_card(app: AppTest, tmp_path: Path) -> None:
    assert doc_count(tmp_path) == 1
    assert any(h.value == "Library (1)" for h in app.header)
    ask(app, "How long did the Kishida-Biden online meeting last?")
    assistant = [m for m in app.chat_message if m.name == "assistant"][-1]
    body = "\n".join(md.value for md in assistant.markdown)
    assert "one hour and 20 minutes" in body and "[1]" in body
    assert f"**[1] {SEED_TITLE.replace('-', chr(92) + '-').replace(':', chr(92) + ':')}**" in body
    assert ":orange-background[At the end of the meeting lasting one hour and 20 minutes" in body.replace("\\", "")
    assert "Show in the whole document" in [e.label for e in assistant.expander]

    # a rerun does not ingest again and keeps the conversation
    app.run()
    assert doc_count(tmp_path) == 1 and len(app.chat_message) == 2

    # follow-up: carries the subject forward, answers from the same document
    ask(app, "Where will the four countries hold their summit?")
    last = [m for m in app.chat_message if m.name == "assistant"][-1]
    assert "Japan" in "\n".join(md.value for md in last.markdown)

    # export is offered once there is a conversation
    assert app.sidebar.get("download_button")[0].proto.disabled is False


def test_refusal_reads_as_a_refusal(app: AppTest) -> None:
    ask(app, "What is the recipe for Neapolitan pizza dough?")
    last = [m for m in app.chat_message if m.name == "assistant"][-1]
    body = "\n".join(md.value for md in last.markdown)
    assert "The documents I have don" in body.replace("\\", "")
    assert any("Refused" in c.value for c in last.caption)


def test_upload_good_then_bad_files(app: AppTest, tmp_path: Path) -> None:
    good = sorted(CORPUS.glob("*gordie-howe*"))[0]
    uploader = app.sidebar.get("file_uploader")[0]
    uploader.set_value([("../../etc/Gordie Howe.txt", good.read_bytes(), "text/plain")]).run()
    [b for b in app.sidebar.button if b.label == "Add to the library"][0].click().run()
    assert not app.exception, app.exception
    assert doc_count(tmp_path) == 2
    assert (tmp_path / "data" / "uploads" / "Gordie_Howe.txt").exists(), "names are sanitised, kept under the data dir"
    assert any("Gordie_Howe.txt: added" in plain(s.value) for s in app.sidebar.success)

    ask(app, "When is the Gordie Howe International Bridge scheduled to be completed?")
    last = [m for m in app.chat_message if m.name == "assistant"][-1]
    assert "end of 2024" in "\n".join(md.value for md in last.markdown)

    before = sorted(p.name for p in (tmp_path / "data" / "uploads").iterdir())
    uploader = app.sidebar.get("file_uploader")[0]
    uploader.set_value([("photo.txt", bytes(range(256)) * 20, "text/plain"), ("deck.pptx", b"PK..", "x")]).run()
    [b for b in app.sidebar.button if b.label == "Add to the library"][0].click().run()
    errors = [plain(e.value) for e in app.sidebar.error]
    assert any("photo.txt: rejected: binary data" in e for e in errors)
    assert any("deck.pptx: rejected: unsupported file type .pptx" in e for e in errors)
    assert doc_count(tmp_path) == 2
    assert sorted(p.name for p in (tmp_path / "data" / "uploads").iterdir()) == before


def test_delete_needs_confirmation(app: AppTest, tmp_path: Path) -> None:
    [b for b in app.sidebar.button if b.key == f"del-{SEED_ID}"][0].click().run()
    assert any("cannot be undone" in w.value for w in app.sidebar.warning)
    [b for b in app.sidebar.button if b.key == "confirm-no"][0].click().run()
    assert doc_count(tmp_path) == 1
    [b for b in app.sidebar.button if b.key == f"del-{SEED_ID}"][0].click().run()
    [b for b in app.sidebar.button if b.key == "confirm-yes"][0].click().run()
    assert not app.exception, app.exception
    assert doc_count(tmp_path) == 0
    assert any(h.value == "Library (0)" for h in app.header)


def test_unreachable_backend_is_an_error_with_the_extractive_answer_instead(app: AppTest) -> None:
    from tests.conftest import free_port

    app.sidebar.selectbox(key="backend").set_value("ollama").run()
    app.sidebar.text_input(key="model").set_value("llama3.2").run()
    url = f"http://127.0.0.1:{free_port()}"
    app.sidebar.text_input(key="ollama_url").set_value(url).run()
    ask(app, "How long did the Kishida-Biden online meeting last?")
    errors = "\n".join(e.value for e in app.error)
    assert f"cannot reach Ollama at {url}" in errors, "the session's base URL is the one used, and named"
    assert "SUMMIT_RAG_OLLAMA_BASE_URL" in errors and "Traceback" not in errors
    last = [m for m in app.chat_message if m.name == "assistant"][-1]
    assert "one hour and 20 minutes" in "\n".join(md.value for md in last.markdown)
