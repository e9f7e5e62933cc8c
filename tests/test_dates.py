"""Date spans a question names: what the retriever looks inside (rag/dates.py)."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.clean import find_period
from rag.dates import (
    DateSpan,
    date_hints,
    days_outside,
    in_spans,
    names_another_day,
    names_another_year,
    period,
    time_words,
)
from rag.qtype import is_multi_part


@pytest.mark.parametrize(
    ("question", "spans"),
    [
        ("What did Biden tell Suga in their January 2021 call?", [(date(2021, 1, 1), date(2021, 1, 31))]),
        ("What happened at the May 24, 2022 summit?", [(date(2022, 5, 21), date(2022, 5, 27))]),
        ("What happened on 24th May 2022?", [(date(2022, 5, 21), date(2022, 5, 27))]),
        ("Which papers did Tokyo publish in early 2023?", [(date(2023, 1, 1), date(2023, 4, 30))]),
        ("What did the Sept. 2023 readout say?", [(date(2023, 9, 1), date(2023, 9, 30))]),
        ("What did Manila's 2021 address name?", [(date(2021, 1, 1), date(2021, 12, 31))]),
        # probe 52: "in June and August 2021" names two months of 2021 (June was read as no time)
        ("What did Biden say in June and August 2021?", [(date(2021, 6, 1), date(2021, 6, 30)), (date(2021, 8, 1), date(2021, 8, 31))]),
        # probe 48: a year before "vision statement" dates the document, it sets no target ("2030 vision")
        ("What did the Quad leaders' 2023 vision statement say?", [(date(2023, 1, 1), date(2023, 12, 31))]),
        ("What was agreed in Feb 2022 and in 2021?", [(date(2022, 2, 1), date(2022, 2, 28)), (date(2021, 1, 1), date(2021, 12, 31))]),
        # "since March 2022" sets no time: the count is told later (probe 26 took a March 2022 plan for it)
        ("How many had it welcomed since March 2022, said Biden in December 2022?", [(date(2022, 12, 1), date(2022, 12, 31))]),
        # probe 68: "by the end of 2022" is a deadline; the June 2022 fact sheet giving it was dropped as not of then
        ("How many may face starvation by the end of 2022, per the June 2022 fact sheet?", [(date(2022, 6, 1), date(2022, 6, 30))]),
        ("What must be done by March 31, 2023?", []),
        # ... but "had ... by" asks how things stood then, and "before" bounds the time asked (p33-015 went wrong)
        ("How many working groups had been established by April 2022?", [(date(2022, 4, 1), date(2022, 4, 30))]),
        ("When was the last summit before October 2023?", [(date(2023, 10, 1), date(2023, 10, 31))]),
        ("What was agreed at the end of 2022?", [(date(2022, 10, 1), date(2022, 12, 31))]),
    ],
)  # fmt: skip
def test_named_times_become_date_spans(question: str, spans: list[tuple[date, date]]) -> None:
    assert [(s.start, s.end) for s in date_hints(question)] == spans


@pytest.mark.parametrize(
    "question",
    [
        "Which leaders pledged net zero by 2050?",  # a target, not a time of writing
        "What does the 2030 Agenda say?",
        "What is the 2030 vision of the partnership?",
        "Who hosted COP26 in 2021-22?",  # a range is not one year
        "What did the EU provide between 2013 and 2019?",  # nor is one in words (probe 49 split the question in two)
        "How much was given from 2013 to 2019?",
        "How many doses did Kenya get?",
        "What did the $2021 fund pay?",
        "How much has Washington put into its partners since 2002?",  # a starting point, not a time of writing
        "By how much have exports grown since early 2022?",
    ],
)
def test_targets_and_numbers_are_not_dates(question: str) -> None:
    assert date_hints(question) == ()


def test_a_span_holds_iso_dates_and_rejects_bad_ones() -> None:
    span = DateSpan(date(2021, 1, 1), date(2021, 1, 31))
    assert span.holds("2021-01-27") and span.holds("2021-01-31T09:00:00")
    assert not span.holds("2021-02-01") and not span.holds("") and not span.holds("undated")
    assert span.as_ints() == (20210101, 20210131)


def test_documents_with_only_a_month_or_a_year_still_fall_in_spans() -> None:
    year = DateSpan(date(2021, 1, 1), date(2021, 12, 31))
    september = DateSpan(date(2021, 9, 1), date(2021, 9, 30))
    assert year.holds("2021") and year.holds("2021-09") and september.holds("2021-09")
    assert not september.holds("2021"), "a speech dated 2021 is not a September 2021 document"
    assert not september.holds("2021-10") and not september.holds("2022")
    assert period("2021-02") == (date(2021, 2, 1), date(2021, 2, 28))
    assert period("2021") == (date(2021, 1, 1), date(2021, 12, 31))
    assert period("2021-13") is None and period("") is None and period("soon") is None


@pytest.mark.parametrize(
    ("title", "stem", "expected"),
    [
        ("UN General Assembly General Debate, Session 76 (2021): Statement by Philippines", "x", "2021"),
        ("Statement by Philippines", "ungd-PHL-76-2021", "2021"),
        ("Leaders' talks, September 2021", "talks", "2021-09"),
        ("Readout of a call", "notes", ""),
        ("G20 $2021 fund", "v2021x", ""),
    ],
)
def test_a_year_or_month_in_a_title_or_name_dates_an_undated_document(title: str, stem: str, expected: str) -> None:
    assert find_period(title, stem) == expected


@pytest.mark.parametrize(
    ("question", "multi"),
    [
        ("What did Biden tell Suga in January 2021 and Kishida in January 2023?", True),  # two times
        ("When was the first Quad summit, and which summit took place in Tokyo?", True),  # two questions
        ("What did both the G7 and the Quad say about vaccines?", True),
        ("Which leaders did Biden host at the Camp David summit?", False),
        ("What did Biden and Kishida agree in January 2022?", False),  # one time, two people: one document
        # the time of the source is no second time asked (probe 37: a UNGA speech of 2023 joined the answer)
        ("Which UN body would Japan join in 2023, according to Sullivan's December 2022 statement?", False),
        ("What did Biden say in January 2021 and in May 2022, according to the readouts?", True),
    ],
)
def test_questions_in_several_parts(question: str, multi: bool) -> None:
    assert is_multi_part(question) is multi


@pytest.mark.parametrize(
    ("iso", "text", "inside"),
    [
        ("2021-06-15", "The leaders met today.", True),  # dated inside: the text does not matter
        ("2021-09-22", "At the U.S.-EU Summit in June, the U.S. and the EU announced a taskforce.", True),
        ("2021-09-22", "The taskforce will report in December.", False),  # names another month
        ("2021-03-01", "The leaders will meet in June.", False),  # written before: looks ahead, not back
        ("2022-03-01", "At the summit in June, the leaders agreed.", False),  # a later year: which June?
        ("2022-03-01", "Since the summit of June 2021, the leaders have met twice.", True),
        ("2022-03-01", "Since the summit of June 15, 2021, the leaders have met twice.", True),
        ("2023-01-10", "Since the summit of June 2021, the leaders have met twice.", False),  # over a year after
    ],
)
def test_a_later_passage_that_names_the_month_is_inside_it(iso: str, text: str, inside: bool) -> None:
    spans = date_hints("What did the U.S. and the EU announce at their June 2021 summit?")
    assert in_spans(iso, spans, text) is inside


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("President Biden convened the Global COVID-19 Summit in May 2022.", False),  # the month, not the day
        ("As leaders agreed on May 8, the G7 will phase out Russian oil.", True),
        ("As leaders agreed on 8 May, the G7 will phase out Russian oil.", True),
        ("As leaders agreed on May 1, the G7 will phase out Russian oil.", False),  # another day
    ],
)
def test_a_day_is_recalled_by_that_day_not_by_its_month(text: str, inside: bool) -> None:
    """Probe set 8: a readout of May 21, 2022 naming "May 2022" counted as telling of May 8, and answered "Who did
    Biden and the G7 leaders meet with on May 8, 2022?" with President Yoon."""
    spans = date_hints("Who did Biden and the G7 leaders meet with on May 8, 2022?")
    assert in_spans("2022-05-21", spans, text) is inside
    # a day whose span crosses the new year is recalled by that day too
    new_year = date_hints("Who did Biden call on January 1, 2022?")
    assert in_spans("2022-02-10", new_year, "As the leaders agreed on January 1, the work goes on.")


def test_a_year_is_not_recalled_by_words() -> None:
    assert not in_spans("2022-03-01", date_hints("What did they agree in 2021?"), "As they agreed in 2021, ...")


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("The Uyghur Forced Labor Prevention Act, which President Biden signed into law in December 2021.", True),
        ("The Act, which President Biden signed into law on December 23, 2021.", True),
        ("The Act, which President Biden signed into law in December.", False),  # which December?
        ("The Act, which President Biden signed into law in June 2021.", False),  # not the end of 2021
    ],
)
def test_a_later_passage_naming_a_month_and_year_of_a_season_is_inside_it(text: str, inside: bool) -> None:
    """ "At the end of 2021" spans three months: a June 2022 fact sheet that says "December 2021" looks back at it.
    Before, a season was never recalled, and the one sentence naming the law lost the out-of-span penalty."""
    spans = date_hints("Which law did the US president sign at the end of 2021?")
    assert in_spans("2022-06-28", spans, text) is inside
    assert not in_spans("2023-09-01", spans, text)  # more than a year later


@pytest.mark.parametrize(
    ("question", "sentence", "other"),
    [
        ("Where did Biden meet Kishida on May 18, 2023?", "They met in Hiroshima on May 20, 2023 for the Quad.", True),
        ("Where did Biden meet Kishida on May 18, 2023?", "Hiroshima, 20 May 2023", True),
        ("Where did Biden meet Kishida on May 18, 2023?", "Biden met Kishida in Hiroshima today.", False),
        ("Where did Biden meet Kishida on May 18, 2023?", "On May 18 and May 19 they met in Hiroshima.", False),
        ("Where did Biden meet Kishida on May 18, 2023?", "On June 3 they spoke again.", False),
        ("Where did they meet in May 2023?", "They met on May 20, 2023.", False),  # no day asked
    ],
)  # fmt: skip
def test_a_sentence_naming_another_day_of_the_asked_month_tells_of_another_event(
    question: str, sentence: str, other: bool
) -> None:
    assert names_another_day(question, sentence) is other


@pytest.mark.parametrize(
    ("question", "sentence", "outside"),
    [
        # the days a sentence names date its events: none in the month asked, another event
        (
            "On what date did Iraq hold its elections in October 2021?",
            "the November 12 Paris conference on Libya in view of national elections there on December 24",
            True,
        ),
        ("On what date did Iraq hold its elections in October 2021?", "Iraq held its elections on October 10.", False),
        ("On what date did Iraq hold its elections in October 2021?", "Iraq held its elections today.", False),
        ("On what date did they meet?", "They met on December 24.", False),  # no month asked
        ("What date in 2021 did they meet?", "They met on December 24.", False),  # a year is too wide to judge
        ("On what date in October 2021 did they meet?", "They met on October 10 and November 3.", False),  # one inside
    ],
)
def test_days_outside_the_month_asked(question: str, sentence: str, outside: bool) -> None:
    assert days_outside(question, sentence) is outside


@pytest.mark.parametrize(
    ("question", "sentence", "other"),
    [
        (
            "Where did the Quad leaders agree to meet after their March 2022 call?",
            "the Quad meeting, which was virtual, was in March of 2021",
            True,
        ),
        ("Where did they agree to meet after their March 2022 call?", "At their March 3, 2021 call they agreed.", True),
        ("Where did they agree to meet after their March 2022 call?", "In March 2022, unlike March 2021, ...", False),
        ("Where did they agree to meet after their March 2022 call?", "They met in March and agreed.", False),
        ("Where did they agree to meet in 2022?", "They met in March 2021.", False),  # no year set "in" the sentence
        # a year the question sets its event in, and another the sentence sets its own in
        ("How many freight services did the railway run in 2023?", "It had 16,000 freight services in 2022.", True),
        ("How many freight services did the railway run in 2023?", "16,000 in 2022 and 17,500 in 2023.", False),
        ("How many freight services did the railway run in 2023?", "It ran 16,000 in 2022-2023.", False),
        ("How many freight services did the railway run?", "It had 16,000 freight services in 2022.", False),
    ],
)
def test_a_sentence_naming_the_asked_month_of_another_year_tells_of_another_event(
    question: str, sentence: str, other: bool
) -> None:
    assert names_another_year(question, sentence) is other


def test_a_later_document_naming_the_month_with_another_year_does_not_recall_it() -> None:
    spans = date_hints("after their March 2022 call?")
    assert in_spans("2022-05-23", spans, "and then another virtual meeting in early March")
    assert not in_spans("2022-05-23", spans, "the Quad meeting was in March of 2021")
    assert not in_spans("2022-05-23", spans, "the summit of March 12, 2021")


def test_time_words_are_those_of_the_times_that_hold_the_document() -> None:
    q = "Where did Biden meet Erdoğan in July 2023, and whom did he call on May 18, 2022?"
    assert time_words(q, "2023-07-11") == "July 2023"
    assert time_words(q, "2022-05-19") == "May 18, 2022"
    assert time_words(q, "2021-07-11") == ""
    assert time_words("What did the leaders pledge to cut by 2030?", "2030-01-01") == ""  # a target, not a time


def test_a_day_without_its_year_is_of_its_documents_year() -> None:
    """Probe 47's "Between which dates was Biden to visit the Republic of Korea and Japan in May 2022?" (once "which
    dates" asked a day, probe 62) lost the April 2022 statement's "... will visit ... from May 20-May 24": a day with
    no year was of no time, and the document was dated before May."""
    from rag.dates import date_hints, names_a_time_in

    may_2022 = date_hints("in May 2022")
    trip = "President Biden will visit the Republic of Korea and Japan from May 20-May 24 to deepen ties."
    assert not names_a_time_in(trip, may_2022)
    assert names_a_time_in(trip, may_2022, "2022-04-27")
    assert not names_a_time_in(trip, may_2022, "2023-04-27")  # a 2023 statement's May 20 is in 2023
    assert names_a_time_in("The talks resume on January 10.", date_hints("in January 2023"), "2022-12-15")  # next year
