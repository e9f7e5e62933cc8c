"""Scoring the sentences of passages against a question: embedding similarity, IDF-weighted overlap of the
question's words with the sentence and with its passage (title included), whether it holds the kind of thing the
question asks for, and its passage's rank. The extractive backend answers with the best; the retriever reranks
passages by their best sentence's evidence."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ingest.chunking import Span, split_sentences
from rag.bm25 import tokenize
from rag.dates import time_words
from rag.qtype import answer_type, holds
from rag.types import Passage

__all__ = [
    "DATELINE_REACH",
    "OUT_OF_SPAN",
    "Scored",
    "acts_named",
    "clock_asked",
    "end_asked",
    "heading_asked",
    "is_clock_line",
    "is_dateline",
    "passage_rank",
    "says_something",
    "score_sentences",
    "span_asked",
    "venue_asked",
]

OUT_OF_SPAN = 0.15  # taken from a sentence whose document lies outside the dates a question names


@dataclass
class Scored:
    passage: int  # 1-based
    start: int  # offsets in the passage text
    end: int
    text: str
    score: float
    dense: float
    lexical: float
    features: tuple[float, ...] = ()  # (dense, lexical, context, typed, rank, is_title): for tuning
    evidence: float = 0.0  # the absolute part of the score (no rank, which is only relative): used to refuse
    typed: bool = False  # holds the kind of thing the question asks for (a date, a duration, a number...)


# Weights and threshold tuned on eval/dev.jsonl (see README, "Tuning").
W_DENSE, W_LEX, W_CTX, W_TYPE, W_RANK = 0.50, 0.10, 0.30, 0.08, 0.30

# a transcript's speaker label ("PRESIDENT YOON:", "Q:") and stage directions ("(As interpreted.)", "(Laughter.)")
_SPEAKER = re.compile(r"^(?:[A-Z][A-Z.'’ -]*[A-Z.]|Q):\s*")
_ASIDE = re.compile(r"\([^()]*\)")
_BULLET = re.compile(r"[-•*]\s+")  # a list item's marker


def says_something(sentence: str) -> bool:
    """Four words or more once a transcript's speaker label and stage directions are set aside: "PRESIDENT YOON:
    (As interpreted.)" says nothing, whatever the question; nor does a name or a heading alone ("Joseph R. Biden,
    Jr.", a statement's signature, or "Combating Climate Change"), every word of it capitalised."""
    words = _ASIDE.sub(" ", _SPEAKER.sub("", sentence)).split()
    if len(words) < 4 or all(_capitalised(w) for w in words):
        return False
    # ... nor a heading set in bold, its small words aside: "***Expansion of Feed the Future***"
    if _EMPHASISED.fullmatch(sentence.strip()) and all(_capitalised(w) or w in _NAME_WORDS for w in words):
        return False
    # ... nor does a dateline, a place and its country, the small words of their names aside ("Seoul, Republic of
    # Korea"); a heading naming a thing stays, whatever its small words (a document's opening line is its title)
    dateline = len(words) <= 6 and "," in sentence
    return not (dateline and all(_capitalised(w) or w in _NAME_WORDS for w in words))


_NAME_WORDS = frozenset(["of", "the", "and", "for", "on", "in", "to", "de", "du", "&"])
_EMPHASISED = re.compile(r"[*_]+[^*_]+[*_]+")

# "Where did Biden give ...?", "In which building ...?", "At which venue in Rome ...?": a transcript's dateline lines
# ("Eisenhower Executive Office Building", "La Nuvola") say where it was given, though they say nothing else
_VENUE_ASKED = re.compile(
    r"^\W*where\b|\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:building|venue|hall|room|auditorium|palace|hotel|"
    r"location|site|university|college|campus|stadium|museum|library)s?\b",
    re.I,
)
# ... of something said there, past: not "Where will the next summit be held?" nor where a plant will be built
_SPOKEN = re.compile(
    r"\b(?:remarks|speech|spoke|speak|speaking|address(?:ed)?|deliver(?:ed)?|press conference|news conference|toast|"
    r"open(?:ed)?|opening|clos(?:e|ed|ing)|g[ai]ve|gaggle|press call|briefing|town hall)\b",
    re.I,
)
# the kinds of speech a transcript's title names ("... in Joint Press Conference", "Press Gaggle by ...")
_ACT_TITLED = re.compile(r"\b(?:press conference|remarks|toast|address|speech|gaggle|press call)\b", re.I)


def acts_named(text: str) -> set[str]:
    """The kinds of speech a question or a title names: "their joint press conference" -> {"press conference"}."""
    return {a.lower() for a in _ACT_TITLED.findall(text)}


# ... nor where something told there is ("Where did Yoon say the office would be established, at his press
# conference?")
_TO_COME = re.compile(
    r"\b(?:will|would|next|upcoming|future|say|says|said|tell|told|announce[sd]?|plan(?:s|ned)?)\b", re.I
)
DATELINE_REACH = 400  # characters from a document's start: the lines after its title


def venue_asked(question: str) -> bool:
    """Where a speech or press conference was given: "In which building did Biden give his closing remarks ...?"."""
    return bool(_VENUE_ASKED.search(question) and _SPOKEN.search(question) and not _TO_COME.search(question))


# "At what time did the Biden-Suga press conference begin?": a transcript's clock lines ("5:05 P.M. EDT" under its
# title, "5:33 P.M. EDT" at its end) say when it began and ended, though they say nothing else
_CLOCK_ASKED = re.compile(r"\bwhat time\b", re.I)
_CLOCK_LINE = re.compile(r"\(?\d{1,2}:\d{2}\s*[AaPp]\.?\s*[Mm]\.?(?:\s+[A-Z]{2,5})?\)?")


# ... not a time something else lasts until: "Until what time was the preview embargoed?" (probe 81: "3:08 P.M. CEST")
_UNTIL = re.compile(r"\b(?:until|till|embargo\w*)\b", re.I)


def clock_asked(question: str) -> bool:
    """At what time something was said: "At what time did the press conference begin?" (or how long it lasted)."""
    asked = _CLOCK_ASKED.search(question) and not _TO_COME.search(question) and not _UNTIL.search(question)
    return bool(asked) or span_asked(question)


# "How long did the background press call ... last?": its first and last clock lines ("7:00 P.M. BST", "7:15 P.M.
# BST") tell, though no sentence says how long it was
_LASTED = re.compile(r"\bhow long did\b[^?]*\b(?:last|run|take|go on)\b", re.I)


def span_asked(question: str) -> bool:
    """How long a speech, press conference or call lasted: "How long did the press call ... last?"."""
    return bool(_LASTED.search(question) and acts_named(question) and not _TO_COME.search(question))


# "At what time did the press conference end?": the last clock line, not the first
_ENDED = re.compile(r"\b(?:end|ended|finish|finished|conclude|concluded|wrap(?:ped)? up|adjourn(?:ed)?)\b", re.I)


def end_asked(question: str) -> bool:
    """At what time something said ended: "At what time did the background press call end?"."""
    return clock_asked(question) and _ENDED.search(question) is not None


def heading_asked(question: str) -> bool:
    """Where or at what time a speech was given: told by the lines under a transcript's title."""
    return venue_asked(question) or clock_asked(question)


def is_clock_line(text: str) -> bool:
    """A line giving a time of day and nothing else: "5:05 P.M. EDT", "(12:31 P.M. EST)"."""
    return _CLOCK_LINE.fullmatch(text.strip()) is not None


def is_dateline(text: str) -> bool:
    """A line naming a place and nothing else: every word capitalised (the small words of names aside), no number
    (not "1:57 P.M. EST"), eight words at most: "Eisenhower Executive Office Building", "Rome, Italy"."""
    words = text.split()
    return (
        0 < len(words) <= 8
        and not any(ch.isdigit() for ch in text)
        and not text.lstrip().startswith("(")  # a stage direction: "(Laughs.)"
        and "\n" not in text.strip()
        and all(_capitalised(w) or w in _NAME_WORDS for w in words)
    )


def _capitalised(word: str) -> bool:
    return word.lstrip("*_“\"‘'(")[:1].isupper()


_FIGURE = re.compile(r"\d")


def _answered(text: str, question: Span, reply: Span) -> str | None:
    """The question and its reply as one sentence, when the reply right after it is a figure alone ("$130,000.")."""
    if says_something(reply.text) or not _FIGURE.search(reply.text) or reply.start - question.end > 2:
        return None
    return text[question.start : reply.end]


def passage_rank(passage: int, n: int) -> float:
    """The rank feature of a sentence from the 1-based ``passage`` of ``n``: 1 for the first, falling linearly."""
    return 1.0 - (passage - 1) / max(1, n)


def _coverage(q: list[str], words: set[str], idf: Callable[[str], float]) -> float:
    if not q:
        return 0.0
    total = sum(idf(t) for t in q)
    return sum(idf(t) for t in q if t in words) / total if total else 0.0


def score_sentences(
    question: str,
    passages: list[Passage],
    idf: Callable[[str], float] | None,
    embed: Callable[[list[str]], np.ndarray],
) -> list[Scored]:
    """Every sentence of the passages (four words or more, each once), scored against the question, best first."""
    idf = idf or (lambda _t: 1.0)
    q_tokens = list(dict.fromkeys(tokenize(question)))
    kind = answer_type(question)
    cands: list[Scored] = []
    seen: set[tuple[str, int]] = set()
    replies: set[tuple[str, int, int]] = set()
    ctx_cov: list[float] = []
    venue = venue_asked(question)
    clock = clock_asked(question)
    for pi, p in enumerate(passages, start=1):
        ctx_cov.append(_coverage(q_tokens, set(tokenize(f"{p.title}\n{p.text}")), idf))
        asked_before: Span | None = None
        for s in split_sentences(p.text):
            key = (p.doc_id, p.start + s.start)
            joined = (p.doc_id, p.start + asked_before.start, p.start + s.end) if asked_before else None
            if joined and joined not in replies and (reply := _answered(p.text, asked_before, s)) is not None:
                # a speaker's own question and its short answer are one sentence: "You know what the average salary
                # is going to be in the fab? $130,000." (once, though two passages' windows overlap there)
                replies.add(joined)
                cands.append(Scored(pi, asked_before.start, s.end, reply, 0.0, 0.0, 0.0))
            asked_before = s if s.text.rstrip().endswith("?") else None
            if key in seen:
                continue
            where = venue and p.start + s.start < DATELINE_REACH and s.text.strip() != p.title.strip()
            if not (says_something(s.text) or (where and is_dateline(s.text)) or (clock and is_clock_line(s.text))):
                continue
            seen.add(key)
            bullet = _BULLET.match(s.text)  # "- Costa Rica offered...": the item, not its marker, is the sentence
            marker = bullet.end() if bullet else 0
            cands.append(Scored(pi, s.start + marker, s.end, s.text[marker:], 0.0, 0.0, 0.0))
    if not cands:
        return []
    qv = embed([question])[0]
    sv = embed([c.text for c in cands])
    dense = sv @ qv
    n = len(passages)
    focus_of: dict[int, list[str]] = {}
    for c, d in zip(cands, dense, strict=True):
        p = passages[c.passage - 1]
        if c.passage not in focus_of:
            # question words the document's title already explains say which document, not which sentence: a
            # sentence is scored on the rest (the focus), so the one that answers beats the one that restates. So
            # do the times its date holds ("in July 2023", of a July 2023 readout): a sentence repeating the month
            # (Zelenskyy "in Vilnius on July 12, 2023") does not answer where Biden met Erdoğan that month
            topic = set(tokenize(f"{p.title} {time_words(question, p.date)}"))
            focus_of[c.passage] = [t for t in q_tokens if t not in topic] or q_tokens
        words = set(tokenize(c.text))
        c.dense = float(d)
        c.lexical = _coverage(focus_of[c.passage], words, idf)
        is_title = float(p.start + c.start == 0 and c.text.strip() == p.title.strip())
        # a title's capitals are not names: "Remarks ... in Joint Press Conference" holds no place
        c.typed = not is_title and holds(kind, c.text, question)
        typed = float(c.typed)
        rank = passage_rank(c.passage, n)
        c.features = (c.dense, c.lexical, ctx_cov[c.passage - 1], typed, rank, is_title, float(bool(kind)))
        c.score = (
            W_DENSE * c.dense + W_LEX * c.lexical + W_CTX * ctx_cov[c.passage - 1] + W_TYPE * typed + W_RANK * rank
        )
        if kind and not typed:
            c.score -= 0.04
        c.score -= 0.08 * is_title  # a document's title names a topic; it rarely answers a question
        c.evidence = W_DENSE * c.dense + W_LEX * c.lexical + W_CTX * ctx_cov[c.passage - 1]
    return sorted(cands, key=lambda c: -c.score)
