"""A real browser (Debian's headless Chromium, driven by Playwright) against a real `streamlit run app.py`.

Screenshots go to tests/artifacts/ (git-ignored)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, free_port

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
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


def ask(page, question: str, expect: str) -> object:  # type: ignore[no-untyped-def]
    """Type a question, press Enter, wait until the new answer holds `expect`; the answer and the seconds taken."""
    n = page.locator('[data-testid="stChatMessage"]').count() + 2
    box = page.locator('[data-testid="stChatInput"] textarea')
    box.fill(question)
    t = time.perf_counter()
    box.press("Enter")
    page.wait_for_function(
        """([n, expect]) => {
            const msgs = document.querySelectorAll('[data-testid="stChatMessage"]');
            return msgs.length >= n && msgs[n - 1].innerText.includes(expect) && !msgs[n - 1].innerText.includes('▌');
        }""",
        arg=[n, expect],
        timeout=60_000,
    )
    seconds = time.perf_counter() - t
    page.wait_for_timeout(300)
    return page.locator('[data-testid="stChatMessage"]').nth(n - 1), seconds


def test_seed_question_answered_with_a_visible_highlighted_citation(page) -> None:  # type: ignore[no-untyped-def]
    answer, seconds = ask(page, "How long did the Kishida-Biden online meeting last?", "one hour and 20 minutes")
    page.wait_for_selector("text=Japan-US Summit Meeting", timeout=30_000)
    text = answer.inner_text()
    assert "one hour and 20 minutes" in text and "[1]" in text
    header = answer.locator('[data-testid="stMarkdown"]', has_text="[1] Japan-US Summit Meeting").first
    assert header.is_visible(), "the citation card names its source"
    assert answer.locator("summary", has_text="Show in the whole document").first.is_visible()
    mark = answer.locator(
        "span.stMarkdownColoredBackground", has_text="At the end of the meeting lasting one hour"
    ).first
    assert mark.is_visible()
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
