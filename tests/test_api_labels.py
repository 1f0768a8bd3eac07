"""Dimension names reach the app in the asked language, from the indicator catalog."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from flask import Flask

from indicators.release import compute_release
from store.models import ReleaseStatus
from tests.test_indicators import YEAR, _small_country

NOW = datetime(2026, 2, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("lang", "sex", "territory"),
    [("ky", "Жынысы", "Аймак"), ("ru", "Пол", "Территория"), ("en", "Sex", "Territory")],
)
def test_dimension_labels_are_localized(app: Flask, lang: str, sex: str, territory: str) -> None:
    with app.extensions["statkg.db"].session() as session:
        _small_country(session)  # commits
        compute_release(session, YEAR, ReleaseStatus.FINAL, NOW, NOW)
        session.commit()
    url = (
        f"/api/v1/data/births?lang={lang}&valueCodes[soate]=417&valueCodes[sex]=*"
        f"&valueCodes[urban_rural]=_T&valueCodes[mother_age]=_T&valueCodes[birth_order]=_T"
    )
    body = app.test_client().get(url).get_json()
    labels = {d["id"]: d["label"] for d in body["dimensions"]}
    assert (labels["sex"], labels["soate"]) == (sex, territory)
