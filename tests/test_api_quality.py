"""The staff page of the quality report: token with a role required, localized headings."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient

from config import Config

URL = "/api/v1/staff/quality/asb/report?from=2021-01-01&to=2021-12-31&lang="
HEADING = {"ky": "Маалыматтардын сапаты боюнча отчёт", "ru": "Отчёт о качестве данных"}


@pytest.fixture
def staff(sqlite_url: str) -> Iterator[FlaskClient]:
    from app import create_app

    cfg = dataclasses.replace(Config(), api_tokens={"t": frozenset({"reader"})})
    app = create_app({"DATABASE_URL": sqlite_url, "TESTING": True, "STATKG_CONFIG": cfg})
    yield app.test_client()
    app.extensions["statkg.db"].dispose()


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_the_quality_page_needs_a_staff_token(staff: FlaskClient, lang: str) -> None:
    refused = staff.get(URL + lang)
    assert refused.status_code == 401
    assert refused.mimetype == "application/problem+json"
    page = staff.get(URL + lang, headers={"Authorization": "Bearer t"})
    assert page.status_code == 200
    assert page.mimetype == "text/html"
    assert HEADING.get(lang, "Quality report") in page.get_data(as_text=True)


def test_a_bad_period_is_a_problem(staff: FlaskClient) -> None:
    bad = staff.get(
        URL.replace("2021-01-01", "January") + "en", headers={"Authorization": "Bearer t"}
    )
    assert bad.status_code == 400
    assert bad.json is not None
    assert bad.json["invalid_params"][0]["name"] == "from"
