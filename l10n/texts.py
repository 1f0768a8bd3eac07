"""The fixed texts every output prints the same way: the source line, the synthetic-data
notice, the name of the time dimension, the names of the catalog's topics. Each is one
gettext message, translated once."""

from __future__ import annotations

from l10n import lazy_gettext as _l

SOURCE = _l("National Statistical Committee of the Kyrgyz Republic")
SYNTHETIC = _l("Synthetic data: generated for testing and demonstration, not official statistics.")
PERIOD = _l("Period")

# The catalog's topics (``Spec.topic``): every topic a spec names has its label here (a
# structure test checks).
TOPICS = {
    "population": _l("Population"),
    "vital": _l("Births, deaths, marriages and divorces"),
    "migration": _l("Migration"),
    "other_sources": _l("Other migration sources"),
    "education": _l("Education"),
    "labour": _l("Labour and wages"),
    "income": _l("Poverty and pensions"),
    "health": _l("Health"),
    "decision_making": _l("Decision-making"),
    "crime": _l("Crime and violence"),
}

#: Each interface language by its own name (an autonym reads the same in every language).
LANGUAGE_NAMES = {"ky": "Кыргызча", "ru": "Русский", "en": "English"}
#: The Open Graph locale of each language.
OG_LOCALES = {"ky": "ky_KG", "ru": "ru_RU", "en": "en_US"}

#: The levels of СОАТЕ, as a territory's kind and a heading over a group of territories.
SOATE_LEVELS = {
    "country": _l("Country"),
    "oblast": _l("Oblasts"),
    "city-republican": _l("Cities of republican significance"),
    "rayon": _l("Rayons"),
    "city-oblast": _l("Cities of oblast significance"),
    "city-district": _l("City districts"),
}

#: The two kinds of internal-move record left without their other half (``store.moves``:
#: a registration whose de-registration is missing, and the reverse), as the quality pages
#: name them.
UNMATCHED_MOVES = {
    "registration": _l("Arrivals whose de-registration is missing"),
    "deregistration": _l("Departures whose registration is missing"),
}
