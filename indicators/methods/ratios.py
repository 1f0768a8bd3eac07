"""The one division every rate makes, with an explicit policy for a zero denominator.

Why a module of its own: a rate is events per ``base`` persons at risk, and every method of
this package (crude rates, infant mortality, fertility) meets the same two questions — what
its inputs may be, and what the rate is when nobody is at risk. They are answered here once:

* Inputs are numbers or numpy arrays of any shape (the numerator and the denominator
  broadcast); a scalar call gives a ``float``, an array call an array. A non-finite input
  (NaN, ±infinity) raises :class:`ValueError`: it is a defect upstream, never a value to pass
  on. A negative denominator raises too.
* A zero denominator is decided by ``on_zero`` (:data:`OnZero`), chosen by the caller for
  each indicator on purpose:

  - ``"raise"``: :class:`ZeroDenominatorError`. For a cell that must have people at risk
    (a national rate), where a zero means the inputs are wrong.
  - ``"missing"``: the rate of that cell is :data:`NOT_AVAILABLE`, whatever the numerator,
    and the other cells are computed as usual. For grids that hold empty cells by
    construction (the rural part of a city, a district without women of an age); the
    catalog writes each such cell as an explicit observation with status ``M`` (not
    available), never as a number.

  A zero is never substituted for a missing rate: it would read as "no events" and would
  silently lower a sum of rates such as the total fertility rate.
"""

from __future__ import annotations

import math
from typing import Literal, overload

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
OnZero = Literal["raise", "missing"]
ON_ZERO: tuple[OnZero, ...] = ("raise", "missing")

NOT_AVAILABLE = math.nan
"""The rate of a cell without a denominator, under ``on_zero="missing"``.

NaN, because it propagates (a sum over a group that is not available is not available) and
because no finite input can produce it: inputs that are not finite are refused, so a NaN in
a method's result always means "no one at risk", and nothing else.
"""


class ZeroDenominatorError(ValueError):
    """A rate was asked for where nobody is at risk, under ``on_zero="raise"``."""


def finite(values: npt.ArrayLike, what: str) -> FloatArray:
    """``values`` as a float array, refused when any value is NaN or infinite."""
    array = np.asarray(values, dtype=np.float64)
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{what} must be finite numbers (no NaN or infinity)")
    return array


def non_negative(values: npt.ArrayLike, what: str) -> FloatArray:
    """``values`` as a finite float array, refused when any value is negative."""
    array = finite(values, what)
    if np.any(array < 0):
        raise ValueError(f"{what} cannot be negative")
    return array


@overload
def ratio(
    numerator: float, denominator: float, *, base: float, on_zero: OnZero, what: str
) -> float: ...
@overload
def ratio(
    numerator: npt.ArrayLike, denominator: npt.ArrayLike, *, base: float, on_zero: OnZero, what: str
) -> FloatArray: ...
def ratio(
    numerator: npt.ArrayLike, denominator: npt.ArrayLike, *, base: float, on_zero: OnZero, what: str
) -> float | FloatArray:
    """``base · numerator / denominator`` cell by cell, with the zero policy of ``on_zero``.

    ``what`` names the denominator in error messages ("the average population"). The numerator
    must be finite (it may be negative: natural increase, net migration); the denominator
    finite and ≥ 0; ``base`` finite and positive.
    """
    if on_zero not in ON_ZERO:
        raise ValueError(f"on_zero must be one of {', '.join(ON_ZERO)}, not {on_zero!r}")
    if not (math.isfinite(base) and base > 0):
        raise ValueError(f"the base of a rate must be a positive number, not {base}")
    top = finite(numerator, "the events")
    bottom = non_negative(denominator, what)
    zero = bottom == 0
    if on_zero == "raise" and np.any(zero):
        raise ZeroDenominatorError(f"{what} is 0: the rate is undefined")
    result: FloatArray = np.where(zero, NOT_AVAILABLE, base * top / np.where(zero, 1.0, bottom))
    return float(result) if result.ndim == 0 else result


def mean_age(weights: FloatArray, first_age: int, *, on_zero: OnZero, undefined: str) -> FloatArray:
    """The mean exact age ``Σ (x + 0.5) · w(x) / Σ w(x)`` over the last axis of ``weights``
    (completed ages ``first_age``, ``first_age + 1``, …): persons counted by age (the mean
    age at marriage) or age-specific rates (the mean age of mother, free of the age
    structure). A weight that is not available (NaN) makes the mean not available; with no
    weight at all the mean is undefined: ``undefined`` is raised, or under
    ``on_zero="missing"`` the mean is :data:`NOT_AVAILABLE`.
    """
    middles = np.arange(first_age, first_age + weights.shape[-1], dtype=np.float64) + 0.5
    weighted, total = (weights * middles).sum(axis=-1), weights.sum(axis=-1)
    none = total == 0
    if on_zero == "raise" and np.any(none):
        raise ZeroDenominatorError(undefined)
    mean: FloatArray = np.where(none, NOT_AVAILABLE, weighted / np.where(none, 1.0, total))
    return mean
