"""Tests of the state classifiers: the shipped data, the idempotent loader and date queries."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from classifiers import code_version, codes, group_members, load_classifiers, soate_children
from classifiers.cli import cli
from classifiers.reference import DATA_DIR, DEFAULT_VALID_FROM, ReferenceDataError
from store import Database
from store.models import Base, Code

LANGS = ("ky", "ru", "en")
TODAY = date(2025, 10, 1)


@pytest.fixture
def loaded(classified_database_url: str) -> Iterator[Session]:
    """A store with every classifier loaded and committed (on SQLite, a copy of one loaded
    once for the session)."""
    database = Database(classified_database_url)
    with database.session() as session:
        yield session
    database.dispose()


def _get(session: Session, codelist_id: str, code: str, on: date | None = None) -> Code:
    """The version of a code valid on ``on`` (latest if ``None``); fails the test if absent."""
    found = code_version(session, codelist_id, code, on)
    assert found is not None, f"{codelist_id}:{code} not found"
    return found


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A writable copy of the reference data, to simulate a corrected CSV."""
    return Path(shutil.copytree(DATA_DIR, tmp_path / "data"))


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("country", 1),
        ("oblast", 7),
        ("city-republican", 2),
        ("rayon", 40),
        ("city-oblast", 14),
        ("city-district", 4),
    ],
)
def test_soate_has_every_unit_of_a_level(loaded: Session, level: str, expected: int) -> None:
    levels = Counter(unit.level for unit in codes(loaded, "soate", TODAY))
    assert levels[level] == expected


def _cities_of_oblast_significance(session: Session, on: date) -> set[str]:
    return {u.code for u in codes(session, "soate", on) if u.level == "city-oblast"}


def test_kant_and_kara_balta_are_cities_of_oblast_significance_from_2024(loaded: Session) -> None:
    before = _cities_of_oblast_significance(loaded, date(2023, 12, 31))
    after = _cities_of_oblast_significance(loaded, date(2024, 1, 1))
    assert len(before) == 12
    assert after - before == {"41708410", "41708420"}


@pytest.mark.parametrize("lang", LANGS)
def test_every_soate_version_has_a_label(loaded: Session, lang: str) -> None:
    assert all(unit.label(lang).strip() for unit in codes(loaded, "soate"))


@pytest.mark.parametrize(
    ("code", "label_ky"),
    [
        ("41702", "Ысык-Көл облусу"),
        ("41708", "Чүй облусу"),
        ("41702220", "Тоң району"),
        ("41706255", "Өзгөн району"),
        ("41706259", "Чоң-Алай району"),
        ("41711", "Бишкек шаары"),
    ],
)
def test_kyrgyz_labels_use_kyrgyz_letters(loaded: Session, code: str, label_ky: str) -> None:
    assert _get(loaded, "soate", code, TODAY).label_ky == label_ky


@pytest.mark.parametrize(
    ("code", "on", "label_ru"),
    [
        ("41707215", date(2023, 4, 17), "Кара-Бууринский район"),
        ("41707215", date(2023, 4, 18), "Айтматовский район"),
        ("41703410", date(2025, 9, 26), "г. Джалал-Абад"),
        ("41703410", date(2025, 9, 27), "г. Манас"),
    ],
)
def test_renamed_units_resolve_by_date(loaded: Session, code: str, on: date, label_ru: str) -> None:
    assert _get(loaded, "soate", code, on).label_ru == label_ru


def test_rename_versions_are_contiguous(loaded: Session) -> None:
    old, new = (u for u in codes(loaded, "soate") if u.code == "41707215")
    assert old.valid_from == DEFAULT_VALID_FROM
    assert old.valid_to == date(2023, 4, 17)
    assert new.valid_from == date(2023, 4, 18)
    assert new.valid_to is None


@pytest.mark.parametrize(
    ("code", "full_code", "parent_code"),
    [
        ("417", "41700000000000", None),
        ("41703", "41703000000000", "417"),
        ("41702205", "41702205000000", "41702"),
        ("41702410", "41702410000010", "41702"),
        ("41711203", "41711203000000", "41711"),
    ],
)
def test_soate_codes_are_prefixes_of_the_full_code(
    loaded: Session, code: str, full_code: str, parent_code: str | None
) -> None:
    unit = _get(loaded, "soate", code)
    assert unit.attributes["full_code"] == full_code
    assert unit.parent_code == parent_code


def test_oblast_children_are_its_rayons_and_cities(loaded: Session) -> None:
    talas = soate_children(loaded, "41707", TODAY)
    assert [u.label_en for u in talas] == [
        "Aitmatov rayon",
        "Bakai-Ata rayon",
        "Manas rayon",
        "Talas rayon",
        "Talas city",
    ]


@pytest.mark.parametrize(
    ("code", "variant"),
    [
        ("41702210", "Жети-Огузский район"),
        ("41704220", "Ат-Башынский район"),
        ("41708206", "Иссык-Атинский район"),
        ("41702420", "г. Балыкчи"),
    ],
)
def test_soate_keeps_russian_spelling_variants(loaded: Session, code: str, variant: str) -> None:
    assert variant in _get(loaded, "soate", code).attributes["alt_names_ru"]


def test_load_returns_the_number_of_codes_per_codelist(session: Session) -> None:
    counts = load_classifiers(session)
    assert counts["sex"] == 3
    assert counts["soate"] == 70  # 68 units, two of them renamed (two versions)
    assert counts["soate"] == session.scalar(
        select(func.count()).select_from(Code).where(Code.codelist_id == "soate")
    )


def test_loading_twice_writes_nothing(loaded: Session) -> None:
    before = loaded.scalar(select(func.count()).select_from(Code))
    statements: list[str] = []
    engine = loaded.get_bind()
    event.listen(engine, "before_cursor_execute", lambda _c, _cur, sql, *_: statements.append(sql))
    load_classifiers(loaded)
    assert loaded.scalar(select(func.count()).select_from(Code)) == before
    assert [sql for sql in statements if not sql.lstrip().startswith("SELECT")] == []


def test_a_corrected_label_is_updated_in_place(loaded: Session, data_dir: Path) -> None:
    old_id = _get(loaded, "sex", "F").id
    path = data_dir / "sex.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Female", "Women"), encoding="utf-8")
    load_classifiers(loaded, data_dir)
    new = _get(loaded, "sex", "F")
    assert (new.id, new.label_en) == (old_id, "Women")


def test_a_version_removed_from_the_data_is_deleted(loaded: Session, data_dir: Path) -> None:
    path = data_dir / "urban_rural.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("R,")), encoding="utf-8")
    counts = load_classifiers(loaded, data_dir)
    assert counts["urban_rural"] == 2
    assert code_version(loaded, "urban_rural", "R") is None


def test_an_unknown_parent_is_rejected(loaded: Session, data_dir: Path) -> None:
    path = data_dir / "sex.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("M,_T,", "M,XX,"), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="unknown parent"):
        load_classifiers(loaded, data_dir)


@pytest.mark.parametrize(
    ("lang", "label"), [("ky", "Кыргызстан"), ("ru", "Кыргызстан"), ("en", "Kyrgyzstan")]
)
def test_kyrgyzstan_is_417_with_official_names(loaded: Session, lang: str, label: str) -> None:
    country = _get(loaded, "country", "417")
    assert country.label(lang) == label
    assert country.attributes == {"alpha2": "KG", "alpha3": "KGZ"}


@pytest.mark.parametrize("lang", LANGS)
def test_every_country_has_a_label(loaded: Session, lang: str) -> None:
    countries = codes(loaded, "country")
    assert len(countries) >= 249
    assert all(country.label(lang).strip() for country in countries)


def test_country_codes_are_three_digit_iso_numeric(loaded: Session) -> None:
    assert _get(loaded, "country", "004").label_en == "Afghanistan"
    assert all(len(c.code) == 3 and c.code.isdigit() for c in codes(loaded, "country"))


@pytest.mark.parametrize(
    ("country", "groups"),
    [
        ("643", {"CIS", "EAEU"}),
        ("417", {"CIS", "EAEU"}),
        ("804", {"CIS"}),
        ("860", {"CIS"}),
        ("156", {"OTHER"}),
        ("268", {"OTHER"}),
    ],
)
def test_country_groups(loaded: Session, country: str, groups: set[str]) -> None:
    found = {
        group
        for group in ("CIS", "EAEU", "OTHER")
        if country in group_members(loaded, "country_group", group)
    }
    assert found == groups


def test_every_country_is_either_cis_or_other(loaded: Session) -> None:
    cis = set(group_members(loaded, "country_group", "CIS"))
    other = set(group_members(loaded, "country_group", "OTHER"))
    assert len(cis) == 11
    assert not cis & other
    assert cis | other == {c.code for c in codes(loaded, "country")}


@pytest.mark.parametrize(
    ("codelist", "code", "min_age", "max_age"),
    [
        ("age5", "Y0T4", 0, 4),
        ("age5", "Y_GE85", 85, None),
        ("age_lt", "Y0", 0, 0),
        ("age_lt", "Y1T4", 1, 4),
        ("age", "100", 100, None),
    ],
)
def test_age_groups_have_bounds(
    loaded: Session, codelist: str, code: str, min_age: int, max_age: int | None
) -> None:
    group = _get(loaded, codelist, code)
    assert (group.attributes["min_age"], group.attributes["max_age"]) == (min_age, max_age)


@pytest.mark.parametrize(("sex", "first_age_above"), [("m", 63), ("f", 58)])
def test_working_age_ends_at_the_pension_age(
    loaded: Session, sex: str, first_age_above: int
) -> None:
    working = _get(loaded, "age_broad", "WA")
    above = _get(loaded, "age_broad", "ABOVE_WA")
    assert working.attributes[f"max_age_{sex}"] + 1 == above.attributes[f"min_age_{sex}"]
    assert above.attributes[f"min_age_{sex}"] == first_age_above


@pytest.mark.parametrize(
    ("codelist", "code", "label_ky"),
    [
        ("sex", "M", "Эркек"),
        ("sex", "F", "Аял"),
        ("sex", "_T", "Бардыгы"),
        ("urban_rural", "U", "Шаар жери"),
        ("urban_rural", "R", "Айыл жери"),
    ],
)
def test_kyrgyz_labels_of_small_codelists(
    loaded: Session, codelist: str, code: str, label_ky: str
) -> None:
    assert _get(loaded, codelist, code).label_ky == label_ky


def test_icd10_chapters_are_roman_with_ranges(loaded: Session) -> None:
    chapters = [c for c in codes(loaded, "icd10_chapter") if c.level == "chapter"]
    assert [c.code for c in chapters][:4] == ["I", "II", "III", "IV"]
    assert all(c.parent_code == "_T" for c in chapters)
    assert len(chapters) == 22
    assert chapters[0].attributes["range"] == "A00-B99"


def test_cli_load_prints_counts(tmp_path: Path) -> None:
    app = Flask(__name__)
    app.config["DATABASE_URL"] = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    database = Database()
    database.init_app(app)
    Base.metadata.create_all(database.engine)
    try:
        result = app.test_cli_runner().invoke(cli, ["load"])
    finally:
        database.dispose()
    assert result.exit_code == 0, result.output
    assert "country" in result.output
    assert "249" in result.output
