"""The AIS ASB population base: ingested as keyed microdata, used for residence at the start
and to link passport changes in long-term migration."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import NamedTuple

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy import text, update
from sqlalchemy.orm import Session

from indicators import residence
from ingest.loader import BatchLoader
from ingest.pseudonymise import Pseudonymiser
from ingest.sources.asb_base import AsbBase
from ingest.sources.border import BorderAdapter
from store import Database, schema
from store.crossings import counting_deliveries, directory
from store.models import Release
from store.population_base import SCHEMA, SOURCE
from synth.files import Defects, Manifest, write_border_histories
from tests import exports_factory as ef

SECRET = "test-secret"


class Files(NamedTuple):
    border: Manifest
    register: Manifest


@pytest.fixture
def loader(classified_sqlite_url: str) -> BatchLoader:
    return BatchLoader(Database(classified_sqlite_url), Pseudonymiser(SECRET))


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Files:
    folder = tmp_path_factory.mktemp("asb-base")
    register = Manifest(folder / "asb_base.csv", 0, 0, "utf-8")
    border = write_border_histories(folder / "border.csv", 20_000, seed=5,
                                    defects=Defects(bad=0.02), years=2,
                                    register=register)  # fmt: skip
    return Files(border, register)


def _identifiers(path: Path) -> tuple[set[str], set[str]]:
    pins, passports = set(), set()
    for line in path.read_text("utf-8").splitlines()[1:]:
        fields = line.split(";")
        if len(fields) >= 2 and len(fields[0]) == 14 and fields[1].startswith("AC"):
            pins.add(fields[0])
            passports.add(fields[1])
    return pins, passports


def test_the_extract_balances_and_says_why(loader: BatchLoader, files: Files) -> None:
    manifest = files.register
    assert manifest.bad > 0
    assert manifest.kinds["duplicate"] > 0
    result = AsbBase(path=str(manifest.path)).run(loader)
    assert result.balanced
    assert result.received == manifest.records
    assert result.quarantined == manifest.bad
    assert result.duplicates == manifest.kinds["duplicate"]
    reasons = {"bad_pin": "INVALID_IDENTIFIER", "bad_passport": "INVALID_IDENTIFIER",
               "bad_date": "INVALID_DATE", "future_date": "FUTURE_DATE",
               "bad_flag": "INVALID_CODE", "empty_field": "MISSING_FIELD",
               "extra_field": "MALFORMED"}  # fmt: skip
    assert set(result.reasons) == {reasons[k] for k in manifest.kinds if k in reasons}
    with loader.database.session() as session:
        paths = counting_deliveries(session, source=SOURCE)
        quarantined = session.execute(
            text("SELECT count(*) FROM quarantine_record WHERE source = :s"), {"s": SOURCE}
        ).scalar_one()
    assert quarantined == manifest.bad
    assert len(paths) == 1
    table = pq.read_table(paths[0])
    assert table.schema.equals(SCHEMA)
    assert table.num_rows == result.loaded
    assert not (paths[0].stat().st_mode & 0o222)  # written once, read-only
    again = AsbBase(path=str(manifest.path)).run(loader)
    assert again.already_loaded
    assert again.batch_id == result.batch_id


def test_no_pin_or_passport_number_is_kept(loader: BatchLoader, files: Files) -> None:
    pins, passports = _identifiers(files.register.path)
    assert len(pins) > 100
    assert len(passports) > len(pins)  # changed passports are listed
    AsbBase(path=str(files.register.path)).run(loader)
    sample = [*list(pins)[:300], *list(passports)[:300]]
    for path in directory().rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(n.encode() in data for n in sample)
            for column in pq.read_table(path).columns:
                assert not {str(v) for v in column.to_pylist()} & (pins | passports)
    with loader.database.session() as session:
        for table in ("quarantine_record", "ingest_batch"):
            dump = " ".join(str(r) for r in session.execute(text(f"SELECT * FROM {table}")))  # noqa: S608
            assert not any(n in dump for n in pins | passports)
            assert not any(n[:13] in dump for n in pins)  # a mis-keyed ПИН neither


def test_a_passport_has_the_same_key_as_at_the_border(loader: BatchLoader, files: Files) -> None:
    BorderAdapter(path=str(files.border.path)).run(loader)
    AsbBase(path=str(files.register.path)).run(loader)
    _, passports = _identifiers(files.register.path)
    lines = files.border.path.read_text("cp1251", "replace").splitlines()[1:]
    travelled = {f[7] for line in lines if len(f := line.split(";")) > 7} & passports
    assert len(travelled) > 100
    keys = set(Pseudonymiser(SECRET).person_keys("passport", sorted(travelled)).tolist())
    with loader.database.session() as session:
        (border,) = counting_deliveries(session)
        (register,) = counting_deliveries(session, source=SOURCE)
    crossings = set(pq.read_table(border, columns=["person_key"]).column(0).to_pylist())
    listed = set(pq.read_table(register, columns=["passport_key"]).column(0).to_pylist())
    assert len(keys & crossings & listed) > 0.98 * len(keys)  # a few lines were defective


# -- linking and the base, on hand-made histories --------------------------------------------

RULE = residence.Rule()
PIN_A, PIN_B, PIN_C, PIN_D = 11, 12, 13, 14  # person keys (of ПИН)
FIRST = 18_628  # 2021-01-01


def _crossings(rows: list[tuple[int, int, str, str]]) -> pa.Table:
    """(passport key, day after FIRST, direction, citizenship) → crossings microdata."""
    n = len(rows)
    return pa.table(
        {
            "person_key": pa.array([r[0] for r in rows], pa.int64()),
            "crossing_date": pa.array([FIRST + r[1] for r in rows], pa.int32()).cast(pa.date32()),
            "direction": pa.array([r[2] for r in rows]),
            "checkpoint": pa.array(["MANAS"] * n),
            "citizenship": pa.array([r[3] for r in rows]),
            "sex": pa.array(["M"] * n),
            "age": pa.array([30] * n, pa.int16()),
            "purpose": pa.array(["WORK"] * n),
            "destination": pa.array(["643"] * n),
        }
    )


def _register(rows: list[tuple[int, int, bool]]) -> pa.Table:
    """(person key, passport key, resident) → the population base's rows."""
    n = len(rows)
    return pa.table(
        {
            "person_key": pa.array([r[0] for r in rows], pa.int64()),
            "passport_key": pa.array([r[1] for r in rows], pa.int64()),
            "issued": pa.array([FIRST - 100] * n, pa.int32()).cast(pa.date32()),
            "resident": pa.array([r[2] for r in rows]),
            "reference_date": pa.array([FIRST] * n, pa.int32()).cast(pa.date32()),
        },
        schema=SCHEMA,
    )


def _moves(
    tmp_path: Path, crossings: pa.Table, register: pa.Table | None
) -> list[tuple[int, int, str]]:
    """(person, day after FIRST, kind) of every decided move, classified from Parquet files
    as the release reads them."""
    pq.write_table(crossings, tmp_path / "crossings.parquet")
    con = residence.connect()
    links = base = None
    if register is not None:
        pq.write_table(register, tmp_path / "register.parquet")
        links, base = residence.population_base(con, [tmp_path / "register.parquet"])
        cursor = con.cursor()  # the bucket fetch reads them on its own connection
        assert residence._visible(cursor, links)
        assert residence._visible(cursor, base)
        cursor.close()
    source = residence.parquet_source([tmp_path / "crossings.parquet"])
    residence.classify(con, source, FIRST + 2000, RULE, base=base, links=links)
    rows = con.execute("SELECT p, d, kind FROM movers ORDER BY d, p").fetchall()
    con.close()
    return [(int(p), int(d) - FIRST, str(k)) for p, d, k in rows]


def test_a_changed_passport_is_one_person_not_an_emigrant_and_a_stranger(tmp_path: Path) -> None:
    """A foreigner living here (a permanent-residence permit) leaves on passport 1 for 200
    days, comes back on passport 2, and leaves for good 400 days later: one emigrant.
    Unlinked, the second passport is a stranger arriving to stay — an immigrant too."""
    crossings = _crossings([(1, 0, "EXIT", "398"), (2, 200, "ENTRY", "398"),
                            (2, 600, "EXIT", "398")])  # fmt: skip
    register = _register([(PIN_A, 1, True), (PIN_A, 2, True)])
    assert _moves(tmp_path, crossings, None) == [(2, 200, "I"), (2, 600, "E")]
    assert _moves(tmp_path, crossings, register) == [(PIN_A, 600, "E")]


def test_the_base_says_who_was_resident_at_the_start(tmp_path: Path) -> None:
    """A registered resident first seen coming back more than a year after the crossings
    start is no immigrant (inferred, he would be: abroad that long); a citizen deregistered
    to abroad who arrives in the first months to stay is an immigrant (inferred from
    citizenship, he was missed). Someone the register does not hold keeps the inference."""
    crossings = _crossings([
        (9, 0, "EXIT", "417"), (9, 10, "ENTRY", "417"),  # the first day held
        (3, 400, "ENTRY", "417"),  # a registered resident coming back
        (4, 90, "ENTRY", "417"),  # deregistered to abroad, coming to stay
        (5, 450, "ENTRY", "417"),  # not in the register: inferred
    ])  # fmt: skip
    register = _register([(PIN_B, 3, True), (PIN_C, 4, False), (PIN_D, 9, True)])
    assert _moves(tmp_path, crossings, None) == [(3, 400, "I"), (5, 450, "I")]
    assert _moves(tmp_path, crossings, register) == [(PIN_C, 90, "I"), (5, 450, "I")]


def test_a_passport_claimed_by_two_pins_links_to_neither(tmp_path: Path) -> None:
    con = residence.connect()
    pq.write_table(_register([(PIN_A, 1, True), (PIN_B, 1, True), (PIN_B, 2, False)]),
                   tmp_path / "r.parquet")  # fmt: skip
    links, base = residence.population_base(con, [tmp_path / "r.parquet"])
    assert con.execute(f"SELECT * FROM {links}").fetchall() == [(2, PIN_B)]  # noqa: S608
    assert sorted(con.execute(f"SELECT * FROM {base}").fetchall()) == [  # noqa: S608
        (PIN_A, True), (PIN_B, True)]  # fmt: skip


# -- the release ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Path, Files]]:
    folder = tmp_path_factory.mktemp("asb-base-release")
    database = Database(f"sqlite:///{folder / 'statkg.sqlite3'}")
    schema.upgrade(database.engine)
    with database.session() as session:
        ef.store(session)
    register = Manifest(folder / "asb_base.csv", 0, 0, "utf-8")
    border = write_border_histories(folder / "border.csv", 400_000, seed=8,
                                    defects=Defects(bad=0.0), years=4,
                                    register=register)  # fmt: skip
    yield database, folder, Files(border, register)
    database.dispose()


def _immigrants(session: Session) -> dict[str, float]:
    from indicators.catalog import all_specs
    from indicators.context import Context
    from indicators.frame import Frame

    out = Frame(all_specs())
    residence.compute(Context(session, last_year=2025), out)
    return {
        o.period: o.value or 0.0
        for o in out
        if o.indicator == "border_lt_immigrants" and all(code == "_T" for _, code in o.dims)
    }


def _true_immigrants(year: int) -> int:
    """The true long-term immigrants of ``year`` in the ``built`` border file: the rule on
    the same simulated histories (the file's first and only part), keyed by true person."""
    from bench.residence_eval import truth_events
    from synth.travel import simulate

    travel = simulate(400_000 / 4, date(2021, 1, 1), 4, 8, burn_in=730, after=0)
    con = residence.connect()
    truth_events(con, travel, RULE)
    query = f"SELECT count(*) FROM truth JOIN truth_src USING (row_id) WHERE event = 2 AND year(crossing_date) = {int(year)}"  # noqa: E501, S608
    row = con.execute(query).fetchone()
    con.close()
    return int(row[0]) if row else 0


def test_the_first_year_immigrants_are_no_longer_undercounted(
    built: tuple[Database, Path, Files], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the base most immigrants of the first year are missed (citizens already in
    the country at the start are taken for residents); with it, nearly all are found."""
    database, folder, files = built
    monkeypatch.setenv("STATKG_MICRODATA_DIR", str(folder / "microdata"))
    loader = BatchLoader(database, Pseudonymiser("t"))
    BorderAdapter(path=str(files.border.path)).run(loader)
    with database.session() as session:
        before = _immigrants(session)
    AsbBase(path=str(files.register.path)).run(loader)
    with database.transaction() as session:
        session.execute(update(Release).values(created_at=datetime.now(UTC)))
    with database.session() as session:
        after = _immigrants(session)
    true = _true_immigrants(2021)
    assert true > 200
    assert before["2021"] < 0.5 * true
    assert abs(after["2021"] - true) < 0.15 * true
