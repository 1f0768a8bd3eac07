"""Reading the classifier reference data shipped in ``classifiers/data/*.csv``.

The classifiers are versioned with the code, as plain UTF-8 CSV files, so that a corrected
label is reviewed like any other change and every installation loads the same codes. This
module only reads and checks the files; :mod:`classifiers.loader` writes them to the store.

CSV conventions: lines starting with ``#`` before the header are comments (where a file says
where its data come from); the columns ``code, parent_code, level, sort_order, label_ky,
label_ru, label_en`` are required, ``valid_from``/``valid_to`` optional (ISO dates, an empty
``valid_from`` meaning :data:`DEFAULT_VALID_FROM`), and every other column becomes a key of the
code's ``attributes``.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGS = ("ky", "ru", "en")

#: Versions without a start date are taken as valid since independence (the classifiers of
#: the Kyrgyz Republic start then); one constant so that every file means the same by "empty".
DEFAULT_VALID_FROM = date(1991, 1, 1)

REQUIRED_COLUMNS = (
    "code",
    "parent_code",
    "level",
    "sort_order",
    "label_ky",
    "label_ru",
    "label_en",
)
CODE_COLUMNS = frozenset((*REQUIRED_COLUMNS, "valid_from", "valid_to"))

# Attribute columns are text unless listed here: the types are declared, not guessed, because
# a 14-digit СОАТЕ code looks like a number and must stay text.
INT_ATTRIBUTES = frozenset(
    {"min_age", "max_age", "min_age_m", "max_age_m", "min_age_f", "max_age_f", "area_km2"}
)
LIST_ATTRIBUTES = frozenset({"alt_names_ru"})
LIST_SEPARATOR = "|"


class ReferenceDataError(ValueError):
    """A classifier file is malformed; the message names the file and the line."""


@dataclass(frozen=True)
class CodeRow:
    """One version of one code, as read from the reference data (not yet in the store)."""

    codelist_id: str
    code: str
    label_ky: str
    label_ru: str
    label_en: str
    parent_code: str | None = None
    level: str = ""
    sort_order: int = 0
    valid_from: date = DEFAULT_VALID_FROM
    valid_to: date | None = None
    attributes: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, date]:
        """The identity of a version inside its codelist (as the store's unique constraint)."""
        return (self.code, self.valid_from)

    def label(self, lang: str) -> str:
        return str(getattr(self, f"label_{lang}"))


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a reference CSV as dicts, leading ``#`` comment lines skipped.

    Raises :class:`ReferenceDataError` on a row with more or fewer fields than the header,
    which ``csv.DictReader`` would otherwise silently accept.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle]
    body_start = 0
    while body_start < len(lines) and lines[body_start].startswith("#"):
        body_start += 1
    reader = csv.DictReader(lines[body_start:])
    rows: list[dict[str, str]] = []
    for number, row in enumerate(reader, start=body_start + 2):
        if None in row or None in row.values():
            raise ReferenceDataError(f"{path.name}, line {number}: wrong number of fields")
        rows.append({key: value.strip() for key, value in row.items()})
    return rows


def _date(text: str, default: date | None) -> date | None:
    return date.fromisoformat(text) if text else default


def _attribute(name: str, text: str) -> Any:
    if name in LIST_ATTRIBUTES:
        return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]
    if name in INT_ATTRIBUTES:
        return int(text) if text else None
    return text or None


def code_row_from_csv(codelist_id: str, row: dict[str, str]) -> CodeRow:
    """Build a :class:`CodeRow` from one CSV row of ``codelist_id``."""
    valid_from = _date(row.get("valid_from", ""), DEFAULT_VALID_FROM)
    assert valid_from is not None  # a default is given
    return CodeRow(
        codelist_id=codelist_id,
        code=row["code"],
        parent_code=row["parent_code"] or None,
        level=row["level"],
        sort_order=int(row["sort_order"] or 0),
        valid_from=valid_from,
        valid_to=_date(row.get("valid_to", ""), None),
        label_ky=row["label_ky"],
        label_ru=row["label_ru"],
        label_en=row["label_en"],
        attributes={
            name: _attribute(name, value) for name, value in row.items() if name not in CODE_COLUMNS
        },
    )


def read_code_rows(codelist_id: str, data_dir: Path = DATA_DIR) -> list[CodeRow]:
    """The codes of ``codelist_id`` from ``<data_dir>/<codelist_id>.csv``, checked."""
    path = data_dir / f"{codelist_id}.csv"
    raw = read_csv(path)
    if raw and (missing := [c for c in REQUIRED_COLUMNS if c not in raw[0]]):
        raise ReferenceDataError(f"{path.name}: missing columns {', '.join(missing)}")
    rows = [code_row_from_csv(codelist_id, row) for row in raw]
    check_code_rows(path.name, rows)
    return rows


def check_code_rows(source: str, rows: list[CodeRow]) -> None:
    """Reject what would make the classifier ambiguous or incomplete.

    Every code needs a label in each language, a parent that exists in the same codelist,
    and versions that neither repeat a start date nor overlap in time (otherwise "the code
    valid on a date" would not be one row).
    """
    codes = {row.code for row in rows}
    versions: dict[str, list[CodeRow]] = defaultdict(list)
    for row in rows:
        where = f"{source}: code {row.code!r} from {row.valid_from}"
        if not row.code:
            raise ReferenceDataError(f"{source}: a row has no code")
        for lang in LANGS:
            if not row.label(lang):
                raise ReferenceDataError(f"{where}: empty label_{lang}")
        if row.parent_code is not None and row.parent_code not in codes:
            raise ReferenceDataError(f"{where}: unknown parent {row.parent_code!r}")
        if row.valid_to is not None and row.valid_to < row.valid_from:
            raise ReferenceDataError(f"{where}: valid_to before valid_from")
        versions[row.code].append(row)
    for code, code_versions in versions.items():
        ordered = sorted(code_versions, key=lambda row: row.valid_from)
        for earlier, later in pairwise(ordered):
            if earlier.valid_to is None or earlier.valid_to >= later.valid_from:
                raise ReferenceDataError(
                    f"{source}: versions of code {code!r} from {earlier.valid_from} and "
                    f"{later.valid_from} overlap"
                )
