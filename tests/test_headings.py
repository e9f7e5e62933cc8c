"""Where and at what time a speech was given: the lines under a transcript's title ("5:05 P.M. EDT"), read from its
first chunk even when the question's words find another, and cited at their exact span."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from rag.config import Settings
from tests.test_answer import passage, select

TRANSCRIPT = Path(__file__).parent / "fixtures" / "transcripts"
SUGA = "wh-2021-04-16-remarks-by-president-biden-and-prime-minister-suga-of-japan-at-press-conference"


def test_a_time_of_day_is_asked_and_told_by_a_clock_line() -> None:
    from rag.sentences import clock_asked, heading_asked, is_clock_line

    assert clock_asked("At what time did the Biden-Suga press conference of April 16, 2021 begin?")
    assert clock_asked("What time did Biden's remarks end?")
    assert not clock_asked("When did the Biden-Suga press conference take place?")  # a date, not a time of day
    assert not clock_asked("At what time will the leaders meet tomorrow?")  # to come: no transcript tells it
    assert not clock_asked("Until what time was the preview of the 2021 U.S.-EU Summit embargoed?")  # not its start
    assert heading_asked("In which hotel did Yellen hold her press gaggle ahead of the G20 summit?")
    assert is_clock_line("5:05 P.M. EDT") and is_clock_line("12:31 P.M. EST") and is_clock_line("(9:02 a.m.)")
    assert not is_clock_line("The meeting began at 5:05 P.M. EDT.") and not is_clock_line("2021")
    # how long a speech or call lasted: its clock lines tell; not how long a meeting or a program lasts
    assert clock_asked("How long did the June 12, 2021 background press call on Biden's meetings at the G7 last?")
    assert not clock_asked("How long did the Kishida-Biden online meeting last?")
    assert not clock_asked("How long will the press conference last?")


def test_a_speech_begins_at_its_first_clock_line_and_ends_at_its_last(embedder) -> None:  # type: ignore[no-untyped-def]
    """Probe 73's "At what time did the Biden-Suga press conference ... begin?" was answered with "Now we will each
    take a few questions ..."; an end is told only by a clock line after the opening, never by the first."""
    title = "Remarks by President Biden and Prime Minister Suga of Japan at Press Conference"
    opening = f"{title}\n\n5:05 P.M. EDT\n\nPRESIDENT BIDEN: Well, good afternoon. Thank you for being here today."
    first = dataclasses.replace(passage(1, opening, "suga"), title=title)
    closing = "PRESIDENT BIDEN: Well, thank you all very much. I look forward to having you back.\n\n5:33 P.M. EDT"
    last = dataclasses.replace(passage(2, closing, "suga", start=20_000), title=title)
    begin = "At what time did the Biden-Suga press conference begin?"
    end = "At what time did the Biden-Suga press conference end?"
    assert [c.text for c in select(embedder, begin, [first, last])] == ["5:05 P.M. EDT"]
    assert [c.text for c in select(embedder, end, [first, last])] == ["5:33 P.M. EDT"]
    # with only the opening retrieved, the end is not known: never the start time for it
    assert all(c.text != "5:05 P.M. EDT" for c in select(embedder, end, [first]))
    # how long it lasted: when it began and when it ended (probe 79's 7:00 to 7:15 P.M. BST press call)
    lasted = "How long did the Biden-Suga press conference last?"
    assert [c.text for c in select(embedder, lasted, [first, last])] == ["5:05 P.M. EDT", "5:33 P.M. EDT"]
    assert all(c.text != "5:05 P.M. EDT" for c in select(embedder, lasted, [first]))  # the end unknown: not half
    # a question about something else is never answered by a clock line
    other = "What did Biden say at the Biden-Suga press conference about having Suga back?"
    assert all(c.text != "5:33 P.M. EDT" for c in select(embedder, other, [first, last]))


@pytest.mark.integration
def test_the_opening_of_a_transcript_is_read_for_where_and_when_it_was_given(tmp_path, embedder) -> None:  # type: ignore[no-untyped-def]
    """The question's words find a chunk deep in the press conference; its first chunk, holding "5:05 P.M. EDT",
    is added as a passage of its own and the answer cites that line at its place in the document."""
    from ingest.pipeline import ingest
    from rag.answer import Engine

    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(TRANSCRIPT / f"{SUGA}.txt", docs)
    settings = Settings(data_dir=tmp_path / "data")
    assert ingest([docs], settings, embedder=embedder).ok
    eng = Engine(settings, embedder=embedder)
    try:
        q = "At what time did the Biden-Suga press conference about the Tokyo Olympics and Iran begin?"
        plain = eng.retriever.retrieve("What did Biden say about Iran enriching to 60 percent?", 1)
        assert plain and all(p.start > 0 for p in plain)  # a question of another kind reads no opening
        passages = eng.retriever.retrieve(q, 1)
        assert passages[0].start > 0 and any(p.start == 0 and p.doc_id == SUGA for p in passages)
        answer = eng.ask(q, top_k=1)
        assert answer.text.startswith("5:05 P.M. EDT") and not answer.refused
        text = (docs / f"{SUGA}.txt").read_text(encoding="utf-8")
        c = answer.citations[0]
        assert c.doc_id == SUGA and text[c.start : c.end] == "5:05 P.M. EDT" == c.text
        # when it ended: its last chunk is read too, and its last clock line cited
        end = eng.ask(q.replace("begin?", "end?"), top_k=1)
        c = end.citations[0] if end.citations else None
        assert c is not None and end.text.startswith("5:33 P.M. EDT") and text[c.start : c.end] == "5:33 P.M. EDT"
        # how long it lasted: both lines, each cited where the document has it
        lasted = eng.ask(
            "How long did the Biden-Suga press conference about the Tokyo Olympics and Iran last?", top_k=1
        )
        assert [text[c.start : c.end] for c in lasted.citations] == ["5:05 P.M. EDT", "5:33 P.M. EDT"]
    finally:
        eng.close()
