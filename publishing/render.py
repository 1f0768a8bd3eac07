"""A spec + a release + a language → the book's HTML (Jinja2), and HTML → PDF (WeasyPrint).

The same template makes the PDF and the HTML edition. WeasyPrint fetches through
:class:`LocalFetcher`, which serves files under the allowed folders only and stops the
render on anything else or on a missing file, so a build never touches the network.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from babel.dates import format_date, format_datetime

from l10n import language, units
from l10n.templates import TEMPLATES as ALL_TEMPLATES
from l10n.templates import environment
from publishing.charts import chart_file
from publishing.data import ReleaseData
from publishing.listings import LISTINGS, ListedRow
from publishing.spec import (
    Block,
    Chart,
    DataNote,
    Glossary,
    Items,
    Listing,
    Paragraph,
    Publication,
    Sel,
    Sentence,
    Symbols,
    Table,
)
from publishing.tables import (
    BuiltTable,
    Record,
    address,
    build_table,
    evaluate,
    indicators_of,
    missing,
    wanted,
)

TEMPLATES = ALL_TEMPLATES / "publications"
# Tagged and accessible: the structure tree (headings, tables with their header cells,
# figures with their alternative text), the document's language from ``<html lang>`` and the
# title shown instead of the file name. About 1.1 × WeasyPrint's untagged time (bench_publish).
PDF_UA = "pdf/ua-1"
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))


@dataclass
class Definition:
    """One indicator as the glossary prints it, in the book's language."""

    id: str
    name: str
    definition: str
    unit: str
    methodology: str
    source: str
    tables: list[tuple[str, str]]  # (number, anchor) of each table that prints it
    charts: list[tuple[str, str]]  # and of each chart


@dataclass
class DefinitionGroup:
    """The definitions of the indicators a chapter prints first.

    The catalog states one methodology for a topic's indicators: a group prints each
    distinct text once (``methods``), ahead of its definitions, rather than under each.
    """

    chapter: str
    anchor: str
    definitions: list[Definition] = field(default_factory=list)

    @property
    def methods(self) -> list[str]:
        return list(dict.fromkeys(d.methodology for d in self.definitions if d.methodology))


@dataclass
class BuiltListing:
    """A :class:`publishing.spec.Listing` read: headings and the resolver's rows."""

    anchor: str
    title: str
    columns: list[str]
    rows: list[ListedRow]
    notes: list[str] = field(default_factory=list)


@dataclass
class BuiltBlock:
    kind: str  # table, listing, chart, text, glossary, symbols, datanote
    table: BuiltTable | None = None
    listing: BuiltListing | None = None
    title: str = ""
    number: str = ""
    anchor: str = ""
    src: str = ""
    text: str = ""
    generated: bool = False
    groups: list[DefinitionGroup] = field(default_factory=list)
    spec: Block | None = None  # a glossary's spec, until the whole book is built


@dataclass
class BuiltSection:
    anchor: str
    title: str
    blocks: list[BuiltBlock] = field(default_factory=list)


@dataclass
class BuiltChapter:
    anchor: str
    title: str
    sections: list[BuiltSection] = field(default_factory=list)


@dataclass
class Book:
    """Everything the template prints, and the record of every printed number."""

    publication: Publication
    lang: str
    chapters: list[BuiltChapter]
    indicators: list[str]
    records: list[Record]
    charts_drawn: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    # indicator → (chapter index, kind, number, anchor) of every table or chart that prints it
    printed_in: dict[str, list[tuple[int, str, str, str]]] = field(default_factory=dict)
    # The definitions the template prints after the chapters when no Glossary block does.
    annex: list[DefinitionGroup] = field(default_factory=list)

    @property
    def has_glossary(self) -> bool:
        """Whether the spec places the definitions itself (else the template's annex does)."""
        return any(
            block.kind == "glossary"
            for chapter in self.chapters
            for section in chapter.sections
            for block in section.blocks
        )


def build_book(data: ReleaseData, pub: Publication, lang: str, charts: Path, out: Path) -> Book:
    """Read and format every table, draw (or find) every chart, fill every sentence."""
    started = time.perf_counter()
    book = Book(pub, lang, [], [], [])
    chart_seconds = 0.0
    with language(lang):
        data.prefetch(_wanted(data, pub, lang))
        for c, chapter in enumerate(pub.chapters, 1):
            built = BuiltChapter(f"ch-{c}", chapter.title.get(lang))
            tables = 0
            for s, section in enumerate(chapter.sections, 1):
                out_section = BuiltSection(f"ch-{c}-{s}", section.title.get(lang))
                for b, block in enumerate(section.blocks, 1):
                    t0 = time.perf_counter()
                    if isinstance(block, Table | Chart | Listing):
                        tables += 1
                    out_section.blocks.append(
                        _block(
                            data, block, lang, book, f"{c}.{tables}", f"t-{c}-{s}-{b}", charts, out
                        )
                    )
                    if isinstance(block, Chart):
                        chart_seconds += time.perf_counter() - t0
                built.sections.append(out_section)
            book.chapters.append(built)
        _fill_glossaries(data, book)
        if not book.has_glossary:
            book.annex = _definitions(data, book, Glossary())
    book.seconds["charts"] = round(chart_seconds, 2)
    book.seconds["tables"] = round(time.perf_counter() - started - chart_seconds, 2)
    return book


def _wanted(data: ReleaseData, pub: Publication, lang: str) -> set[tuple[str, str, str]]:
    cells: set[tuple[str, str, str]] = set()
    for chapter in pub.chapters:
        for section in chapter.sections:
            for block in section.blocks:
                if isinstance(block, Table):
                    cells |= wanted(data, block.base, block.rows, block.cols, lang)
                elif isinstance(block, Chart):
                    cells |= wanted(data, block.base, block.x, block.series, lang)
                elif isinstance(block, Sentence):
                    items = Items(tuple(where for _, where in block.values))
                    cells |= wanted(data, block.base, Items((Sel(),)), items, lang)
    return cells


def _block(
    data: ReleaseData,
    block: Block,
    lang: str,
    book: Book,
    number_: str,
    anchor: str,
    charts: Path,
    out: Path,
) -> BuiltBlock:
    if isinstance(block, Table):
        table = build_table(data, block, anchor, lang)
        book.records.extend(table.records())
        if table.missing is None:
            _note_indicators(book, table.indicators, "table", number_, anchor)
        return BuiltBlock("table", table=table, title=table.title, number=number_)
    if isinstance(block, Listing):
        rows = LISTINGS[block.rows](data, lang)
        records = [record for row in rows for record in row.records]
        book.records.extend(records)
        _note_indicators(book, {r["indicator"] for r in records}, "table", number_, anchor)
        listing = BuiltListing(
            anchor,
            block.title.get(lang),
            [column.get(lang) for column in block.columns],
            rows,
            [block.note.get(lang)] if block.note else [],
        )
        return BuiltBlock("listing", listing=listing, title=listing.title, number=number_)
    if isinstance(block, Chart):
        notice = missing(data, _chart_reads(block))
        if notice is not None:  # nothing to draw: the notice a table would print
            return BuiltBlock(
                "chart", title=block.title.get(lang), number=number_, anchor=anchor, text=notice
            )
        path, drawn = chart_file(data, block, lang, charts)
        book.charts_drawn += drawn
        _note_indicators(book, _chart_indicators(data, block), "chart", number_, anchor)
        return BuiltBlock(
            "chart",
            title=block.title.get(lang),
            number=number_,
            anchor=anchor,
            src=_relative(path, out),
        )
    if isinstance(block, Paragraph):
        return BuiltBlock("text", text=block.text.get(lang))
    if isinstance(block, Glossary):
        return BuiltBlock("glossary", spec=block)  # filled once the whole book is built
    if isinstance(block, Symbols):
        return BuiltBlock("symbols")  # the template prints the legend of l10n.flags
    if isinstance(block, DataNote):
        return BuiltBlock("datanote")  # the template prints the release and synthetic notes
    return BuiltBlock("text", text=_sentence(data, block, lang, book), generated=True)


def _chart_reads(chart: Chart) -> set[str]:
    items = [i for axis in (chart.x, chart.series) if isinstance(axis, Items) for i in axis.items]
    return indicators_of(chart.base, *items)


def _chart_indicators(data: ReleaseData, chart: Chart) -> set[str]:
    """The indicators a chart draws: its base's and its axes' items' (those the release holds)."""
    return {i for i in _chart_reads(chart) if i in data.indicators() and data.holds(i)}


def _fill_glossaries(data: ReleaseData, book: Book) -> None:
    """Give every glossary block the definitions of all the indicators the book printed."""
    for chapter in book.chapters:
        for section in chapter.sections:
            for block in section.blocks:
                if isinstance(block.spec, Glossary):
                    block.groups = _definitions(data, book, block.spec)


def _definitions(data: ReleaseData, book: Book, glossary: Glossary) -> list[DefinitionGroup]:
    sources = {code: text.get(book.lang) for code, text in glossary.sources}
    groups: dict[int, DefinitionGroup] = {}
    for indicator in book.indicators:
        places = book.printed_in[indicator]
        first = places[0][0]
        if first not in groups:
            chapter = book.chapters[first]
            groups[first] = DefinitionGroup(chapter.title, f"{chapter.anchor}-definitions")
        row = data.indicator(indicator)
        methodology = (row.attributes or {}).get("methodology") or {}
        groups[first].definitions.append(
            Definition(
                row.id,
                getattr(row, f"name_{book.lang}"),
                getattr(row, f"definition_{book.lang}"),
                units.label(row.unit),
                methodology.get(book.lang, ""),
                sources.get(row.source, ""),  # a source the spec does not name is not printed
                [(n, anchor) for _c, kind, n, anchor in places if kind == "table"],
                [(n, anchor) for _c, kind, n, anchor in places if kind == "chart"],
            )
        )
    return [groups[k] for k in sorted(groups)]


def _sentence(data: ReleaseData, sentence: Sentence, lang: str, book: Book) -> str:
    notice = missing(data, indicators_of(sentence.base, *(w for _, w in sentence.values)))
    if notice is not None:
        return notice
    values = {}
    for name, where in sentence.values:
        cell = evaluate(data, address(sentence.base, Sel(), where), lang)
        if cell.record is not None:
            book.records.append({**cell.record, "in": "text"})
        values[name] = cell.text
    year = data.release.reference_period
    return sentence.template.get(lang).format(year=year, **values)


def _note_indicators(
    book: Book, indicators: set[str], kind: str, number_: str, anchor: str
) -> None:
    chapter = len(book.chapters)  # the index of the chapter being built
    for indicator in sorted(indicators):
        if indicator not in book.indicators:
            book.indicators.append(indicator)
        book.printed_in.setdefault(indicator, []).append((chapter, kind, number_, anchor))


def _relative(path: Path, out: Path) -> str:
    return path.resolve().relative_to(out.resolve()).as_posix()


def render_html(data: ReleaseData, book: Book, edition: str) -> str:
    """The book as HTML; ``edition`` is ``print`` (for WeasyPrint) or ``web``."""
    lang = book.lang
    release = data.summary()
    with language(lang):
        return (
            environment()
            .get_template("publications/book.html")
            .render(
                book=book,
                pub=book.publication,
                lang=lang,
                edition=edition,
                release=release,
                title=book.publication.title.get(lang),
                subtitle=book.publication.subtitle.get(lang),
                year=release["period"],
                created=format_datetime(release["created_at"], "medium", locale=lang),
                published=format_date(release["published_at"], "long", locale=lang)
                if release["published_at"]
                else "",
                printed=format_date(datetime.now(UTC), "long", locale=lang),
                css=_stylesheet(book.publication),
            )
        )


def _stylesheet(pub: Publication) -> str:
    """``book.css``, then the publication's own page style if it names one."""
    names = ["book.css", *([pub.style] if pub.style else [])]
    return "\n".join((TEMPLATES / name).read_text(encoding="utf-8") for name in names)


class FetchRefusedError(Exception):
    """WeasyPrint asked for something that is not an allowed local file."""


def local_fetcher(allowed: tuple[Path, ...]) -> Any:
    """A WeasyPrint URL fetcher serving only existing files under ``allowed`` folders."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    roots = tuple(p.resolve() for p in allowed)

    class LocalFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme != "file":
                raise FatalURLFetchingError(f"refused (not a local file): {url}")
            path = Path(unquote(parts.path)).resolve()
            if not any(path.is_relative_to(root) for root in roots):
                raise FatalURLFetchingError(f"refused (outside the allowed folders): {path}")
            if not path.is_file():
                raise FatalURLFetchingError(f"missing asset: {path}")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols=("file",))


def write_pdf(html: str, base: Path, target: Path, pdf_ua: bool) -> dict[str, float]:
    """Render ``html`` (relative links under ``base``) to ``target``; returns the timings."""
    from weasyprint import HTML

    seconds = {}
    t0 = time.perf_counter()
    document = HTML(
        string=html,
        base_url=base.resolve().as_uri() + "/",
        url_fetcher=local_fetcher((base, TEMPLATES, *FONT_DIRS)),
    ).render(pdf_variant=PDF_UA if pdf_ua else None)
    seconds["weasyprint_render"] = round(time.perf_counter() - t0, 2)
    t0 = time.perf_counter()
    tmp = target.with_suffix(".pdf.tmp")
    document.write_pdf(tmp, pdf_variant=PDF_UA if pdf_ua else None)
    tmp.replace(target)
    seconds["weasyprint_write"] = round(time.perf_counter() - t0, 2)
    seconds["pages"] = len(document.pages)
    return seconds
