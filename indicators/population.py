"""Population estimates by the cohort-component (balance) method.

Method: start from the base population on 1 January of the base year (a census, or the
generated base); for each year, age every cohort by one year and apply the year's
registered events to the cohort they belong to:

    P(y+1, a+1) = P(y, a) − D − E + I − Out + In

for every territorial unit × settlement type × sex, where D, E, I, Out, In are the deaths,
emigrants, immigrants and internal departures and arrivals of persons aged ``a`` on
1 January of year ``y``; those born during the year form age 0 on 1 January ``y+1`` (less
those of them who died or left); the open group 100+ absorbs ages 99 and 100+. The annual
average population is the mean of the two 1 January figures (the NSC convention), and is
the denominator of every rate.

Because the estimate is built from the same events the release publishes, the demographic
balance (change = births − deaths + net migration) holds exactly, and the release's
balance check verifies it on the published numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from indicators.cubes import Base, Flows
from indicators.methods import annual_average_population
from indicators.space import N_AGES


@dataclass(frozen=True)
class Estimates:
    """Population on 1 January of each year in ``years`` (one more than the flows cover)."""

    years: tuple[int, ...]
    jan1: np.ndarray  # year × unit × settlement × sex × age

    def on_jan1(self, year: int) -> np.ndarray:
        stock: np.ndarray = self.jan1[self.years.index(year)]
        return stock

    def average(self, year: int) -> np.ndarray:
        """Annual average population of ``year``: mean of 1 January ``year`` and ``year+1``.

        Cell by cell (unit × settlement × sex × age), by the method the tests check.
        """
        return annual_average_population(self.on_jan1(year), self.on_jan1(year + 1))


def cohort_component(base: Base, flows: Flows) -> Estimates:
    """Carry the base population forward through every year of ``flows``."""
    if flows.years[0] != base.reference_date.year or base.reference_date.timetuple()[1:3] != (
        1,
        1,
    ):
        raise ValueError(
            f"the base population ({base.reference_date}) must be on 1 January of the first "
            f"year of events ({flows.years[0]})"
        )
    stocks = [base.persons]
    for y in range(len(flows.years)):
        net = (
            flows.births[y]
            - flows.deaths[y]
            - flows.emigrants[y]
            + flows.immigrants[y]
            - flows.departures[y]
            + flows.arrivals[y]
        )  # cohort axis: place 0 born in the year, place a+1 aged a on 1 January
        current = stocks[-1]
        following = np.zeros_like(current)
        following[..., 0] = net[..., 0]
        following[..., 1:N_AGES] = current[..., : N_AGES - 1] + net[..., 1:N_AGES]
        following[..., N_AGES - 1] += current[..., N_AGES - 1] + net[..., N_AGES]
        stocks.append(following)
    years = (*flows.years, flows.years[-1] + 1)
    return Estimates(years, np.stack(stocks))
