"""Loaders and cleaning: every format, and hostile files that must be rejected with a reason (never a traceback)."""

from __future__ import annotations

import io
import zipfile

import pytest

from ingest.clean import clean_text, find_date, find_title
from ingest.loaders import SUPPORTED_SUFFIXES, load_bytes
from ingest.pipeline import prepare
from rag.config import Settings
from rag.errors import RejectedFile
from tests.conftest import SEED

LIMIT = 50 * 2**20


def make_pdf(text: str, title: str = "", encrypt: bool = False, image_only: bool = False) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt="secret" if encrypt else None)
    if title:
        c.setTitle(title)
    if image_only:
        c.rect(100, 100, 200, 200, fill=1)
    else:
        y = 800
        for line in text.split("\n"):
            c.drawString(50, y, line)
            y -= 14
    c.showPage()
    c.save()
    return buf.getvalue()


def make_docx(paragraphs: list[str], title: str = "") -> bytes:
    import docx

    d = docx.Document()
    d.core_properties.title = title
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# --- formats -------------------------------------------------------------------------------------------------
def test_seed_is_cleaned_of_its_web_footer_and_keeps_its_title() -> None:
    raw = SEED.read_text(encoding="utf-8")
    assert "Leave a Reply" in raw
    text = clean_text(load_bytes(SEED.read_bytes(), SEED.name, LIMIT).text)
    assert "About this publication" not in text and "Leave a Reply" not in text and "Be the first" not in text
    assert text.endswith("specific systems be discussed in greater detail.")
    assert (
        find_title(text, "x")
        == "Japan-US Summit Meeting: Strengthening Cooperation for Stability of the International Order"
    )


def test_markdown_loses_its_markup() -> None:
    md = b"# Quad Summit\n\nThe **leaders** met in [Tokyo](http://x.example) on May 24, 2022.\n"
    doc, _, chunks = prepare(md, "quad.md", Settings())
    assert doc.title == "Quad Summit"
    assert "The leaders met in Tokyo on May 24, 2022." in doc.text
    assert doc.date == "2022-05-24"
    assert chunks and chunks[0].doc_id == "quad"


def test_html_main_text_title_and_date_without_boilerplate() -> None:
    html = """<html><head><title>G7 leaders meet in Hiroshima</title>
    <meta property="article:published_time" content="2023-05-20"></head><body>
    <nav>Home | World | Subscribe</nav><script>alert('x')</script>
    <article><h1>G7 leaders meet in Hiroshima</h1>
    <p>The leaders of the Group of Seven met in Hiroshima to discuss nuclear disarmament and the war in Ukraine.</p>
    <p>They agreed to keep supporting Ukraine for as long as it takes, and issued a communiqué on clean energy.</p>
    </article><footer>Copyright 2023. All rights reserved. Cookie settings.</footer></body></html>"""
    loaded = load_bytes(html.encode(), "g7.html", LIMIT)
    assert loaded.title == "G7 leaders meet in Hiroshima"
    assert "nuclear disarmament" in loaded.text and "as long as it takes" in loaded.text
    assert "alert(" not in loaded.text and "Cookie settings" not in loaded.text
    assert loaded.date == "2023-05-20"


def test_pdf_text_and_metadata_title() -> None:
    data = make_pdf("Joint Statement on Climate\nThe leaders agreed on March 3, 2022 to cut methane.", title="Climate")
    doc, _, chunks = prepare(data, "climate.pdf", Settings())
    assert doc.title == "Climate"
    assert "cut methane" in doc.text and doc.date == "2022-03-03"
    assert chunks


def test_docx_paragraphs_and_title() -> None:
    data = make_docx(["Readout of the call", "The two leaders spoke for 45 minutes about energy security."], "Call")
    doc, _, _ = prepare(data, "call.docx", Settings())
    assert doc.title == "Call" and "45 minutes about energy security" in doc.text


def test_legacy_encodings_are_decoded() -> None:
    latin = "Café summit in Zürich: the leaders’ déclaration.".replace("’", "'").encode("latin-1")
    assert "Café summit in Zürich" in load_bytes(latin, "a.txt", LIMIT).text
    utf16 = "Summit communiqué, Genève.".encode("utf-16")
    assert load_bytes(utf16, "b.txt", LIMIT).text.startswith("Summit communiqué")
    sjis = "日米首脳会談が東京で開かれた。両首脳は協力を確認した。".encode("shift_jis")
    assert "東京" in load_bytes(sjis, "c.txt", LIMIT).text


def test_dates_found_in_text_in_several_forms() -> None:
    assert find_date("met on 21 January 2022 in Tokyo") == "2022-01-21"
    assert find_date("On July 14, 2022, we convened") == "2022-07-14"
    assert find_date("no date here", "wh-2021-03-12-quad") == "2021-03-12"
    assert find_date("February 30, 2022 is not a day") == ""


def test_a_date_in_the_file_name_comes_before_the_first_date_the_text_states(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The U.S.-GCC summit statement of July 16, 2022 begins by recalling "the previous U.S.-GCC Summits held on May
    14, 2015": 42 of the corpus's 498 dated file names were overruled by such a date, one by 1956."""
    from ingest.pipeline import prepare
    from rag.config import Settings

    text = b"Joint Statement\n\nThe leaders noted the previous U.S.-GCC Summits held on May 14, 2015 in Camp David."
    settings = Settings(data_dir=tmp_path)
    assert prepare(text, "wh-2022-07-16-joint-statement.txt", settings)[0].date == "2022-07-16"
    assert prepare(text, "joint-statement.txt", settings)[0].date == "2015-05-14"  # no date in the name: the text's
    html = b"<html><head><meta name='date' content='2022-07-17'></head><body><p>" + text + b"</p></body></html>"
    assert prepare(html, "wh-2022-07-16-joint-statement.html", settings)[0].date == "2022-07-16"


def test_unicode_and_whitespace_are_normalised() -> None:
    text = clean_text("Cafe\u0301\u00a0 summit\u200b\r\n\r\n\r\n\tNext   line ")
    assert text == "Café summit\n\nNext line"


# --- hostile input ---------------------------------------------------------------------------------------------
def reason(data: bytes, name: str) -> str:
    with pytest.raises(RejectedFile) as e:
        prepare(data, name, Settings())
    assert e.value.name == name
    return e.value.reason


def test_unsupported_type_lists_the_supported_ones() -> None:
    r = reason(b"hello", "notes.rtf")
    assert ".rtf" in r and all(s in r for s in (".txt", ".md", ".html", ".pdf", ".docx"))
    assert set(SUPPORTED_SUFFIXES) >= {".txt", ".md", ".html", ".htm", ".pdf", ".docx"}


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (b"", "empty.txt", "empty"),
        (b"  \n\t\n  ", "blank.txt", "empty"),
        (bytes(range(256)) * 40, "binary.txt", "binary"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image.txt", "binary"),
        (b"just text, not a zip", "fake.docx", "not a real .docx"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog", "truncated.pdf", "cannot be read"),
        (b"<html><script>var a=1;</script><style>p{}</style></html>", "scripts.html", "no article text"),
        (b"Leave a Reply\n", "footer.txt", "no text left"),
        (b"!!! ??? ... ---", "punct.txt", "no words"),
    ],
)
def test_bad_files_are_rejected_with_a_reason(data: bytes, name: str, words: str) -> None:
    assert words in reason(data, name)


def test_encrypted_and_image_only_pdfs_are_rejected() -> None:
    assert "encrypted" in reason(make_pdf("secret text", encrypt=True), "locked.pdf")
    assert "no text layer" in reason(make_pdf("", image_only=True), "scan.pdf")


def test_zip_bomb_docx_is_refused_without_inflating() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\x00" * (300 * 2**20))  # 300 MiB of zeros, ~300 KB on disk
    data = buf.getvalue()
    assert len(data) < 2 * 2**20
    r = reason(data, "bomb.docx")
    assert "inflates to 300 MiB" in r and "limit" in r


def test_docx_with_broken_xml_is_rejected_not_a_traceback() -> None:
    """Found by bench/fuzz_loaders.py: a zip with word/document.xml that is not XML used to escape as lxml's error."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", b"\xfe\xff")
        z.writestr("word/document.xml", b"\xfe\xff")
    assert "not a readable .docx" in reason(buf.getvalue(), "broken.docx") or "not a real .docx" in reason(
        buf.getvalue(), "broken.docx"
    )
