"""Survey estimates (the LFS migration module) as a microdata source for data requests: the
same estimates and standard errors as the catalog, the survey's disclosure rules (unweighted
sample counts, coefficients of variation), the embargo, and the files over HTTP."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime

import numpy as np
import pytest
from flask import Flask
from sqlalchemy import update
from sqlalchemy.orm import Session

from exports.requests import RequestInvalidError, validate
from exports.sdc import Rules
from exports.spec import TableSpec
from exports.survey import MEASURES, protect_survey, survey_primary
from exports.tables import build
from indicators.catalog import survey_migration
from indicators.context import Context
from indicators.frame import Frame
from ingest.loader import BatchLoader
from ingest.pseudonymise import Pseudonymiser
from ingest.sources.lfs_migration import LfsMigration
from store import Database, schema
from store.models import Release
from synth.files import Defects
from synth.survey import write_lfs_migration
from tests import exports_factory as ef
from tests.test_exports_requests import STAFF, ask, download, make_app

INDICATOR = "lfs_residents_abroad"
RULES = Rules(min_sample=30, cv_flag=0.333, cv_suppress=0.5)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Flask, Database]]:
    folder = tmp_path_factory.mktemp("survey-exports")
    url = f"sqlite:///{folder / 'statkg.sqlite3'}"
    database = Database(url)
    schema.upgrade(database.engine)
    with database.session() as session:
        ef.store(session)
    manifest = write_lfs_migration(folder / "lfs.csv", seed=11, scale=0.01,
                                   defects=Defects(bad=0.0), years=(2024, 2025),
                                   households=800)  # fmt: skip
    result = BatchLoader(database, Pseudonymiser("s")).run(LfsMigration(str(manifest.path)))
    assert result.balanced
    with database.transaction() as session:  # the release was computed after the load
        session.execute(update(Release).values(created_at=datetime.now(UTC)))
    app = make_app(url, folder)
    yield app, database
    app.extensions["statkg.db"].dispose()
    database.dispose()


@pytest.fixture
def session(served: tuple[Flask, Database]) -> Iterator[Session]:
    with served[1].session() as s:
        yield s


def spec(*breakdowns: str, year: int = ef.YEAR) -> TableSpec:
    return TableSpec("microdata", INDICATOR, (str(year),), breakdowns)


def test_the_estimates_and_errors_are_the_catalogs(session: Session) -> None:
    """One formula, one place: a request's margins equal the published figures."""
    table = build(session, spec("sex", "purpose_abroad"), ef.NOW)
    frame = Frame(survey_migration.SPECS)
    survey_migration.compute(Context(session, ef.YEAR), frame)
    published = {(o.indicator, o.dims): o.value for o in frame if o.period == str(ef.YEAR)}
    blank = dict.fromkeys(survey_migration.STOCK_DIMS, "_T")
    sex, purpose = table.dims[1], table.dims[2]
    errors = np.asarray(table.extra["standard_error"])
    compared = 0
    for s in ("_T", "M", "F"):
        for p in ("_T", "WORK", "STUDY", "FAMILY"):
            dims = tuple({**blank, "sex": s, "purpose_abroad": p}.items())
            if p != "_T" and s != "_T":
                continue  # the catalog publishes one-way breakdowns by sex
            cell = (0, sex.index[s], purpose.index[p])
            assert table.values[cell] / 1000 == pytest.approx(published[(INDICATOR, dims)])
            assert errors[cell] / 1000 == pytest.approx(published[(f"{INDICATOR}_se", dims)])
            compared += 1
    assert compared == 6
    # the weighted estimates add up over a breakdown, like counts
    assert table.values[0, 0, 0] == pytest.approx(table.values[0, 1:, 0].sum())
    assert table.values[0, 0, 0] == pytest.approx(table.values[0, 0, 1:].sum())


def test_no_estimate_resting_on_a_small_sample_is_shown(session: Session) -> None:
    table = build(session, spec("sex", "age_social", "country_group"), ef.NOW)
    sample = np.asarray(table.extra["sample"])
    errors = np.asarray(table.extra["standard_error"])
    small = (sample > 0) & (sample < RULES.min_sample)
    assert small.any()
    assert (sample >= RULES.min_sample).any()
    protection = protect_survey(table, RULES)
    assert protection.report.passed
    out = protection.table
    assert out.dims[-1].codes == MEASURES
    assert out.shape == (*table.shape, len(MEASURES))
    assert not out.extra  # the sample counts stay inside
    # every measure of a small cell is hidden and flagged primary
    assert np.all(np.isnan(out.values[small]))
    assert np.all(out.conf[small] == "C")
    # what is shown: estimate, SE and the interval, in thousands
    shown = ~np.isnan(out.values[..., 0])
    assert shown.any()
    assert np.all((sample[shown] >= RULES.min_sample) | (sample[shown] == 0))
    est, se = out.values[..., 0][shown], out.values[..., 1][shown]
    assert np.allclose(est, table.values[shown] / 1000)
    assert np.allclose(se, errors[shown] / 1000)
    assert np.allclose(out.values[..., 2][shown], est - 1.959964 * se, atol=1e-6)
    assert np.allclose(out.values[..., 3][shown], est + 1.959964 * se, atol=1e-6)
    # low reliability: flagged U exactly where the CV is above the flag and below suppression
    cv = np.divide(errors, table.values, out=np.zeros_like(errors), where=table.values > 0)
    flagged = out.status[..., 0] == "U"
    assert np.all(cv[flagged] > RULES.cv_flag)
    assert np.all(cv[shown & (cv > RULES.cv_flag)] <= RULES.cv_suppress)
    assert np.all(flagged == (shown & (cv > RULES.cv_flag)))
    # a suppressed estimate cannot be worked out from its total and the shown cells
    for axis in range(1, 4):
        lonely = np.sum(np.isnan(np.moveaxis(out.values[..., 0], axis, 0)[1:]), axis=0) == 1
        assert not np.any(lonely & ~np.isnan(np.moveaxis(out.values[..., 0], axis, 0)[0]))


def test_the_survey_rules() -> None:
    values = np.array([100.0, 100.0, 100.0, 0.0, 100.0])
    errors = np.array([10.0, 40.0, 60.0, 0.0, 10.0])
    sample = np.array([50, 50, 50, 0, 29])
    primary, unreliable = survey_primary(values, errors, sample, RULES)
    assert primary.tolist() == [False, False, True, False, True]
    assert unreliable.tolist() == [False, True, False, False, False]


def test_an_unpublished_year_is_refused(session: Session) -> None:
    """2025: its final release waits for its publication time (the microdata with it);
    2026: not public at all."""
    for year in (2025, 2026):
        with pytest.raises(RequestInvalidError) as caught:
            validate(session, spec("sex", year=year), ["csv"], ef.NOW)
        assert "periods" in caught.value.fields
    with pytest.raises(RequestInvalidError) as caught:
        validate(session, TableSpec("microdata", INDICATOR, ("2024",), ("sex",), "41702"),
                 ["csv"], ef.NOW)  # fmt: skip
    assert "territory" in caught.value.fields


def test_a_request_over_http_gives_files_with_estimates_errors_and_flags(
    served: tuple[Flask, Database],
) -> None:
    app, _ = served
    client = app.test_client()
    table = {"source": "microdata", "indicator": INDICATOR, "periods": [str(ef.YEAR)],
             "breakdowns": ["sex", "duration_abroad"]}  # fmt: skip
    answer = ask(client, table=table, formats=["csv", "xlsx"], options={})
    assert answer.status_code == 202, answer.get_json()
    rid = answer.get_json()["id"]
    client.post(f"/api/v1/staff/requests/{rid}/review", json={"action": "accept"}, headers=STAFF)
    assert client.post(f"/api/v1/staff/requests/{rid}/fulfil", headers=STAFF).status_code == 202
    assert app.test_cli_runner().invoke(args=["exports", "work", "--once"]).exit_code == 0
    status = client.get(answer.get_json()["status_url"]).get_json()
    assert status["status"] == "fulfilled", status
    assert status["disclosure_control"]["min_sample"] == 30
    files = {f["format"]: download(client, f["url"]) for f in status["files"]}
    rows = list(csv.DictReader(io.StringIO(files["csv"].decode("utf-8-sig"))))
    assert "measure" in rows[0]
    assert "sample" not in " ".join(rows[0])
    measures = {r["measure"] for r in rows}
    assert measures == set(MEASURES)
    keys = list(rows[0])
    label = keys[keys.index("measure") + 1]  # codes and labels: the label column follows
    labels = {r["measure"]: r[label] for r in rows}
    assert labels["ESTIMATE"] == "Оценка"
    assert labels["SE"] == "Стандартная ошибка"
    total = [r for r in rows if r["sex"] == "_T" and r["duration_abroad"] == "_T"]
    assert {r["measure"] for r in total if r["value"]} == set(MEASURES)
    for r in rows:
        if r["CONF_STATUS"] in ("C", "D"):
            assert r["value"] == ""
            assert r["symbol"] == "x"
    assert files["xlsx"][:2] == b"PK"
    # the year whose release is not yet public: a clear, localised 4xx
    refused = ask(client, table={**table, "periods": ["2025"]}, formats=["csv"], options={})
    assert refused.status_code == 400
    problem = refused.get_json()
    # in the interface's language (Kyrgyz by default), naming the field
    assert problem["invalid_params"] == [
        {"name": "periods", "reason": "Азырынча жарыяланган эмес."}
    ]
