"""The JSON-stat validator the export and API tests share says no when it must."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.jsonstat import problems


def dataset() -> dict[str, Any]:
    """A small valid dataset: indicator (with its unit) × sex × period, one cell missing."""
    return {
        "version": "2.0",
        "class": "dataset",
        "label": "Births",
        "source": "NSC",
        "updated": "2026-01-01T00:00:00+00:00",
        "id": ["indicator", "sex", "period"],
        "size": [1, 3, 2],
        "role": {"time": ["period"], "metric": ["indicator"]},
        "dimension": {
            "indicator": {
                "category": {
                    "index": ["imr"],
                    "label": {"imr": "Infant mortality rate"},
                    "unit": {"imr": {"label": "per 1,000 live births", "decimals": 1}},
                }
            },
            "sex": {
                "label": "Sex",
                "category": {
                    "index": {"_T": 0, "M": 1, "F": 2},
                    "label": {"_T": "Total", "M": "Men", "F": "Women"},
                    "child": {"_T": ["M", "F"]},
                },
            },
            "period": {"category": {"index": ["2024", "2025"]}},
        },
        "value": [14.2, 13.9, 15.0, 14.1, 13.4, None],
        "status": {"5": "x"},
        "extension": {"OBS_STATUS": ["A"] * 6},
    }


def broken(change: str) -> dict[str, Any]:
    body = copy.deepcopy(dataset())
    unit = body["dimension"]["indicator"]["category"]["unit"]["imr"]
    sex = body["dimension"]["sex"]["category"]
    if change == "numeric unit base":
        unit["base"] = 1000
    elif change == "unknown unit member":
        unit["per"] = "1000"
    elif change == "value length":
        body["value"].append(1.0)
    elif change == "size and id":
        body["size"].append(1)
    elif change == "status outside the cube":
        body["status"]["6"] = "x"
    elif change == "index positions":
        sex["index"] = {"_T": 0, "M": 1, "F": 3}
    elif change == "child unknown":
        sex["child"] = {"_T": ["M", "X"]}
    elif change == "child cycle":
        sex["child"] = {"_T": ["M"], "M": ["_T"]}
    elif change == "role unknown":
        body["role"]["geo"] = ["soate"]
    elif change == "member the schema does not know":
        body["unit"] = "persons"
    elif change == "date":
        body["updated"] = "yesterday"
    return body


def test_a_valid_dataset_has_no_problems() -> None:
    assert problems(dataset()) == []


def test_a_textual_base_is_what_json_stat_samples_use() -> None:
    body = dataset()
    body["dimension"]["indicator"]["category"]["unit"]["imr"]["base"] = "per 1,000 live births"
    assert problems(body) == []


@pytest.mark.parametrize(
    "change",
    [
        "numeric unit base",
        "unknown unit member",
        "value length",
        "size and id",
        "status outside the cube",
        "index positions",
        "child unknown",
        "child cycle",
        "role unknown",
        "member the schema does not know",
        "date",
    ],
)
def test_each_broken_rule_is_reported(change: str) -> None:
    assert problems(broken(change)), change
