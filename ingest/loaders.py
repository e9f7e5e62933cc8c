"""File -> raw text and metadata, one loader per format, registered by suffix.

Every loader takes the file's bytes (already size-checked) and returns a :class:`Loaded`. A file that cannot be
read is a :class:`rag.errors.RejectedFile` with a reason a person can act on.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from rag.errors import RejectedFile

__all__ = ["LOADERS", "SUPPORTED_SUFFIXES", "Loaded", "decode_text", "load_bytes"]

log = logging.getLogger(__name__)


@dataclass
class Loaded:
    text: str
    title: str = ""
    date: str = ""
    meta: dict[str, str] = field(default_factory=dict)


Loader = Callable[[bytes, str, int], Loaded]
LOADERS: dict[str, Loader] = {}


def register(*suffixes: str) -> Callable[[Loader], Loader]:
    def deco(fn: Loader) -> Loader:
        for s in suffixes:
            LOADERS[s] = fn
        return fn

    return deco


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else charset detection; binary data is rejected."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise RejectedFile(name, f"looks like UTF-16 but does not decode ({e.reason})") from e
    if b"\x00" in data[:8192]:
        raise RejectedFile(name, "binary data, not text (NUL bytes): save it as UTF-8 text, or use .pdf/.docx")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise RejectedFile(name, "not UTF-8 and no other text encoding fits: save it as UTF-8 text")
    text = str(best)
    # A decode that is mostly control or replacement characters is binary in disguise.
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    if bad > max(3, len(text) // 100):
        raise RejectedFile(name, "binary data, not text: save it as UTF-8 text, or use .pdf/.docx")
    log.info("%s decoded as %s", name, best.encoding)
    return text


@register(".txt", ".text")
def load_txt(data: bytes, name: str, max_unpacked: int) -> Loaded:
    return Loaded(decode_text(data, name))


@register(".md", ".markdown")
def load_md(data: bytes, name: str, max_unpacked: int) -> Loaded:
    import re

    text = decode_text(data, name)
    text = re.sub(r"^\s{0,3}#{1,6}\s+", "", text, flags=re.M)  # heading marks
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)  # images -> alt text
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links -> their text
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    return Loaded(text)


@register(".html", ".htm")
def load_html(data: bytes, name: str, max_unpacked: int) -> Loaded:
    import trafilatura

    html = decode_text(data, name)
    doc = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=True, favor_recall=True, with_metadata=True
    )
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        raise RejectedFile(name, "no article text found in this HTML (only scripts, menus or markup)")
    title = (getattr(doc, "title", None) or "").strip()
    if not title:
        import re

        m = re.search(r"<h1[^>]*>(.*?)</h1>", html, flags=re.S | re.I)
        if m:
            title = re.sub(r"<[^>]+>", "", m.group(1)).strip()
    date = (getattr(doc, "date", None) or "").strip()
    return Loaded(text, title=title, date=date)


@register(".pdf")
def load_pdf(data: bytes, name: str, max_unpacked: int) -> Loaded:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise RejectedFile(name, "the PDF is encrypted: save an unprotected copy and upload that")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata or {}
    except RejectedFile:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AssertionError) as e:
        raise RejectedFile(name, f"the PDF cannot be read ({type(e).__name__}: {e}); it may be truncated") from e
    text = "\n\n".join(p.strip() for p in pages)
    if not text.strip():
        raise RejectedFile(name, "the PDF has no text layer (scanned images?): run OCR on it first")
    title = str(meta.get("/Title") or "").strip() if meta else ""
    date = _pdf_date(str(meta.get("/CreationDate") or "")) if meta else ""
    return Loaded(text, title=title, date=date)


def _pdf_date(raw: str) -> str:
    import re

    m = re.match(r"D:(\d{4})(\d{2})(\d{2})", raw)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else ""


@register(".docx")
def load_docx(data: bytes, name: str, max_unpacked: int) -> Loaded:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(i.file_size for i in zf.infolist())
    except zipfile.BadZipFile as e:
        raise RejectedFile(name, "not a real .docx (it is not a zip package): save it as .docx or .txt") from e
    if unpacked > max_unpacked:
        raise RejectedFile(
            name,
            f"inflates to {unpacked / 2**20:.0f} MiB, over the {max_unpacked / 2**20:.0f} MiB limit "
            "(a zip bomb, or a document full of images): save its text as .txt",
        )
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                paragraphs.append(" | ".join(cell.text for cell in row.cells))
        props = document.core_properties
        title = (props.title or "").strip()
        when = props.created or props.modified
    except (PackageNotFoundError, KeyError, ValueError, TypeError, AttributeError, zipfile.BadZipFile, LxmlError) as e:
        raise RejectedFile(name, f"not a readable .docx ({type(e).__name__}): open and re-save it in Word") from e
    text = "\n\n".join(p for p in paragraphs if p.strip())
    date = when.date().isoformat() if when else ""
    return Loaded(text, title=title, date=date)


SUPPORTED_SUFFIXES = tuple(sorted(LOADERS))


def load_bytes(data: bytes, name: str, max_unpacked: int) -> Loaded:
    from pathlib import PurePath

    suffix = PurePath(name).suffix.lower()
    loader = LOADERS.get(suffix)
    if loader is None:
        raise RejectedFile(
            name, f"unsupported file type {suffix or '(none)'}: use one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
    return loader(data, name, max_unpacked)
