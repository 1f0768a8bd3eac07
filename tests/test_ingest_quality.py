"""The quality report as a readable page: localized headings and the figures of the JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask

from ingest import crosswalks
from ingest.loader import BatchLoader
from ingest.pseudonymise import Pseudonymiser
from ingest.sources.tunduk import Asb
from ingest.tunduk.client import XRoadClient
from ingest.tunduk.simulator import Dataset, Simulator, serving
from store import Database
from synth.simulate import Params
from synth.tunduk import native

HEADINGS = {
    "en": ("Quality report", "Completeness of each field", "Date of the event"),
    "ru": ("Отчёт о качестве данных", "Полнота заполнения каждого поля", "Дата события"),
    "ky": ("Маалыматтардын сапаты боюнча отчёт", "Ар бир талаанын толтурулушу", "Окуянын датасы"),
}


@pytest.fixture(scope="module")
def app_with_asb(sqlite_copies: Callable[[str], str]) -> Iterator[Flask]:
    """A store with one ASB batch (read-only for the tests: made once for the module)."""
    from app import create_app

    url = sqlite_copies("quality")
    database = Database(url)
    with database.transaction() as session:
        crosswalks.load(session)
    records = native(Params(seed=7, scale=0.004, first_year=2021, years=1))["asb"]
    with (
        pytest.MonkeyPatch.context() as monkeypatch,
        serving(Simulator({"cs/GOV/1/asb/A": Dataset.of(records)})) as served,
    ):
        monkeypatch.setenv("STATKG_TUNDUK_SERVICES", "asb=cs/GOV/1/asb/A")
        client = XRoadClient(served, "cs/GOV/2/nsc", timeout=5.0)
        BatchLoader(database, Pseudonymiser("k")).run(
            Asb("2021-01-01", "2021-12-31", client=client)
        )
    database.dispose()
    app = create_app({"DATABASE_URL": url, "TESTING": True})
    yield app
    app.extensions["statkg.db"].dispose()


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_the_page_shows_localized_headings_and_the_json_figures(
    app_with_asb: Flask, tmp_path: Path, lang: str
) -> None:
    period = ["quality", "asb", "--from", "2021-01-01", "--to", "2021-12-31"]
    runner = app_with_asb.test_cli_runner()
    report = json.loads(runner.invoke(args=["ingest", *period]).output)
    out = tmp_path / f"quality.{lang}.html"
    result = runner.invoke(args=["ingest", *period, "--html", "--lang", lang, "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert all(heading in page for heading in HEADINGS[lang])
    assert report["received"] > report["loaded"] > 0
    for name in ("received", "loaded", "quarantined", "duplicates", "rows_in_period"):
        shown = re.search(rf'data-figure="{name}">([^<]*)<', page)
        assert shown
        assert int(re.sub(r"\D", "", shown.group(1))) == report[name]
    for code, count in report["reasons"].items():
        assert re.search(rf'data-reason="{code}">{count}<', page)
