"""The whole Demographic Yearbook against the API: every printed cell, in every language.

`tests/test_publishing.py` checks the machinery on a small hand-made book. This module
checks the real yearbook spec: it computes a release from the sample synthetic data (every
topic of the catalog), builds the yearbook's tables and charts in ky, ru and en (no PDF:
WeasyPrint lays out the text it is given and changes no number), and asks ``/api/v1/data``
for every distinct printed cell. The API's published value, printed by ``l10n.numbers``
in the edition's language, must be the very text the book prints (a symbol where the API
gives no value; "–" only for an exact zero). Derived cells (the
books' gaps) are checked through their two operands.

Tables whose indicators come from sources the sample does not generate (the paper
reports, the Border Service, the household books) print the release's notice instead;
every other table of the yearbook must print numbers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import pytest
from flask.testing import FlaskClient

from classifiers.loader import load_classifiers
from config import Config
from indicators.catalog import all_specs
from indicators.release import compute_release
from ingest.pseudonymise import Pseudonymiser
from l10n.numbers import NO_CASES, NOT_AVAILABLE, cell_text, number
from publishing.data import ReleaseData, find_release
from publishing.render import Book, build_book
from publishing.specs.yearbook import PUBLICATION
from store import Database, schema
from store.models import ObsStatus, ReleaseStatus
from synth.load import generate
from synth.simulate import Params

pytestmark = pytest.mark.slow

LANGS = ("ky", "ru", "en")
NOW = datetime(2026, 2, 1, 4, 0, tzinfo=UTC)
# Sources the sample data set (``synth.load.generate``) does not produce: their tables say
# that the release does not hold them.
NOT_GENERATED = {"border_service", "sanarip_aimak", "paper_report", "unhcr", "labour_force_survey"}
DECIMALS = {spec.id: spec.decimals for spec in all_specs()}
SOURCES = {spec.id: spec.source for spec in all_specs()}
MISSING = ObsStatus.MISSING.value


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """A store with a public release computed from the sample data: (url, release id)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('yearbook') / 'statkg.sqlite3'}"
    database = Database(url)
    schema.upgrade(database.engine)
    with database.session() as session:
        load_classifiers(session)
        generate(session, Params(seed=5, scale=0.002), Pseudonymiser("k"))
        outcome = compute_release(
            session, period=2025, status=ReleaseStatus.PROVISIONAL, scheduled_at=NOW, now=NOW
        )
        assert outcome.release.notes["checks_passed"], outcome.release.notes["checks"]
        release = outcome.release.id
        session.commit()
    database.dispose()
    return url, release


@pytest.fixture(scope="module")
def books(store: tuple[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Book]:
    out = tmp_path_factory.mktemp("yearbook-books")
    database = Database(store[0])
    built: dict[str, Book] = {}
    with database.session() as session:
        data = ReleaseData(session, find_release(session, store[1], pre_release=False))
        for lang in LANGS:
            built[lang] = build_book(data, PUBLICATION, lang, out / "charts", out)
    database.dispose()
    return built


@pytest.fixture(scope="module")
def api(store: tuple[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    from app import create_app

    cfg = dataclasses.replace(
        Config(),
        publications_dir=tmp_path_factory.mktemp("served"),
        api_rate_limit="1000000 per minute",  # the test asks one cell at a time
    )
    app = create_app({"DATABASE_URL": store[0], "TESTING": True, "STATKG_CONFIG": cfg})
    yield app.test_client()
    app.extensions["statkg.db"].dispose()


def _stored(records: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every stored cell a book prints: a derived cell's operands in its place."""
    for record in records:
        yield from record.get("operands") or [record]


def _tables(book: Book) -> Iterator[Any]:
    for chapter in book.chapters:
        for section in chapter.sections:
            for block in section.blocks:
                if block.table is not None:
                    yield block.table


class _Api:
    """The API's row for one printed cell, each cell asked once for all three editions."""

    def __init__(self, client: FlaskClient, release: str) -> None:
        self.client, self.release = client, release
        self.asked: dict[tuple[str, str, str], dict[str, Any] | None] = {}

    def row(self, cell: dict[str, Any]) -> dict[str, Any] | None:
        where = (cell["indicator"], cell["period"], cell["dim_key"])
        if where not in self.asked:
            codes = "&".join(
                f"valueCodes[{dim}]={quote(code)}"
                for dim, code in (part.split("=") for part in cell["dim_key"].split("|"))
            )
            answer = self.client.get(
                f"/api/v1/data/{cell['indicator']}?{codes}&valueCodes[period]={cell['period']}"
                f"&release={self.release}&lang=en"
            )
            body = answer.get_json()
            if answer.status_code == 400 and body["type"].endswith("/invalid-selection"):
                # A code of the classifier the indicator never takes in this release (no
                # immigrants to a small oblast in the sample): absent, like a missing cell.
                self.asked[where] = None
                return None
            assert answer.status_code == 200, (cell, body)
            rows = [dict(zip(body["columns"], row, strict=True)) for row in body["rows"]]
            assert len(rows) <= 1, (cell, rows)
            self.asked[where] = rows[0] if rows else None
        return self.asked[where]


def test_every_printed_cell_is_the_apis_published_value(
    books: dict[str, Book], api: FlaskClient, store: tuple[str, str]
) -> None:
    asker = _Api(api, store[1])
    compared = 0
    for lang, book in books.items():
        for cell in _stored(book.records):
            row = asker.row(cell)
            if row is None:  # not in the release: the book says so
                assert cell["text"] == NOT_AVAILABLE, (lang, cell)
                continue
            decimals = DECIMALS[cell["indicator"]]
            if row["value"] is None:  # behind a symbol in the API: the same symbol printed
                expected = cell_text(None, row["status"], row["conf"], decimals, lang)
            elif cell["text"] == NO_CASES:  # "–" is an exact zero, never a rounded one
                expected = NO_CASES
                assert row["value"] == 0, (lang, cell, row)
                assert not cell["value"], (lang, cell, row)
            else:  # "0,0" is a value that rounds to zero: the published number, printed
                expected = number(row["value"], decimals, lang)
            assert cell["text"] == expected, (lang, cell, row)
            compared += 1
    # The yearbook's depth (issue 14): thousands of cells over every topic of the catalog.
    assert compared > 3 * 10_000, compared
    printed = {cell["indicator"] for cell in _stored(books["en"].records)}
    topics = {spec.topic for spec in all_specs() if spec.id in printed}
    generated = {spec.topic for spec in all_specs() if spec.source not in NOT_GENERATED}
    assert topics == generated, topics


def test_the_three_editions_print_the_same_cells(books: dict[str, Book]) -> None:
    def cells(book: Book) -> list[tuple[str, str, str]]:
        return [(c["indicator"], c["period"], c["dim_key"]) for c in _stored(book.records)]

    assert cells(books["ky"]) == cells(books["ru"]) == cells(books["en"])


def test_every_table_from_the_generated_sources_prints_numbers(
    books: dict[str, Book], api: FlaskClient, store: tuple[str, str]
) -> None:
    """A table that prints the release's notice instead of numbers must be one of a source
    the sample data set does not generate. A table of nothing but "…" must be one the
    release computed as not available (a life table of an oblast too small in the sample
    to build one), never one whose cells the spec addresses wrongly (absent)."""
    asker = _Api(api, store[1])
    for table in _tables(books["en"]):
        sources = {SOURCES.get(indicator, "") for indicator in table.indicators}
        if table.missing is not None:
            assert sources & NOT_GENERATED or not sources, (table.title, sources)
            continue
        cells = [cell for row in table.rows for cell in row.cells]
        assert cells, table.title
        if all(cell.text == NOT_AVAILABLE for cell in cells):
            rows = [asker.row(r) for r in _stored([c.record for c in cells if c.record])]
            assert any(row is not None and row["status"] == MISSING for row in rows), table.title


def test_the_yearbook_has_the_depth_of_a_national_yearbook(books: dict[str, Book]) -> None:
    tables = list(_tables(books["en"]))
    assert len(tables) > 250, len(tables)
    chapters = [chapter.title for chapter in books["en"].chapters]
    for title in ("Population", "Deaths and mortality", "Life tables", "Oblasts and cities"):
        assert any(title.lower() in chapter.lower() for chapter in chapters), chapters
