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
