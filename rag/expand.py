"""Query rewriting for the way news and editorials name things: a capital for its government ("Tokyo's new
premier", "talks between Washington and Moscow"), journalistic synonyms ("jabs", "the world body").

Summit documents name countries and offices plainly ("Japan", "the Prime Minister"), so a question worded like a
news story shares few words with its answer. ``expand(q)`` returns the question for the dense retriever with the
metonyms replaced, and the question for BM25 with the plain names added (the original words kept: "Washington" may
be the city). A capital after "in", "at", "to", "from", "near" or "visit" is a place and is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rag.bm25 import tokenize

__all__ = ["Expansion", "expand"]

# capital or seat -> the name documents use for its government
CAPITALS: dict[str, str] = {
    "Washington": "the United States", "Tokyo": "Japan", "Beijing": "China", "Moscow": "Russia",
    "the Kremlin": "Russia", "Kyiv": "Ukraine", "Kiev": "Ukraine", "Seoul": "the Republic of Korea",
    "Pyongyang": "North Korea", "Taipei": "Taiwan", "New Delhi": "India", "Delhi": "India",
    "Canberra": "Australia", "Wellington": "New Zealand", "Ottawa": "Canada", "Mexico City": "Mexico",
    "London": "the United Kingdom", "Downing Street": "the United Kingdom", "Whitehall": "the United Kingdom",
    "Paris": "France", "the Elysee": "France", "the Élysée": "France", "Berlin": "Germany", "Rome": "Italy",
    "Madrid": "Spain", "Lisbon": "Portugal", "Oslo": "Norway", "Stockholm": "Sweden", "Helsinki": "Finland",
    "Copenhagen": "Denmark", "Reykjavik": "Iceland", "Dublin": "Ireland", "Amsterdam": "the Netherlands",
    "The Hague": "the Netherlands", "Brussels": "the European Union", "Warsaw": "Poland", "Prague": "Czechia",
    "Bratislava": "Slovakia", "Budapest": "Hungary", "Vienna": "Austria", "Bern": "Switzerland",
    "Athens": "Greece", "Ankara": "Türkiye", "Bucharest": "Romania", "Sofia": "Bulgaria", "Belgrade": "Serbia",
    "Zagreb": "Croatia", "Vilnius": "Lithuania", "Riga": "Latvia", "Tallinn": "Estonia", "Minsk": "Belarus",
    "Chisinau": "Moldova", "Tbilisi": "Georgia", "Yerevan": "Armenia", "Baku": "Azerbaijan",
    "Jerusalem": "Israel", "Tehran": "Iran", "Riyadh": "Saudi Arabia", "Abu Dhabi": "the United Arab Emirates",
    "Doha": "Qatar",
    "Muscat": "Oman", "Kuwait City": "Kuwait", "Manama": "Bahrain", "Amman": "Jordan", "Baghdad": "Iraq",
    "Damascus": "Syria", "Beirut": "Lebanon", "Cairo": "Egypt", "Tripoli": "Libya", "Tunis": "Tunisia",
    "Algiers": "Algeria", "Rabat": "Morocco", "Kabul": "Afghanistan", "Islamabad": "Pakistan",
    "Dhaka": "Bangladesh", "Colombo": "Sri Lanka", "Kathmandu": "Nepal", "Thimphu": "Bhutan",
    "Male": "Maldives", "Hanoi": "Vietnam", "Bangkok": "Thailand", "Jakarta": "Indonesia",
    "Manila": "the Philippines", "Kuala Lumpur": "Malaysia", "Phnom Penh": "Cambodia", "Vientiane": "Laos",
    "Naypyidaw": "Myanmar", "Ulaanbaatar": "Mongolia", "Astana": "Kazakhstan", "Tashkent": "Uzbekistan",
    "Port Moresby": "Papua New Guinea", "Suva": "Fiji", "Apia": "Samoa", "Honiara": "the Solomon Islands",
    "Nairobi": "Kenya", "Abuja": "Nigeria", "Pretoria": "South Africa", "Addis Ababa": "Ethiopia",
    "Accra": "Ghana", "Dakar": "Senegal", "Kinshasa": "the Democratic Republic of the Congo",
    "Kampala": "Uganda", "Kigali": "Rwanda", "Dodoma": "Tanzania", "Luanda": "Angola", "Lusaka": "Zambia",
    "Harare": "Zimbabwe", "Maputo": "Mozambique", "Khartoum": "Sudan", "Brasilia": "Brazil", "Brasília": "Brazil",
    "Buenos Aires": "Argentina", "Santiago": "Chile", "Bogota": "Colombia", "Bogotá": "Colombia", "Lima": "Peru",
    "Quito": "Ecuador", "Caracas": "Venezuela", "Havana": "Cuba", "Montevideo": "Uruguay", "Asuncion": "Paraguay",
    "La Paz": "Bolivia", "Panama City": "Panama", "San Jose": "Costa Rica", "Guatemala City": "Guatemala",
    "Tegucigalpa": "Honduras", "San Salvador": "El Salvador", "Managua": "Nicaragua", "Kingston": "Jamaica",
    "Port-au-Prince": "Haiti", "Santo Domingo": "the Dominican Republic",
    # seats of offices, as news names them
    "the Pentagon": "the Department of Defense", "Foggy Bottom": "the Department of State",
    "Number 10": "the United Kingdom", "No. 10": "the United Kingdom", "the Blue House": "the Republic of Korea",
    "the Vatican": "the Holy See",
}  # fmt: skip
# phrase (case-insensitive) -> the words documents use
PHRASES: dict[str, str] = {
    r"(?:the )?(?:American|U\.?S\.?) (?:president|leader|head of state)": "the President of the United States",
    r"(?:the )?(?:American|U\.?S\.?) administration": "the United States",
    r"(?:America's|(?:the )?(?:American|U\.?S\.?)|Biden's) (?:number two|No\. ?2|second-in-command|deputy)"
    r"|(?:the )?(?:American|U\.?S\.?) vice-president": "the Vice President of the United States",
    r"premiers?": "Prime Minister",
    r"heads? of government": "leaders",
    r"(?:the )?world body": "the United Nations",
    r"(?:the )?(?:UN|U\.N\.) body": "the United Nations",
    r"jabs?": "vaccine doses",
    r"inoculations?": "vaccinations",
    r"(?:the )?(?:bloc|union) of (?:27|twenty-seven) (?:nations|countries|states)": "the European Union",
    r"(?:the )?(?:Atlantic|transatlantic|western) (?:military )?alliance": "NATO",
    r"(?:the )?rich (?:nations|democracies)' club": "the G7",
    r"(?:the )?(?:club|group) of (?:seven|7)(?: (?:rich |wealthy |industrialised |industrialized )?"
    r"(?:nations|democracies|economies))?": "the G7",
    r"(?:the )?(?:club|group) of (?:twenty|20)(?: (?:major )?economies)?": "the G20",
    r"(?:the )?(?:seven|7) (?:(?:rich|richest|wealthy|wealthiest|leading|major|big|advanced|industriali[sz]ed) )+"
    r"(?:democracies|nations|economies|countries|powers)": "the G7",
    r"(?:the )?(?:twenty|20) (?:(?:largest|biggest|major|leading) )+economies": "the G20",
    r"(?:the )?Pacific Rim(?: (?:economies|leaders|nations|countries|forum|grouping|bloc))?"
    r"|(?:the )?Asia-Pacific (?:trade |economic )?(?:forum|grouping|bloc)": "APEC",
    r"(?:the )?self-(?:ruled|governed|governing) island(?: democracy)?|(?:the )?island democracy": "Taiwan",
    r"rotating (?:chairs?|chairmanships?|chairs?manships?|presidenc(?:y|ies))": "Presidency",
    r"hand(?:ed|s|ing)? (?:it |them )?back|gave (?:it |them )?back|give (?:it |them )?back": "returned",
    r"(?:the )?south-?east asian (?:bloc|grouping|nations)": "ASEAN",
    r"(?:the )?(?:four|4)-(?:nation|country|way) (?:Indo-Pacific |Asia-Pacific |democratic |security )?"
    r"(?:grouping|partnership|dialogue)": "the Quad",
    # leaders by title, for the years the corpus covers (2021-2024); where the holder changed, no name is given
    r"(?:the )?Chinese (?:leader|president|head of state)": "President Xi",
    r"(?:the )?Russian (?:leader|president|head of state)": "President Putin",
    r"(?:the )?Indian (?:leader|premier|prime minister)": "Prime Minister Modi",
    r"(?:the )?Ukrainian (?:leader|president)": "President Zelenskyy",
    r"(?:the )?Japanese (?:leader|premier|prime minister)": "the Prime Minister of Japan",
    r"(?:the )?French (?:leader|president|head of state)": "President Macron",
    r"(?:the )?German (?:leader|chancellor|head of government)": "Chancellor of Germany",
    r"(?:the )?(?:British|UK|U\.K\.) (?:leader|premier|prime minister)": "Prime Minister of the United Kingdom",
    r"(?:the )?Bay Area": "San Francisco",
    # a capital by its country ("the Afghan capital"): the city, which an attack or a visit is placed in
    **{rf"(?:the )?{people} capital": city for people, city in {
        "Afghan": "Kabul", "Ukrainian": "Kyiv", "Russian": "Moscow", "Chinese": "Beijing", "Japanese": "Tokyo",
        "South Korean": "Seoul", "North Korean": "Pyongyang", "Indian": "New Delhi", "French": "Paris",
        "German": "Berlin", "British": "London", "Italian": "Rome", "Spanish": "Madrid", "Polish": "Warsaw",
        "Saudi": "Riyadh", "Iranian": "Tehran", "Iraqi": "Baghdad", "Syrian": "Damascus", "Egyptian": "Cairo",
        "Turkish": "Ankara", "Indonesian": "Jakarta", "Vietnamese": "Hanoi", "Philippine": "Manila", "Thai": "Bangkok",
        "Mexican": "Mexico City", "Canadian": "Ottawa", "Australian": "Canberra", "Kenyan": "Nairobi",
        "Cambodian": "Phnom Penh", "Irish": "Dublin", "Belgian": "Brussels", "Dutch": "Amsterdam",
        "Swedish": "Stockholm", "Finnish": "Helsinki", "Norwegian": "Oslo", "Danish": "Copenhagen",
        "Greek": "Athens", "Brazilian": "Brasília", "Argentine": "Buenos Aires", "Peruvian": "Lima",
        "Qatari": "Doha", "Emirati": "Abu Dhabi", "Jordanian": "Amman", "Pakistani": "Islamabad",
        "Malaysian": "Kuala Lumpur", "Nigerian": "Abuja", "Ethiopian": "Addis Ababa", "Moldovan": "Chisinau",
        "Georgian": "Tbilisi", "Lithuanian": "Vilnius", "Czech": "Prague", "Hungarian": "Budapest",
        "Romanian": "Bucharest", "Austrian": "Vienna", "Portuguese": "Lisbon", "Mongolian": "Ulaanbaatar",
    }.items()},
    r"schooling": "education",
    r"ex-(?=(?-i:[a-z]))": "former ",  # "Biden's ex-boss": "my former boss"
    r"graft": "corruption",  # "its graft law", "anti-graft": "anti-corruption law"
    r"crypto-?currenc(?:y|ies)": "crypto-assets digital assets",
    r"Fermilab": "Fermi National Laboratory",  # the laboratory's own short name
    r"(?:a)?round[- ]the[- ]clock": "24 hours a day 7 days a week",
    r"handouts": "subsidies",
    r"overhaul(?:s|ed|ing)?": "reform",
    r"sabotag(?:e|ed|ing)": "deliberate damage",
    r"(?:gas|oil) (?:lines|links)": "pipelines",
    # a leader's name for the state he runs: "Putin's security council" is the Russian Security Council
    r"Putin['’]s": "Russia",
    r"Xi(?: Jinping)?['’]s": "China",
    r"(?:national )?security advis[eo]rs?": "National Security Advisor",
    r"coal, (?:oil|gas) and (?:oil|gas)|(?:oil|gas), (?:oil|gas) and coal": "fossil fuels",
    r"(?:its |their )?(?:gas and oil|oil and gas)(?: supplies| exports)?": "energy",
    # how news and editorials word what communiqués and readouts say
    r"(?:tele)?phone (?:call|conversation|talks?)": "call",
    r"(?:spoke|talked) (?:by|on the) (?:tele)?phone": "spoke on a call",
    r"video (?:call|conference|link|summit|talks?)|videoconference": "virtual meeting",
    r"face[- ]to[- ]face": "in-person",
    r"get together": "meet",
    r"think about|mull(?:ed|ing)?|weigh(?:ed|ing)?": "consider",
    r"obtain(?:s|ed|ing)?": "acquire",
    r"nuclear umbrella": "extended deterrence",
    r"(?:trade )?(?:pact|accord)": "agreement partnership",
    r"weapons limits|arms limits": "arms control strategic stability",
    r"naval facility|navy base": "naval base",
    r"planning papers|strategy papers": "strategy documents",
    r"top diplomats?": "foreign ministers Secretary of State",
    r"chips|microchips|chipmakers?": "semiconductors",
    r"nukes": "nuclear weapons",
    r"(?:the )?coronavirus|covid(?![-\w])": "COVID-19",
    r"supply lines": "supply chains",
    r"climate crisis|global warming": "climate change",
    r"cyberattacks?|cyber-attacks?|hacking": "cyber threats malicious cyber activity",
    r"troops": "forces military personnel",
    r"envoys?": "special envoy ambassador",
    r"(?:the )?(?:Korean|Korea's) nuclear (?:programme|program)": "denuclearization of the Korean Peninsula",
    r"rejoin": "return to",
    r"North Korea(?! \(the DPRK\))": "North Korea (the DPRK)",
    r"atomic (?:arms|weapons|bombs?)": "nuclear weapons",
    r"atomic": "nuclear",
    r"merchant (?:ships|vessels)|cargo ships|commercial shipping": "commercial vessels",
    r"strikes? on": "attacks against",
    r"levies|levy": "taxes",
    r"(?:tech|technology) (?:giants|firms|companies)|big tech": "technology multinational corporations",
}  # fmt: skip

# a capital after these words is the city ("in Tokyo", "visit Seoul"), not its government
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|to|from|near|visit|visits|visited|visiting|outside|around)\s+)$", re.I)
# ... unless its possessive names who governs: "grateful to Canberra's newly chosen leader" is Australia's
_GOVERNS = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:leaders?|government|premier|president|prime minister|chancellor|administration"
    r"|officials|diplomats)\b",
    re.I,
)


# a capital that ends a longer one ("Delhi" of "New Delhi"): the longer one was read first
_LONGER = {o: [k for k in CAPITALS if k.endswith(" " + o)] for o in CAPITALS}


@dataclass(frozen=True)
class Expansion:
    dense: str  # metonyms replaced: what the embedding model reads
    lexical: str  # original words plus the plain names: what BM25 reads
    changed: bool
    swapped: tuple[str, ...] = ()  # the words replaced and their replacements: not evidence of a missing topic

    @property
    def swapped_terms(self) -> frozenset[str]:
        """The swapped words as BM25 terms: a refusal rule does not ask the passage for them."""
        return frozenset(tokenize(" ".join(self.swapped)))


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str, bool]]:
    out: list[tuple[re.Pattern[str], str, bool]] = []
    for name in sorted(CAPITALS, key=len, reverse=True):
        # not a name's first word: "the Washington Declaration", "the Paris Agreement" name no government
        out.append((re.compile(rf"\b{re.escape(name)}(?:'s|’s|(?![\w-])(?!\s+[A-Z][a-z]))"), CAPITALS[name], True))
    for phrase, plain in PHRASES.items():
        out.append((re.compile(rf"\b{phrase}\b", re.I), plain, False))
    return out


@lru_cache(maxsize=256)  # the retriever and the extractive backend both ask for the same question
def expand(question: str) -> Expansion:
    dense = question
    added: list[str] = []
    swapped: list[str] = []
    for pattern, plain, is_place in _patterns():

        def sub(m: re.Match[str], plain: str = plain, is_place: bool = is_place) -> str:
            possessive = m.group(0).endswith(("'s", "’s"))
            governs = possessive and _GOVERNS.match(m.string, m.end())
            if is_place and not governs and _PLACE_BEFORE.search(m.string[: m.start()]):
                return m.group(0)
            name = m.group(0)[:-2] if possessive else m.group(0)  # "'s" and "’s" are two characters
            if is_place and any(m.string[: m.start()].endswith(k[: -len(name)]) for k in _LONGER.get(name, ())):
                return m.group(0)  # "Delhi" of "in New Delhi", which was left as a place: still the city
            added.append(plain)
            swapped.append(m.group(0))
            return plain + ("'s" if possessive else "")

        dense = pattern.sub(sub, dense)
    if not added:
        return Expansion(question, question, False)
    return Expansion(dense, question + " " + " ".join(dict.fromkeys(added)), True, tuple(swapped + added))
