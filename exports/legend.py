"""Interface text of the exports (gettext): symbols, flags, header captions."""

from __future__ import annotations

from l10n import gettext as _


def symbols() -> list[tuple[str, str]]:
    """The NSC symbols with their meaning, in the current language."""
    return [
        ("x", _("confidential: suppressed to protect persons")),
        ("–", _("no cases")),
        ("…", _("not available")),
    ]


def flags() -> list[tuple[str, str]]:
    """SDMX OBS_STATUS and CONF_STATUS codes used in the files, in the current language."""
    return [
        ("A", _("OBS_STATUS A: normal value")),
        ("P", _("OBS_STATUS P: provisional value")),
        ("E", _("OBS_STATUS E: estimated value")),
        ("M", _("OBS_STATUS M: missing value")),
        ("F", _("CONF_STATUS F: free")),
        (
            "C",
            _("CONF_STATUS C: confidential, primary suppression (too few persons)"),
        ),
        ("D", _("CONF_STATUS D: confidential, secondary suppression (protects another cell)")),
    ]


def captions() -> dict[str, str]:
    return {
        "unit": _("Unit"),
        "source": _("Source"),
        "release": _("Release"),
        "notes": _("Notes"),
        "legend": _("Symbols"),
        "value": _("Value"),
        "symbol": _("Symbol"),
        "synthetic": _("Synthetic data for testing: not official statistics."),
        "request": _("Data request"),
    }
