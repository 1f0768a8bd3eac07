"""A one-table PDF in the layout of the publications (WeasyPrint, Noto Sans, A4).

The last dimension runs across the columns, the others down the stub; each cell prints what
a book would print for it (the template's ``cell`` filter, :func:`l10n.numbers.cell_text`:
half-up, grouped by Babel for the requested language, or its NSC symbol). The template and
its CSS are ``templates/exports/table.{html,css}``, rendered by the one environment of
:mod:`l10n.templates`; WeasyPrint reads only those local files.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from exports import legend
from exports.table import Table
from exports.writers.base import Options
from l10n import language
from l10n.templates import TEMPLATES as ALL_TEMPLATES
from l10n.templates import environment

TEMPLATES = ALL_TEMPLATES / "exports"


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
            cells.append(
                {
                    "value": None if np.isnan(value) else value,
                    "status": str(table.status[at]),
                    "conf": str(table.conf[at]),
                }
            )
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
            captions = legend.captions()
            html = (
                environment()
                .get_template("exports/table.html")
                .render(
                    lang=lang,
                    title=table.title.get(lang, table.id),
                    request_caption=f"{captions['request']} {options.request_id}",
                    request_title=options.title,
                    unit=table.unit,
                    decimals=table.decimals,
                    release=table.release_id or "",
                    synthetic=table.synthetic,
                    captions=captions,
                    stub_headers=[d.name.get(lang, d.id) for d in table.dims[:-1]],
                    column_headers=[table.dims[-1].label(c, lang) for c in table.dims[-1].codes],
                    rows=_rows(table, lang),
                    notes=[n.get(lang, "") for n in table.notes if n.get(lang)],
                )
            )
        document = HTML(string=html, base_url=str(TEMPLATES))
        stylesheet = CSS(filename=str(TEMPLATES / "table.css"))
        return bytes(document.write_pdf(stylesheets=[stylesheet]))
