"""Export formats, one small writer each on one interface (:class:`exports.writers.base.Writer`).

Adding a format is adding a file and a line here.
"""

from __future__ import annotations

from exports.writers.base import Options, Writer
from exports.writers.csv import CsvWriter
from exports.writers.jsonstat import JsonStatWriter
from exports.writers.pdf import PdfWriter
from exports.writers.sdmx_csv import SdmxCsvWriter
from exports.writers.xlsx import XlsxWriter

WRITERS: dict[str, Writer] = {
    w.format: w for w in (CsvWriter(), XlsxWriter(), JsonStatWriter(), SdmxCsvWriter(), PdfWriter())
}
FORMATS = tuple(WRITERS)

__all__ = ["FORMATS", "WRITERS", "Options", "Writer"]
