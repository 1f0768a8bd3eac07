"""XLSX: a header block (title, unit, source, release, notes, symbols), then the table.

The header block is in the requested language. Two header rows follow it — captions in
that language, then the codes (``period``, ``soate``, …, ``value``) for programs — and are
frozen with the block above them. Numbers are stored as numbers — the published value,
rounded half-up to the table's decimals (:func:`l10n.numbers.machine`), as in the CSV and
the PDF; a cell without a number shows its symbol (x, –, …). The unit, the source line, the
legends and the synthetic-data notice come from :mod:`l10n`. Every text cell is neutralised
against formula injection and stored as a string, so nothing in the file is ever evaluated.
"""

from __future__ import annotations

import io
from typing import Any, ClassVar

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from exports import legend
from exports.safety import neutralise
from exports.table import Table
from exports.writers.base import Options
from l10n import flags, language, texts, units
from l10n.numbers import machine, shown, symbol


def _put(sheet: Worksheet, row: int, column: int, value: Any, bold: bool = False) -> None:
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = neutralise(value)
        cell.data_type = "s"  # a string, even if it looks like a formula
    else:
        cell.value = value
    if bold:
        cell.font = Font(bold=True)


class XlsxWriter:
    format: ClassVar[str] = "xlsx"
    extension: ClassVar[str] = "xlsx"
    media_type: ClassVar[str] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def write(self, table: Table, options: Options) -> bytes:
        lang = options.language
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = table.id[:31]
        with language(lang):
            caption = legend.captions()
            symbols, flag_lines = flags.symbols(), flags.legend()
            unit, source = units.label(table.unit), str(texts.SOURCE)
            synthetic = str(texts.SYNTHETIC)
        row = 1
        _put(sheet, row, 1, table.title.get(lang, table.id), bold=True)
        if options.title:
            row += 1
            _put(sheet, row, 1, f"{caption['request']} {options.request_id}: {options.title}")
        block = [
            (caption["unit"], unit),
            (caption["source"], source),
            (caption["release"], table.release_id or ""),
        ]
        block += [(caption["notes"], n.get(lang, "")) for n in table.notes if n.get(lang)]
        block += [(caption["legend"], f"{sym} — {text}") for sym, text in symbols]
        block += [(caption["legend"], line) for line in flag_lines]
        if table.synthetic:
            block.append(("!", synthetic))
        for name, text in block:
            row += 1
            _put(sheet, row, 1, name, bold=True)
            _put(sheet, row, 2, text)
        row += 2
        names = [d.name.get(lang, d.id) for d in table.dims]
        names += [caption["value"], caption["symbol"], "OBS_STATUS", "CONF_STATUS"]
        codes = [d.id for d in table.dims] + ["value", "symbol", "OBS_STATUS", "CONF_STATUS"]
        for column, (name, code) in enumerate(zip(names, codes, strict=True), start=1):
            _put(sheet, row, column, name, bold=True)
            _put(sheet, row + 1, column, code)
        row += 1
        sheet.freeze_panes = f"A{row + 1}"
        for cell_codes, value, status, conf in table.cells():
            row += 1
            column = 0
            for column, (dim, code) in enumerate(zip(table.dims, cell_codes, strict=True), 1):
                _put(sheet, row, column, dim.label(code, lang))
            mark, number = symbol(value, status, conf), shown(value, status, conf)
            if number is None:
                _put(sheet, row, column + 1, mark)
            else:
                _put(sheet, row, column + 1, machine(number, table.decimals))
            _put(sheet, row, column + 2, mark)
            _put(sheet, row, column + 3, status)
            _put(sheet, row, column + 4, conf)
        sheet.column_dimensions["A"].width = 14
        sheet.column_dimensions["B"].width = 28
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
