"""What kind of thing a question asks for (a duration, a number, a date, a person, a place, a name of the kind
"which islands" asks for), and whether a text holds one: the retriever favours passages that hold it, the
extractive backend sentences that do."""

from __future__ import annotations

import re

from rag.countries import countries_in
from rag.dates import date_hints

__all__ = [
    "MARGINS",
    "MUST_HOLD",
    "NUM_WORDS",
    "PLACE_BEFORE",
    "SOURCE",
    "TYPES",
    "WEEKDAYS",
    "WH",
    "YEAR",
    "answer_type",
    "holds",
    "is_multi_part",
    "named_noun",
    "question_parts",
    "source_named",
    "wh_count",
]

NUM_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
    r"several|half|dozen|dozens|once|twice"
)
MARGINS = r"\bon the (?:margins|sidelines) of\b"  # places a meeting: "on the margins of the G7 Summit"
PLACE_BEFORE = r"in|at|to|from|near|between|host(?:ed|s)?(?: by)?"  # the words before a place's name: "in Jeddah"
WEEKDAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# a readout's own day: "met today", "this morning", "this evening"
_NOW = r"(?i:today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening))"
# the words a "which" question asks a person with: "Which leaders...", "Which Norwegian minister..."
PERSON_KINDS = (
    r"leaders?|presidents?|prime ministers?|ministers?|officials?|persons?|people|heads? of (?:state|government)"
)
# people the documents name ("the name of the journalist"), beyond the leaders and officials above
NAMED_PEOPLE = (
    r"journalists?|reporters?|activists?|officers?|soldiers?|victims?|prisoners?|hostages?|detainees?|dissidents?|"
    r"ambassadors?|envoys?|advis[eo]rs?|spokes(?:person|man|woman)|interpreters?|authors?|chairs?|chairm[ae]n|"
    r"commanders?|generals?|admirals?|secretar(?:y|ies)|directors?|chiefs?|governors?|mayors?|chancellors?|"
    r"premiers?|kings?|queens?|princes?|princess|emperors?|monarchs?|candidates?|winners?|founders?"
)
_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
TYPES: dict[str, re.Pattern[str]] = {
    # not an age or a date's mark: "the one year anniversary of Russia's aggression", "a 20-year-old"
    "duration": re.compile(rf"\b(\d+|{NUM_WORDS})[- ](?:(?:full|productive|consecutive|straight|long|busy) )?"
                           r"(hours?|minutes?|days?|weeks?|months?|years?|decades?)\b"
                           r"(?![- ](?:anniversar(?:y|ies)|old)\b)", re.I),
    "day": re.compile(rf"\b({_MONTHS})\.? \d{{1,2}}(st|nd|rd|th)?\b|\b\d{{1,2}}(st|nd|rd|th)? ({_MONTHS})\b|"
                      rf"\b(19|20)\d\d-\d\d-\d\d\b|\b({WEEKDAYS}|{_NOW})\b|"
                      r"\b(?:[A-Z][\w.'’-]+ )+Day\b"),  # a named day: "World AIDS Day", "St. Patrick's Day"
    "frequency": re.compile(r"\b((bi|semi-?)?annual(ly)?|(half-)?yearly|biennial(ly)?|quarterly|(bi-?)?monthly|"
                            r"(bi-?)?weekly|fortnightly|daily|regular(ly)?|"
                            r"periodic(al)?(ally)?|every (\w+ )?(years?|months?|weeks?|days?)|each (year|month|week)|"
                            r"(once|twice|\w+ times) (a|per|each) (year|month|week))\b", re.I),
    # ... a decade is a time too ("in the early 2040s", "the 1990's")
    # ... and so is a time told from the day of writing ("early next year", "last month")
    "date": re.compile(
        rf"\b({_MONTHS})\b|\b(19|20)\d{{2}}(?:['’]?s)?\b|\b({_NOW}|(?i:(?:this|next|last) (week|month|year)))\b"
    ),
    # not a name with digits ("G20", "F-16", "COVID-19") nor a compound adjective ("a two-state solution")
    "number": re.compile(rf"(?<![A-Za-z0-9])(?<![A-Za-z]-)\d(?:[\d,.]*\d)?|"
                         rf"\b({NUM_WORDS}|million|billion|trillion|percent)\b(?!-[a-z])", re.I),
    # a title and the name after it ("Prime Minister Kishida Fumio", "Secretary of State Blinken",
    # "Secretary-General António Guterres"): group 1 is the name
    "person": re.compile(r"\b(?:President|Prime Minister|Chancellor|Secretary|Minister|King|Queen|Premier|Prince|"
                         r"Emperor|Sultan|Sheikh|Emir|Ambassador|Envoy|Advis[eo]r|Director|Chair(?:man|woman)?|"
                         r"Commissioner|Governor|Senator|Speaker|Mayor|General|Admiral|Mr|Ms|Mrs|Dr)(?:-General)?"
                         r"(?: (?:of|for) (?:the )?(?:[A-Z][\w'’-]+ (?:and )?){0,2}?[A-Z][\w'’-]+)?\.? "
                         r"((?:[A-Z][\w'’-]+ ){0,2}[A-Z][\w'’-]+)"),
    # what "how much" asks: money, a share, a large count ("$5.7 billion", "USD 102 million", "40%", "80,000")
    # ... or a measure ("500 megawatts", "15 bcm", "2,000 tons")
    "amount": re.compile(r"[$€£¥]\s?\d|\d[\d,.]*\s?(%|percent|per cent|million|billion|trillion)|"
                         r"\d[\d,.]*\s?(?:kilowatts?|megawatts?|gigawatts?|[kmg]wh?|tons?|tonnes?|barrels?|bcm|"
                         r"cubic (?:meters|metres|feet)|kilomet(?:er|re)s?|km|miles?|hectares?|acres?)\b|"
                         r"\b(USD|EUR|dollars?|euros?|yen|pounds?|half|quarter|third)\b|\b\d{1,3}(,\d{3})+\b", re.I),
    "place": re.compile(rf"(\b({PLACE_BEFORE})|^\W*(In|At|From)) (the )?"
                        rf"(?!(?:{_MONTHS}|{WEEKDAYS})\b)[A-Z][a-z]+|{MARGINS}"),  # "on the margins of the G7 Summit"
}  # fmt: skip
# the kinds a regex tells reliably in a sentence ("who" and "where" it cannot): an answer must hold one
MUST_HOLD = ("duration", "number", "day", "frequency", "date")
_AUXILIARY = r"(?:did|does|do|is|was|were|are|will|would|has|have|had|can|could|should)"  # "when did", "where is"
_ASKS: list[tuple[re.Pattern[str], str]] = [
    # "How quickly could the formula get here?": "in approximately three days"
    (
        re.compile(r"\bhow (?:long|quickly)\b|\bwhat (was the )?duration\b|\bfor how many (hours|minutes|days)", re.I),
        "duration",
    ),
    (
        re.compile(
            r"\bhow (many|much|large|big|far|high|deep|tall|wide|fast|old)\b|"
            r"\bwhat (number|percentage|share|amount|figure|sum)\b|"
            r"\b(cost|price|budget|value) of\b|\bin (dollars|euros|yen|pounds)\b",
            re.I,
        ),
        "number",
    ),
    (re.compile(r"\bhow (?:often|frequently|regularly)\b|\bat what (?:interval|frequency)\b", re.I), "frequency"),
    # "on which days?" as well as "on which day?"
    (re.compile(r"\b(?:what|which) (?:exact |precise |specific )?(?:dates?|days?)\b|\bexact date\b", re.I), "day"),
    # "When did...", "..., and when was that?", not the relative "...did Biden mourn when he sat down with..."; not
    # "What year-old blueprint..."
    (
        re.compile(
            rf"^\W*when\b|\b(?:and|or|but|so) when\b|\bwhen {_AUXILIARY}\b|"
            r"\b(?:what|which) (date|day|year|month)\b(?!-)",
            re.I,
        ),
        "date",
    ),
    (
        re.compile(
            # not "With whom would Helsinki consult?": other Nordic countries as often as people
            r"\bwho\b|(?<!\bwith )\bwhom\b|\bwhose\b|"
            rf"\bwhich (?:[A-Z][\w-]* )?(?:{PERSON_KINDS})\b|"
            # "What was the name of the journalist arrested ...?": someone's name
            rf"\bnames? of (?:the|a|an|this|that) (?:[\w-]+ ){{0,2}}?(?:{PERSON_KINDS}|{NAMED_PEOPLE})\b",
            re.I,
        ),
        "person",
    ),
    (
        # "Where did...", not the relative "where" of "...negotiate over the place where a plane came down"
        re.compile(
            rf"^\W*where\b|\bwhere(?:'s| {_AUXILIARY}\b)|"
            r"\b(which|what)( \w+)? (cit(y|ies)|countr(y|ies)|places?|venues?|locations?)\b",
            re.I,
        ),
        "place",
    ),
]


# "How big is the EU's economy compared with America's?": a comparison ("about the size of the U.S. economy"), no
# figure
_COMPARED = re.compile(
    r"\bhow (?:large|big|high|tall|wide|fast|far|deep|old)\b[^?]*\b(?:compared (?:with|to)|relative to|next to)\b", re.I
)


def answer_type(question: str) -> str | None:
    if _COMPARED.search(question):
        return None
    for pattern, kind in _ASKS:
        if pattern.search(question):
            return kind
    return "named" if named_noun(question) else None


# "Which islands has Beijing...", "Which two Russian banks were...": the noun the answer names
_WHICH_NOUN = re.compile(
    r"\b[Ww]hich (?:(?!(?:of|in|on|at|to|from|for|by|with|between|under|and|or)\b)[\w.'’-]+ ){0,4}?"
    r"([a-z]{3,}) (?:did|does|do|has|have|had|is|was|were|are|will|would|can|could)\b"
)


# what a country is called by its kind: "Which Gulf emirate", "Which small sultanate", "which Baltic state"
_STATES = frozenset(["emirate", "sultanate", "kingdom", "monarchy", "republic", "state", "island", "ally", "neighbour",
                     "neighbor", "democracy", "economy", "member", "partner", "nation", "country"])  # fmt: skip


# "What name was given to the G7 working group on China ...?": a name of that kind ("the ... Group") answers
_NAME_GIVEN = re.compile(
    r"\b[Ww]hat (?:name|title) (?:was|is|were|are|will be|has been) (?:given to |chosen for )?(?:the|a|an|its|their) "
    r"(?:[\w.'’-]+ ){0,3}?([a-z]{3,})(?=\s+(?:on|of|for|by|in|at|to|that|which|floated|launched|created|proposed)\b"
    r"|\s*\?)"
)


def named_noun(question: str) -> str | None:
    """The noun of a "which X" (or "what name was given to the X") question whose answer is a name of that kind
    ("the Senkaku Islands")."""
    m = _WHICH_NOUN.search(question) or _NAME_GIVEN.search(question)
    return m.group(1).rstrip("s") if m else None


def _names(noun: str, text: str, asked: str) -> bool:
    """The text names a thing of that kind the question does not: "Senkaku Islands", "Alfa Bank", "the Presidency
    of the Council" (for "which presidency"), not "island nations", and not the sentence's first word."""
    capitalised = rf"(?<=\S )((?:[A-Z][\w'’.-]* ){{0,3}}){noun[0].upper()}{noun[1:]}s?\b"
    for m in re.finditer(capitalised + r"(?: of (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})?", text):
        if m.group(0).lower() not in asked:
            return True
    return False


def holds(kind: str | None, text: str, question: str = "") -> bool:
    """The text holds a thing of that kind that the question does not already name: "How much will extending the
    station to 2030 cost?" is not answered by "through 2030", "Which leaders did Biden host?" not by "President
    Biden"."""
    if kind is None:
        return False
    asked = question.lower()
    if kind == "named":
        noun = named_noun(question)
        if noun in _STATES and countries_in(text) - countries_in(question):
            return True  # "Which Gulf emirate ...?" is answered by "Qatar", a country the question does not name
        return noun is not None and _names(noun, text, asked)
    if kind == "number" and _HOW_MUCH.search(question):
        kind = "amount"  # "How much did the United States commit?" is not answered by "a two-state solution"
        if _MONEY_ASKED.search(question):  # "How much funding...?" is not "about 90 percent of the GDP"
            return any(m.group(0).lower() not in asked for m in _MONEY.finditer(text))
    if kind == "number" and (unit := _UNIT_ASKED.search(question)):
        # "How many years will the agreement remain in force?" is not answered by "The two leaders committed ..."
        return _counts_unit(unit.group(1).lower(), text)
    if kind == "number" and _TIMES_ASKED.search(question) and _NTH_TIME.search(text):
        return True  # "How many times had Yellen been to India?": "this is my fourth time in India"
    if kind == "number" and _PERCENT_ASKED.search(question):  # "By what percentage...?" is not "seven straight years"
        return any(not _given(m.group(0).lower(), asked) for m in _PERCENT.finditer(text))
    if kind == "person":  # a name none of whose words the question gives
        words = set(re.findall(r"[\w'’-]+", asked))
        return any(words.isdisjoint(m.group(1).lower().split()) for m in TYPES[kind].finditer(text))
    if kind in ("number", "amount"):  # "Starting February 19, ..." counts nobody: a day of a month is a time
        text = TYPES["day"].sub(" ", text)
        # nor does a paragraph's number ("**7 REAFFIRMING** the goals ...", "1. The Council met ...")
        text = _PARAGRAPH_NUMBER.sub(" ", text)
    found = [m.group(0) for m in TYPES[kind].finditer(text)]
    if kind == "number":  # "the 1951 Mutual Defense Treaty" counts no troops: a year is a time, not a count
        found = [f for f in found if not YEAR.fullmatch(f)]
        # nor does "Once registered, ..." (a clause's "once", not "met once")
        found = [f for f in found if f.lower() != "once"] if _ONCE_OPENS.search(text) else found
    return any(not _given(f.lower(), asked) for f in found)


def _given(found: str, asked: str) -> bool:
    """The question says this thing itself, not inside another: "3" is not given by "by 2030", nor "2" by "in 2022"."""
    return re.search(rf"(?<![\w$€£¥]){re.escape(found)}(?![\w]|[.,]\d)", asked) is not None


_TIMES_ASKED = re.compile(r"\bhow many (?:times|visits|trips)\b", re.I)
# the nth time counts n (not "the first time": a first is said of anything new)
_NTH_TIME = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:nd|rd|th))\s+(?:time|visit|trip)\b", re.I
)
_UNIT_ASKED = re.compile(r"\bhow many (years|months|weeks|days|hours|minutes)\b", re.I)
_ANNIVERSARY = re.compile(r"\b\d+(?:st|nd|rd|th)\b|\b(?:bi|tri|quin)?centenn?ial\b|\banniversary\b", re.I)


def _counts_unit(units: str, text: str) -> bool:
    """The text counts the unit asked ("80 years", "two-day", "a few hours"), or, for years, an anniversary."""
    unit = units[:-1]
    if re.search(rf"(?:\d[\d,.]*|\b(?:{NUM_WORDS}|a|an|few))[\s-]+(?:\w+[\s-]+)?{unit}s?\b", text, re.I):
        return True
    return unit == "year" and _ANNIVERSARY.search(text) is not None


_PARAGRAPH_NUMBER = re.compile(r"^[\W_]*\d{1,3}(?:\.(?=\s)|\s+(?=\**[A-Z]))")  # not "7 new agreements were signed"
_ONCE_OPENS = re.compile(r"(?:^|[.,;:]\s*)\W*once\b", re.I)
_MONEY_ASKED = re.compile(
    r"\bhow much (?:\w+ )?(?:funding|funds?|money|financing|finance|aid|assistance|investment|budget|grants?|loans?|"
    r"capital)\b|\bhow much\b.*\b(?:cost|costs|spend|spent|pay|paid)\b",
    re.I,
)
# an amount of money: "$5.7 billion", "USD 102 million", "€300 million", "1.5 billion dollars"
_MONEY = re.compile(
    r"[$€£¥]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion))?|\b(?:USD|EUR|CAD|AUD|JPY|GBP)\s?\d[\d,.]*(?:\s?(?:million|"
    r"billion|trillion))?|\d[\d,.]*\s?(?:million |billion |trillion )?(?:(?:U\.?S\.?|American|Canadian|Australian) )?"
    r"(?:dollars|euros|yen|pounds|won|rupees)\b",
    re.I,
)
_PERCENT_ASKED = re.compile(r"\b(?:what|which|how many) (?:percentage|percent)\b", re.I)
_PERCENT = re.compile(rf"(?:\d[\d,.]*|\b(?:{NUM_WORDS}))\s?(?:%|percent\b|per cent\b|percentage points?\b)", re.I)
# "How much longer...?", "How much shorter did the wait become?": a difference in time or size ("from 87 to 5
# days"), not an amount
COMPARATIVES = (
    "longer later earlier sooner shorter faster quicker slower closer further farther higher lower bigger smaller "
    "larger wider deeper"
)
_HOW_MUCH = re.compile(rf"\bhow much\b(?! (?:time|{'|'.join(COMPARATIVES.split())})\b)", re.I)
WH = re.compile(r"\b(what|when|where|who|whom|which|how)\b", re.I)
# "... when he met Maia Sandu in Warsaw?", "... where the plane came down": a clause, not a second question (one
# asks at the start, after "and"/"or"/"but" or a comma, or before an auxiliary: "when did", "where will")
_CLAUSE = re.compile(rf"(?<!^)(?<!\band )(?<!\bor )(?<!\bbut )(?<!, )\b(?:when|where)\b(?! {_AUXILIARY}\b)", re.I)


def wh_count(question: str) -> int:
    """How many questions the wh-words ask: "How much did Biden pledge when he met Sandu?" asks one."""
    return len(WH.findall(question)) - len(_CLAUSE.findall(question.strip()))


_MULTI = re.compile(r"\b(?:both|each|respectively|compare|and (?:how|what|which|when|where|who|whom|why))\b", re.I)


def is_multi_part(question: str) -> bool:
    """A question in parts ("When was X, and which Y...", "in January 2021 and in October 2021"), whose parts
    may be answered by different documents. Any other question is answered from one document."""
    times = date_hints(SOURCE.sub("", question))  # "according to the November 2022 fact sheet" dates the source
    return wh_count(question) > 1 or len(times) > 1 or bool(_MULTI.search(question))


#: where the question says its answer is told: "..., according to the November 2022 fact sheet"
SOURCE = re.compile(r",?\s+according to\b.*$", re.I)
_SOURCE_FIRST = re.compile(r"^\W*according to (.+?),", re.I)  # "According to the joint vision statement, what ...?"


# ... or inside it, by a document's kind: "did the Quad leaders' 2023 vision statement say", "in their joint statement"
_SOURCE_IN = re.compile(
    r"\b(?:in|did|does|do)\s+((?:the|their|its|his|her)\s+(?:[\w'’.-]+\s+){0,4}?"
    # a kind in lower case: a capitalised one ("do the Quad Principles affirm") is a title's words, read by the backend
    r"(?-i:(?:(?:joint |vision |leaders['’] )*statement|fact sheet|communiqu[eé]|declaration|readout|principles"
    r"|vision(?! statement)|plan|charter|roadmap)))\b",
    re.I,
)


def source_named(question: str) -> str | None:
    """The source a question names, at its end or its start ("according to the November 2022 fact sheet"), or
    inside it by a document's kind ("in their 2023 vision statement")."""
    if m := SOURCE.search(question):
        return re.sub(r"^,?\s+according to\s+", "", m.group(0), flags=re.I).rstrip("?. ")
    m = _SOURCE_FIRST.search(question) or _SOURCE_IN.search(question)
    return m.group(1) if m else None


_PART = re.compile(
    r",?\s+and\s+(?=(?:how|what|which|when|where|who|whom|whose|(?:in|from|on|at|to|for|with|by|under|toward|towards|"
    r"against|into|about|over|through|after|before|during|of|among|within) which)\b)",
    re.I,
)


def question_parts(question: str) -> list[str]:
    """The questions a question in parts asks: "When was AUKUS created and how long was the effort?" -> "When was
    AUKUS created", "how long was the effort?". A question in one part is its only part."""
    return [p.strip() for p in _PART.split(question) if p.strip()]
