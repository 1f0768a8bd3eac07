"""The one Jinja2 environment: every page and document the platform renders comes from it.

The books (``templates/publications/``), the export PDF (``templates/exports/``) and the
quality pages (``templates/quality/``) share one set of habits, so they are made once:

- HTML is autoescaped (a label from a ministry's file is text, never markup);
- ``StrictUndefined``: a variable the template needs and the caller did not pass fails the
  render, instead of printing nothing in an official table;
- gettext and ngettext (new style, ``_('…')``) from :mod:`l10n`;
- the presentation rules as filters — ``number(decimals)``, ``percent(decimals)``,
  ``cell(status, conf, decimals)``, ``unit``, ``day``, ``moment`` — and the fixed texts as globals:
  ``source_line()``, ``synthetic_notice()``, ``symbol_legend()``.

Filters and globals speak the language of the context: render inside
``l10n.language(lang)``. Made once per process, so each template compiles once.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from config import PROJECT_ROOT
from l10n import current_language, dates, flags, gettext, ngettext, numbers, texts, units

TEMPLATES = PROJECT_ROOT / "templates"


def _number(value: float | None, decimals: int = 0) -> str:
    if value is None:
        return numbers.NOT_AVAILABLE
    return numbers.number(value, decimals, current_language())


def _percent(share: float | None, decimals: int = 1) -> str:
    if share is None:
        return numbers.NOT_AVAILABLE
    return numbers.percent(share, decimals, current_language())


def _cell(value: float | None, status: str, conf: str, decimals: int) -> str:
    return numbers.cell_text(value, status, conf, decimals, current_language())


@cache
def environment() -> Environment:
    """The environment over ``templates/``; name templates by folder (``quality/…``)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        number=_number,
        percent=_percent,
        cell=_cell,
        unit=units.label,
        day=dates.day,
        moment=dates.moment,
    )
    env.globals.update(
        source_line=lambda: str(texts.SOURCE),
        synthetic_notice=lambda: str(texts.SYNTHETIC),
        symbol_legend=flags.symbols,
    )
    return env
