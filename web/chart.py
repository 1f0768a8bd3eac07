"""An SVG chart of a page's cells, drawn on the server: no script, no library, a few kB.

Several periods: a line per table row (the first :data:`MAX_SERIES`); one period: a bar per
row (the first :data:`MAX_BARS`). Cells shown by a symbol (confidential, not available) are
gaps, never zeros. Every tick prints through :mod:`l10n.numbers`; the colours keep a 3:1
contrast with the white ground (WCAG 2.2, non-text contrast), and each line also has its
own marker shape, so colour is never the only cue. The text alternative is the chart's
``<title>``/``<desc>`` and, in full, the table beside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from l10n.numbers import number, shown
from web.cells import Layout

WIDTH, HEIGHT = 480, 280
LEFT, RIGHT, TOP, BOTTOM = 72, 20, 16, 40
# Ten lines: the seven oblasts and the two cities of a national table fit, with one to spare.
MAX_SERIES = 10
MAX_BARS = 24
COLOURS = (
    "#1f4e79",
    "#b03a2e",
    "#1e6b3a",
    "#6c3483",
    "#8a5300",
    "#2e4053",
    "#a0306e",
    "#0e6170",
    "#5d4037",
    "#827717",
)
MARKERS = ("circle", "square", "diamond", "triangle")


@dataclass
class Series:
    label: str
    colour: str
    marker: str
    points: list[tuple[float, float, str]] = field(default_factory=list)  # x, y, text
    paths: list[str] = field(default_factory=list)  # one per unbroken run


@dataclass
class Bar:
    label: str
    y: float
    width: float
    text: str


@dataclass
class Chart:
    kind: str  # "line" or "bar"
    width: int
    height: int
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    series: list[Series]
    bars: list[Bar]
    shown_rows: int
    total_rows: int
    plot: tuple[int, int, int, int]  # left, top, right, bottom
    left_out: int = 0  # totals of the table not drawn (see :func:`chart`)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values spanning ``low``..``high`` (1, 2, 2.5 or 5 times a power of ten)."""
    if high == low:
        high = low + (abs(low) or 1)
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks, value = [], start
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _tick_decimals(ticks: list[float], decimals: int) -> int:
    """As many decimals as the step between ticks needs to be printed exactly (a step of
    2.5 prints 2.5, 5, 7.5 — never 3 and 8), whatever the indicator's own ``decimals``."""
    step = abs(ticks[1] - ticks[0]) if len(ticks) > 1 else 1.0
    for places in range(7):
        if abs(round(step, places) - step) <= 1e-9 * max(1.0, step):
            return places
    return max(decimals, 6)


def _value(cell: tuple[object, ...] | None, n: int) -> float | None:
    if cell is None:
        return None
    value = shown(cell[n + 1], cell[n + 2], cell[n + 3])  # type: ignore[arg-type]
    return None if value is None else float(value)


def chart(table: Layout, n: int, decimals: int, lang: str, additive: bool = False) -> Chart | None:
    """The chart of a table's cells; ``None`` when no cell has a number to draw.

    A count's totals shown beside their parts (the country beside its oblasts) are left
    out of the chart, which would otherwise flatten the parts against the axis; the table
    keeps them. A rate's total is on the parts' scale and stays.
    """
    if additive:
        parts = [row for row in table.rows if not row.aggregate]
        if parts and len(parts) < len(table.rows):
            left_out = len(table.rows) - len(parts)
            drawn = chart(replace(table, rows=parts), n, decimals, lang)
            if drawn is not None:
                drawn.total_rows, drawn.left_out = len(parts), left_out
            return drawn
    if len(table.periods) > 1:
        return _lines(table, n, decimals, lang)
    return _bars(table, n, decimals, lang)


def _row_label(headers: tuple[str, ...], fallback: str) -> str:
    return " · ".join(headers) or fallback


def _lines(table: Layout, n: int, decimals: int, lang: str) -> Chart | None:
    rows = table.rows[:MAX_SERIES]
    values = [[_value(c, n) for c in row.cells] for row in rows]
    flat = [v for vs in values for v in vs if v is not None]
    if not flat:
        return None
    ticks = nice_ticks(min(0.0, min(flat)), max(flat))
    low, high = ticks[0], ticks[-1]
    right, bottom = WIDTH - RIGHT, HEIGHT - BOTTOM
    span = len(table.periods) - 1

    def x(i: int) -> float:
        return round(LEFT + (right - LEFT) * i / span, 1)

    def y(v: float) -> float:
        return round(bottom - (bottom - TOP) * (v - low) / (high - low), 1)

    series = []
    for k, (row, vs) in enumerate(zip(rows, values, strict=True)):
        s = Series(
            _row_label(row.headers, table.fixed[0][1] if table.fixed else ""),
            COLOURS[k % len(COLOURS)],
            MARKERS[k % len(MARKERS)],
        )
        run: list[str] = []
        for i, v in enumerate(vs):
            if v is None:
                if len(run) > 1:
                    s.paths.append("M" + " L".join(run))
                run = []
                continue
            s.points.append((x(i), y(v), number(v, decimals, lang)))
            run.append(f"{x(i)},{y(v)}")
        if len(run) > 1:
            s.paths.append("M" + " L".join(run))
        series.append(s)
    every = max(1, math.ceil(len(table.periods) / 8))
    tick_decimals = _tick_decimals(ticks, decimals)
    return Chart(
        "line",
        WIDTH,
        HEIGHT,
        [(x(i), p) for i, p in enumerate(table.periods) if i % every == 0 or i == span],
        [(y(t), number(t, tick_decimals, lang)) for t in ticks],
        series,
        [],
        len(rows),
        len(table.rows),
        (LEFT, TOP, right, bottom),
    )


def _bars(table: Layout, n: int, decimals: int, lang: str) -> Chart | None:
    rows = table.rows[:MAX_BARS]
    values = [_value(row.cells[0], n) if row.cells else None for row in rows]
    flat = [v for v in values if v is not None]
    if not flat:
        return None
    ticks = nice_ticks(min(0.0, min(flat)), max(flat))
    low, high = ticks[0], ticks[-1]
    left, right = 160, WIDTH - 56
    band = 22
    height = TOP + band * len(rows) + BOTTOM

    def x(v: float) -> float:
        return round(left + (right - left) * (v - low) / (high - low), 1)

    bars = [
        Bar(
            _row_label(row.headers, table.fixed[0][1] if table.fixed else ""),
            TOP + band * i,
            0.0 if v is None else max(0.0, x(v) - x(max(low, 0.0))),
            "…" if v is None else number(v, decimals, lang),
        )
        for i, (row, v) in enumerate(zip(rows, values, strict=True))
    ]
    tick_decimals = _tick_decimals(ticks, decimals)
    return Chart(
        "bar",
        WIDTH,
        height,
        [(x(t), number(t, tick_decimals, lang)) for t in ticks],
        [],
        [],
        bars,
        len(rows),
        len(table.rows),
        (left, TOP, right, height - BOTTOM),
    )
