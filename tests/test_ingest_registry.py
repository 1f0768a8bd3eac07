"""Structure: every source the adapters declare is complete in ky/ru/en, and the lists that
used to be kept by hand (the quality report's tables and names) are derived from the
adapters' registry, so a new source needs no second list."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from markupsafe import escape
from sqlalchemy.orm import Session

from ingest.base import KINDS, discover
from ingest.paper import PaperAdapter
from l10n import language
from store import Database, quality
from store.models import Base

ADAPTERS = discover()
LANGS = ("ky", "ru", "en")
HEADING = {"ky": "Маалыматтардын сапаты боюнча отчёт", "ru": "Отчёт о качестве данных",
           "en": "Quality report"}  # fmt: skip


@pytest.fixture
def empty(sqlite_url: str) -> Iterator[Session]:
    database = Database(sqlite_url)
    with database.session() as session:
        yield session
    database.dispose()


@pytest.mark.parametrize("source", ADAPTERS)
def test_every_source_declares_its_kind_and_table(source: str) -> None:
    adapter = ADAPTERS[source]
    assert adapter.kind in KINDS
    assert adapter.table in {mapper.class_ for mapper in Base.registry.mappers}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("source", ADAPTERS)
def test_every_source_is_named_in_each_language(source: str, lang: str) -> None:
    with language("en"):
        english = str(ADAPTERS[source].title)
    with language(lang):
        name = str(ADAPTERS[source].title)
    assert name.strip()
    assert name != source
    if lang != "en":
        assert name != english  # a translation, not the English text falling through
        assert re.search("[а-яёңөү]", name, re.IGNORECASE)


@pytest.mark.parametrize("source", ADAPTERS)
def test_the_quality_report_knows_every_source_from_its_adapter(source: str) -> None:
    adapter = ADAPTERS[source]
    assert quality.SOURCE_NAMES[source] is adapter.title
    holds_events = {"event_date", "registered_on"} <= set(adapter.table.__table__.columns.keys())
    assert quality.event_table(source) is (adapter.table if holds_events else None)


def test_every_tunduk_source_has_its_event_table() -> None:
    tunduk = discover("tunduk")
    assert tunduk
    assert {name: quality.event_table(name) for name in tunduk} == {
        name: adapter.table for name, adapter in tunduk.items()
    }


@pytest.mark.parametrize("lang", LANGS)
def test_every_sources_quality_page_renders_in_each_language(empty: Session, lang: str) -> None:
    for source, adapter in ADAPTERS.items():
        period = date(2025, 1, 1), date(2025, 12, 31)
        result = quality.report(empty, source, *period, table=quality.event_table(source))
        page = quality.render_html(result, lang)
        with language(lang):
            name = str(adapter.title)
        assert f"<h1>{HEADING[lang]}: {escape(name)}</h1>" in page, source


@pytest.mark.parametrize("source", [n for n, a in ADAPTERS.items() if issubclass(a, PaperAdapter)])
def test_every_paper_template_is_complete_in_each_language(source: str) -> None:
    spec = ADAPTERS[source].spec  # type: ignore[attr-defined]
    assert ADAPTERS[source].table is spec.table
    for lang in LANGS:
        assert spec.title[lang].strip()
        assert all(column.labels[lang].strip() for column in spec.columns)
