"""Query rewriting for news-style wording, and the focus check that refuses "how many X" when X is absent."""

from __future__ import annotations

import pytest

from rag.backends.extractive import count_attached, counted_words, missing_focus, missing_rare_term
from rag.bm25 import tokenize
from rag.expand import expand
from rag.qtype import holds


@pytest.mark.parametrize(
    ("question", "dense", "added"),
    [
        (
            "What did Washington and Moscow agree?",
            "What did the United States and Russia agree?",
            ["the United States", "Russia"],
        ),
        ("What did Tokyo's new premier say?", "What did Japan's new Prime Minister say?", ["Japan", "Prime Minister"]),
        (
            "What will Ottawa do with the jabs?",
            "What will Canada do with the vaccine doses?",
            ["Canada", "vaccine doses"],
        ),
        ("Which role at the world body?", "Which role at the United Nations?", ["the United Nations"]),
        # what communiqués call North Korea, and news words for what they call weapons, ships and taxes
        ("How is Pyongyang paying for arms?", "How is North Korea (the DPRK) paying for arms?", ["the DPRK"]),
        ("Before using atomic arms?", "Before using nuclear weapons?", ["nuclear weapons"]),
        (
            "Strikes on merchant ships?",
            "attacks against commercial vessels?",
            ["attacks against", "commercial vessels"],
        ),
        ("Levies on tech giants?", "taxes on technology multinational corporations?", ["taxes"]),
        # the groups by their long names, their chairs as news calls them, and giving back
        (
            "Who holds the group of twenty's rotating chair?",
            "Who holds the G20's Presidency?",
            ["the G20", "Presidency"],
        ),
        ("What did the Group of Seven say?", "What did the G7 say?", ["the G7"]),
        # leaders by nationality, places and goods as news names them (probe set 12)
        (
            "What did the German leader say about Moscow's gas and oil?",
            "What did Chancellor of Germany say about Russia's energy?",
            ["Chancellor of Germany", "Russia", "energy"],
        ),
        (
            "Whom did the British premier meet in the Bay Area?",
            "Whom did Prime Minister of the United Kingdom meet in San Francisco?",
            ["Prime Minister of the United Kingdom", "San Francisco"],
        ),
        # a leader's name for the state he runs, and the adviser's title (probe set 13)
        (
            "What did Biden's security adviser tell the head of Putin's security council?",
            "What did Biden's National Security Advisor tell the head of Russia's security council?",
            ["National Security Advisor", "Russia"],
        ),
        ("What did Washington hand back to Mexico?", "What did the United States returned to Mexico?", ["returned"]),
        # offices by their seats and ranks, as news names them
        (
            "Why was America's number two in Japan?",
            "Why was the Vice President of the United States in Japan?",
            ["the Vice President of the United States"],
        ),
        # groups, islands and capitals as news names them (probe set 19)
        (
            "How did the seven rich democracies react to the sabotage of the undersea gas lines?",
            "How did the G7 react to the deliberate damage of the undersea pipelines?",
            ["the G7", "deliberate damage", "pipelines"],
        ),
        (
            "What did the Pacific Rim economies say about handouts for coal, oil and gas?",
            "What did APEC say about subsidies for fossil fuels?",
            ["APEC", "subsidies", "fossil fuels"],
        ),
        ("Who spoke for the self-governed island?", "Who spoke for Taiwan?", ["Taiwan"]),
        # probe set 23: "the immigration reform legislation that President Biden sent to the Congress"
        ("Who would the immigration overhaul bill cover?", "Who would the immigration reform bill cover?", ["reform"]),
        ("What did the twenty largest economies agree?", "What did the G20 agree?", ["the G20"]),
        ("What was Jerusalem's leader thanked for?", "What was Israel's leader thanked for?", ["Israel"]),
        (
            "Who died in the bombing in the Afghan capital?",
            "Who died in the bombing in Kabul?",
            ["Kabul"],
        ),
        (
            "What did the Pentagon and Number 10 say?",
            "What did the Department of Defense and the United Kingdom say?",
            ["the Department of Defense", "the United Kingdom"],
        ),
        # probe 47: a capital's possessive naming who governs is no place, even after "to" ("grateful to Canberra's
        # newly chosen leader" was refused for want of "Canberra"); the Quad with a word between
        (
            "Why was Biden grateful to Canberra's newly chosen leader?",
            "Why was Biden grateful to Australia's newly chosen leader?",
            ["Australia"],
        ),
        ("Why did the four-nation Indo-Pacific grouping meet?", "Why did the Quad meet?", ["the Quad"]),
        # a capital ending a longer one: "New Delhi" as a whole, never "New India" (probe 78)
        ("What did New Delhi's leaders say?", "What did India's leaders say?", ["India"]),
        ("What did Delhi say about Moscow?", "What did India say about Russia?", ["India", "Russia"]),
    ],
)
def test_metonyms_become_the_names_documents_use(question: str, dense: str, added: list[str]) -> None:
    e = expand(question)
    assert e.changed and e.dense == dense
    assert e.lexical.startswith(question), "BM25 keeps the original words"
    for name in added:
        assert name in e.lexical[len(question) :]


@pytest.mark.parametrize(
    "question",
    [
        "Which summit took place in Washington in May 2022?",
        "Where did Biden meet Kishida in Phnom Penh?",
        "Who visited Tokyo in 2022?",
        "What did the leaders agree on climate?",
        "Was the Washingtonian article right?",  # a longer word is not the capital
        "How fast is the Asia-Pacific region growing?",  # the region is not its forum
        "Which seven countries signed?",  # a count is not the G7
        "Who signed the Washington Declaration?",  # a capital opening a name names no government
        "What does the Paris Agreement say?",
        "Who flew to Tokyo's Haneda airport?",  # a possessive naming a place in the city
        "What was said in Tokyo's Imperial Palace?",
        "At what level would China be represented at the 2023 G20 summit in New Delhi?",  # not "in New India"
    ],
)
def test_places_and_plain_questions_are_left_alone(question: str) -> None:
    e = expand(question)
    assert not e.changed and e.dense == question and e.lexical == question


@pytest.mark.parametrize(
    ("question", "context", "missing"),
    [
        ("How many reporters attended the remarks?", "The leaders held remarks for the press.", "report"),
        ("How many yen did Japan pledge?", "Japan pledged $1 billion.", "yen"),
        ("What was the name of the interpreter?", "The meeting had two interpreters present.", None),
        ("What was the weather like at Camp David?", "The leaders met at Camp David.", "weather"),
        ("How much money did Japan pledge?", "Japan pledged $1 billion.", None),  # "money" is not counted
        ("How many lakes will be restored?", "They will restore sixty lakes.", None),
        ("What did the leaders agree?", "Anything at all.", None),  # no counted or named thing
        ("What is the total cost in dollars of the bridge?", "Canada is financing the bridge.", "cost"),
        ("What was the estimated cost of the bridge?", "The bridge will cost $5.7 billion.", None),
        ("How much will extending the space station to 2030 cost?", "Japan will extend it through 2030.", "cost"),
        ("How much did the bridge cost Canada?", "The bridge costs $5.7 billion.", None),
        # "who was the <office>": the office's words must be there, a nationality or a capitalised title need not
        (
            "Who was the Greek foreign minister at the meeting?",
            "Biden met Prime Minister Mitsotakis of Greece.",
            "foreign",
        ),
        (
            "Who was the Japanese national security advisor Sullivan met?",
            "He met national security advisor Akiba.",
            None,
        ),
        ("Who is the chief negotiator?", "The talks were led by the trade team.", "chief"),
        ("Who was the Secretary General of the Secretariat?", "Anything at all.", None),
        ("Which French minister joined the meeting?", "President Biden met President Macron of France.", "minist"),
        ("Which national security advisors did Sullivan meet?", "He met the national security advisors.", None),
        # "Canada's ambassador" is an office as "the Canadian ambassador" is; a rate and a temperature are things
        ("Who was Canada's ambassador at the summit?", "Biden met Prime Minister Trudeau of Canada.", "ambassador"),
        ("Who was Canada's ambassador at the summit?", "Ambassador Hillman of Canada attended.", None),
        ("What was the unemployment rate in Kenya?", "Kenya has received 2.8 million vaccines.", "unemploy"),
        # probe 16: "What interest rate was charged on the $530 million loan...?" was answered by the loan's sentence
        ("What interest rate was charged on the loan?", "The United States supported a $530 million loan.", "interest"),
        ("What interest rate did the bank charge?", "The loan carries an interest rate of 2 percent.", None),
        ("What temperature was recorded in Hiroshima?", "The leaders met in Hiroshima.", "temperatur"),
        ("What was the Senate vote on the act?", "The President signed the act into law.", "vote"),
        # probes 22 and 32: "What was served at ... breakfast with Kishida?" was answered by the readout's "hosted ...
        # for a breakfast meeting at the Vice President's Residence"
        (
            "What was served at the breakfast?",
            "Harris hosted Kishida for a breakfast meeting at her residence.",
            "serv",
        ),
        ("What was served at the dinner?", "Guests were served Maine lobster at the state dinner.", None),
        # probe 39: a people counted is told as "people" by a passage naming their country
        ("How many Indians got bank accounts?", "India has brought more than 430 million people into banking.", None),
        ("How many Indians got bank accounts?", "Kenya has brought 10 million people into banking.", "indian"),
        # ... a count only: the name of "the Kuwaiti foreign minister" is not told by naming Kuwait (check set)
        ("What was the name of the Kuwaiti minister?", "The Crown Prince of Kuwait met the President.", "kuwaiti"),
    ],
)
def test_missing_focus(question: str, context: str, missing: str | None) -> None:
    assert missing_focus(question, context) == missing


@pytest.mark.parametrize(
    ("question", "sentence", "attached"),
    [
        ("How many reporters attended the press remarks?", "After 20 minutes, Kishida told reporters he was pleased.", False),
        ("Exactly how many Pfizer doses will Kenya get?", "Kenya has 2.8 million vaccines and will get more Pfizer doses.", False),
        ("How many Pfizer doses did the United States commit?", "It will donate **500 million doses** of Pfizer.", True),
        ("How many trilateral working groups had been set up?", "Seventeen trilateral working groups exist.", True),
        ("How many marine wardens will the summit fund?", "It agreed to fund forty-two marine wardens.", True),
        ("How many yen did Japan pledge?", "Australia will give US$77 million.", None),  # never names yen: others decide
        # probe 48: a sum of money counts no vaccines ("How many vaccine doses did Australia deliver to Timor-Leste
        # alone?" was answered by "US$407 million for regional vaccine access")
        ("How many vaccine doses did Australia deliver?", "It gives US$407 million for regional vaccine access.", False),
        ("How many vaccine doses did Australia deliver?", "It has $5 billion of vaccine funding.", False),
        ("How many vaccine doses did Japan deliver?", "It gave 60 million vaccine doses worth $3 billion.", True),
        # an ordinal counts too (probe set 11: the "10 years" of another report answered instead)
        ("How many consecutive years had freedom been in retreat?", "It marked the 15th consecutive year of decline.", True),
    ],
)  # fmt: skip
def test_a_count_must_stand_before_what_is_counted(question: str, sentence: str, attached: bool | None) -> None:
    assert count_attached(sentence, counted_words(question)) is attached


def test_only_how_many_questions_count_something() -> None:
    assert counted_words("How much did the bridge cost?") == frozenset()
    assert counted_words("What did the leaders agree?") == frozenset()


RARE = frozenset(tokenize("gift restaurant Kananaskis monarchy heir apparent patch slice lender"))


@pytest.mark.parametrize(
    ("question", "passage", "missing"),
    [
        # the passage holds every rare word but one: it is about the topic, not about the thing asked
        ("What gift did Biden give Rivlin?", "Biden met Rivlin to honour him.", "gift"),
        ("Which restaurant hosted the leaders' dinner?", "The leaders had dinner together.", "restaur"),
        # a paraphrase misses several: worded unlike the documents, so this rule cannot tell
        ("Which Gulf monarchy's heir apparent did he commend for helping patch up ties with Beirut?",
         "Biden recognized Kuwait's role in restoring ties between Gulf states and Lebanon.", None),
        ("What slice of the banking system does the biggest lender hold?",
         "Sberbank holds nearly one-third of the banking sector's assets.", None),
        ("What gift did Biden give Rivlin?", "Biden gave Rivlin a gift.", None),
    ],
)  # fmt: skip
def test_one_missing_rare_word_marks_an_unanswerable_question(question: str, passage: str, missing: str | None) -> None:
    assert missing_rare_term(question, passage, lambda t: 10.0 if t in RARE else 2.0) == missing


@pytest.mark.parametrize(
    ("kind", "text", "question", "held"),
    [
        ("number", "Japan will support the station through 2030.", "How much will running it to 2030 cost?", False),
        # "where" is answered by a gathering as well as a city ("on the margins of the G7 Summit")
        ("place", "Biden met today with President Macron on the margins of the G7 Summit.", "Where did Biden meet Macron?", True),
        ("place", "Biden met today with President Macron.", "Where did Biden meet Macron?", False),
        ("number", "It will cost $5.7 billion through 2030.", "How much will running it to 2030 cost?", True),
        # "how much" asks for an amount: not a compound adjective, not a name with digits
        ("number", "He expressed his strong support for a two-state solution.", "How much did the US commit?", False),
        ("number", "They discussed the G20 and the F-16 fleet.", "How much did the US commit?", False),
        ("number", "Biden announced up to USD 102 million in new initiatives.", "How much did he announce?", True),
        ("number", "We are raising our assistance by over half a billion dollars.", "By how much is it rising?", True),
        ("number", "The leaders welcomed the release of two hostages.", "How many hostages were freed?", True),
        ("number", "Twenty-five nations joined.", "How many nations joined?", True),
        ("number", "They backed a two-state solution after COVID-19.", "How many nations joined?", False),
        ("day", "In October, the two governments plan to hold the dialogue.", "On what exact date was it held?", False),
        ("day", "The dialogue was held on October 14 in Kyiv.", "On what exact date was it held?", True),
        ("day", "The leaders met today in Kyiv.", "On what date did they meet?", True),  # today: the document's date
        ("date", "They met in October.", "When did they meet in October?", False),
        ("frequency", "The Leaders decided to meet in-person at least annually.", "How often will they meet?", True),
        ("frequency", "They will hold the dialogue every two years.", "How often will they meet?", True),
        ("frequency", "The Leaders met in person at Camp David.", "How often will they meet?", False),
        # a person is a name after a title, and none of its words may be the question's
        ("person", "President Biden welcomed the leaders of Japan and the United States.", "Which leaders did Biden host?", False),
        ("person", "President Biden welcomed Prime Minister Kishida and President Yoon.", "Which leaders did Biden host?", True),
        ("person", "National Security Advisor Jake Sullivan also met him.", "Who met Prime Minister Store?", True),
        # "which X": a name of that kind ("Senkaku Islands"), not the word alone ("island nations")
        ("named", "China has intruded into the waters of the Senkaku Islands.", "Which islands has Beijing sent ships to?", True),
        ("named", "Many of these island nations have just a couple of ships.", "Which islands has Beijing sent ships to?", False),
        # the name may follow the noun: "the Presidency of the Council of the European Union"
        ("named", "They spoke as Spain assumes the Presidency of the Council this July.", "Which Spanish presidency did they discuss?", True),
        ("named", "Biden welcomed President Sanchez of Spain to the White House.", "Which Spanish presidency did they discuss?", False),
        ("named", "Sanctions fell on Sberbank and Russia's largest private bank, Alfa Bank.", "Which two Russian banks were blocked?", True),
    ],
)  # fmt: skip
def test_a_sentence_holds_what_is_asked_only_beyond_what_the_question_names(
    kind: str, text: str, question: str, held: bool
) -> None:
    assert holds(kind, text, question) is held


@pytest.mark.parametrize(
    ("british", "american"),
    [("forced labour", "forced labor"), ("labourers", "laborers"), ("a development programme", "a development program"),
     ("good neighbours", "good neighbors"), ("honoured", "honored"), ("defence", "defense"), ("organisation", "organization"),
     ("security advisers", "security advisors")],
)  # fmt: skip
def test_british_and_american_spellings_share_their_terms(british: str, american: str) -> None:
    """UN statements are in British spelling, White House documents in American: "coerced labour" missed "forced
    labor" in BM25 and in the sentence overlap before "-our" and "programme" were bent."""
    assert tokenize(british) == tokenize(american)


@pytest.mark.parametrize(
    ("written", "typed"),
    [("Erdoğan", "Erdogan"), ("Türkiye", "Turkiye"), ("Nausėda", "Nauseda"), ("Año", "Ano"), ("Kılıçdaroğlu", "Kilicdaroglu"),
     ("Łukasz", "Lukasz")],
)  # fmt: skip
def test_a_name_with_diacritics_is_one_term_and_matches_it_typed_without_them(written: str, typed: str) -> None:
    """Words were cut at any letter outside a-z: "Erdoğan" was "erdo", "Türkiye" "rkiy", and a question typing
    "Erdogan" matched neither BM25 nor the sentence overlap."""
    assert tokenize(f"President {written} met") == tokenize(f"president {typed} met")
    assert len(tokenize(written)) == 1


def test_words_that_only_end_like_a_british_spelling_are_left_alone() -> None:
    assert tokenize("four hour tour flour") == ["four", "hour", "tour", "flour"]
    assert tokenize("labor") != tokenize("harbor")


def test_an_office_a_rewrite_put_in_is_not_required() -> None:
    """ "envoy" reads "special envoy ambassador" for the dense question; the passage says "the Ambassador". Before
    the rewrite's words were skipped, "Which American envoy in Tokyo..." was refused for want of "special"."""
    question = expand("Which American envoy in Tokyo talks of his time with the premier?")
    passage = "The Ambassador, Rahm Emanuel, talks often about the time he spends with you."
    assert missing_focus(question.dense, passage) == "special"
    assert missing_focus(question.dense, passage, frozenset(tokenize(" ".join(question.swapped)))) is None


def test_cryptocurrency_reads_as_the_documents_crypto_assets() -> None:
    """Probe 63's "Did the G7 leaders consider that their existing sanctions on Russia already applied to
    cryptocurrencies?" was answered from a June 2022 fact sheet: the G7's "our current sanctions already cover
    crypto-assets" shared no word with it."""
    e = expand("Did the G7 leaders consider that their sanctions already applied to cryptocurrencies?")
    assert {"crypto", "asset"} <= set(tokenize(e.dense))
    assert "crypto" in tokenize(expand("How much crypto-currency did North Korea steal?").dense)
    assert "asset" not in tokenize(expand("How much did North Korea steal?").dense)


def test_fermilab_reads_as_the_documents_fermi_national_laboratory() -> None:
    """Probe 64's "How much did India's Department of Atomic Energy contribute in kind to Fermilab's PIP-II
    accelerator?" was refused: "Fermilab", the question's one rare word, is "Fermi National Laboratory" in both
    documents stating the $140 million."""
    assert {"fermi", "nation", "laboratori"} <= set(tokenize(expand("What did India give to Fermilab's PIP-II?").dense))


def test_round_the_clock_reads_as_the_hours_documents_give() -> None:
    """Probe 65's "What round-the-clock schedule did Biden say the two biggest Californian ports had agreed to run?"
    ranked "... to 24 hours a day and 7 days a week" below a sentence about Palestinians."""
    for q in ("What round-the-clock schedule did the ports agree?", "Which ports run around the clock?"):
        assert {"24", "hour", "week"} <= set(tokenize(expand(q).dense))
    assert "hour" not in tokenize(expand("Which ports did Biden name?").dense)


def test_ex_reads_as_former() -> None:
    """Probe 70's "Which ex-boss of Biden's did he credit with hosting the first summit ...?" was refused: "ex" is
    rare and no document says it; the toast says "my former boss, ... Barack Obama"."""
    assert "former boss" in expand("Which ex-boss of Biden's did he credit?").dense
    assert "former" not in expand("How much did the Ex-Im Bank lend?").dense  # a name, not a former bank


def test_graft_reads_as_corruption() -> None:
    """Probe 71's "What did Biden say the Dominican Republic had set up ... after updating its graft law?" was
    refused for "graft", which the remarks call "its anti-corruption law"."""
    assert "corrupt" in tokenize(expand("What did it set up after updating its graft law?").dense)
    assert "corrupt" not in tokenize(expand("What did it set up after updating its tax law?").dense)
