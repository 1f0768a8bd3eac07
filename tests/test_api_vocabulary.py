"""The API's words come from ``l10n``: the same unit labels as the books and the exports."""

from __future__ import annotations

import pytest

from api.vocabulary import unit_label
from l10n import language


@pytest.mark.parametrize(
    ("unit", "lang", "label"),
    [
        ("per_1000_live_births", "ru", "на 1000 родившихся живыми"),
        ("per_1000_live_births", "en", "per 1,000 live births"),
        ("per_1000_women", "ru", "на 1000 женщин соответствующего возраста"),
        ("per_1000", "en", "per 1,000 population"),
        ("crossings", "ru", "пересечений"),
    ],
)
def test_the_api_names_units_from_the_one_registry(unit: str, lang: str, label: str) -> None:
    with language(lang):
        assert unit_label(unit) == label
