"""A one-table PDF in the layout of the publications (WeasyPrint, Noto Sans, A4).

The last dimension runs across the columns, the others down the stub; numbers are rounded
half-up and grouped by Babel for the requested language; cells without a number show their
symbol. The template and its CSS are ``templates/exports/table.{html,css}``; WeasyPrint
reads only those local files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import numpy as np
from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, select_autoescape

from exports import legend
from exports.table import Table, format_value, symbol
from exports.writers.base import Options
from l10n import language

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "exports"
_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))


def _number(value: float, decimals: int, lang: str) -> str:
    rounded = format_value(value, decimals)  # half-up before Babel formats it
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return str(format_decimal(rounded, format=pattern, locale=lang))


def _rows(table: Table, lang: str) -> list[dict[str, Any]]:
    stub_dims, across = table.dims[:-1], table.dims[-1]
    rows = []
    for position in np.ndindex(*[len(d.codes) for d in stub_dims]):
        stub = [d.label(d.codes[i], lang) for d, i in zip(stub_dims, position, strict=True)]
        levels = [d.level(d.codes[i]) for d, i in zip(stub_dims, position, strict=True)]
        cells = []
        for j in range(len(across.codes)):
            at = (*position, j)
            value = float(table.values[at])
            shown = None if np.isnan(value) else value
            mark = symbol(shown, str(table.status[at]), str(table.conf[at]))
            cells.append(mark if mark or shown is None else _number(shown, table.decimals, lang))
        rows.append({"stub": stub, "cells": cells, "level": min(sum(levels), 2)})
    return rows


class PdfWriter:
    format: ClassVar[str] = "pdf"
    extension: ClassVar[str] = "pdf"
    media_type: ClassVar[str] = "application/pdf"

    def write(self, table: Table, options: Options) -> bytes:
        from weasyprint import CSS, HTML

        lang = options.language
        with language(lang):
            captions, symbols = legend.captions(), legend.symbols()
        html = _env.get_template("table.html").render(
            lang=lang,
            title=table.title.get(lang, table.id),
            request_caption=f"{captions['request']} {options.request_id}",
            request_title=options.title,
            unit=table.unit_label.get(lang, table.unit),
            source=table.source.get(lang, ""),
            release=table.release_id or "",
            synthetic=table.synthetic,
            captions=captions,
            stub_headers=[d.name.get(lang, d.id) for d in table.dims[:-1]],
            column_headers=[table.dims[-1].label(c, lang) for c in table.dims[-1].codes],
            rows=_rows(table, lang),
            notes=[n.get(lang, "") for n in table.notes if n.get(lang)],
            symbols=symbols,
        )
        document = HTML(string=html, base_url=str(TEMPLATES))
        stylesheet = CSS(filename=str(TEMPLATES / "table.css"))
        return bytes(document.write_pdf(stylesheets=[stylesheet]))
