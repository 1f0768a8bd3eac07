"""Consistency checks run on every release; a release that fails one cannot be published.

1. Totals equal the sums of their parts, along every dimension of every additive indicator
   (sexes, settlement types, age groups, territories by СОАТЕ hierarchy, countries, …).
2. The demographic balance: population change = births − deaths + net migration, for every
   territory and sex, exactly.
3. Internal moves: each counts once on both sides (only when both of its records are
   loaded, :mod:`store.moves`), so nationally the arrivals equal the departures of each
   internal type, and for every oblast the origin × destination matrix's row equals its
   departures and its column its arrivals — all exactly. The records left without their
   other half (``unmatched_halves``, not counted) are compared with the migration records
   awaiting correction in quarantine (``pending_moves``): no more of them than that is
   explained (the other halves are being corrected) and reported as a warning with the
   release; more are unexplained and fail. With nothing in quarantine any unmatched half
   fails.
4. Rates lie within the plausible bounds of their definition, checked nationally and only
   in years when the country has at least ``MIN_POPULATION_FOR_BOUNDS`` people: in a small
   population a handful of events moves a rate anywhere, and a bound means nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from indicators.frame import Frame, Obs
from indicators.space import COUNTRY, TOTAL
from indicators.spec import Spec

TOLERANCE = 1e-6
MAX_EXAMPLES = 5
MIN_POPULATION_FOR_BOUNDS = 10_000
INTERNAL = ("within_oblast", "between_oblasts")
# Groups that overlap others in their dimension and so are not parts of the total.
OVERLAPPING = {"country_group": {"EAEU"}}


@dataclass
class Check:
    """The outcome of one check: how many comparisons, and examples of failures."""

    name: str
    compared: int = 0
    failures: int = 0
    examples: list[str] = field(default_factory=list)
    warnings: int = 0
    warning_examples: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.failures == 0

    def record(self, ok: bool, example: str) -> None:
        self.compared += 1
        if not ok:
            self.failures += 1
            if len(self.examples) < MAX_EXAMPLES:
                self.examples.append(example)

    def compare(self, left: float, right: float, allowance: float, example: str) -> None:
        """Equal; or differing by at most ``allowance``, explained: then a warning."""
        if left == right or abs(left - right) > allowance:
            self.record(left == right, example)
            return
        self.compared += 1
        self.warnings += 1
        if len(self.warning_examples) < MAX_EXAMPLES:
            self.warning_examples.append(example)

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "passed": self.passed}


def run_checks(frame: Frame, pending_moves: int = 0, unmatched_halves: int = 0) -> list[Check]:
    values = {(o.indicator, o.period, o.dims): o.value for o in frame}
    return [
        _additivity(frame),
        _balance(values),
        _internal_moves(values, unmatched_halves, pending_moves),
        _bounds(frame),
    ]


def _parts(dimension: str, parent: str, codes: Iterable[str]) -> list[str]:
    """The codes among ``codes`` that partition ``parent`` in ``dimension``."""
    if dimension in ("soate", "origin", "destination") and parent != TOTAL:
        if parent == COUNTRY:
            return [c for c in codes if len(c) == 5]
        if len(parent) == 5:
            return [c for c in codes if len(c) == 8 and c.startswith(parent)]
        return []
    if parent != TOTAL:
        return []
    skip = OVERLAPPING.get(dimension, set()) | {TOTAL}
    return [c for c in codes if c not in skip]


def _additivity(frame: Frame) -> Check:
    check = Check("totals_equal_sum_of_parts")
    by_indicator: dict[str, list[Obs]] = defaultdict(list)
    for obs in frame:
        by_indicator[obs.indicator].append(obs)
    for indicator, rows in by_indicator.items():
        spec: Spec = frame.specs[indicator]
        if not spec.additive:
            continue
        for position, dimension in enumerate(spec.dimensions):
            # Group by everything but this dimension; compare each parent to its parts.
            groups: dict[tuple[Any, ...], dict[str, float | None]] = defaultdict(dict)
            for obs in rows:
                rest = obs.dims[:position] + obs.dims[position + 1 :]
                groups[(obs.period, rest)][obs.dims[position][1]] = obs.value
            for (period, rest), cells in groups.items():
                for parent, total in cells.items():
                    parts = _parts(dimension, parent, cells)
                    if not parts or total is None:
                        continue
                    summed = sum(cells[c] or 0.0 for c in parts)
                    check.record(
                        abs(summed - total) <= TOLERANCE,
                        f"{indicator} {period} {dimension}={parent} {dict(rest)}: "
                        f"total {total:g} != parts {summed:g}",
                    )
    return check


def _balance(values: dict[tuple[str, str, tuple[tuple[str, str], ...]], float | None]) -> Check:
    check = Check("demographic_balance")
    periods = sorted({p for (ind, p, _) in values if ind == "births"})
    territories = sorted({dict(d)["soate"] for (ind, _, d) in values if ind == "mig_net"})
    for period in periods:
        following = str(int(period) + 1)
        for territory in territories:
            for sex in (TOTAL, "M", "F"):

                def get(indicator: str, when: str, **dims: str) -> float:
                    key = tuple(dims.items())
                    return values.get((indicator, when, key)) or 0.0

                start = get(
                    "pop_jan1", period, soate=territory, urban_rural=TOTAL, sex=sex, age5=TOTAL
                )
                end = get(
                    "pop_jan1", following, soate=territory, urban_rural=TOTAL, sex=sex, age5=TOTAL
                )
                births = get(
                    "births",
                    period,
                    soate=territory,
                    urban_rural=TOTAL,
                    sex=sex,
                    mother_age=TOTAL,
                    birth_order=TOTAL,
                )
                deaths = get(
                    "deaths",
                    period,
                    soate=territory,
                    urban_rural=TOTAL,
                    sex=sex,
                    age5=TOTAL,
                    cause=TOTAL,
                )
                net = get("mig_net", period, soate=territory, migration_type=TOTAL, sex=sex)
                change = end - start
                check.record(
                    abs(change - (births - deaths + net)) <= TOLERANCE,
                    f"{period} {territory} sex={sex}: change {change:g} != births {births:g}"
                    f" - deaths {deaths:g} + net migration {net:g}",
                )
    return check


def _internal_moves(
    values: dict[tuple[str, str, tuple[tuple[str, str], ...]], float | None],
    unmatched: int,
    pending: int,
) -> Check:
    check = Check("internal_moves_match")
    flows: dict[tuple[str, str, str, str], float] = defaultdict(float)
    for (indicator, period, dims), value in values.items():
        d = dict(dims)
        if (
            indicator in ("mig_arrivals", "mig_departures")
            and d["sex"] == TOTAL
            and d["age5"] == TOTAL
            and d["reason"] == TOTAL
            and d["migration_type"] in INTERNAL
        ):
            flows[(indicator, period, d["soate"], d["migration_type"])] += value or 0.0
    matrix = {
        (p, dict(d)["origin"], dict(d)["destination"]): v or 0.0
        for (ind, p, d), v in values.items()
        if ind == "mig_matrix"
    }
    for period in sorted({p for (_, p, _, _) in flows}):
        for kind in INTERNAL:
            arrived = flows.get(("mig_arrivals", period, COUNTRY, kind), 0.0)
            left = flows.get(("mig_departures", period, COUNTRY, kind), 0.0)
            check.record(
                arrived == left,
                f"{period}: internal arrivals {arrived:g} != departures {left:g} ({kind})",
            )
        regions = {o for (p, o, _) in matrix if p == period and o != TOTAL}
        for region in sorted(regions):
            out_row = matrix.get((period, region, TOTAL), 0.0)
            in_column = matrix.get((period, TOTAL, region), 0.0)
            departures = sum(
                flows.get(("mig_departures", period, region, k), 0.0) for k in INTERNAL
            )
            arrivals = sum(flows.get(("mig_arrivals", period, region, k), 0.0) for k in INTERNAL)
            check.record(
                out_row == departures,
                f"{period} {region}: matrix row {out_row:g} != departures {departures:g}",
            )
            check.record(
                in_column == arrivals,
                f"{period} {region}: matrix column {in_column:g} != arrivals {arrivals:g}",
            )
    check.compare(
        float(unmatched),
        0.0,
        pending,
        f"{unmatched} internal-move records without their other half, not counted "
        f"({pending} migration records in quarantine)",
    )
    return check


def _bounds(frame: Frame) -> Check:
    check = Check("rates_within_bounds")
    large_years = {
        o.period
        for o in frame
        if o.indicator == "pop_avg"
        and all(code in (COUNTRY, TOTAL) for _, code in o.dims)
        and (o.value or 0) >= MIN_POPULATION_FOR_BOUNDS
    }
    for obs in frame:
        if obs.period not in large_years:
            continue
        spec = frame.specs[obs.indicator]
        if spec.bounds is None or obs.value is None:
            continue
        dims = dict(obs.dims)
        if dims.get("soate", COUNTRY) != COUNTRY:
            continue
        if any(dims.get(dim) != code for dim, code in spec.bounds_at):
            continue
        low, high = spec.bounds
        check.record(
            low <= obs.value <= high,
            f"{obs.indicator} {obs.period} {dims}: {obs.value:g} outside [{low:g}, {high:g}]",
        )
    return check
