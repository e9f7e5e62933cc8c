"""When a question says when: "in January 2021", "his March 2021 call", "early 2023", "Manila's 2021 address".

Summit documents are dated, and a question that names a time usually means the documents of that time: the
readout of the January 2021 call, not the four later readouts that repeat its words. ``date_hints(q)`` returns
the date spans a question names, for the retriever to look inside them as well as everywhere. A year after "by",
"until" or "before", or before "Agenda" or "goals", is a target ("net zero by 2050", "the 2030 Agenda"), not a
time of writing, and is left out.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ingest.clean import MONTHS

__all__ = [
    "DateSpan",
    "date_hints",
    "days_outside",
    "in_spans",
    "names_another_day",
    "names_another_month",
    "names_another_year",
    "period",
    "time_words",
    "year_overlaps",
]

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
_YEAR = r"(?P<year>(?:19[5-9]|20[0-4])\d)(?![\d-])"
_PART = {
    "early": (1, 4), "mid": (5, 8), "middle of": (5, 8), "late": (9, 12), "end of": (10, 12),
    "spring": (3, 6), "summer": (6, 9), "autumn": (9, 12), "fall": (9, 12), "winter": (1, 3),
    "first half of": (1, 6), "second half of": (7, 12),
}  # fmt: skip
_PARTS = r"(?P<part>" + "|".join(sorted(_PART, key=len, reverse=True)) + r")"
_DAY = r"(?:st|nd|rd|th)?"
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}}){_DAY}\s+)?{_MONTH}\s+(?:(?P<d2>\d{{1,2}}){_DAY},?\s+)?{_YEAR}", re.I
)
_PART_YEAR = re.compile(rf"\b{_PARTS}[\s-]+(?:of\s+)?{_YEAR}", re.I)
# "in June and August 2021": the first month is of the second's year
_MONTH_AND = re.compile(rf"\b(?P<first>{_MONTH_NAMES})\.?\s+(?:and|or|&)\s+(?={_MONTH}\s+{_YEAR})", re.I)
_BARE_YEAR = re.compile(rf"(?<![\w$€£-]){_YEAR}")
# "between 2013 and 2019", "from 2013 to 2019": the years a figure covers, as "2021-22" is, not a time of writing
_YEAR_RANGE = re.compile(r"\b(?:between|from)\s+(?:19|20)\d\d\s+(?:and|to|until|through)\s+(?:19|20)\d\d\b", re.I)
_TARGET_BEFORE = re.compile(r"\b(?:by|until|till|before|through|to|agenda|vision|beyond)\s+$", re.I)
# "may face starvation by the end of 2022", "must be done by March 31, 2023": a deadline the question sets, not
# when its document was written; but "had been established by April 2022" asks how things stood then (and "the last
# summit before October 2023" is of a time before it)
_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till)\s+(?:the\s+)?$", re.I)
_AS_OF = re.compile(r"\b(?:had|has|have)\b", re.I)
# "welcomed since March 2022", "invested since 2002": a count told later, by a document of any time after
_SINCE = re.compile(r"\bsince\s+(?:(?:early|late|mid|the\s+(?:start|end)\s+of)[\s-]+)?$", re.I)
# ... but "their 2023 vision statement" is a document of 2023, not a vision for it
_TARGET_AFTER = re.compile(r"\s+(?:agenda|vision(?!\s+statement)|goals?|targets?|plan|strategy)\b", re.I)
DAY_SLACK = timedelta(days=3)  # "the May 24 summit": its readout may be dated the day after


@dataclass(frozen=True)
class DateSpan:
    start: date
    end: date

    def holds(self, iso: str) -> bool:
        """A document dated `iso` falls in this span: all of it, when it is dated by a month or a year only (a
        speech dated "2021" is in the year 2021, not in its January)."""
        p = period(iso)
        return p is not None and self.start <= p[0] and p[1] <= self.end

    def as_ints(self) -> tuple[int, int]:
        return int(self.start.strftime("%Y%m%d")), int(self.end.strftime("%Y%m%d"))


def period(iso: str) -> tuple[date, date] | None:
    """The first and last day an ISO 8601 date covers: "2021-01-27", "2021-09" (a month) or "2021" (a year)."""
    try:
        if len(iso) >= 10:
            d = date.fromisoformat(iso[:10])
            return d, d
        if len(iso) == 7:
            y, m = int(iso[:4]), int(iso[5:7])
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
        if len(iso) == 4:
            return date(int(iso), 1, 1), date(int(iso), 12, 31)
    except ValueError:
        return None
    return None


def in_spans(iso: str, spans: tuple[DateSpan, ...], text: str = "") -> bool:
    """A document dated `iso` lies in one of the spans a question names; or, given the passage's `text`, the
    passage looks back at that month by name ("At the U.S.-EU Summit in June", in a September statement)."""
    return any(s.holds(iso) for s in spans) or bool(text and _recalls(iso, spans, text))


def year_overlaps(iso: str, spans: tuple[DateSpan, ...]) -> bool:
    """A document dated by its year only ("2022") overlaps one of the spans: it may be of a month of that year."""
    p = period(iso) if len(iso) == 4 else None
    return p is not None and any(s.start <= p[1] and p[0] <= s.end for s in spans)


RECALL_WITHIN = timedelta(days=366)
_MONTH_NUMBER = {calendar.month_name[m]: m for m in range(1, 13)}
_MONTH_YEAR = re.compile(rf"\b({'|'.join(calendar.month_name[1:])})(?:\s+\d{{1,2}},?)?\s+((?:19|20)\d\d)\b")


def _recalls(iso: str, spans: tuple[DateSpan, ...], text: str) -> bool:
    """A passage written after a named month (within a year) that names it: "in June" in a later document of the
    same year, "in June 2021" in one of a later year."""
    p = period(iso)
    if p is None:
        return False
    for s in spans:
        if not s.start <= p[0] <= s.end + RECALL_WITHIN:
            continue  # a document before it cannot recall it
        if s.end - s.start > timedelta(days=31):
            # a season is too broad to recognise by a bare month, but "December 2021" is in "the end of 2021" (a
            # fact sheet of June 2022: "signed into law in December 2021"); a whole year is not recalled
            named = (date(int(y), _MONTH_NUMBER[m], 1) for m, y in _MONTH_YEAR.findall(text))
            if s.end - s.start < timedelta(days=200) and any(s.start <= d <= s.end for d in named):
                return True
            continue
        if s.end - s.start <= 2 * DAY_SLACK:
            # a day ("on May 8, 2022") is recalled by that day, not by its month: "the Global COVID-19 Summit in May
            # 2022", in a readout of May 21, does not tell of May 8
            years = {s.start.year, s.end.year}  # "on January 1, 2022" spans December 29 to January 4
            if any(s.start <= _on(y, m, d) <= s.end for m, d in _days(text) for y in years):
                return True
            continue
        month = calendar.month_name[s.start.month]
        named = (
            # "in March" in a document of that year, not "in March of 2021" in one of 2022
            re.search(rf"\b{month}\b(?!(?:\s+\d{{1,2}},?)?\s+(?:of\s+)?(?!{s.start.year}\b)(?:19|20)\d\d\b)", text)
            if p[0].year == s.start.year
            else re.search(rf"\b{month}(?:\s+\d{{1,2}},?)?\s+{s.start.year}\b", text)
        )
        if named:
            return True
    return False


def _month_span(year: int, first: int, last: int) -> DateSpan:
    return DateSpan(date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]))


@lru_cache(maxsize=256)
def date_hints(question: str) -> tuple[DateSpan, ...]:
    """The times a question names: days, months, parts of years and years, not the years it sets as targets."""
    return tuple(dict.fromkeys(span for span, _ in _time_expressions(question)))


def time_words(question: str, iso: str) -> str:
    """The words of the times a question names ("July 2023", "May 18, 2023") that hold a document dated ``iso``:
    the document has them in its date, whether or not its text repeats them."""
    return " ".join(words for span, words in _time_expressions(question) if span.holds(iso))


def _deadline(question: str, at: int) -> bool:
    return bool(_DEADLINE_BEFORE.search(question[:at])) and not _AS_OF.search(question[:at])


@lru_cache(maxsize=256)
def _time_expressions(question: str) -> list[tuple[DateSpan, str]]:
    spans: list[tuple[DateSpan, str]] = []
    taken: list[tuple[int, int]] = []  # character ranges already read, so "January 2021" is not also "2021"
    taken += [m.span() for m in _YEAR_RANGE.finditer(question)]
    for m in _MONTH_AND.finditer(question):
        month = MONTHS[m["first"].lower()]
        spans.append((_month_span(int(m["year"]), month, month), m.group(0)))
    for m in _DAY_MONTH_YEAR.finditer(question):
        taken.append(m.span())
        if _SINCE.search(question[: m.start()]) or _deadline(question, m.start()):
            continue
        year, month = int(m["year"]), MONTHS[m["month"].lower()]
        day = m["d1"] or m["d2"]
        if day and 1 <= int(day) <= calendar.monthrange(year, month)[1]:
            d = date(year, month, int(day))
            spans.append((DateSpan(d - DAY_SLACK, d + DAY_SLACK), m.group(0)))
        else:
            spans.append((_month_span(year, month, month), m.group(0)))
    for m in _PART_YEAR.finditer(question):
        taken.append(m.span())
        if _SINCE.search(question[: m.start()]) or _deadline(question, m.start()):
            continue
        first, last = _PART[m["part"].lower()]
        spans.append((_month_span(int(m["year"]), first, last), m.group(0)))
    for m in _BARE_YEAR.finditer(question):
        if any(a <= m.start() < b for a, b in taken) or _TARGET_BEFORE.search(question[: m.start()]):
            continue
        if _SINCE.search(question[: m.start()]):
            continue
        if _TARGET_AFTER.match(question, m.end()):
            continue
        spans.append((_month_span(int(m["year"]), 1, 12), m.group(0)))
    return spans


_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}){_DAY}\b(?!\d)", re.I)
_DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}}){_DAY}\s+{_MONTH}", re.I)


def _days(text: str) -> set[tuple[int, int]]:
    return {(MONTHS[m["month"].lower()], int(m["day"])) for r in (_MONTH_DAY, _DAY_MONTH) for m in r.finditer(text)}


def _on(year: int, month: int, day: int) -> date:
    """That day, or the last of the month for a day it does not have ("February 30")."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def days_outside(question: str, sentence: str) -> bool:
    """The question asks within a month or two ("in October 2021") and every day the sentence names falls in other
    months ("the November 12 Paris conference ... elections there on December 24"): those days date other events.
    A sentence naming no day ("today") is not judged."""
    spans = [s for s in date_hints(question) if (s.end - s.start).days <= 62]
    named = _days(sentence)
    if not spans or not named:
        return False
    months = {(s.start + timedelta(days=d)).month for s in spans for d in range((s.end - s.start).days + 1)}
    return all(m not in months for m, _ in named)


def names_a_time_in(sentence: str, spans: tuple[DateSpan, ...], iso: str = "") -> bool:
    """The sentence itself names a time inside one of the spans ("two-way trade ... totaling $863.4 billion in
    2022", in a 2023 readout, for a question about 2022): it tells of that time, whatever its document's date. A day
    without its year ("will visit ... from May 20-May 24") is of the year of its document (dated ``iso``), or the
    next when it falls before that date."""
    if any(q.start <= s.start and s.end <= q.end for s in date_hints(sentence) for q in spans):
        return True
    written = _iso_date(iso)
    if written is None:
        return False
    days = [_on(written.year, m, d) for m, d in _days(sentence)]
    days = [d if d >= written else _on(d.year + 1, d.month, d.day) for d in days]
    return any(q.start <= d <= q.end for d in days for q in spans)


def _iso_date(iso: str) -> date | None:
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


_IN_YEAR = re.compile(r"\b(?:in|during)\s+((?:19|20)\d\d)\b(?![-–/]\d)")


def names_another_year(question: str, sentence: str) -> bool:
    """The question names a month of a year ("after their March 2022 call") and the sentence that month of another
    year ("the Quad meeting ... was in March of 2021"), never the year asked: it tells of another event. So does a
    year the question sets an event in ("in 2023") and the sentence another ("in 2022"), never the one asked."""
    spans = [s for s in date_hints(question) if s.start.month == s.end.month and s.start.year == s.end.year]
    for s in spans:
        month = calendar.month_name[s.start.month]
        years = {int(y) for y in re.findall(rf"\b{month}(?:\s+\d{{1,2}},?)?\s+(?:of\s+)?((?:19|20)\d\d)\b", sentence)}
        if years and s.start.year not in years and not re.search(rf"\b{s.start.year}\b", sentence):
            return True
    # "How many freight services ... in 2023?": not "... had 16,000 freight services in 2022"
    asked = {int(y) for y in _IN_YEAR.findall(question)}
    told = {int(y) for y in _IN_YEAR.findall(sentence)}
    return bool(asked and told and not asked & told and not any(re.search(rf"\b{y}\b", sentence) for y in asked))


def names_another_day(question: str, sentence: str) -> bool:
    """The question names a day ("on May 18, 2023") and the sentence another day of that month ("met in Hiroshima
    on May 20, 2023") and not the one asked: the sentence tells of another event, though its document falls inside
    the question's span."""
    asked = _days(question)
    if not asked:
        return False
    named = _days(sentence)
    months = {m for m, _ in asked}
    return not named & asked and any(m in months for m, _ in named)


def names_another_month(question: str, sentence: str) -> bool:
    """The question names a month ("the session Biden addressed in September 2023") and the sentence dates itself in
    another month only ("met for the 11th time on October 31, 2023"): it tells of another event."""
    spans = [s for s in date_hints(question) if s.end - s.start <= timedelta(days=31)]
    if not spans or _days(question):
        return False
    named = [date(int(y), _MONTH_NUMBER[m], 1) for m, y in _MONTH_YEAR.findall(sentence)]
    return bool(named) and not any(s.start <= d <= s.end for d in named for s in spans)
