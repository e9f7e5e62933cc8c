"""The backend interface: a question, the history and numbered passages in; text chunks out.

The text cites passages with ``[n]`` markers (n = the passage's 1-based position). A backend that cannot answer
from the passages yields :data:`REFUSAL`. Everything after that (mapping markers to exact spans, verification,
numbering citations) is done once, in ``rag.answer``, for every backend alike.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ingest.chunking import split_sentences
from rag.types import Passage

__all__ = ["REFUSAL", "Backend", "GenerationRequest", "Turn", "heuristic_condense", "split_marked_sentences"]

REFUSAL = "The documents I have don't say."


@dataclass(frozen=True)
class Turn:
    role: str  # "user" | "assistant"
    content: str


@dataclass
class GenerationRequest:
    question: str  # stand-alone
    passages: list[Passage]
    history: list[Turn] = field(default_factory=list)
    idf: Callable[[str], float] | None = None  # corpus statistics, for lexical scoring


class Backend(ABC):
    name: str = "base"

    @abstractmethod
    def generate(self, request: GenerationRequest) -> Iterator[str]:
        """Yield the answer's text in pieces, citing passages as [n]."""

    def condense(self, question: str, history: list[Turn]) -> str:
        """Rewrite a follow-up to stand alone. The default carries the previous question's subject forward."""
        return heuristic_condense(question, history)

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release what the backend holds (a server process, a connection)."""


_FOLLOW_UP = re.compile(
    r"^(and|but|so|also|what about|how about|then)\b|\b(that|this|it|its|they|them|their|there|he|she|his|her|"
    r"those|these|the same)\b",
    re.I,
)
_QWORDS = re.compile(
    r"^\s*(and|but|so|also|what about|how about|then)?\s*(who|whom|whose|what|which|when|where|why|how( long| many| "
    r"much| often)?|did|do|does|is|are|was|were|has|have|had|can|could|will|would|tell me)\b\s*",
    re.I,
)


def heuristic_condense(question: str, history: list[Turn]) -> str:
    """``And when was that?`` after ``How long did the Kishida-Biden online meeting last?`` becomes
    ``And when was that? (the Kishida-Biden online meeting last)``: the new question's words lead, the previous
    question's subject follows, so both retrieval and sentence scoring see it."""
    previous = [t.content for t in history if t.role == "user"]
    q = question.strip()
    if not previous or not _FOLLOW_UP.search(q) or len(q.split()) > 14:
        return q
    prev = previous[-1].strip()
    subject = _QWORDS.sub("", prev).rstrip("?.! ")
    subject = re.sub(r"^(the\s+)?(did|does|do|is|was|were)\s+", "", subject, flags=re.I)
    if not subject or subject.lower() in q.lower():
        return q
    return f"{q.rstrip('?.! ')} ({subject})?"


_LEADING_MARKERS = re.compile(r"^(\s*\[\d+(?:\s*[,;]\s*\d+)*\])+")


def split_marked_sentences(raw: str) -> list[str]:
    """Sentences of a generated text; a marker written after the full stop ("... end. [2]") stays with its sentence."""
    merged: list[str] = []
    for span in split_sentences(raw):
        part = span.text
        m = _LEADING_MARKERS.match(part)
        if m and merged:
            merged[-1] += " " + m.group(0).strip()
            part = part[m.end() :].strip()
        if part:
            merged.append(part)
    return merged
