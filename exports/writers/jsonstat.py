"""JSON-stat 2.0: one ``dataset`` with ``id``, ``size``, ``dimension``, ``value``, ``status``.

``value`` is dense in row-major order: the published value (rounded half-up to the table's
decimals, :func:`l10n.numbers.machine` — the same number as the CSV and the PDF), ``null``
where no number may be shown; ``status`` holds, for the cells that have one, the NSC symbol
(``x``, ``–``, ``…``) or the SDMX observation status (``P``, ``E``, ``B``); the SDMX flags of
every cell are kept in ``extension``, with the unit's code and its label. The category
labels, the title, the source line and the notes are in the requested language.
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

from exports.table import Table
from exports.writers.base import Options
from l10n import language, texts, units
from l10n.numbers import machine, shown, symbol


class JsonStatWriter:
    format: ClassVar[str] = "jsonstat"
    extension: ClassVar[str] = "json"
    media_type: ClassVar[str] = "application/json; charset=utf-8"

    def write(self, table: Table, options: Options) -> bytes:
        lang = options.language
        values: list[float | int | None] = []
        status: dict[str, str] = {}
        obs_status: list[str] = []
        conf_status: list[str] = []
        for n, (_codes, value, obs, conf) in enumerate(table.cells()):
            number = shown(value, obs, conf)
            values.append(None if number is None else machine(number, table.decimals))
            mark = symbol(value, obs, conf) or (obs if obs in ("P", "E", "B") else "")
            if mark:
                status[str(n)] = mark
            obs_status.append(obs)
            conf_status.append(conf)
        dimension: dict[str, Any] = {}
        for dim in table.dims:
            dimension[dim.id] = {
                "label": dim.name.get(lang, dim.id),
                "category": {
                    "index": list(dim.codes),
                    "label": {c: dim.label(c, lang) for c in dim.codes},
                    **({"child": dict(dim.children)} if dim.children else {}),
                },
            }
        with language(lang):
            source, unit_label = str(texts.SOURCE), units.label(table.unit)
        body: dict[str, Any] = {
            "version": "2.0",
            "class": "dataset",
            "label": table.title.get(lang, table.id),
            "source": source,
            "updated": table.created_at.isoformat(timespec="seconds"),
            "id": [d.id for d in table.dims],
            "size": list(table.shape),
            "role": {
                role: ids
                for role, ids in (
                    ("time", [d.id for d in table.dims if d.id == "period"]),
                    ("geo", [d.id for d in table.dims if d.id == "soate"]),
                )
                if ids
            },
            "dimension": dimension,
            "value": values,
            "status": status,
            "note": [n.get(lang, "") for n in table.notes if n.get(lang)],
            "extension": {
                "release": table.release_id,
                "synthetic": table.synthetic,
                "unit": table.unit,
                "unit_label": unit_label,
                "OBS_STATUS": obs_status,
                "CONF_STATUS": conf_status,
            },
        }
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
