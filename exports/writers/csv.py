"""CSV: one row per cell, UTF-8 (with a BOM for Excel, or plain), ``,`` or ``;``.

Columns: each dimension as code, label or both; ``value`` (the published value, rounded
half-up, no grouping; empty when no number may be shown); ``symbol`` (x, –, …, by
:func:`l10n.numbers.symbol`); ``OBS_STATUS``; ``CONF_STATUS``. Flags are never dropped.
Every text cell is neutralised against formula injection.
"""

from __future__ import annotations

import csv
import io
from typing import ClassVar

from exports.safety import neutralise
from exports.table import Table
from exports.writers.base import Options
from l10n.numbers import plain, shown, symbol


class CsvWriter:
    format: ClassVar[str] = "csv"
    extension: ClassVar[str] = "csv"
    media_type: ClassVar[str] = "text/csv"  # Flask adds the charset to text types

    def write(self, table: Table, options: Options) -> bytes:
        buffer = io.StringIO()
        out = csv.writer(buffer, delimiter=options.separator, lineterminator="\r\n")
        lang = options.language
        decimal = "," if options.separator == ";" else "."
        header: list[str] = []
        for dim in table.dims:
            if options.labels in ("codes", "both"):
                header.append(dim.id)
            if options.labels in ("labels", "both"):
                header.append(dim.name.get(lang, dim.id))
        header += ["value", "symbol", "OBS_STATUS", "CONF_STATUS"]
        out.writerow([neutralise(h) for h in header])
        for codes, value, status, conf in table.cells():
            row: list[str] = []
            for dim, code in zip(table.dims, codes, strict=True):
                if options.labels in ("codes", "both"):
                    row.append(neutralise(code))
                if options.labels in ("labels", "both"):
                    row.append(neutralise(dim.label(code, lang)))
            number = shown(value, status, conf)
            row.append("" if number is None else plain(number, table.decimals, decimal))
            row += [symbol(value, status, conf), status, conf]
            out.writerow(row)
        text = buffer.getvalue()
        return (("\ufeff" if options.bom else "") + text).encode("utf-8")
