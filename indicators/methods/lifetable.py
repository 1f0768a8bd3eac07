"""Abridged period life table: life expectancy from a year's deaths and population by age.

Why this module: life expectancy is the headline mortality indicator of the NSC's releases, and
it is only as trustworthy as the table behind it. The method is the standard one, written out so
that a reviewer can follow it column by column:

Preston, S. H., Heuveline, P. and Guillot, M. (2001). *Demography: Measuring and Modeling
Population Processes*. Oxford: Blackwell, chapter 3 ("The life table and single decrement
processes"), section 3.3, with the infant and child separation factors of Table 3.3 (p. 48),
which are Coale, A. J., Demeny, P. and Vaughan, B. (1983), *Regional Model Life Tables and
Stable Populations*, 2nd ed., New York: Academic Press.

Steps, for age groups ``[x, x+n)`` with the last group open:

1. ``nMx = nDx / nNx``: deaths in the year over the annual average (mid-year) population.
2. ``nax``: Coale–Demeny for ages 0 and 1–4 (:func:`coale_demeny_1a0`,
   :func:`coale_demeny_4a1`), ``n / 2`` for the other closed groups, ``1 / M`` for the open one.
3. ``nqx = n·nMx / (1 + (n − nax)·nMx)``, capped at 1; ``qx = 1`` in the open group.
4. ``lx`` from the radix 100 000; ``ndx = lx·nqx``; ``nLx = n·l(x+n) + nax·ndx``; the open
   group's ``Lx = lx / Mx``; ``Tx = Σ Ly`` for y ≥ x; ``ex = Tx / lx``.

The book's worked table for Austrian males, 1992 (p. 49) uses exactly these ``1a0`` and
``4a1`` (0.068 and 1.626); ``tests/test_methods.py`` reproduces its ``lx``, ``nLx`` and ``e0``.

Small populations (districts) are handled explicitly rather than with NaN:

* a group with **zero deaths** has ``Mx = 0``, so ``qx = 0``, ``dx = 0`` and ``Lx = n·lx``:
  the table is computed as usual;
* a group with **zero population** has no rate at all: :class:`LifeTableError` (merge areas or
  pool years first; the method does not invent a rate);
* an **open group without deaths** would give ``Lx = lx / 0``: :class:`LifeTableError`;
* a closed group whose ``qx`` reaches the cap of 1 leaves no survivors: every later ``lx``,
  ``dx``, ``Lx`` and ``Tx`` is 0 and the later ``ex`` are reported as 0 (nobody is left to
  live them), so the published table holds no NaN or infinity.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
Sex = Literal["male", "female", "both"]

ABRIDGED_AGES: tuple[int, ...] = (0, 1, *range(5, 90, 5))
"""Start ages of the 19 abridged groups: 0, 1–4, 5–9, …, 80–84 and the open group 85+."""

RADIX = 100_000.0
"""``l0``: the size of the hypothetical birth cohort."""

_M0_CUTOFF = 0.107
"""Above this infant death rate the Coale–Demeny separation factors are constants."""

# (constant used at and above the cut-off, intercept, slope on 1m0): Preston et al. (2001),
# Table 3.3, from Coale and Demeny (1983).
_A0 = {"male": (0.330, 0.045, 2.684), "female": (0.350, 0.053, 2.800)}
_A1 = {"male": (1.352, 1.651, -2.816), "female": (1.361, 1.522, -1.518)}


class LifeTableError(ValueError):
    """The counts cannot make a life table (an empty age group, no deaths in the open group)."""


@dataclass(frozen=True, eq=False)
class LifeTable:
    """A period life table, one entry per age group (the last one open).

    ``age`` holds the start age of each group and ``n`` its width (``inf`` for the open group);
    ``lx``, ``dx``, ``Lx`` and ``Tx`` are per ``radix`` births, ``ex`` in years.
    """

    age: IntArray
    n: FloatArray
    mx: FloatArray
    ax: FloatArray
    qx: FloatArray
    lx: FloatArray
    dx: FloatArray
    # Lx and Tx keep the capitals of the demographic symbols (nLx, Tx), as every table does.
    Lx: FloatArray
    Tx: FloatArray
    ex: FloatArray

    @property
    def e0(self) -> float:
        """Life expectancy at birth."""
        return self.ex_at(0)

    def ex_at(self, age: int) -> float:
        """Life expectancy at exact ``age``, which must start one of the table's age groups.

        No interpolation inside a group: an abridged table publishes ``ex`` at its group
        boundaries only.
        """
        where = np.flatnonzero(self.age == age)
        if where.size == 0:
            starts = ", ".join(str(int(a)) for a in self.age)
            raise ValueError(f"no age group starts at {age}; the groups start at {starts}")
        return float(self.ex[where[0]])


def coale_demeny_1a0(m0: float, sex: Sex) -> float:
    """Average years lived in the first year of life by infants who die in it (``1a0``).

    Coale and Demeny (1983), as given by Preston, Heuveline and Guillot (2001), Table 3.3:
    males ``0.330`` if ``1m0 ≥ 0.107``, else ``0.045 + 2.684·1m0``; females ``0.350``, else
    ``0.053 + 2.800·1m0``. ``sex="both"`` takes the mean of the two formulas, a common
    convention for a both-sexes table (Table 3.3 itself gives males and females only).
    """
    return _separation_factor(_A0, m0, sex)


def coale_demeny_4a1(m0: float, sex: Sex) -> float:
    """Average years lived in ages 1–4 by children who die at those ages (``4a1``).

    Coale and Demeny (1983), as given by Preston, Heuveline and Guillot (2001), Table 3.3,
    driven by the *infant* rate ``1m0``: males ``1.352`` if ``1m0 ≥ 0.107``, else
    ``1.651 − 2.816·1m0``; females ``1.361``, else ``1.522 − 1.518·1m0``. ``sex="both"``: the
    mean of the two.
    """
    return _separation_factor(_A1, m0, sex)


def _separation_factor(table: dict[str, tuple[float, float, float]], m0: float, sex: Sex) -> float:
    if not np.isfinite(m0) or m0 < 0:
        raise ValueError(f"the infant death rate 1m0 must be a finite number ≥ 0, not {m0}")
    if sex == "both":
        return (_separation_factor(table, m0, "male") + _separation_factor(table, m0, "female")) / 2
    if sex not in table:
        raise ValueError(f"sex must be 'male', 'female' or 'both', not {sex!r}")
    constant, intercept, slope = table[sex]
    return constant if m0 >= _M0_CUTOFF else intercept + slope * m0


def life_table_from_rates(
    mx: npt.ArrayLike,
    ax: npt.ArrayLike,
    ages: npt.ArrayLike = ABRIDGED_AGES,
    *,
    radix: float = RADIX,
    q0: float | None = None,
) -> LifeTable:
    """Life table from central death rates and separation factors (Preston et al. 2001, §3.3).

    ``ages`` are the start ages of the groups, the last group open; ``mx`` has one rate per
    group; ``ax`` one value per *closed* group (the open group's ``a = 1 / M`` follows from
    ``Lx = lx / Mx``). ``q0``, if given, replaces the first group's ``qx`` (an infant mortality
    rate measured from births, see :func:`abridged_life_table`).

    Conversion: ``nqx = n·nMx / (1 + (n − nax)·nMx)`` capped at 1, ``nLx = n·l(x+n) + nax·ndx``,
    open group ``Lx = lx / Mx``. See the module docstring for zero counts.
    """
    age = np.asarray(ages, dtype=np.int64)
    m = np.asarray(mx, dtype=np.float64)
    a_closed = np.asarray(ax, dtype=np.float64)
    if age.ndim != 1 or age.size < 2 or np.any(np.diff(age) <= 0):
        raise ValueError("ages must be at least two strictly increasing start ages")
    if m.shape != age.shape:
        raise ValueError(f"mx has {m.size} values for {age.size} age groups")
    if a_closed.shape != (age.size - 1,):
        closed = age.size - 1
        raise ValueError(f"ax needs one value per closed group ({closed}), not {a_closed.size}")
    if not np.all(np.isfinite(m)) or np.any(m < 0):
        raise ValueError("death rates must be finite and ≥ 0")
    width = np.diff(age).astype(np.float64)
    if not np.all(np.isfinite(a_closed)) or np.any(a_closed < 0) or np.any(a_closed > width):
        raise ValueError("each nax must lie within its age group, 0 ≤ nax ≤ n")
    if not radix > 0:
        raise ValueError("the radix must be positive")

    m_closed = m[:-1]
    q = np.empty_like(m)
    q[:-1] = np.minimum(width * m_closed / (1.0 + (width - a_closed) * m_closed), 1.0)
    if q0 is not None:
        if not 0.0 <= q0 <= 1.0:
            raise ValueError(f"q0 is a probability, not {q0}")
        q[0] = q0
    q[-1] = 1.0

    lx = radix * np.concatenate(([1.0], np.cumprod(1.0 - q[:-1])))
    dx = lx * q
    big_l = np.empty_like(m)
    big_l[:-1] = width * lx[1:] + a_closed * dx[:-1]

    a = np.empty_like(m)
    a[:-1] = a_closed
    if lx[-1] > 0:
        if m[-1] == 0:
            raise LifeTableError(
                f"no deaths in the open age group {age[-1]}+: its Lx = lx / Mx is unbounded; "
                "pool years or areas before building the table"
            )
        big_l[-1] = lx[-1] / m[-1]
        a[-1] = 1.0 / m[-1]
    else:
        # Nobody reaches the open group (a closed qx hit the cap): nothing to live.
        big_l[-1] = 0.0
        a[-1] = 1.0 / m[-1] if m[-1] > 0 else 0.0

    tx = np.cumsum(big_l[::-1])[::-1]
    ex = np.divide(tx, lx, out=np.zeros_like(tx), where=lx > 0)
    n = np.append(width, np.inf)
    return LifeTable(age=age, n=n, mx=m, ax=a, qx=q, lx=lx, dx=dx, Lx=big_l, Tx=tx, ex=ex)


def abridged_life_table(
    deaths: npt.ArrayLike,
    population: npt.ArrayLike,
    sex: Sex,
    infant_deaths: float | None = None,
    births: float | None = None,
    *,
    radix: float = RADIX,
) -> LifeTable:
    """Abridged life table for the groups 0, 1–4, 5–9, …, 80–84, 85+ (19 values each).

    ``deaths`` are the year's deaths by age group, ``population`` the annual average (or
    mid-year) population of the same groups. Method: Preston, Heuveline and Guillot (2001),
    §3.3, with Coale–Demeny ``1a0`` and ``4a1`` (their Table 3.3), ``nax = n/2`` elsewhere, and
    the open group closed by ``Lx = lx / Mx``.

    Infant mortality override: when ``births`` (live births of the year) are given, ``1q0`` is
    taken as ``infant_deaths / births`` — the NSC's infant mortality rate as a probability —
    rather than converted from ``1m0``; ``infant_deaths`` defaults to ``deaths[0]``. ``1a0`` and
    ``4a1`` still come from the observed ``1m0 = D0 / N0``; ``mx[0]`` stays the observed rate.

    Raises :class:`LifeTableError` for an age group with no population or an open group with
    no deaths (see the module docstring); zero deaths in a closed group give ``qx = 0``.
    """
    d = _counts(deaths, "deaths")
    p = _counts(population, "population")
    empty = [_label(i) for i in np.flatnonzero(p == 0)]
    if empty:
        raise LifeTableError(
            f"no population in age group(s) {', '.join(empty)}: the death rate is undefined; "
            "merge areas or pool years before building the table"
        )
    mx = d / p
    m0 = float(mx[0])
    ax = np.diff(np.asarray(ABRIDGED_AGES, dtype=np.float64)) / 2.0
    ax[0] = coale_demeny_1a0(m0, sex)
    ax[1] = coale_demeny_4a1(m0, sex)

    q0: float | None = None
    if births is not None:
        infants = float(d[0]) if infant_deaths is None else float(infant_deaths)
        if not births > 0:
            raise ValueError("births must be positive to measure infant mortality from them")
        if not 0 <= infants <= births:
            raise ValueError("infant deaths must lie between 0 and the number of births")
        q0 = infants / births
    elif infant_deaths is not None:
        raise ValueError("infant_deaths overrides q0 only together with births")
    return life_table_from_rates(mx, ax, ABRIDGED_AGES, radix=radix, q0=q0)


def _counts(values: npt.ArrayLike, what: str) -> FloatArray:
    array = np.asarray(values, dtype=np.float64)
    if array.shape != (len(ABRIDGED_AGES),):
        raise ValueError(
            f"{what} needs {len(ABRIDGED_AGES)} values (0, 1–4, 5–9, …, 85+), not {array.size}"
        )
    if not np.all(np.isfinite(array)) or np.any(array < 0):
        raise ValueError(f"{what} must be finite and ≥ 0")
    return array


def _label(index: np.intp | int) -> str:
    start = ABRIDGED_AGES[int(index)]
    if int(index) == len(ABRIDGED_AGES) - 1:
        return f"{start}+"
    return f"{start}–{ABRIDGED_AGES[int(index) + 1] - 1}"
