"""Publications: a small spec rendered to real PDFs in each language, checked with poppler.

One module-wide build (three languages, about a second each) from the release factory's
small release; the checks read the PDFs with ``pdffonts`` / ``pdftotext`` and compare the
printed-cells sidecar with the read layer (``store.read``) and with the API itself.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

from config import Config
from l10n.numbers import CONFIDENTIAL, NOT_AVAILABLE, number
from publishing.build import write_book
from publishing.data import PublishingError, ReleaseData, find_release
from publishing.render import build_book, local_fetcher, render_html
from publishing.spec import (
    Chapter,
    Chart,
    Dim,
    Gap,
    Items,
    Listing,
    Publication,
    Section,
    Sentence,
    Table,
    Years,
    sel,
)
from publishing.spec import T as T_
from publishing.tables import cell_text
from store import Database, minimum_set, read, schema
from tests import release_factory

LANGS = ("ky", "ru", "en")
MEN, WOMEN = sel(sex="M"), sel(sex="F")
SMALL = Publication(
    "small",
    T_("Сынак жыйнагы", "Тестовый сборник", "Test book"),
    T_("Сынак", "Тест", "Test"),
    (
        Chapter(
            T_("Калктын өсүшү", "Население", "Population"),
            (
                Section(
                    T_("Жыныс боюнча", "По полу", "By sex"),
                    (
                        Sentence(
                            T_("{year}: {ratio}", "{year}: {ratio}", "{year}: {ratio}"),
                            (("ratio", Gap("ratio100", WOMEN, MEN, T_("", "", ""))),),
                            sel("pop_test", "ref"),
                        ),
                        Table(
                            T_("Калк", "Население", "Population"),
                            sel("pop_test", "ref"),
                            Dim("soate", release_factory.OBLASTS, total=True),
                            Items((MEN, WOMEN, Gap("difference", WOMEN, MEN, T_("Ө", "Р", "D")))),
                        ),
                        Table(
                            T_("Коэф.", "Коэф.", "Rate"),
                            sel("cbr_test"),
                            Dim("soate", release_factory.OBLASTS),
                            Years(4),
                        ),
                        Chart(
                            T_("Калк", "Население", "Population"),
                            "line",
                            sel("pop_test"),
                            Years(4),
                            Items((MEN, WOMEN)),
                        ),
                    ),
                ),
            ),
        ),
    ),
)
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('pub') / 'statkg.sqlite3'}"
    database = Database(url)
    schema.upgrade(database.engine)
    with database.session() as session:
        release_factory.public_and_embargoed(session)
    database.dispose()
    return url


@pytest.fixture(scope="module")
def books(store_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("books")
    database = Database(store_url)
    with database.session() as session:
        data = ReleaseData(session, find_release(session, "2025-P1", pre_release=False))
        for lang in LANGS:
            write_book(data, SMALL, lang, out, f"small-{lang}", pdf_ua=False, html=False)
    database.dispose()
    return {lang: out / f"small-{lang}.pdf" for lang in LANGS}


def _text(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True
    ).stdout


@pytest.mark.parametrize("lang", LANGS)
def test_fonts_are_embedded(books: dict[str, Path], lang: str) -> None:
    listing = subprocess.run(["pdffonts", str(books[lang])], capture_output=True, text=True).stdout
    rows = listing.splitlines()[2:]
    assert rows
    assert all(row.split()[-5] == "yes" for row in rows), listing


def test_kyrgyz_letters_are_text(books: dict[str, Path]) -> None:
    text = _text(books["ky"])
    assert {"ң", "ө", "ү"} <= set(text.lower())


@pytest.mark.parametrize("lang", LANGS)
def test_toc_page_numbers_are_not_zero(books: dict[str, Path], lang: str) -> None:
    numbers = [int(n) for n in re.findall(r"\.{3,}\s*(\d+)", _text(books[lang], 3))]
    assert numbers
    assert all(n > 3 for n in numbers)


@pytest.mark.parametrize(
    ("lang", "notice"),
    [("ky", "СИНТЕТИКАЛЫК МААЛЫМАТТАР"), ("ru", "СИНТЕТИЧЕСКИЕ ДАННЫЕ"), ("en", "SYNTHETIC DATA")],
)
def test_synthetic_notice_on_the_cover(books: dict[str, Path], lang: str, notice: str) -> None:
    assert notice in _text(books[lang], 1)


@pytest.mark.parametrize("lang", LANGS)
def test_printed_cells_equal_the_read_layer(
    books: dict[str, Path], store_url: str, lang: str
) -> None:
    cells = json.loads(books[lang].with_suffix(".cells.json").read_text(encoding="utf-8"))["cells"]
    database = Database(store_url)
    with database.session() as session:
        for cell in cells:
            for stored in cell.get("operands") or [cell]:
                dims = dict(part.split("=") for part in stored["dim_key"].split("|"))
                row = read.value(session, "2025-P1", stored["indicator"], stored["period"], **dims)
                assert row is not None, stored
                assert row.value == stored["value"], stored
    database.dispose()
    assert len(cells) > 40


@pytest.fixture(scope="module")
def api(store_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    """The real API (``create_app``) over the store the books were built from."""
    from app import create_app

    cfg = dataclasses.replace(
        Config(),
        publications_dir=tmp_path_factory.mktemp("served"),
        api_rate_limit="100000 per minute",  # a test asks one cell at a time
    )
    app = create_app({"DATABASE_URL": store_url, "TESTING": True, "STATKG_CONFIG": cfg})
    yield app.test_client()
    app.extensions["statkg.db"].dispose()


def _api_cell(api: FlaskClient, release: str | None, stored: dict[str, Any]) -> list[Any]:
    """The API's rows for one printed cell: every dimension and the period named exactly."""
    query = "&".join(
        f"valueCodes[{dim}]={code}"
        for dim, code in (part.split("=") for part in stored["dim_key"].split("|"))
    )
    pinned = f"&release={release}" if release else ""
    answer = api.get(
        f"/api/v1/data/{stored['indicator']}?{query}"
        f"&valueCodes[period]={stored['period']}{pinned}&lang=en"
    )
    assert answer.status_code == 200, (stored, answer.get_data(as_text=True))
    body = answer.get_json()
    assert body["release"]["id"] == "2025-P1", stored
    columns = body["columns"]
    return [dict(zip(columns, row, strict=True)) for row in body["rows"]]


@pytest.mark.parametrize("lang", LANGS)
def test_printed_cells_equal_the_api(books: dict[str, Path], api: FlaskClient, lang: str) -> None:
    """Every printed cell of the book, asked of ``/api/v1/data`` one cell at a time.

    How the API addresses a release: ``?release=<id>`` names a public release
    (``store.read.public_release``: an embargoed or unknown id is a 404); without it the
    answer is from the latest public release (``store.read.latest_public_release``: the
    newest reference period, then the newest publication time), and the answer names the
    release it used in ``release.id``. The book records its release in the sidecar, so
    each cell is asked with ``release=`` pinned; the first cell of each indicator is also
    asked without it, to show that the app's default answer is the printed release.

    The raw values are compared (not the printed text): a cell the API marks
    confidential carries no value there and must print as ``x``; a cell the store lacks
    is absent from the API too and prints ``…``. A derived gap cell (ratio, difference)
    is not a stored value: its two operands are compared.
    """
    sidecar = json.loads(books[lang].with_suffix(".cells.json").read_text(encoding="utf-8"))
    release = sidecar["release"]
    assert release == "2025-P1"
    asked: set[tuple[str, str, str]] = set()
    defaulted: set[str] = set()
    for cell in sidecar["cells"]:
        for stored in cell.get("operands") or [cell]:
            where = (stored["indicator"], stored["period"], stored["dim_key"])
            if where in asked:
                continue
            asked.add(where)
            rows = _api_cell(api, release, stored)
            if stored["indicator"] not in defaulted:
                defaulted.add(stored["indicator"])
                assert _api_cell(api, None, stored) == rows, stored
            if not rows:
                assert stored["value"] is None, stored
                assert stored.get("text", NOT_AVAILABLE) == NOT_AVAILABLE, stored
                continue
            assert len(rows) == 1, (stored, rows)
            row = rows[0]
            if row["conf"] in ("C", "D"):
                assert row["value"] is None, stored
                assert stored.get("text", CONFIDENTIAL) == CONFIDENTIAL, stored
                continue
            assert row["value"] == stored["value"], (stored, row)
            assert row["period"] == stored["period"], stored
    indicators = {i for i, _p, _k in asked}
    assert indicators == {"pop_test", "cbr_test"}
    assert len(asked) > 40


def test_half_up_rounding_and_symbols() -> None:
    assert number(2.25, 1, "en") == "2.3"  # Babel alone would print 2.2
    assert number(1234567.5, 0, "ru") == "1\xa0234\xa0568"
    assert number(0.04, 1, "ky") == "0,0"
    assert cell_text(None, 0, "en") == "…"


def test_fetcher_refuses_the_network_and_missing_files(tmp_path: Path) -> None:
    from weasyprint.urls import FatalURLFetchingError

    fetcher = local_fetcher((tmp_path,))
    with pytest.raises(FatalURLFetchingError):
        fetcher.fetch("https://example.org/logo.png")
    with pytest.raises(FatalURLFetchingError):
        fetcher.fetch((tmp_path / "missing.svg").as_uri())


def test_embargoed_release_needs_pre_release(store_url: str) -> None:
    database = Database(store_url)
    with database.session() as session:
        with pytest.raises(PublishingError, match="embargo"):
            find_release(session, release_factory.EMBARGOED_ID, pre_release=False)
        assert find_release(session, release_factory.EMBARGOED_ID, pre_release=True)
        assert find_release(session, None, pre_release=False).id == "2025-P1"
    database.dispose()


def test_a_chart_from_another_store_with_the_same_release_id_is_not_reused() -> None:
    from dataclasses import dataclass
    from datetime import UTC, datetime

    from publishing.charts import chart_key
    from publishing.spec import Chart
    from publishing.specs.yearbook import PUBLICATION

    @dataclass
    class _Release:
        id: str
        created_at: datetime

    @dataclass
    class _Data:
        release: _Release

    chart = next(
        b
        for ch in PUBLICATION.chapters
        for s in ch.sections
        for b in s.blocks
        if isinstance(b, Chart)
    )
    one = _Data(_Release("2025-P1", datetime(2026, 1, 1, tzinfo=UTC)))
    other = _Data(_Release("2025-P1", datetime(2026, 1, 2, tzinfo=UTC)))
    assert chart_key(one, chart, "ky") != chart_key(other, chart, "ky")  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", LANGS)
def test_the_record_names_the_book_in_its_language(books: dict[str, Path], lang: str) -> None:
    sidecar = json.loads(books[lang].with_suffix(".cells.json").read_text(encoding="utf-8"))
    assert sidecar["title"].endswith(", 2025")
    assert sidecar["lang"] == lang


def test_a_listing_prints_the_rows_its_resolver_gives(store_url: str, tmp_path: Path) -> None:
    """A :class:`Listing` is the rows its resolver reads from the release: here the UN Minimum
    Set on a store that holds none of the gender indicators, so all 52 items, under the Set's
    five domains, print "not available" with the reason the catalog gives, in the book's
    language (the figures themselves are checked against the API in the yearbook's test)."""
    listing = Listing(
        T_("Минималдык топтом", "Минимальный набор", "Minimum Set"),
        "minimum_set",
        (T_("№", "№", "No."), T_("К", "П", "I"), T_("М", "З", "V"), T_("Б", "Е", "U")),
    )
    pub = Publication(
        "listing",
        T_("Сынак", "Тест", "Test"),
        T_("Сынак", "Тест", "Test"),
        (Chapter(T_("Тиркеме", "Приложение", "Annex"), (Section(T_("-", "-", "-"), (listing,)),)),),
    )
    database = Database(store_url)
    with database.session() as session:
        data = ReleaseData(session, find_release(session, "2025-P1", pre_release=False))
        book = build_book(data, pub, "ru", tmp_path / "charts", tmp_path)
        html = render_html(data, book, "web")
    database.dispose()
    built = book.chapters[0].sections[0].blocks[0].listing
    assert built is not None
    assert built.columns == ["№", "П", "З", "Е"]
    items = [row for row in built.rows if not row.group]
    assert [row.key for row in items] == [str(n) for n in range(1, 53)]
    assert [row.key for row in built.rows if row.group] == list(minimum_set.DOMAINS)
    assert all(row.absent and not row.records for row in items)
    first = minimum_set.MINIMUM_SET[0]
    assert items[0].cells[1] == [first.name["ru"]]
    assert items[0].cells[2] == ["Нет данных", first.reason["ru"]]  # type: ignore[index]
    assert first.reason["ru"] in html  # type: ignore[index]
    assert 'colspan="4"' in html  # the domains' heading rows span the table
    assert "Таблица 1.1" in html
