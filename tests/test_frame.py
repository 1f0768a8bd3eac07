"""The frame of a release's observations: a value is a number, or explicitly not available."""

from __future__ import annotations

import math

import numpy as np
import pytest

from indicators.frame import Frame
from indicators.methods import NOT_AVAILABLE
from indicators.space import Grouping
from indicators.spec import Spec, Text
from store.models import ObsStatus

RATE = Spec(
    id="rate",
    topic="test",
    name=Text("к", "к", "rate"),
    definition=Text("а", "о", "d"),
    unit="per_1000",
    unit_base=1000,
    dimensions=("soate",),
)
AXES = [("soate", Grouping.members_and_total(("41702", "41703")))]


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_a_non_finite_value_is_refused_not_stored_as_missing(value: float) -> None:
    frame = Frame([RATE])

    with pytest.raises(ValueError, match="not a finite number"):
        frame.add("rate", 2024, {"soate": "417"}, value)
    with pytest.raises(ValueError, match="not a finite number"):
        frame.add_grid("rate", 2024, np.array([1.0, value, 2.0]), AXES)


def test_not_available_cells_become_explicit_missing_observations_on_request() -> None:
    frame = Frame([RATE])

    frame.add_grid("rate", 2024, np.array([1.5, NOT_AVAILABLE, 2.0]), AXES, not_available_ok=True)

    cells = {dict(o.dims)["soate"]: (o.value, o.status) for o in frame}
    assert cells == {"_T": (1.5, None), "41702": (None, ObsStatus.MISSING), "41703": (2.0, None)}


def test_infinity_is_refused_even_where_not_available_cells_are_allowed() -> None:
    frame = Frame([RATE])

    with pytest.raises(ValueError, match="not a finite number"):
        frame.add_grid("rate", 2024, np.array([1.0, math.inf, 2.0]), AXES, not_available_ok=True)
