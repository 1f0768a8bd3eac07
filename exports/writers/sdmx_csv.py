"""SDMX-CSV 2.0: ``STRUCTURE,STRUCTURE_ID,ACTION``, dimensions, ``OBS_VALUE``, attributes.

The first three columns name the dataflow (``dataflow``, ``STATKG:DF_<table>(1.0)``) and the
action (``I``, information); then one column per dimension (SDMX concept ids: ``REF_AREA``,
``SEX``, ``AGE``, …, ``TIME_PERIOD``), ``OBS_VALUE`` (the published value as
:func:`l10n.numbers.plain` writes it; empty when no number may be shown), and the
attributes ``OBS_STATUS`` and ``CONF_STATUS``. Plain UTF-8 without a BOM and a comma, as
the standard and its readers (sdmx1's ``sdmx.reader.csv``) expect.
"""

from __future__ import annotations

import csv
import io
from typing import ClassVar

from exports.safety import neutralise
from exports.table import Table
from exports.writers.base import Options
from l10n.numbers import plain, shown

CONCEPTS = {
    "soate": "REF_AREA",
    "sex": "SEX",
    "age5": "AGE",
    "reason": "MIGRATION_REASON",
    "migration_type": "MIGRATION_TYPE",
    "period": "TIME_PERIOD",
}
AGENCY = "STATKG"


def concept(dim_id: str) -> str:
    return CONCEPTS.get(dim_id, dim_id.upper())


def dataflow(table: Table) -> str:
    return f"{AGENCY}:DF_{table.id.upper()}(1.0)"


class SdmxCsvWriter:
    format: ClassVar[str] = "sdmx-csv"
    extension: ClassVar[str] = "sdmx.csv"
    media_type: ClassVar[str] = "application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8"

    def write(self, table: Table, options: Options) -> bytes:
        buffer = io.StringIO()
        out = csv.writer(buffer, lineterminator="\r\n")
        dims = [d for d in table.dims if d.id != "period"] + [
            d for d in table.dims if d.id == "period"
        ]
        order = [table.dims.index(d) for d in dims]
        out.writerow(
            [
                "STRUCTURE",
                "STRUCTURE_ID",
                "ACTION",
                *(concept(d.id) for d in dims),
                "OBS_VALUE",
                "OBS_STATUS",
                "CONF_STATUS",
            ]
        )
        flow = dataflow(table)
        for codes, value, status, conf in table.cells():
            number = shown(value, status, conf)
            out.writerow(
                [
                    "dataflow",
                    flow,
                    "I",
                    *(neutralise(codes[i]) for i in order),
                    "" if number is None else plain(number, table.decimals),
                    status,
                    conf,
                ]
            )
        return buffer.getvalue().encode("utf-8")
