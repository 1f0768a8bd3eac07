"""The indexed store answers every query exactly as reading the whole indicator did.

Before the key columns (migration 0006), a data query read every observation of the
indicator in the release's order and kept, in Python, those whose codes were selected.
That algorithm, on the new columns, is the oracle here: the corpus of ``bench/corpus.py``
(narrow and wide selections, both formats, three languages, cursors, flags, footnotes,
suppressed cells, errors) is answered once through the index and once through the oracle,
every answer made afresh (no cache, no replay), and every answer must be the same, byte for
byte. (The old code's own answers were compared with ``bench/corpus.py --compare`` on the
national-scale store when the store changed: 859 answers, none different.) A second test
moves a store written in the old layout with the Alembic migration and reads the same
cells back.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import text

from bench.corpus import answer, queries
from config import Config
from store import Database, schema
from store.models import ConfStatus, Indicator, ObsStatus
from store.observations import NewObservation, insert_observations, select_cells
from tests import release_factory as rf
from tests.jsonstat import assert_valid
from tests.oracle import scan_cells

FLAGS_DIMS = ("soate", "sex", "age5")


def _flags_release(session: Any) -> None:
    """``flags_test``: every status and confidentiality, footnotes, missing values."""
    session.merge(
        Indicator(
            id="flags_test",
            topic="vital",
            name_ky="Белгилер",
            name_ru="Флаги",
            name_en="Flags",
            unit="persons",
            unit_base=1,
            decimals=0,
            dimensions=list(FLAGS_DIMS),
            source="test",
            attributes={"codelists": {d: d for d in FLAGS_DIMS}, "additive": True},
        )
    )
    session.flush()
    note = session.execute(text("SELECT min(id) FROM footnote")).scalar()
    statuses = list(ObsStatus)
    confs = list(ConfStatus)
    cells, order = [], 0
    for year in rf.YEARS:
        for o, unit in enumerate(("417", *rf.OBLASTS)):
            for s, sex in enumerate(("_T", "M", "F")):
                for a, age in enumerate(("_T", "Y0T4", "Y5T9", "Y65T69")):
                    order += 1
                    status = statuses[(o + s + a) % len(statuses)]
                    cells.append(
                        NewObservation(
                            indicator_id="flags_test",
                            period=year,
                            dims={"soate": unit, "sex": sex, "age5": age},
                            value=None if status is ObsStatus.MISSING else 10.0 * o + s + a / 4,
                            status=status,
                            conf=confs[(o * 3 + a) % len(confs)],
                            footnote_id=note if (o + a) % 5 == 0 else None,
                            # not the key order: answers must follow the release's order
                            sort_order=(order * 7919) % 100_003,
                        )
                    )
    insert_observations(session.connection(), "2025-P1", cells, {"flags_test": FLAGS_DIMS})


def _app(url: str, tmp_path: Path) -> Flask:
    from app import create_app

    database = Database(url)
    with database.session() as session:
        rf.public_and_embargoed(session)  # commits
    with database.transaction() as session:
        _flags_release(session)
    database.dispose()
    cfg = dataclasses.replace(
        Config(), publications_dir=tmp_path, api_rate_limit="1000000 per second"
    )
    return create_app({"DATABASE_URL": url, "TESTING": True, "STATKG_CONFIG": cfg})


def _answers(app: Flask, corpus: list[tuple[str, str, Any]]) -> list[dict[str, Any]]:
    for name in ("statkg.answers", "statkg.metadata", "statkg.fastpath"):
        app.extensions[name].clear()  # every answer made again, none replayed
    client = app.test_client()
    return [answer(client, *query) for query in corpus]


@pytest.fixture
def corpus_app(database_url: str, tmp_path: Path) -> Iterator[Flask]:
    app = _app(database_url, tmp_path)
    yield app
    app.extensions["statkg.db"].dispose()


def test_the_index_answers_the_corpus_as_the_whole_indicator_scan_did(
    corpus_app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = list(queries(corpus_app.test_client(), per_indicator=25))
    assert sum("flags_test" in url for _m, url, _b in corpus) > 30
    indexed = _answers(corpus_app, corpus)
    calls: list[str] = []

    def scan(*args: Any, **kwargs: Any) -> list[tuple[Any, ...]]:
        calls.append(args[2])
        return scan_cells(*args, **kwargs)

    for module in ("api.v1.data.service", "api.v1.feed.service"):
        monkeypatch.setattr(f"{module}.select_cells", scan)
    scanned = _answers(corpus_app, corpus)
    answered = {
        (a["method"], a["url"], json.dumps(a["body"]))
        for a in scanned
        if "/data/" in a["url"] and a["status"] == 200
    }
    assert len(calls) >= len(answered) > 30  # the oracle read every distinct answer
    assert [a["status"] for a in indexed].count(200) > len(corpus) // 2
    different = [(i["url"], i["sha256"]) for i, s in zip(indexed, scanned, strict=True) if i != s]
    assert different == []


def test_every_jsonstat_answer_of_the_corpus_is_valid_jsonstat(corpus_app: Flask) -> None:
    client = corpus_app.test_client()
    checked = 0
    for method, url, body in queries(client, per_indicator=25):
        if "format=jsonstat" not in url:
            continue
        response = client.open(url, method=method, json=body)
        if response.status_code == 200:
            assert_valid(response.get_json())
            checked += 1
    assert checked > 10


def test_suppressed_cells_carry_no_value_in_either_shape(corpus_app: Flask) -> None:
    client = corpus_app.test_client()
    compact = client.get("/api/v1/data/flags_test?valueCodes[period]=2025").get_json()
    suppressed = [row for row in compact["rows"] if row[-2] in ("C", "D")]
    assert suppressed
    assert all(row[-4] is None for row in suppressed)
    stat = client.get("/api/v1/data/flags_test?format=jsonstat&valueCodes[period]=2025")
    dataset = stat.get_json()
    conf = dataset["extension"]["conf"]
    assert conf
    assert all(dataset["value"][int(i)] is None for i in conf)


def test_the_migration_moves_a_store_of_the_old_layout(database_url: str, tmp_path: Path) -> None:
    """Observations written with JSON ``dims`` (revision 0005) are read back by key."""
    from alembic import command

    if database_url.startswith("sqlite"):
        database_url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    database = Database(database_url)
    if database.dialect == "postgresql":
        with database.engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    cfg = schema.alembic_config(database.engine.url.render_as_string(hide_password=False))
    with database.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0005")
    old_rows = []
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO indicator (id, topic, name_ky, name_ru, name_en, definition_ky, "
                "definition_ru, definition_en, unit, unit_base, decimals, dimensions, source, "
                "discontinued, attributes) VALUES ('deaths_old', 'vital', 'a', 'b', 'c', '', "
                "'', '', 'persons', 1, 0, :dims, '', false, '{}')"
            ),
            {"dims": json.dumps(["soate", "sex", "cause"])},
        )
        connection.execute(
            text(
                "INSERT INTO release (id, reference_period, status, created_at, scheduled_at, "
                "published_at, synthetic, notes) VALUES ('2025-P1', '2025', 'provisional', "
                ":t, :t, :t, true, '{}')"
            ),
            {"t": rf.NOW - timedelta(days=1)},
        )
        order = 0
        for year in ("2024", "2025"):
            for unit in ("417", "41702", "41711"):
                for sex in ("_T", "F"):
                    for cause in ("_T", "IX", "XV"):
                        order += 1
                        # JSON key order differs from the catalog's on purpose
                        dims = {"cause": cause, "sex": sex, "soate": unit}
                        row = {
                            "release_id": "2025-P1",
                            "indicator_id": "deaths_old",
                            "period": year,
                            "dim_key": f"soate={unit}|sex={sex}|cause={cause}",
                            "dims": json.dumps(dims),
                            "value": order * 1.5,
                            "status": "A",
                            "conf": "F",
                            "sort_order": 1000 - order,
                        }
                        connection.execute(
                            text(
                                "INSERT INTO observation (release_id, indicator_id, period, "
                                "dim_key, dims, value, status, conf, sort_order) VALUES "
                                "(:release_id, :indicator_id, :period, :dim_key, :dims, "
                                ":value, :status, :conf, :sort_order)"
                            ),
                            row,
                        )
                        old_rows.append((unit, sex, cause, year, order * 1.5, 1000 - order))
    schema.upgrade(database.engine)
    assert schema.current_revision(database.engine) == schema.head_revision()
    catalog_order = ("soate", "sex", "cause")
    with database.engine.connect() as connection:
        every = select_cells(connection, "2025-P1", "deaths_old", catalog_order)
        some = select_cells(
            connection,
            "2025-P1",
            "deaths_old",
            catalog_order,
            ["2025"],
            {"cause": ["XV"], "sex": ["F"]},
        )
    expected = [r[:5] for r in sorted(old_rows, key=lambda r: r[5])]
    assert [r[:5] for r in every] == expected
    assert [r[:5] for r in some] == [
        r for r in expected if r[3] == "2025" and r[2] == "XV" and r[1] == "F"
    ]
    database.dispose()


def test_every_json_answer_is_what_the_standard_library_writes(corpus_app: Flask) -> None:
    """The API encodes with orjson for speed; its bytes must be the standard library's."""
    client = corpus_app.test_client()
    compared = 0
    for method, url, body in queries(client, per_indicator=10):
        response = client.open(url, method=method, json=body)
        if response.status_code == 200 and response.mimetype == "application/json":
            data = response.get_data()
            expected = json.dumps(json.loads(data), ensure_ascii=False, separators=(",", ":"))
            assert data == expected.encode(), url
            compared += 1
    assert compared > 50
