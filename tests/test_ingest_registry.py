"""Structure: every source the adapters declare is complete in ky/ru/en, and the lists that
used to be kept by hand (the Makefile's sources, the quality report's tables and names) are
derived from the adapters' registry, so a new source needs no second list."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from flask import Flask
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
MAKEFILE = Path(__file__).resolve().parent.parent / "Makefile"


@pytest.fixture
def app(sqlite_url: str) -> Iterator[Flask]:
    from app import create_app

    app = create_app({"DATABASE_URL": sqlite_url, "TESTING": True})
    yield app
    app.extensions["statkg.db"].dispose()


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


@pytest.mark.parametrize("kind", KINDS)
def test_the_cli_lists_the_sources_of_a_kind(app: Flask, kind: str) -> None:
    result = app.test_cli_runner().invoke(args=["ingest", "sources", "--kind", kind, "--names"])
    assert result.exit_code == 0
    assert result.output.split() == [n for n, a in ADAPTERS.items() if a.kind == kind]


@pytest.mark.parametrize(("target", "kind"), [("data", "file"), ("tunduk", "tunduk")])
def test_the_makefile_ingests_the_registrys_sources_naming_none(target: str, kind: str) -> None:
    makefile = MAKEFILE.read_text(encoding="utf-8")
    recipe = re.search(rf"^{target}:.*?\n(?=\n)", makefile, re.M | re.S)
    assert recipe
    assert f"ingest sources --kind {kind} --names" in recipe.group(0)
    named = [n for n in ADAPTERS if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", recipe[0])]
    assert named == []


@pytest.mark.slow
def test_synth_writes_the_file_the_makefile_looks_for_for_every_file_source(
    app: Flask, tmp_path: Path
) -> None:
    """``make data`` ingests ``var/sources/<source, - as _>.*`` for each file source, or every
    file of the folder ``var/sources/<source, - as _>/`` (a source delivered once a year)."""
    out = tmp_path / "sources"
    args = ["synth", "files", "--scale", "0.00001", "--out", str(out), "--years", "2"]
    assert app.test_cli_runner().invoke(args=args).exit_code == 0
    for source in discover("file"):
        stem = source.replace("-", "_")
        files = list(out.glob(stem + ".*"))
        folder = sorted(p.stem for p in (out / stem).glob("*")) if (out / stem).is_dir() else []
        assert (len(files), folder) in ((1, []), (0, ["2021", "2022"])), source
