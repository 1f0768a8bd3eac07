"""Highlights: one sentence per key figure, its change told in a way that cannot mislead."""

from __future__ import annotations

import pytest

from api.v1.feed.service import summary


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Net migration: 473 persons in 2025, against -5 in 2024."),
        ("ru", "Сальдо: 473 чел. в 2025 году против -5 в 2024 году."),
        ("ky", "Сальдо: 2025-жылы 473 адам, 2024-жылы -5 болгон."),
    ],
)
def test_a_balance_is_told_from_what_to_what_never_as_a_percentage(
    lang: str, expected: str
) -> None:
    name = "Net migration" if lang == "en" else "Сальдо"
    unit = {"en": "persons", "ru": "чел.", "ky": "адам"}[lang]
    text = summary(name, 473, -5, unit, "2025", "2024", 0, lang, balance=True)
    assert "%" not in text
    assert text == expected


@pytest.mark.parametrize(
    ("lang", "change"),
    [("en", "up 10.5%"), ("ru", "рост на 10,5\u00a0%"), ("ky", "10,5% өскөн")],
)
def test_other_figures_change_by_a_percentage_in_the_locale_s_form(lang: str, change: str) -> None:
    text = summary("Births", 110.5, 100, "persons", "2025", "2024", 0, lang)
    assert change in text


def test_a_tiny_change_is_unchanged_and_no_minus_zero_appears() -> None:
    text = summary("Rate", -0.04, -0.04, "per 1,000", "2025", "2024", 1, "en")
    assert "unchanged" in text
    assert "-0.0" not in text


def test_the_highlights_of_a_release_tell_each_key_figure(sqlite_url: str) -> None:
    """Through the app: a count's change in per cent, a balance's from what to what."""
    from app import create_app
    from store import Database
    from store.models import Indicator, ObsStatus
    from store.observations import NewObservation, insert_observations
    from tests import release_factory as rf

    database = Database(sqlite_url)
    with database.session() as session:
        rf.public_and_embargoed(session)  # classifiers and two releases; commits
    figures = {
        "births": (("soate",), False, {"2024": 100.0, "2025": 110.0}),
        "mig_net": (("soate", "migration_type", "sex"), True, {"2024": -5.0, "2025": 473.0}),
    }
    with database.transaction() as session:
        for indicator, (dims, balance, values) in figures.items():
            session.add(
                Indicator(
                    id=indicator,
                    topic="vital",
                    name_ky=indicator,
                    name_ru=indicator,
                    name_en=indicator.replace("_", " "),
                    unit="persons",
                    decimals=0,
                    dimensions=list(dims),
                    attributes={"codelists": {d: d for d in dims}, "balance": balance},
                )
            )
            session.flush()
            cells = [
                NewObservation(
                    indicator_id=indicator,
                    period=period,
                    dims={d: "417" if d == "soate" else "_T" for d in dims},
                    value=value,
                    status=ObsStatus.NORMAL,
                )
                for period, value in values.items()
            ]
            insert_observations(session.connection(), "2025-P1", cells, {indicator: dims})
    database.dispose()
    app = create_app({"DATABASE_URL": sqlite_url, "TESTING": True})
    body = app.test_client().get("/api/v1/highlights?lang=en").get_json()
    items = {i["indicator"]: i for i in body["items"]}
    assert items["births"]["change"] == 10
    assert items["births"]["summary"] == "births: 110 persons in 2025, up 10.0% on 2024."
    assert items["mig_net"]["change"] == 478
    assert items["mig_net"]["change_percent"] is None
    assert items["mig_net"]["summary"] == "mig net: 473 persons in 2025, against -5 in 2024."
    app.extensions["statkg.db"].dispose()


@pytest.mark.parametrize(
    ("value", "form"), [(1, "человек"), (3, "человека"), (5, "человек"), (22, "человека")]
)
def test_a_count_takes_the_russian_plural_form_of_its_number(value: int, form: str) -> None:
    from l10n import language
    from l10n.units import counted

    with language("ru"):
        assert counted("persons", value) == form
        assert counted("years", 72.5) == "года"
        assert counted("per_1000", value) == "на 1000 человек населения"
