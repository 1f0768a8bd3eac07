"""The fixed texts every output prints the same way: the source line, the synthetic-data
notice, the name of the time dimension, the names of the catalog's topics. Each is one
gettext message, translated once."""

from __future__ import annotations

from l10n import lazy_gettext as _l

SOURCE = _l("National Statistical Committee of the Kyrgyz Republic")
SYNTHETIC = _l("Synthetic data: generated for testing and demonstration, not official statistics.")
PERIOD = _l("Period")
TOTAL = _l("Total")

# A survey estimate in an export: its measures, and the note that says what it is and how
# it was protected (numbers: the thresholds of the settings, in per cent).
MEASURE = _l("Measure")
SURVEY_MEASURES = {
    "ESTIMATE": _l("Estimate"),
    "SE": _l("Standard error"),
    "CI_LOWER": _l("Lower bound of the 95 per cent confidence interval"),
    "CI_UPPER": _l("Upper bound of the 95 per cent confidence interval"),
}
SURVEY_NOTE = _l(
    "Survey estimate from the sample of the labour force survey, weighted, with its standard "
    "error and 95 %% confidence interval, not a count. An estimate resting on fewer than "
    "%(sample)s sampled persons or with a coefficient of variation above %(suppress)s %% is "
    "not shown (x), nor are the cells that would reveal it; one with a coefficient of "
    "variation above %(flag)s %% is of low reliability (U)."
)

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

#: The checks a release passes before publication (``indicators/checks.py``), as the release
#: pages name them; the API and the notes keep the codes.
CHECKS = {
    "totals_equal_sum_of_parts": _l("Totals equal the sum of their parts"),
    "demographic_balance": _l("Population change equals births − deaths + net migration"),
    "internal_moves_match": _l("Internal moves: every departure has its arrival"),
    "rates_within_bounds": _l("Rates and values within plausible bounds"),
}
