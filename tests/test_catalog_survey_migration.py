"""The survey migration indicators (``indicators.catalog.survey_migration``) from a small
synthetic LFS module loaded through its adapter: each published value against a computation
written here from the loaded rows (weights adjusted by hand, Horvitz–Thompson sums, the
ultimate-cluster variance), the breakdowns adding up, and the estimate near the generator's
truth."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from indicators.catalog import survey_migration
from indicators.checks import run_checks
from indicators.context import Context
from indicators.frame import Frame
from ingest.loader import BatchLoader
from ingest.pseudonymise import Pseudonymiser
from ingest.sources.lfs_migration import LfsMigration
from store import Database
from store.models import SurveyMigrationMember as S
from synth.files import Defects
from synth.survey import SurveyManifest, write_lfs_migration

YEAR = 2025
Values = dict[tuple[str, str, tuple[tuple[str, str], ...]], float | None]
Computed = tuple[Values, list[tuple[Any, ...]], SurveyManifest, Frame]


@pytest.fixture(scope="module")
def computed(
    tmp_path_factory: pytest.TempPathFactory, classified_template: Path
) -> Iterator[Computed]:
    folder = tmp_path_factory.mktemp("lfs")
    url = f"sqlite:///{folder / 'statkg.sqlite3'}"
    (folder / "statkg.sqlite3").write_bytes(classified_template.read_bytes())
    database = Database(url)
    manifest = write_lfs_migration(folder / "lfs.csv", seed=11, scale=0.01,
                                   defects=Defects(bad=0.0), years=(2024, YEAR),
                                   households=800)  # fmt: skip
    result = BatchLoader(database, Pseudonymiser("s")).run(LfsMigration(str(manifest.path)))
    assert result.balanced
    assert result.quarantined == 0
    frame = Frame(survey_migration.SPECS)
    with database.session() as session:
        survey_migration.compute(Context(session, YEAR), frame)
        rows = [tuple(r) for r in session.execute(
            select(S.quarter, S.household_id, S.stratum, S.psu, S.design_weight, S.result,
                   S.line_no, S.sex, S.abroad, S.purpose, S.country)
            .where(S.survey_year == YEAR))]  # fmt: skip
    values = {(o.indicator, o.period, o.dims): o.value for o in frame}
    yield values, rows, manifest, frame
    database.dispose()


def _get(values: Values, indicator: str, **dims: str) -> float:
    spec = {s.id: s for s in survey_migration.SPECS}[indicator]
    key = tuple((d, dims.get(d, "_T")) for d in spec.dimensions)
    value = values[(indicator, str(YEAR), key)]
    assert value is not None
    return value


def _by_hand(rows: list[tuple[Any, ...]], wanted: str) -> tuple[float, float]:
    """Σ w·y and its ultimate-cluster SE, with the non-response adjustment done here."""
    eligible: dict[str, float] = defaultdict(float)
    responding: dict[str, float] = defaultdict(float)
    households = {}
    for _q, hh, stratum, _psu, weight, result, *_ in rows:
        households[hh] = (str(stratum), float(weight), result)
    for stratum, weight, result in households.values():
        if result in (1, 2, 3):
            eligible[stratum] += weight
        if result == 1:
            responding[stratum] += weight
    psu_totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for _q, _hh, stratum, psu, weight, result, line, sex, abroad, purpose, _c in rows:
        if result != 1 or line is None:
            continue
        w = weight * eligible[stratum] / responding[stratum]
        y = float(bool(abroad) and wanted in ("all", sex, purpose))
        psu_totals[stratum][psu] += w * y
    total = sum(sum(p.values()) for p in psu_totals.values())
    variance = 0.0
    for psus in psu_totals.values():
        z = list(psus.values())
        if len(z) > 1:
            mean = sum(z) / len(z)
            variance += len(z) / (len(z) - 1) * sum((v - mean) ** 2 for v in z)
    return total, math.sqrt(variance)


@pytest.mark.parametrize("wanted", ["all", "M", "F", "WORK", "STUDY", "FAMILY"])
def test_stock_equals_the_weighted_sum_by_hand(computed: Computed, wanted: str) -> None:
    values, rows, _manifest, _frame = computed
    dims = {} if wanted == "all" else {"sex": wanted} if wanted in "MF" else {
        "purpose_abroad": wanted}  # fmt: skip
    total, se = _by_hand(rows, wanted)
    assert _get(values, "lfs_residents_abroad", **dims) == pytest.approx(total / 1000)
    assert _get(values, "lfs_residents_abroad_se", **dims) == pytest.approx(se / 1000)
    low = _get(values, "lfs_residents_abroad_ci95", bound="LOWER", **dims)
    high = _get(values, "lfs_residents_abroad_ci95", bound="UPPER", **dims)
    assert (low + high) / 2 == pytest.approx(total / 1000)
    assert (high - low) / 2 == pytest.approx(1.959964 * se / 1000, rel=1e-6)


def test_labour_share_is_the_ratio_of_two_weighted_sums(computed: Computed) -> None:
    values, rows, _manifest, _frame = computed
    work, _ = _by_hand(rows, "WORK")
    everyone, _ = _by_hand(rows, "all")
    assert _get(values, "labour_migration_share") == pytest.approx(100 * work / everyone)
    assert 0 < _get(values, "labour_migration_share_se") < 10


def test_breakdowns_add_up_and_the_release_checks_pass(computed: Computed) -> None:
    values, _rows, _manifest, frame = computed
    total = _get(values, "lfs_residents_abroad")
    for dim in ("country", "purpose_abroad", "duration_abroad", "age_social"):
        parts = [
            v for (ind, p, key), v in values.items()
            if ind == "lfs_residents_abroad" and p == str(YEAR)
            and all((code != "_T") == (d == dim) for d, code in key)
        ]  # fmt: skip
        assert len(parts) > 1, dim
        assert sum(v or 0 for v in parts) == pytest.approx(total)
    cis = _get(values, "lfs_residents_abroad", country_group="CIS")
    other = _get(values, "lfs_residents_abroad", country_group="OTHER")
    russia = _get(values, "lfs_residents_abroad", country="643")
    assert cis + other == pytest.approx(total)
    assert russia < _get(values, "lfs_residents_abroad", country_group="EAEU") <= cis
    failed = [c for c in run_checks(frame) if not c.passed]
    assert not failed, [(c.name, c.examples) for c in failed]


def test_the_estimate_is_near_the_synthetic_truth(computed: Computed) -> None:
    values, _rows, manifest, _frame = computed
    truth = manifest.truth[YEAR]
    for key, dims in (("abroad", {}), ("abroad_WORK", {"purpose_abroad": "WORK"}),
                      ("abroad_M", {"sex": "M"})):  # fmt: skip
        estimate = _get(values, "lfs_residents_abroad", **dims) * 1000
        se = _get(values, "lfs_residents_abroad_se", **dims) * 1000
        assert abs(estimate - truth[key]) < 3.5 * se, (key, estimate, truth[key], se)
    share = _get(values, "labour_migration_share")
    assert share == pytest.approx(100 * truth["abroad_WORK"] / truth["abroad"], abs=6)


def test_the_census_benchmark_is_the_published_figure(computed: Computed) -> None:
    values, *_ = computed
    assert values[("census_labour_migrants", "2022", ())] == 964.6
