"""Interface words the API sends with data: flag meanings, unit names, fixed labels.

One published code list of observation flags, in the style of SDMX ``OBS_STATUS`` and
``CONF_STATUS`` (the codes are SDMX's), served at ``/api/v1/flags`` and used in every data
answer, compact or JSON-stat. The words are interface text (gettext), not data.
"""

from __future__ import annotations

from babel.support import LazyProxy

from l10n import lazy_gettext

OBS_STATUS: dict[str, LazyProxy] = {
    "A": lazy_gettext("Normal value"),
    "P": lazy_gettext("Provisional value"),
    "E": lazy_gettext("Estimated value"),
    "B": lazy_gettext("Break in series"),
    "M": lazy_gettext("Missing value; not available"),
    "L": lazy_gettext("Missing value; no cases"),
}
CONF_STATUS: dict[str, LazyProxy] = {
    "F": lazy_gettext("Free"),
    "C": lazy_gettext("Confidential: primary suppression"),
    "D": lazy_gettext("Confidential: secondary suppression"),
}
UNITS: dict[str, LazyProxy] = {
    "persons": lazy_gettext("persons"),
    "events": lazy_gettext("events"),
    "per_1000": lazy_gettext("per 1,000 population"),
    "per_10000": lazy_gettext("per 10,000 population"),
    "children_per_woman": lazy_gettext("children per woman"),
    "years": lazy_gettext("years"),
}
PERIOD = lazy_gettext("Period")
INDICATOR = lazy_gettext("Indicator")
SOURCE = lazy_gettext("National Statistical Committee of the Kyrgyz Republic")
SYNTHETIC = lazy_gettext(
    "Synthetic data: generated for testing and demonstration, not official statistics."
)
LICENCE = lazy_gettext("Creative Commons Attribution 4.0 International (CC BY 4.0)")
CITATION = lazy_gettext(
    "National Statistical Committee of the Kyrgyz Republic, StatKG, release %(release)s."
)


def unit_label(unit: str) -> str:
    label = UNITS.get(unit)
    return str(label) if label is not None else unit


def flags() -> dict[str, dict[str, str]]:
    """The flag code list in the current language."""
    return {
        "obs_status": {code: str(text) for code, text in OBS_STATUS.items()},
        "conf_status": {code: str(text) for code, text in CONF_STATUS.items()},
    }
