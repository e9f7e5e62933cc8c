"""A real browser (Debian's headless Chromium, driven by Playwright) against a real `streamlit run app.py`.

Screenshots go to tests/artifacts/ (git-ignored)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import ROOT, free_port

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SERVER: dict[str, Path] = {}  # the running server's data dir and log, for tests that look behind the UI
HOSTILE = (
    "Zanzibar Turtle Summit\n\n"
    "<script>window.__xss = 'script'; alert('xss')</script>\n\n"
    '<img src="x" onerror="window.__xss = \'img\'; alert(1)">\n\n'
    "The Zanzibar Turtle Summit agreed that eleven coastal states will protect nesting beaches.\n"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    assert Path(CHROMIUM).exists(), "Debian's chromium is needed: `make test` installs it (apt-get install chromium)"
    data = tmp_path_factory.mktemp("browser") / "data"
    port = free_port()
    env = {**os.environ, "SUMMIT_RAG_DATA_DIR": str(data), "HF_HUB_OFFLINE": "1"}
    cmd = [
        str(Path(sys.executable).with_name("streamlit")), "run", str(ROOT / "app.py"), "--server.headless", "true",
        "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    log = open(data.parent / "streamlit.log", "w")
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    SERVER.update(data=data, log=data.parent / "streamlit.log")
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        raise AssertionError((data.parent / "streamlit.log").read_text())
    yield url
    proc.terminate()
    proc.wait(timeout=30)
    log.close()


@pytest.fixture(scope="module")
def page(server: str, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:  # Playwright gives the browser a fresh, empty profile of its own
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=[f for f in FLAGS if f != "--headless"], headless=True
        )
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        pg.dialogs = []  # type: ignore[attr-defined]
        pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
        pg.goto(server, wait_until="domcontentloaded")
        pg.wait_for_selector('[data-testid="stChatInput"] textarea', timeout=120_000)
        yield pg
        browser.close()


def ask(page, question: str, wanted: str) -> object:  # type: ignore[no-untyped-def]
    """Type a question, press Enter, wait until the new answer holds `wanted`; the answer and the seconds taken."""
    n = page.locator('[data-testid="stChatMessage"]').count() + 2
    box = page.locator('[data-testid="stChatInput"] textarea')
    box.fill(question)
    t = time.perf_counter()
    box.press("Enter")
    page.wait_for_function(
        """([n, wanted]) => {
            const msgs = document.querySelectorAll('[data-testid="stChatMessage"]');
            return msgs.length >= n && msgs[n - 1].innerText.includes(wanted) && !msgs[n - 1].innerText.includes('▌');
        }""",
        arg=[n, wanted],
        timeout=60_000,
    )
    seconds = time.perf_counter() - t
    page.wait_for_timeout(300)
    return page.locator('[data-testid="stChatMessage"]').nth(n - 1), seconds


def test_seed_question_answered_with_a_visible_highlighted_citation(page) -> None:  # type: ignore[no-untyped-def]
    answer, seconds = ask(page, "How long did the Kishida-Biden online meeting last?", "one hour and 20 minutes")
    # The answer streams first and its citation cards render after it (on a loaded machine, a while after):
    # wait for each part to show up (expect(...) retries), rather than checking once and racing the render.
    header = answer.locator('[data-testid="stMarkdown"]', has_text="[1] Japan-US Summit Meeting").first
    expect(header).to_be_visible(timeout=30_000)  # the citation card names its source
    text = answer.inner_text()
    assert "one hour and 20 minutes" in text and "[1]" in text
    expect(answer.locator("summary", has_text="Show in the whole document").first).to_be_visible(timeout=30_000)
    mark = answer.locator(
        "span.stMarkdownColoredBackground", has_text="At the end of the meeting lasting one hour"
    ).first
    expect(mark).to_be_visible(timeout=30_000)
    background = mark.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), "the cited span must be highlighted"
    page.screenshot(path=str(ARTIFACTS / "answer.png"), full_page=False)
    (ARTIFACTS / "timing.txt").write_text(f"seed question: Enter to rendered answer {seconds:.2f} s\n")
    _, seconds2 = ask(page, "Where will Japan, the United States, Australia and India hold a summit?", "[1]")
    (ARTIFACTS / "timing.txt").write_text(
        f"seed question: Enter to rendered answer {seconds:.2f} s; a second question {seconds2:.2f} s\n"
    )


def test_uploaded_script_and_onerror_never_run(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "zanzibar.txt"
    doc.write_text(HOSTILE)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(doc))
    page.get_by_role("button", name="Add to the library").click()
    page.wait_for_selector("text=zanzibar.txt: added", timeout=60_000)
    answer, _ = ask(page, "What did the Zanzibar Turtle Summit agree about nesting beaches?", "eleven coastal")
    page.wait_for_timeout(1000)
    assert "eleven coastal states" in answer.inner_text()
    for expander in answer.locator('[data-testid="stExpander"] summary').all():
        expander.click()
    page.wait_for_timeout(1000)
    page.screenshot(path=str(ARTIFACTS / "hostile.png"), full_page=True)
    assert page.evaluate("() => window.__xss") is None, "document text ran as code"
    assert page.dialogs == []  # type: ignore[attr-defined]
    assert page.locator("img[src='x']").count() == 0 and page.locator("script:has-text('__xss')").count() == 0
    assert "<script>" in page.locator("body").inner_text(), "the tags are shown as text"


SESSION_DOCS = {
    "orca.txt": "Orca Reef Summit\n\nThe Orca Reef Summit in Tromsø agreed to fund forty-two marine wardens.\n",
    "lynx.txt": "Lynx Forest Summit\n\nThe Lynx Forest Summit in Białowieża agreed to plant nine million oaks.\n",
    "heron.txt": "Heron Delta Summit\n\nThe Heron Delta Summit in Mopti agreed to restore sixty floodplain lakes.\n",
}


def library_docs() -> dict[str, int]:
    env = {**os.environ, "SUMMIT_RAG_DATA_DIR": str(SERVER["data"]), "HF_HUB_OFFLINE": "1"}
    exe = str(Path(sys.executable).with_name("summit-rag"))
    out = subprocess.run([exe, "docs", "--json"], env=env, capture_output=True, text=True, check=True).stdout
    return {d["doc_id"]: d["chunks"] for d in json.loads(out)}


def test_several_sessions_upload_and_ask_at_once(server: str, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Three browser sessions against one server: two upload the same file at the same moment, one asks while
    the others ingest, then each asks about a document another session added. Nothing lost, nothing doubled."""
    for name, text in SESSION_DOCS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    before = library_docs()
    browser = page.context.browser  # one Playwright per thread: new contexts (sessions) in the fixture's browser
    contexts = [browser.new_context(viewport={"width": 1400, "height": 1000}) for _ in range(3)]
    try:
        pages = [c.new_page() for c in contexts]
        for pg in pages:
            pg.goto(server, wait_until="domcontentloaded")
        for pg in pages:
            pg.wait_for_selector('[data-testid="stChatInput"] textarea', timeout=120_000)
        p1, p2, p3 = pages
        upload = '[data-testid="stFileUploader"] input[type="file"]'
        p1.locator(upload).set_input_files(str(tmp_path / "orca.txt"))
        p3.locator(upload).set_input_files([str(tmp_path / "orca.txt"), str(tmp_path / "heron.txt")])
        p2.locator(upload).set_input_files(str(tmp_path / "lynx.txt"))
        for pg in (p1, p2, p3):  # each page has rerun after its upload: a question typed during that rerun is lost
            pg.get_by_role("button", name="Add to the library").wait_for(timeout=30_000)
        p1.get_by_role("button", name="Add to the library").click()
        p3.get_by_role("button", name="Add to the library").click()
        ask(p2, "How long did the Kishida-Biden online meeting last?", "one hour and 20 minutes")  # meanwhile
        p2.get_by_role("button", name="Add to the library").click()
        p1.wait_for_selector("text=/orca.txt: (added|unchanged)/", timeout=120_000)
        p3.wait_for_selector("text=heron.txt: added", timeout=120_000)
        p3.wait_for_selector("text=/orca.txt: (added|unchanged)/", timeout=120_000)
        p2.wait_for_selector("text=lynx.txt: added", timeout=120_000)
        orca_lines = [pg.locator("text=/orca.txt: (added|unchanged)/").first.inner_text() for pg in (p1, p3)]
        assert sorted(line.split(": ")[1].split(" ")[0] for line in orca_lines) == ["added", "unchanged"], orca_lines

        answer, _ = ask(p1, "What did the Lynx Forest Summit agree to plant?", "nine million oaks")
        assert "[1]" in answer.inner_text()
        ask(p2, "How many lakes will the Heron Delta Summit restore?", "sixty floodplain lakes")
        ask(p3, "How many marine wardens will the Orca Reef Summit fund?", "forty-two marine wardens")
    finally:
        for c in contexts:
            c.close()

    after = library_docs()
    assert set(after) - set(before) == {"orca", "lynx", "heron"}, "each upload is one document"
    assert {k: after[k] for k in before} == before, "no document lost or changed"
    assert all(after[k] == 1 for k in ("orca", "lynx", "heron"))  # two sentences: one chunk each, not two
    log = SERVER["log"].read_text()
    assert "Traceback" not in log, log[-3000:]
