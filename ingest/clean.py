"""Normalise text, strip web boilerplate, find the title and the date."""

from __future__ import annotations

import re
import unicodedata
from datetime import date as _date

__all__ = ["clean_text", "find_date", "find_period", "find_title", "strip_boilerplate"]

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

# Lines that web pages put around an article and that never belong to it. Matched whole, case-insensitively.
_BOILERPLATE = re.compile(
    r"^(about this publication|be the first to comment|leave a reply|leave a comment|share this:?|"
    r"share this article|related posts?:?|related articles?:?|you may also like|subscribe( now)?|"
    r"click to share on .*|print this page|cancel reply|your email address will not be published.*|"
    r"post navigation|advertisement|tags?:.*|filed under:?.*|comments?|\d+ comments?)$",
    re.I,
)
# Once one of these starts a line, the rest of the document is the page's footer.
_FOOTER_START = re.compile(r"^(leave a reply|be the first to comment|about this publication)$", re.I)


def clean_text(text: str) -> str:
    """Unicode NFC, no invisible characters, one space between words, at most one blank line between paragraphs."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return strip_boilerplate(text.strip())


def strip_boilerplate(text: str) -> str:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i > 0 and _FOOTER_START.match(line.strip()):
            lines = lines[:i]
            break
    while lines and (not lines[-1].strip() or _BOILERPLATE.match(lines[-1].strip())):
        lines.pop()
    return "\n".join(lines).strip()


def find_title(text: str, fallback: str) -> str:
    for line in text.split("\n"):
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:300]
    return fallback


MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_PATTERNS = [
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), ("y", "m", "d")),
    (re.compile(rf"\b({_MONTH_RE})\.? (\d{{1,2}}),? (\d{{4}})\b", re.I), ("M", "d", "y")),
    (re.compile(rf"\b(\d{{1,2}}) ({_MONTH_RE})\.?,? (\d{{4}})\b", re.I), ("d", "M", "y")),
]


def _iso(parts: dict[str, str]) -> str:
    try:
        month = int(parts["m"]) if "m" in parts else MONTHS[parts["M"].lower()]
        return _date(int(parts["y"]), month, int(parts["d"])).isoformat()
    except (ValueError, KeyError):
        return ""


def find_date(*candidates: str, head: int = 3000) -> str:
    """The first full date stated in any candidate (metadata strings, the text's head, the file name), ISO 8601."""
    for candidate in candidates:
        if not candidate:
            continue
        best: tuple[int, str] | None = None
        for pattern, order in _DATE_PATTERNS:
            for m in pattern.finditer(candidate[:head]):
                iso = _iso(dict(zip(order, m.groups(), strict=True)))
                if iso and (best is None or m.start() < best[0]):
                    best = (m.start(), iso)
                    break
        if best:
            return best[1]
    return ""


_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\.?,? ((?:19|20)\d\d)\b", re.I)
_YEAR_ONLY = re.compile(r"(?<![\w.$-])((?:19[5-9]|20[0-4])\d)(?![\w.-]*\d)")


def find_period(*candidates: str) -> str:
    """A coarser date when no full one is stated: "September 2021" -> "2021-09", "Session 76 (2021)" or
    "ungd-PHL-76-2021" -> "2021" (ISO 8601 reduced precision). Read from titles and file names only: a year in
    the body is as often a past event or a target as the time of writing."""
    for candidate in candidates:
        if m := _MONTH_YEAR.search(candidate or ""):
            return f"{m[2]}-{MONTHS[m[1].lower()]:02d}"
        if m := _YEAR_ONLY.search(re.sub(r"[_-]", " ", candidate or "")):
            return m[1]
    return ""
