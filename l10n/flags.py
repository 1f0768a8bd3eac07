"""What the flags and symbols of a cell mean: SDMX ``OBS_STATUS``/``CONF_STATUS`` and the NSC
table symbols, in the current language.

The codes are the store's (:class:`store.models.ObsStatus`, :class:`store.models.ConfStatus`,
SDMX's own codes); the words are interface text (gettext). The API serves them as its flag
code list, the exports write them into their legends, the books print the symbol legend.
"""

from __future__ import annotations

from babel.support import LazyProxy

from l10n import current_language
from l10n import gettext as _
from l10n import lazy_gettext as _l
from l10n.numbers import CONFIDENTIAL, NO_CASES, NOT_AVAILABLE, number
from store.models import ConfStatus, ObsStatus

LOW_RELIABILITY = "U"
OBS_STATUS: dict[str, LazyProxy] = {
    ObsStatus.NORMAL.value: _l("Normal value"),
    ObsStatus.PROVISIONAL.value: _l("Provisional value"),
    ObsStatus.ESTIMATED.value: _l("Estimated value"),
    ObsStatus.BREAK.value: _l("Break in series"),
    ObsStatus.MISSING.value: _l("Missing value; not available"),
    ObsStatus.NO_CASES.value: _l("Missing value; no cases"),
    # SDMX CL_OBS_STATUS "U": a survey estimate too imprecise to rely on (exports of survey
    # estimates, exports.sdc.protect_survey; not a status a release stores).
    LOW_RELIABILITY: _l("Low reliability"),
}
CONF_STATUS: dict[str, LazyProxy] = {
    ConfStatus.FREE.value: _l("Free"),
    ConfStatus.PRIMARY.value: _l("Confidential: primary suppression"),
    ConfStatus.SECONDARY.value: _l("Confidential: secondary suppression"),
}


def obs_status(code: str) -> str:
    text = OBS_STATUS.get(code)
    return code if text is None else str(text)


def conf_status(code: str) -> str:
    text = CONF_STATUS.get(code)
    return code if text is None else str(text)


def code_lists() -> dict[str, dict[str, str]]:
    """Both flag code lists in the current language, code → meaning."""
    return {
        "obs_status": {code: str(text) for code, text in OBS_STATUS.items()},
        "conf_status": {code: str(text) for code, text in CONF_STATUS.items()},
    }


def legend() -> list[str]:
    """One line per flag a file may carry, e.g. ``OBS_STATUS P: Provisional value``."""
    return [
        f"{attribute} {code}: {text}"
        for attribute, texts in (("OBS_STATUS", OBS_STATUS), ("CONF_STATUS", CONF_STATUS))
        for code, text in texts.items()
    ]


def symbols() -> list[tuple[str, str]]:
    """The NSC symbols with their meaning, as a table's legend prints them."""
    return [
        (NO_CASES, _("no cases")),
        (NOT_AVAILABLE, _("data not available")),
        (CONFIDENTIAL, _("confidential data")),
        (number(0, 1, current_language()), _("less than half the unit shown")),
    ]
