"""Countries by the names documents and questions give them ("Japan", "Japanese", "Tokyo"; "the ROK", "Seoul";
"the PRC", "Beijing"), so a check can ask whether a passage speaks of the country a question names.

The United States is left out: nearly every document is the White House's own, where "we" is the United States.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["COUNTRIES", "countries_in"]

# country -> the words that name it (whole words, case as written)
COUNTRIES: dict[str, tuple[str, ...]] = {
    "Japan": ("Japan", "Japanese", "Tokyo"),
    "China": ("China", "Chinese", "PRC", "Beijing"),
    "North Korea": ("North Korea", "North Korean", "DPRK", "Pyongyang"),
    "South Korea": ("South Korea", "Republic of Korea", "ROK", "Seoul", "South Korean", "Korea"),
    "India": ("India", "Indian", "New Delhi", "Delhi"),
    "Australia": ("Australia", "Australian", "Canberra"),
    "New Zealand": ("New Zealand", "Wellington"),
    "Canada": ("Canada", "Canadian", "Ottawa"),
    "Mexico": ("Mexico", "Mexican"),
    "the United Kingdom": ("United Kingdom", "UK", "U.K.", "Britain", "British", "London", "Downing Street"),
    "France": ("France", "French", "Paris", "Élysée", "Elysee"),
    "Germany": ("Germany", "German", "Berlin"),
    "Italy": ("Italy", "Italian", "Rome"),
    "Spain": ("Spain", "Spanish", "Madrid"),
    "Portugal": ("Portugal", "Portuguese", "Lisbon"),
    "Ireland": ("Ireland", "Irish", "Dublin", "Taoiseach"),
    "the Netherlands": ("Netherlands", "Dutch", "The Hague", "Amsterdam"),
    "Belgium": ("Belgium", "Belgian"),
    "Switzerland": ("Switzerland", "Swiss", "Geneva", "Bern"),
    "Austria": ("Austria", "Austrian", "Vienna"),
    "Norway": ("Norway", "Norwegian", "Oslo"),
    "Sweden": ("Sweden", "Swedish", "Stockholm"),
    "Finland": ("Finland", "Finnish", "Helsinki"),
    "Denmark": ("Denmark", "Danish", "Copenhagen"),
    "Iceland": ("Iceland", "Icelandic", "Reykjavik"),
    "Poland": ("Poland", "Polish", "Warsaw"),
    "Lithuania": ("Lithuania", "Lithuanian", "Vilnius"),
    "Latvia": ("Latvia", "Latvian", "Riga"),
    "Estonia": ("Estonia", "Estonian", "Tallinn"),
    "Czechia": ("Czechia", "Czech", "Prague"),
    "Slovakia": ("Slovakia", "Slovak", "Bratislava"),
    "Hungary": ("Hungary", "Hungarian", "Budapest"),
    "Romania": ("Romania", "Romanian", "Bucharest"),
    "Bulgaria": ("Bulgaria", "Bulgarian", "Sofia"),
    "Greece": ("Greece", "Greek", "Athens"),
    "Türkiye": ("Türkiye", "Turkey", "Turkish", "Ankara"),
    "Russia": ("Russia", "Russian", "Moscow", "Kremlin"),
    "Ukraine": ("Ukraine", "Ukrainian", "Kyiv", "Kiev"),
    "Belarus": ("Belarus", "Belarusian", "Minsk"),
    "Moldova": ("Moldova", "Moldovan", "Chisinau"),
    "Armenia": ("Armenia", "Armenian", "Yerevan"),
    "Azerbaijan": ("Azerbaijan", "Azerbaijani", "Baku"),
    "Israel": ("Israel", "Israeli", "Jerusalem"),
    "Egypt": ("Egypt", "Egyptian", "Cairo"),
    "Jordan": ("Jordan", "Jordanian", "Amman"),
    "Saudi Arabia": ("Saudi Arabia", "Saudi", "Riyadh", "Jeddah"),
    "the United Arab Emirates": ("United Arab Emirates", "UAE", "Emirati", "Abu Dhabi"),
    "Qatar": ("Qatar", "Qatari", "Doha"),
    "Kuwait": ("Kuwait", "Kuwaiti"),
    "Bahrain": ("Bahrain", "Bahraini", "Manama"),
    "Oman": ("Oman", "Omani", "Muscat"),
    "Iran": ("Iran", "Iranian", "Tehran"),
    "Iraq": ("Iraq", "Iraqi", "Baghdad"),
    "Syria": ("Syria", "Syrian", "Damascus"),
    "Lebanon": ("Lebanon", "Lebanese", "Beirut"),
    "Yemen": ("Yemen", "Yemeni", "Houthi", "Houthis", "Sanaa"),
    "Afghanistan": ("Afghanistan", "Afghan", "Kabul", "Taliban"),
    "Pakistan": ("Pakistan", "Pakistani", "Islamabad"),
    "Bangladesh": ("Bangladesh", "Bangladeshi", "Dhaka"),
    "Sri Lanka": ("Sri Lanka", "Sri Lankan", "Colombo"),
    "Nepal": ("Nepal", "Nepali", "Nepalese", "Kathmandu"),
    "Mongolia": ("Mongolia", "Mongolian", "Ulaanbaatar"),
    "Taiwan": ("Taiwan", "Taiwanese", "Taipei"),
    "the Philippines": ("Philippines", "Philippine", "Filipino", "Manila"),
    "Indonesia": ("Indonesia", "Indonesian", "Jakarta", "Bali"),
    "Vietnam": ("Vietnam", "Viet Nam", "Vietnamese", "Hanoi"),
    "Thailand": ("Thailand", "Thai", "Bangkok"),
    "Malaysia": ("Malaysia", "Malaysian", "Kuala Lumpur"),
    "Singapore": ("Singapore", "Singaporean"),
    "Cambodia": ("Cambodia", "Cambodian", "Phnom Penh"),
    "Laos": ("Laos", "Lao", "Vientiane"),
    "Myanmar": ("Myanmar", "Burma", "Burmese", "Naypyidaw"),
    "Fiji": ("Fiji", "Fijian", "Suva"),
    "Papua New Guinea": ("Papua New Guinea", "PNG", "Port Moresby"),
    "Brazil": ("Brazil", "Brazilian", "Brasilia", "Brasília"),
    "Argentina": ("Argentina", "Argentine", "Argentinian", "Buenos Aires"),
    "Chile": ("Chile", "Chilean", "Santiago"),
    "Colombia": ("Colombia", "Colombian", "Bogota", "Bogotá"),
    "Peru": ("Peru", "Peruvian", "Lima"),
    "Ecuador": ("Ecuador", "Ecuadorian", "Quito"),
    "Venezuela": ("Venezuela", "Venezuelan", "Caracas"),
    "Cuba": ("Cuba", "Cuban", "Havana"),
    "Haiti": ("Haiti", "Haitian", "Port-au-Prince"),
    "Guatemala": ("Guatemala", "Guatemalan"),
    "Honduras": ("Honduras", "Honduran"),
    "El Salvador": ("El Salvador", "Salvadoran"),
    "Panama": ("Panama", "Panamanian"),
    "Costa Rica": ("Costa Rica", "Costa Rican"),
    "Kenya": ("Kenya", "Kenyan", "Nairobi"),
    "Nigeria": ("Nigeria", "Nigerian", "Abuja"),
    "South Africa": ("South Africa", "South African", "Pretoria"),
    "Ethiopia": ("Ethiopia", "Ethiopian", "Addis Ababa"),
    "Ghana": ("Ghana", "Ghanaian", "Accra"),
    "Senegal": ("Senegal", "Senegalese", "Dakar"),
    "Angola": ("Angola", "Angolan", "Luanda"),
    "Morocco": ("Morocco", "Moroccan", "Rabat"),
    "Algeria": ("Algeria", "Algerian", "Algiers"),
    "Tunisia": ("Tunisia", "Tunisian", "Tunis"),
    "Libya": ("Libya", "Libyan", "Tripoli"),
    "Sudan": ("Sudan", "Sudanese", "Khartoum"),
}  # fmt: skip


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    owner = {alias: country for country, aliases in COUNTRIES.items() for alias in aliases}
    words = sorted(owner, key=len, reverse=True)
    return re.compile(rf"(?<!\w)({'|'.join(map(re.escape, words))})(?:'s|’s)?(?!\w)"), owner


def countries_in(text: str) -> set[str]:
    """The countries a text names, by any of their names: "the ROK's President" -> {"South Korea"}."""
    pattern, owner = _pattern()
    return {owner[m.group(1)] for m in pattern.finditer(text)}
