"""Interface words of the export files: the captions of their header blocks and columns.

What a symbol, a flag or a unit means, the source line and the synthetic-data notice are the
platform's, not the exports': :mod:`l10n.flags`, :mod:`l10n.units`, :mod:`l10n.texts`.
"""

from __future__ import annotations

from l10n import gettext as _


def captions() -> dict[str, str]:
    return {
        "unit": _("Unit"),
        "source": _("Source"),
        "release": _("Release"),
        "notes": _("Notes"),
        "legend": _("Symbols"),
        "value": _("Value"),
        "symbol": _("Symbol"),
        "request": _("Data request"),
    }
