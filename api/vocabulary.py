"""Interface words the API sends with data: flag meanings, unit names, fixed labels.

A thin layer over :mod:`l10n`, where every output's words live once: the flag code lists
(SDMX ``OBS_STATUS`` and ``CONF_STATUS``, served at ``/api/v1/flags`` and used in every data
answer, compact or JSON-stat), the unit labels, the source line and the synthetic-data
notice. The names here are the API's own and keep working; what is only the API's (the
licence, the citation, the indicator dimension's name) is defined here.
"""

from __future__ import annotations

from l10n import flags as _flags
from l10n import lazy_gettext, texts, units
from l10n.flags import CONF_STATUS, OBS_STATUS

PERIOD = texts.PERIOD
INDICATOR = lazy_gettext("Indicator")
SOURCE = texts.SOURCE
SYNTHETIC = texts.SYNTHETIC
LICENCE = lazy_gettext("Creative Commons Attribution 4.0 International (CC BY 4.0)")
CITATION = lazy_gettext(
    "National Statistical Committee of the Kyrgyz Republic, StatKG, release %(release)s."
)

__all__ = [
    "CITATION",
    "CONF_STATUS",
    "INDICATOR",
    "LICENCE",
    "OBS_STATUS",
    "PERIOD",
    "SOURCE",
    "SYNTHETIC",
    "flags",
    "unit_label",
]


def unit_label(unit: str) -> str:
    """The unit's full name in the current language (:func:`l10n.units.label`)."""
    return units.label(unit)


def flags() -> dict[str, dict[str, str]]:
    """The flag code list in the current language."""
    return _flags.code_lists()
