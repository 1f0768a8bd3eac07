"""The vocabulary of publication specs: chapters → sections → tables, charts and texts.

A publication is data written with these classes (``publishing/specs/*.py``); the renderer
knows nothing of any particular book. A table names a *base* address (an indicator, a
period, fixed dimensions) and two axes; each cell is the base merged with its row's and its
column's address. Axes are resolved against the release when the book is built, so "the
last five years" or "the districts of Naryn oblast" follow whatever the release holds.

A :class:`Gap` is the one thing a spec may derive from two printed cells: a ratio or a
difference of two published values (the gender gaps of "Women and Men"). It is recorded as
derived in the printed-cells sidecar, with both operands, never passed off as stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# Dimension → codelist where the two differ (the rest are named for their codelist).
CODELISTS = {
    "mother_age": "age5",
    "groom_age": "age5",
    "bride_age": "age5",
    "cause": "icd10_chapter",
    "disease": "icd10_chapter",
    "reason": "migration_reason",
    "origin": "soate",
    "destination": "soate",
    "origin_settlement": "urban_rural",
    "destination_settlement": "urban_rural",
    "citizenship": "country",
    "direction": "border_direction",
    "purpose": "purpose_of_trip",
    "groom_status": "marital_status",
    "bride_status": "marital_status",
    "mother_nationality": "nationality",
    "husband_age": "age5",
    "wife_age": "age5",
    "field": "field_of_education",
    "activity": "economic_activity",
    "grade": "civil_service_grade",
    "court": "court_level",
    "offence": "offence_category",
    "head_sex": "sex",
}
REGIONS = ("41702", "41703", "41704", "41705", "41706", "41707", "41708", "41711", "41721")


@dataclass(frozen=True)
class T:
    """Text in the three languages of the books."""

    ky: str
    ru: str
    en: str

    def get(self, lang: str) -> str:
        return str(getattr(self, lang))


@dataclass(frozen=True)
class Sel:
    """A partial cell address: indicator, period (``ref``, ``ref-1`` or a year), dimensions."""

    indicator: str | None = None
    period: str | None = None
    dims: tuple[tuple[str, str], ...] = ()
    label: T | None = None

    def merge(self, other: Sel) -> Sel:
        dims = dict(self.dims)
        dims.update(other.dims)
        return Sel(
            other.indicator or self.indicator,
            other.period or self.period,
            tuple(sorted(dims.items())),
            other.label or self.label,
        )


def sel(
    indicator: str | None = None, period: str | None = None, label: T | None = None, **dims: str
) -> Sel:
    return Sel(indicator, period, tuple(sorted(dims.items())), label)


@dataclass(frozen=True)
class Gap:
    """A derived cell: ``ratio100`` (a per 100 b), ``share`` (a in % of b) or ``difference``."""

    op: Literal["ratio100", "share", "difference"]
    a: Sel
    b: Sel
    label: T
    decimals: int | None = None  # None: the indicator's own (differences), else 1


@dataclass(frozen=True)
class Dim:
    """An axis over the codes of one dimension.

    ``codes`` lists them; otherwise they come from the codelist, narrowed to ``level``
    (comma-separated levels) or to the children of ``parent``; ``total`` puts the total
    code (``_T`` or the country) first.
    """

    dim: str
    codes: tuple[str, ...] = ()
    level: str | None = None
    parent: str | None = None
    total: bool = False

    @property
    def codelist(self) -> str:
        return CODELISTS.get(self.dim, self.dim)


@dataclass(frozen=True)
class Years:
    """An axis over the last ``last`` years of the release's series."""

    last: int = 5


@dataclass(frozen=True)
class Items:
    """An axis of explicit addresses (indicators side by side, sexes with gaps …)."""

    items: tuple[Sel | Gap, ...]


Axis = Dim | Years | Items


@dataclass(frozen=True)
class Table:
    title: T
    base: Sel
    rows: Axis
    cols: Axis
    stub: T | None = None  # heading of the row-label column
    note: T | None = None
    drop_empty: bool = False  # leave out rows with nothing but "–" and "…"
    sort_by_value: bool = False  # rows by the first column, largest first
    limit: int | None = None  # at most this many rows after sorting


@dataclass(frozen=True)
class Chart:
    title: T
    kind: Literal["line", "bar", "barh", "pyramid"]
    base: Sel
    x: Axis
    series: Axis
    size: tuple[float, float] | None = None  # inches; None: the A4 books' width


@dataclass(frozen=True)
class Paragraph:
    text: T


@dataclass(frozen=True)
class Sentence:
    """Generated text: ``template`` in three languages with ``{name}`` filled by values."""

    template: T
    values: tuple[tuple[str, Sel | Gap], ...]
    base: Sel = field(default_factory=Sel)


@dataclass(frozen=True)
class Glossary:
    """The definitions of the indicators the book prints, read from the catalog in the store.

    Filled after every other block is built, so it lists exactly the indicators the book's
    tables and charts print, grouped by the chapter that prints each first: name, definition,
    unit, methodology, source and the numbers of the tables. ``sources`` names the catalog's
    source codes (a code not named prints as itself).
    """

    sources: tuple[tuple[str, T], ...] = ()


@dataclass(frozen=True)
class Symbols:
    """The legend of the symbols the tables print (``l10n.flags.symbols``: one place) and the
    note on rounding, as the imprint prints them."""


@dataclass(frozen=True)
class DataNote:
    """What the book's figures are: the release they are read from and, for a release of
    generated records, the synthetic-data notice (``l10n.texts``)."""


@dataclass(frozen=True)
class Listing:
    """A table whose rows are a list, not a grid of addresses: each row an item answered by
    its own indicator and selection, or not at all and why (the UN Minimum Set annex).

    ``rows`` names a resolver of :data:`publishing.listings.LISTINGS`, which reads the rows
    from the release in the book's language; the spec gives the title and the headings of
    the ``columns`` (as many as the resolver's rows have cells). Every number a row prints
    is recorded like a table's, so the books' test compares it with the API.
    """

    title: T
    rows: str
    columns: tuple[T, ...]
    note: T | None = None


Block = Table | Chart | Paragraph | Sentence | Glossary | Symbols | DataNote | Listing


@dataclass(frozen=True)
class Section:
    title: T
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Chapter:
    title: T
    sections: tuple[Section, ...]
    intro: T | None = None


@dataclass(frozen=True)
class Publication:
    id: str
    title: T
    subtitle: T
    chapters: tuple[Chapter, ...]
    # A stylesheet of ``templates/publications/`` read after ``book.css``: another page size
    # and type for the same markup (the pocket book's A6 spreads). None: the A4 books'.
    style: str | None = None
