"""The one interface of every export format: a writer turns a protected table into bytes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Protocol

from exports.table import Table


@dataclass(frozen=True)
class Options:
    """How the requester wants the file: language, and for CSV separator, BOM and labels.

    ``labels``: ``codes``, ``labels`` or ``both`` (a code column and a label column per
    dimension). A ``;`` separator comes with a decimal comma, as Excel expects it in the
    ky/ru locales. ``title`` is the requester's own caption (shown, neutralised, as text).
    """

    language: str = "ky"
    separator: str = ","
    bom: bool = True
    labels: str = "both"
    title: str = ""
    request_id: str = ""


class Writer(Protocol):
    format: ClassVar[str]
    extension: ClassVar[str]
    media_type: ClassVar[str]

    def write(self, table: Table, options: Options) -> bytes: ...
