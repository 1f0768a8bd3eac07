"""Validation rules shared by the adapters: each checks one field and collects reasons.

Why a collector instead of exceptions: a record with three problems should be quarantined
with all three reasons at once, so the ministry can fix it in one go. Every rule returns the
clean value (or ``None``) and adds :class:`~ingest.reasons.Reason` s to the checker.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeGuard

from ingest.context import Context
from ingest.reasons import Reason

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FORMULA_FIRST = frozenset("=+-@\t\r")
MARITAL_STATUSES = {
    code: code for code in ("NEVER_MARRIED", "MARRIED", "WIDOWED", "DIVORCED", "NOT_STATED")
}
SEXES = {"M": "M", "F": "F", "1": "M", "2": "F", "М": "M", "Ж": "F", "Э": "M", "Е": "F"}


def plain(value: Any, max_length: int) -> TypeGuard[str]:
    """Text :meth:`Checker.text` takes as it is: non-empty, short enough, not padded, not
    formula-looking. Fast paths that skip the checker (the AIS ASB feed) use it too, so the
    two can never disagree on what is plain."""
    return (
        type(value) is str
        and 0 < len(value) <= max_length
        and value[0] not in FORMULA_FIRST
        and not value[0].isspace()
        and not value[-1].isspace()
    )


class Checker:
    """Reads fields of one record, validating as it goes; ``reasons`` collects problems."""

    def __init__(self, data: dict[str, Any], ctx: Context) -> None:
        self.data = data
        self.ctx = ctx
        self.reasons: list[Reason] = []

    def fail(self, code: str, field: str = "", detail: str = "") -> None:
        self.reasons.append(Reason(code, field, detail))

    @property
    def ok(self) -> bool:
        return not self.reasons

    def text(self, field: str, required: bool = True, max_length: int = 200) -> str | None:
        """A non-empty string; formula-looking text is refused (it would run in Excel)."""
        value = self.data.get(field)
        if plain(value, max_length):
            return value  # the common case, checked cheaply: ingestion's hot path
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail("MISSING_FIELD", field)
            return None
        if isinstance(value, bool) or not isinstance(value, str | int):
            self.fail("INVALID_VALUE", field, "not text")
            return None
        text = str(value).strip()
        if text.startswith(FORMULA_PREFIXES) and not _is_number(text):
            self.fail("FORMULA_TEXT", field)
            return None
        if len(text) > max_length:
            self.fail("INVALID_VALUE", field, f"longer than {max_length}")
            return None
        return text

    def key(self, field: str, required: bool = True) -> str | None:
        """A pseudonymised identifier (the loader has already replaced the raw value)."""
        return self.text(field, required, max_length=64)

    def date(self, field: str, required: bool = True) -> dt.date | None:
        """An ISO date (``YYYY-MM-DD``, also ``DD.MM.YYYY``), not in the future."""
        text = self.text(field, required, max_length=30)
        if text is None:
            return None
        parsed = parse_date(text)
        if parsed is None:
            self.fail("INVALID_DATE", field)
            return None
        if parsed > self.ctx.today:
            self.fail("FUTURE_DATE", field)
            return None
        return parsed

    def sex(self, field: str) -> str | None:
        text = self.text(field, max_length=10)
        if text is None:
            return None
        sex = SEXES.get(text.upper())
        if sex is None:
            self.fail("INVALID_CODE", field, "sex")
        return sex

    def choice(self, field: str, allowed: dict[str, str], required: bool = True) -> str | None:
        """A value from a source's own list, mapped to the platform's code."""
        text = self.text(field, required, max_length=40)
        if text is None:
            return None
        code = allowed.get(text.upper())
        if code is None:
            self.fail("INVALID_CODE", field)
        return code

    def integer(self, field: str, low: int, high: int, required: bool = True) -> int | None:
        """A whole number in ``low..high`` (``12`` or Excel's ``12.0``); a mis-keyed one
        (``3O``, ``4 5``) or one out of range is refused with ``INVALID_VALUE``."""
        text = self.text(field, required, max_length=20)
        if text is None:
            return None
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            self.fail("INVALID_VALUE", field, "not a number")
            return None
        if not number.is_integer() or not low <= number <= high:
            self.fail("INVALID_VALUE", field, f"not a whole number in {low}–{high}")
            return None
        return int(number)

    def number(self, field: str, low: float, high: float, required: bool = True) -> float | None:
        """A decimal number in ``low..high`` (a point or a decimal comma), else refused."""
        text = self.text(field, required, max_length=30)
        if text is None:
            return None
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            self.fail("INVALID_VALUE", field, "not a number")
            return None
        if not low <= number <= high:  # NaN fails here too
            self.fail("INVALID_VALUE", field, f"not in {low:g}–{high:g}")
            return None
        return number

    def territory(
        self, field: str, reference_list: str, on: dt.date | None, required: bool = True
    ) -> str | None:
        text = self.text(field, required, max_length=40)
        if text is None:
            return None
        code = self.ctx.territory(text, reference_list, on)
        if code is None:
            self.fail("UNMAPPED_CODE", field, text)
        return code

    def country(
        self, field: str, reference_list: str, on: dt.date | None, required: bool = True
    ) -> str | None:
        text = self.text(field, required, max_length=40)
        if text is None:
            return None
        code = self.ctx.country(text, reference_list, on)
        if code is None:
            self.fail("UNMAPPED_CODE", field, text)
        return code

    def nationality(self, field: str, reference_list: str, on: dt.date | None) -> str:
        """A state nationality code (:meth:`Context.nationality`: never refused; a missing or
        unknown code is ``NOT_STATED``). Only text that is not a code at all is refused."""
        value = self.data.get(field)
        if value is None or plain(value, 40):
            return self.ctx.nationality(value, reference_list, on)
        text = self.text(field, required=False, max_length=40)
        return self.ctx.nationality(text, reference_list, on)

    def marital_status(self, field: str) -> str | None:
        """A code of the ``marital_status`` codelist, optional (``None`` when not given)."""
        return self.choice(field, MARITAL_STATUSES, required=False)

    def after_birth(self, event: dt.date | None, birth: dt.date | None, field: str) -> None:
        if event is not None and birth is not None and event < birth:
            self.fail("BEFORE_BIRTH", field)

    def age_between(
        self, birth: dt.date | None, on: dt.date | None, low: int, high: int, field: str
    ) -> int | None:
        if birth is None or on is None:
            return None
        age = age_on(birth, on)
        if not low <= age <= high:
            self.fail("IMPLAUSIBLE_AGE", field, f"{age} not in {low}–{high}")
        return age


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def parse_date(text: str) -> dt.date | None:
    """``YYYY-MM-DD`` (optionally with a time after ``T``) or ``DD.MM.YYYY``; else ``None``."""
    try:
        if len(text) >= 10 and text[4] == "-":
            return dt.date.fromisoformat(text[:10])
        if len(text) == 10 and text[2] == "." and text[5] == ".":
            return dt.date(int(text[6:]), int(text[3:5]), int(text[:2]))
    except ValueError:
        return None
    return None


def age_on(birth: dt.date, on: dt.date) -> int:
    """Completed years of age on ``on``."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
