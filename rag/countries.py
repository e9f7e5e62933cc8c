"""Countries by the names documents and questions give them ("Japan", "Japanese", "Tokyo"; "the ROK", "Seoul";
"the PRC", "Beijing"), so a check can ask whether a passage speaks of the country a question names. Capitals and
seats come from the query rewriter's table (``rag.expand.CAPITALS``); the table here holds names and peoples.

The United States is left out: nearly every document is the White House's own, where "we" is the United States.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.expand import CAPITALS

__all__ = ["CITIES", "COUNTRIES", "LEADERS", "countries_in", "countries_led"]

# the cities below that name their country though no capital: still cities ("met today in Jeddah")
CITIES = frozenset({"Geneva", "Jeddah", "Sanaa"})

# country -> the words that name it besides its capital (whole words, case as written)
COUNTRIES: dict[str, tuple[str, ...]] = {
    "Japan": ("Japan", "Japanese"),
    "China": ("China", "Chinese", "PRC"),
    "North Korea": ("North Korea", "North Korean", "DPRK"),
    "South Korea": ("South Korea", "Republic of Korea", "ROK", "South Korean", "Korea"),
    "India": ("India", "Indian"),
    "Australia": ("Australia", "Australian"),
    "New Zealand": ("New Zealand",),
    "Canada": ("Canada", "Canadian"),
    "Mexico": ("Mexico", "Mexican"),
    "the United Kingdom": ("United Kingdom", "UK", "U.K.", "Britain", "British"),
    "France": ("France", "French", "Élysée", "Elysee"),
    "Germany": ("Germany", "German"),
    "Italy": ("Italy", "Italian"),
    "Spain": ("Spain", "Spanish"),
    "Portugal": ("Portugal", "Portuguese"),
    "Ireland": ("Ireland", "Irish", "Taoiseach"),
    "the Netherlands": ("Netherlands", "Dutch"),
    "Belgium": ("Belgium", "Belgian"),
    "Switzerland": ("Switzerland", "Swiss", "Geneva"),
    "Austria": ("Austria", "Austrian"),
    "Norway": ("Norway", "Norwegian"),
    "Sweden": ("Sweden", "Swedish"),
    "Finland": ("Finland", "Finnish"),
    "Denmark": ("Denmark", "Danish"),
    "Iceland": ("Iceland", "Icelandic"),
    "Poland": ("Poland", "Polish"),
    "Lithuania": ("Lithuania", "Lithuanian"),
    "Latvia": ("Latvia", "Latvian"),
    "Estonia": ("Estonia", "Estonian"),
    "Czechia": ("Czechia", "Czech"),
    "Slovakia": ("Slovakia", "Slovak"),
    "Hungary": ("Hungary", "Hungarian"),
    "Romania": ("Romania", "Romanian"),
    "Bulgaria": ("Bulgaria", "Bulgarian"),
    "Greece": ("Greece", "Greek"),
    "Türkiye": ("Türkiye", "Turkey", "Turkish"),
    "Russia": ("Russia", "Russian", "Kremlin"),
    "Ukraine": ("Ukraine", "Ukrainian"),
    "Belarus": ("Belarus", "Belarusian"),
    "Moldova": ("Moldova", "Moldovan"),
    "Armenia": ("Armenia", "Armenian"),
    "Azerbaijan": ("Azerbaijan", "Azerbaijani"),
    "Israel": ("Israel", "Israeli", "Jerusalem"),
    "Egypt": ("Egypt", "Egyptian"),
    "Jordan": ("Jordan", "Jordanian"),
    "Saudi Arabia": ("Saudi Arabia", "Saudi", "Jeddah"),
    "the United Arab Emirates": ("United Arab Emirates", "UAE", "Emirati"),
    "Qatar": ("Qatar", "Qatari"),
    "Kuwait": ("Kuwait", "Kuwaiti"),
    "Bahrain": ("Bahrain", "Bahraini"),
    "Oman": ("Oman", "Omani"),
    "Iran": ("Iran", "Iranian"),
    "Iraq": ("Iraq", "Iraqi"),
    "Syria": ("Syria", "Syrian"),
    "Lebanon": ("Lebanon", "Lebanese"),
    "Yemen": ("Yemen", "Yemeni", "Houthi", "Houthis", "Sanaa"),
    "Afghanistan": ("Afghanistan", "Afghan", "Taliban"),
    "Pakistan": ("Pakistan", "Pakistani"),
    "Bangladesh": ("Bangladesh", "Bangladeshi"),
    "Sri Lanka": ("Sri Lanka", "Sri Lankan"),
    "Nepal": ("Nepal", "Nepali", "Nepalese"),
    "Mongolia": ("Mongolia", "Mongolian"),
    "Taiwan": ("Taiwan", "Taiwanese"),
    "the Philippines": ("Philippines", "Philippine", "Filipino"),
    "Indonesia": ("Indonesia", "Indonesian", "Bali"),
    "Vietnam": ("Vietnam", "Viet Nam", "Vietnamese"),
    "Thailand": ("Thailand", "Thai"),
    "Malaysia": ("Malaysia", "Malaysian"),
    "Singapore": ("Singapore", "Singaporean"),
    "Brunei": ("Brunei", "Bruneian"),
    "Timor-Leste": ("Timor-Leste", "East Timor"),
    "Cambodia": ("Cambodia", "Cambodian"),
    "Laos": ("Laos", "Lao"),
    "Myanmar": ("Myanmar", "Burma", "Burmese"),
    "Fiji": ("Fiji", "Fijian"),
    "Papua New Guinea": ("Papua New Guinea", "PNG"),
    "Brazil": ("Brazil", "Brazilian"),
    "Argentina": ("Argentina", "Argentine", "Argentinian"),
    "Chile": ("Chile", "Chilean"),
    "Colombia": ("Colombia", "Colombian"),
    "Peru": ("Peru", "Peruvian"),
    "Ecuador": ("Ecuador", "Ecuadorian"),
    "Venezuela": ("Venezuela", "Venezuelan"),
    "Cuba": ("Cuba", "Cuban"),
    "Haiti": ("Haiti", "Haitian"),
    "Guatemala": ("Guatemala", "Guatemalan"),
    "Honduras": ("Honduras", "Honduran"),
    "El Salvador": ("El Salvador", "Salvadoran"),
    "Panama": ("Panama", "Panamanian"),
    "Costa Rica": ("Costa Rica", "Costa Rican"),
    "Kenya": ("Kenya", "Kenyan"),
    "Nigeria": ("Nigeria", "Nigerian"),
    "South Africa": ("South Africa", "South African"),
    "Ethiopia": ("Ethiopia", "Ethiopian"),
    "Ghana": ("Ghana", "Ghanaian"),
    "Senegal": ("Senegal", "Senegalese"),
    "Angola": ("Angola", "Angolan"),
    "Morocco": ("Morocco", "Moroccan"),
    "Algeria": ("Algeria", "Algerian"),
    "Tunisia": ("Tunisia", "Tunisian"),
    "Libya": ("Libya", "Libyan"),
    "Sudan": ("Sudan", "Sudanese"),
    "Uruguay": ("Uruguay", "Uruguayan"),
    "Paraguay": ("Paraguay", "Paraguayan"),
    "Bolivia": ("Bolivia", "Bolivian"),
    "Guyana": ("Guyana", "Guyanese"),
    "Suriname": ("Suriname", "Surinamese"),
    "Belize": ("Belize", "Belizean"),
    "Nicaragua": ("Nicaragua", "Nicaraguan"),
    "the Dominican Republic": ("Dominican Republic",),
    "Jamaica": ("Jamaica", "Jamaican"),
    "Barbados": ("Barbados", "Barbadian"),
    "the Bahamas": ("Bahamas", "Bahamian"),
    "Grenada": ("Grenada", "Grenadian"),
    "Tanzania": ("Tanzania", "Tanzanian"),
    "Uganda": ("Uganda", "Ugandan"),
    "Rwanda": ("Rwanda", "Rwandan"),
    "Zambia": ("Zambia", "Zambian"),
    "Zimbabwe": ("Zimbabwe", "Zimbabwean"),
    "Malawi": ("Malawi", "Malawian"),
    "Mozambique": ("Mozambique", "Mozambican"),
    "Namibia": ("Namibia", "Namibian"),
    "Botswana": ("Botswana",),
    "Madagascar": ("Madagascar", "Malagasy"),
    "Mauritius": ("Mauritius", "Mauritian"),
    "Seychelles": ("Seychelles", "Seychellois"),
    "Comoros": ("Comoros", "Comorian"),
    "Somalia": ("Somalia", "Somali"),
    "Eritrea": ("Eritrea", "Eritrean"),
    "Cameroon": ("Cameroon", "Cameroonian"),
    "Gabon": ("Gabon", "Gabonese"),
    "Chad": ("Chad", "Chadian"),
    "the Central African Republic": ("Central African Republic",),
    "Equatorial Guinea": ("Equatorial Guinea",),
    "Guinea": ("Guinea", "Guinean"),
    "Guinea-Bissau": ("Guinea-Bissau",),
    "Sierra Leone": ("Sierra Leone", "Sierra Leonean"),
    "Liberia": ("Liberia", "Liberian"),
    "Côte d'Ivoire": ("Côte d’Ivoire", "Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast", "Ivorian"),
    "Burkina Faso": ("Burkina Faso", "Burkinabe"),
    "Mali": ("Mali", "Malian"),
    "Niger": ("Niger", "Nigerien"),
    "Mauritania": ("Mauritania", "Mauritanian"),
    "Togo": ("Togo", "Togolese"),
    "the Gambia": ("Gambia", "Gambian"),
    "Serbia": ("Serbia", "Serbian"),
    "Croatia": ("Croatia", "Croatian"),
    "Slovenia": ("Slovenia", "Slovenian"),
    "Montenegro": ("Montenegro", "Montenegrin"),
    "North Macedonia": ("North Macedonia", "Macedonian"),
    "Kosovo": ("Kosovo", "Kosovar"),
    "Cyprus": ("Cyprus", "Cypriot"),
    "Malta": ("Malta", "Maltese"),
    "Luxembourg": ("Luxembourg",),
    "Georgia": ("Georgia", "Georgian"),
    "Kazakhstan": ("Kazakhstan", "Kazakh"),
    "Uzbekistan": ("Uzbekistan", "Uzbek"),
    "Turkmenistan": ("Turkmenistan", "Turkmen"),
    "Tajikistan": ("Tajikistan", "Tajik"),
    "Kyrgyzstan": ("Kyrgyzstan", "Kyrgyz"),
    "Maldives": ("Maldives", "Maldivian"),
    "the Solomon Islands": ("Solomon Islands",),
    "Vanuatu": ("Vanuatu", "Ni-Vanuatu"),
    "Samoa": ("Samoa", "Samoan"),
    "Tonga": ("Tonga", "Tongan"),
    "Kiribati": ("Kiribati", "I-Kiribati"),
    "Tuvalu": ("Tuvalu", "Tuvaluan"),
    "Nauru": ("Nauru", "Nauruan"),
    "Palau": ("Palau", "Palauan"),
    "the Marshall Islands": ("Marshall Islands", "Marshallese"),
    "Micronesia": ("Micronesia", "Micronesian"),
    "the Cook Islands": ("Cook Islands",),
    "Niue": ("Niue", "Niuean"),
}  # fmt: skip
# peoples whose plural is not the adjective plus "s" ("Italians", "Iraqis" are found that way)
_PEOPLES = {
    "Poles": "Poland", "Britons": "the United Kingdom", "Brits": "the United Kingdom", "Swedes": "Sweden",
    "Finns": "Finland", "Danes": "Denmark", "Turks": "Türkiye", "Czechs": "Czechia", "Slovaks": "Slovakia",
    "Filipinos": "the Philippines", "Thais": "Thailand", "Kiwis": "New Zealand", "New Zealanders": "New Zealand",
}  # fmt: skip


def _alternation(names: dict[str, str]) -> str:
    """The names as one regex alternation, longest first ("South Korea" before "Korea")."""
    return "|".join(map(re.escape, sorted(names, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    owner = {alias: country for country, aliases in COUNTRIES.items() for alias in aliases}
    owner.update({f"{alias}s": country for alias, country in list(owner.items()) if alias[-1] in "ni"})  # Italians
    owner.update(_PEOPLES)
    for seat, name in CAPITALS.items():  # "Seoul" -> "the Republic of Korea" -> South Korea
        if (country := owner.get(name.removeprefix("the "))) is not None:
            owner.setdefault(seat, country)
    return re.compile(rf"(?<!\w)({_alternation(owner)})(?:'s|’s)?(?!\w)"), owner


def countries_in(text: str) -> set[str]:
    """The countries a text names, by any of their names: "the ROK's President" -> {"South Korea"}."""
    pattern, owner = _pattern()
    return {
        owner[m.group(1)]
        for m in pattern.finditer(text)
        # a capital opening a name ("the Paris Agreement", "the Washington Declaration") names no country
        if not (m.group(1) in CAPITALS and m.group(0) == m.group(1) and _NAME_GOES_ON.match(text, m.end()))
    }


_NAME_GOES_ON = re.compile(r"\s+[A-Z][a-z]")


# country -> its leaders of the corpus's years, by names documents give them alone ("Prime Minister Trudeau's
# program" speaks of Canada); a name that is also a common word or name ("Johnson", "Moon", "Costa") goes with
# its title or given name
LEADERS: dict[str, tuple[str, ...]] = {
    "Japan": ("Kishida", "Suga Yoshihide", "Prime Minister Suga", "Shinzo Abe", "Abe Shinzo"),
    "Canada": ("Trudeau",),
    "Mexico": ("López Obrador", "Lopez Obrador", "AMLO"),
    "Australia": ("Albanese", "Scott Morrison", "Prime Minister Morrison"),
    "India": ("Modi",),
    "France": ("Macron",),
    "Germany": ("Scholz", "Merkel"),
    "Italy": ("Draghi", "Meloni"),
    "the United Kingdom": ("Sunak", "Liz Truss", "Boris Johnson", "Prime Minister Johnson"),
    "South Korea": ("Yoon Suk Yeol", "President Yoon", "Moon Jae-in", "President Moon"),
    "China": ("Xi Jinping", "President Xi"),
    "Russia": ("Putin",),
    "Ukraine": ("Zelenskyy", "Zelensky"),
    "Brazil": ("Lula", "Bolsonaro"),
    "New Zealand": ("Ardern", "Hipkins"),
    "the Philippines": ("Ferdinand Marcos", "President Marcos"),
    "Indonesia": ("Widodo", "Jokowi"),
    "Türkiye": ("Erdoğan", "Erdogan"),
    "South Africa": ("Ramaphosa",),
    "Kenya": ("Ruto", "Kenyatta"),
    "the Netherlands": ("Rutte",),
    "Spain": ("Pedro Sánchez", "Prime Minister Sánchez"),
    "Colombia": ("Gustavo Petro", "President Petro"),
    "Chile": ("Boric",),
    "Poland": ("Andrzej Duda", "President Duda"),
    "Israel": ("Netanyahu", "Naftali Bennett", "Prime Minister Bennett", "Lapid"),
    "Egypt": ("el-Sisi", "al-Sisi", "President Sisi"),
    "Singapore": ("Lee Hsien Loong",),
    "Cambodia": ("Hun Sen",),
    "Vietnam": ("Pham Minh Chinh",),
}  # fmt: skip


@lru_cache(maxsize=1)
def _leaders() -> tuple[re.Pattern[str], dict[str, str]]:
    owner = {name: country for country, names in LEADERS.items() for name in names}
    return re.compile(rf"(?<!\w)({_alternation(owner)})(?!\w)"), owner


def countries_led(text: str) -> set[str]:
    """The countries whose leaders the text names: "Prime Minister Trudeau's program" -> {"Canada"}."""
    pattern, owner = _leaders()
    return {owner[m.group(1)] for m in pattern.finditer(text)}
