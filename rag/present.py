"""Pure helpers for showing answers: Markdown escaping, span highlighting, chat export, safe upload names.

Document text is data: it is escaped before it reaches Markdown, so nothing in a document can become markup,
a link, LaTeX or HTML. Streamlit does not render raw HTML in ``st.markdown`` (no ``unsafe_allow_html`` here), and
the escaping also keeps Markdown syntax in a document from changing how the page looks.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from pathlib import PurePath
from typing import Any

from rag.types import Answer, Citation

__all__ = ["answer_markdown", "chat_markdown", "escape_md", "highlight", "safe_upload_name"]

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=^&])")


def escape_md(text: str) -> str:
    """Every Markdown-significant character backslash-escaped; paragraphs kept."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def highlight(text: str, start: int, end: int, context: int | None = None) -> str:
    """``text`` as Markdown with ``text[start:end]`` on a highlighted background; the rest escaped.

    With ``context``, only that many characters either side of the span are kept, cut at whitespace."""
    start, end = max(0, start), min(len(text), end)
    before, span, after = text[:start], text[start:end], text[end:]
    if context is not None:
        if len(before) > context:
            cut = before[-context:]
            before = "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut
        if len(after) > context:
            cut = after[:context]
            after = (cut[: cut.rfind(" ")] if " " in cut else cut) + "…"
    # A span over several paragraphs is highlighted paragraph by paragraph (a directive cannot cross them).
    marked = "\n\n".join(f":orange-background[{escape_md(p)}]" if p.strip() else p for p in span.split("\n\n"))
    return escape_md(before) + marked + escape_md(after)


def answer_markdown(answer: Answer) -> str:
    """The answer's text for the chat bubble: escaped, citation markers kept as [n]."""
    parts = re.split(r"(\[\d+\])", answer.text)
    return "".join(p if re.fullmatch(r"\[\d+\]", p) else escape_md(p) for p in parts).replace(r"\[", "[")


def _cite_line(c: Citation) -> str:
    return f'[{c.n}] {c.title} ({c.date or "undated"}), {c.doc_id}, characters {c.start}-{c.end}: "{c.text}"'


def chat_markdown(messages: list[dict[str, Any]], title: str = "summit-rag chat") -> str:
    """The conversation as a Markdown file, each answer followed by its citations and their exact spans."""
    lines = [f"# {title}", "", f"Exported {datetime.now().isoformat(timespec='seconds')}", ""]
    for m in messages:
        if m["role"] == "user":
            lines += [f"**Question:** {m['content']}", ""]
            continue
        answer: Answer | None = m.get("answer")
        lines += [f"**Answer:** {m['content']}", ""]
        if answer is not None and answer.citations:
            lines += ["Sources:", ""] + [f"- {_cite_line(c)}" for c in answer.citations] + [""]
        if answer is not None and answer.refused and answer.passages:
            lines += ["Closest passages:", ""] + [f"- {p.title} ({p.doc_id})" for p in answer.passages[:3]] + [""]
    return "\n".join(lines)


def safe_upload_name(name: str) -> str:
    """A file name that cannot leave the uploads folder: no directories, no leading dots, only safe characters."""
    name = unicodedata.normalize("NFKC", name).replace("\\", "/").replace("\x00", "")
    base = PurePath(name.split("/")[-1])
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", base.stem).strip("._-")[:100] or "upload"
    suffix = re.sub(r"[^A-Za-z0-9.]", "", base.suffix.lower())[:10]
    return f"{stem}{suffix}"
