"""Tagged, navigable PDFs and the generated methods chapter, read back from real PDFs.

A small book — a few tables and a chart of the release factory's data, a table long enough
to run over a page, and the yearbook's own methods chapter — is built tagged (PDF/UA-1) in
each language once per module. The checks read the files with poppler (``pdfinfo``,
``pdftotext``, ``pdftohtml -xml`` for the outline) and, for what poppler does not print (the
catalog's ``/Lang``, a figure's ``/Alt``), with :func:`pdf_strings`, which decompresses the
file's streams and reads the strings stored under a key.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from indicators.catalog import all_specs
from l10n import language
from l10n.flags import symbols
from l10n.texts import SYNTHETIC
from publishing.build import write_book
from publishing.data import ReleaseData, find_release
from publishing.render import Book, Definition, DefinitionGroup, build_book, render_html
from publishing.spec import Chapter, Chart, Dim, Items, Publication, Section, Table, Years, sel
from publishing.spec import T as T_
from publishing.specs.yearbook.methods import METHODS, SOURCES
from store import Database, schema
from store.models import Indicator
from tests import release_factory

LANGS = ("ky", "ru", "en")
LONG_STUB = T_("Аймак (узун)", "Территория (длинная)", "Territory (long)")
TITLE = T_("Сынак жыйнагы", "Тестовый сборник", "Test book")
MEN, WOMEN = sel(sex="M"), sel(sex="F")
POPULATION = Table(
    T_("Калк", "Население", "Population"),
    sel("pop_test", "ref"),
    Dim("soate", release_factory.OBLASTS, total=True),
    Items((MEN, WOMEN)),
)
RATES = Table(
    T_("Коэффициент", "Коэффициент", "Rate"),
    sel("cbr_test"),
    Dim("soate", release_factory.OBLASTS),
    Years(4),
)
# Every SOATE code (about 80 rows): more than a page, so its head must repeat.
LONG = Table(
    T_("Узун таблица", "Длинная таблица", "Long table"),
    sel("cbr_test"),
    Dim("soate", total=True),
    Years(4),
    stub=LONG_STUB,
)
CHART = Chart(
    T_("Калктын диаграммасы", "Диаграмма населения", "Population chart"),
    "line",
    sel("pop_test"),
    Years(4),
    Items((MEN, WOMEN)),
)


def _book(*blocks: Table | Chart) -> Publication:
    chapter = Chapter(
        T_("Калк", "Население", "Population"),
        (Section(T_("Жыныс боюнча", "По полу", "By sex"), blocks),),
    )
    return Publication("pdf", TITLE, T_("Сынак", "Тест", "Test"), (chapter, METHODS))


BOOK = _book(POPULATION, RATES, CHART, LONG)
pytestmark = pytest.mark.skipif(shutil.which("pdftohtml") is None, reason="needs poppler-utils")


class _Errors(logging.Handler):
    """Collects what WeasyPrint logs at ERROR (a PDF/UA gap: a missing alt, a missing lang)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('pdf') / 'statkg.sqlite3'}"
    database = Database(url)
    schema.upgrade(database.engine)
    with database.session() as session:
        release_factory.public_and_embargoed(session)
    database.dispose()
    return url


@pytest.fixture(scope="module")
def data(store_url: str) -> Iterator[ReleaseData]:
    database = Database(store_url)
    with database.session() as session:
        yield ReleaseData(session, find_release(session, "2025-P1", pre_release=False))
    database.dispose()


@pytest.fixture(scope="module")
def built(
    data: ReleaseData, tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, Path], list[str]]:
    """The tagged book in each language, and what WeasyPrint logged at ERROR meanwhile."""
    out = tmp_path_factory.mktemp("tagged")
    errors = _Errors()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(errors)
    try:
        for lang in LANGS:
            write_book(data, BOOK, lang, out, f"pdf-{lang}", pdf_ua=True, html=False)
    finally:
        logger.removeHandler(errors)
    return {lang: out / f"pdf-{lang}.pdf" for lang in LANGS}, errors.messages


@pytest.fixture(scope="module")
def pdfs(built: tuple[dict[str, Path], list[str]]) -> dict[str, Path]:
    return built[0]


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _info(pdf: Path) -> dict[str, str]:
    lines = _run("pdfinfo", str(pdf)).splitlines()
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines)}


def _pages(pdf: Path) -> list[str]:
    return _run("pdftotext", "-layout", str(pdf), "-").split("\f")


def _decode(token: bytes) -> str:
    if token.startswith(b"("):
        return token[1:-1].decode("latin-1")
    raw = bytes.fromhex(token[1:-1].decode())
    return raw[2:].decode("utf-16-be") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1")


def pdf_strings(pdf: Path, key: str) -> list[str]:
    """The string values stored under ``/key`` anywhere in the file, compressed or not."""
    raw = pdf.read_bytes()
    chunks = [raw]
    for stream in re.finditer(rb"stream\r?\n(.*?)endstream", raw, re.S):
        try:
            chunks.append(zlib.decompress(stream.group(1)))
        except zlib.error:
            continue  # not a Flate stream (an image, a font program)
    value = rb"\s*(\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f\s]*>)"
    pattern = re.compile(rb"/" + key.encode() + rb"(?![A-Za-z])" + value)
    return [_decode(m.group(1)) for chunk in chunks for m in pattern.finditer(chunk)]


def _outline(pdf: Path) -> list[str]:
    xml = _run("pdftohtml", "-xml", "-i", "-stdout", str(pdf))
    items = re.findall(r"<item page=\"\d+\">(.*?)</item>", xml.split("<outline>", 1)[-1])
    return [re.sub(r"<[^>]+>", "", item) for item in items]


def test_weasyprint_logs_no_accessibility_error(
    built: tuple[dict[str, Path], list[str]],
) -> None:
    assert built[1] == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_is_tagged_pdf_ua(pdfs: dict[str, Path], lang: str) -> None:
    info = _info(pdfs[lang])
    assert info["Tagged"] == "yes"
    assert "pdfuaid" in _run("pdfinfo", "-meta", str(pdfs[lang]))


@pytest.mark.parametrize("lang", LANGS)
def test_the_document_language_is_the_editions(pdfs: dict[str, Path], lang: str) -> None:
    assert pdf_strings(pdfs[lang], "Lang") == [lang]


@pytest.mark.parametrize("lang", LANGS)
def test_the_title_is_the_books_in_its_language(pdfs: dict[str, Path], lang: str) -> None:
    assert _info(pdfs[lang])["Title"] == f"{TITLE.get(lang)} 2025"


def test_an_untagged_build_stays_possible(data: ReleaseData, tmp_path: Path) -> None:
    write_book(data, _book(RATES), "en", tmp_path, "plain", pdf_ua=False, html=False)
    assert _info(tmp_path / "plain.pdf")["Tagged"] == "no"


@pytest.mark.parametrize("lang", LANGS)
def test_every_data_cell_is_tied_to_its_headers(pdfs: dict[str, Path], lang: str) -> None:
    """Each TD names its row and column headers (``scope``): no cell is left unheaded."""
    structure = _run("pdfinfo", "-struct", str(pdfs[lang]))
    assert structure.count("TD:") > 100
    assert "/Headers []" not in structure
    assert re.search(r"/Headers \[\([^)]+\) \([^)]+\)\]", structure)


@pytest.mark.parametrize("lang", LANGS)
def test_the_chart_has_its_title_as_alternative_text(pdfs: dict[str, Path], lang: str) -> None:
    with language(lang):
        from l10n import gettext

        expected = f"{gettext('Chart')} 1.3. {CHART.title.get(lang)}"
    assert pdf_strings(pdfs[lang], "Alt") == [expected]


@pytest.mark.parametrize("lang", LANGS)
def test_the_outline_and_the_contents_reach_every_table(pdfs: dict[str, Path], lang: str) -> None:
    outline = _outline(pdfs[lang])
    contents = _pages(pdfs[lang])[2]
    blocks: tuple[Table | Chart, ...] = (POPULATION, RATES, CHART, LONG)
    for number, block in enumerate(blocks, 1):
        title = block.title.get(lang)
        assert any(item.endswith(f"1.{number}. {title}") for item in outline), outline
        assert re.search(rf"1\.{number}\. {re.escape(title)}\s*\.+\s*\d+", contents), contents
    methods = METHODS.title.get(lang)
    assert any(item.endswith(methods) for item in outline)


@pytest.mark.parametrize("lang", LANGS)
def test_a_table_over_two_pages_repeats_its_head(pdfs: dict[str, Path], lang: str) -> None:
    stub = LONG_STUB.get(lang)
    rows = ("Кыргыз", "Kyrgyz")  # the first row; the last rows are rayons of Chui and cities
    pages = [p for p in _pages(pdfs[lang]) if stub in p]
    assert len(pages) >= 2, "the long table fits on one page: make it longer"
    assert any(r in pages[0] for r in rows)
    for page in pages:
        head = next(line for line in page.splitlines() if stub in line)
        assert all(year in head for year in release_factory.YEARS), head


@pytest.mark.parametrize("lang", LANGS)
def test_the_methods_chapter_prints_the_catalogs_definitions(
    pdfs: dict[str, Path], data: ReleaseData, lang: str
) -> None:
    text = " ".join(" ".join(_pages(pdfs[lang])[-3:]).split())
    for indicator in ("pop_test", "cbr_test"):
        row = data.session.get(Indicator, indicator)
        assert row is not None
        assert getattr(row, f"name_{lang}") in text
        assert f"{getattr(row, f'definition_{lang}')} " in text
        assert indicator in text
    with language(lang):
        legend, notice = symbols(), str(SYNTHETIC)
    for symbol, meaning in legend:
        assert f"{symbol} {meaning}" in text
    assert " ".join(notice.split()) in text


def test_every_source_of_the_catalog_is_named_in_each_language() -> None:
    """A new source code in the catalog needs its name in the methods chapter's ``SOURCES``."""
    named = dict(SOURCES)
    assert {spec.source for spec in all_specs()} <= set(named)
    assert all(text.get(lang).strip() for text in named.values() for lang in LANGS)


def _glossary(book: Book) -> list[str]:
    return [
        d.id
        for chapter in book.chapters
        for section in chapter.sections
        for block in section.blocks
        for group in block.groups
        for d in group.definitions
    ]


def test_the_glossary_follows_the_tables_the_book_prints(data: ReleaseData, tmp_path: Path) -> None:
    """Adding a table of another indicator adds its definition; nothing is listed by hand."""
    rates_only = build_book(data, _book(RATES), "en", tmp_path / "charts", tmp_path)
    assert _glossary(rates_only) == ["cbr_test"]
    both = build_book(data, _book(POPULATION, RATES), "en", tmp_path / "charts", tmp_path)
    assert _glossary(both) == ["pop_test", "cbr_test"]


def test_an_indicator_the_release_lacks_gets_no_definition(
    data: ReleaseData, tmp_path: Path
) -> None:
    absent = Table(T_("Ж", "Н", "N"), sel("no_such_indicator"), Years(2), Items((sel(),)))
    book = build_book(data, _book(RATES, absent), "ru", tmp_path / "charts", tmp_path)
    assert _glossary(book) == ["cbr_test"]


def test_the_glossary_links_each_definition_to_its_tables(
    data: ReleaseData, tmp_path: Path
) -> None:
    book = build_book(data, _book(POPULATION, RATES, CHART), "ky", tmp_path / "c", tmp_path)
    html = render_html(data, book, "print")
    definitions = html[html.index('class="def-group"') :]
    assert 'href="#t-1-1-1"' in definitions  # the table of pop_test
    assert 'href="#t-1-1-3"' in definitions  # and its chart
    assert 'id="t-1-1-3"' in html


def test_a_book_without_a_methods_chapter_gets_the_definitions_as_an_annex(
    data: ReleaseData, tmp_path: Path
) -> None:
    """Women and Men places no Glossary: the template's annex prints the same definitions."""
    chapter = _book(POPULATION).chapters[0]
    plain = Publication("plain", TITLE, TITLE, (chapter,))
    book = build_book(data, plain, "ru", tmp_path / "charts", tmp_path)
    assert [d.id for group in book.annex for d in group.definitions] == ["pop_test"]
    assert 'id="annex"' in render_html(data, book, "print")
    with_methods = build_book(data, _book(POPULATION), "ru", tmp_path / "charts", tmp_path)
    assert with_methods.annex == []
    assert 'id="annex"' not in render_html(data, with_methods, "print")


def test_a_methodology_shared_by_a_chapters_indicators_is_printed_once() -> None:
    def entry(id_: str, method: str) -> Definition:
        return Definition(id_, id_, "", "", method, "", [], [])

    group = DefinitionGroup("Births", "ch-2-definitions")
    group.definitions += [entry("a", "Registers."), entry("b", ""), entry("c", "Registers.")]
    group.definitions.append(entry("d", "Census."))
    assert group.methods == ["Registers.", "Census."]
