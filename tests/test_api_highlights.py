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
