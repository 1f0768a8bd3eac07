"""Charts: matplotlib's ``Figure`` API (no pyplot state) to vector SVG, cached on disk.

Text stays text in the SVG (``svg.fonttype = none``) in Noto Sans, so WeasyPrint sets it
with the same embedded font as the book and the Kyrgyz letters stay searchable. A chart's
file name is a hash of the release (id and creation time), the chart's spec, the language
and :data:`VERSION`: an unchanged rebuild finds it and draws nothing.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from l10n.numbers import number
from publishing.data import ReleaseData
from publishing.spec import Chart
from publishing.tables import address, evaluate, resolve

VERSION = "1"  # bump when the drawing code changes, to invalidate cached charts
COLOURS = ("#1f4e79", "#c0504d", "#9bbb59", "#8064a2", "#4bacc6", "#f79646", "#7f7f7f")
STYLE: dict[str, Any] = {
    "font.family": "Noto Sans",
    "font.size": 8,
    "svg.fonttype": "none",
    "svg.hashsalt": "statkg",  # stable ids: the same chart is the same file
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def chart_key(data: ReleaseData, chart: Chart, lang: str) -> str:
    # Release ids are unique per store only: the creation time tells two stores' "2025-P1"
    # apart, so a chart drawn from another database is never reused.
    release = data.release
    text = f"{VERSION}|{release.id}|{release.created_at.isoformat()}|{lang}|{chart!r}"
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def chart_file(data: ReleaseData, chart: Chart, lang: str, cache: Path) -> tuple[Path, bool]:
    """The SVG of a chart, drawn unless the cache has it; returns (path, drawn)."""
    path = cache / f"{chart_key(data, chart, lang)}.svg"
    if path.exists():
        return path, False
    cache.mkdir(parents=True, exist_ok=True)
    svg = draw(data, chart, lang)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(svg, encoding="utf-8")
    tmp.replace(path)  # parallel builds never see half a file
    return path, True


def draw(data: ReleaseData, chart: Chart, lang: str) -> str:
    xs = resolve(chart.x, data, lang)
    series = resolve(chart.series, data, lang)
    values = [
        [evaluate(data, address(chart.base, x.address, s.address), lang).value or 0.0 for x in xs]
        for s in series
    ]
    with matplotlib.rc_context(STYLE):  # type: ignore[arg-type]
        fig = Figure(figsize=chart.size or (6.3, 3.2 if chart.kind != "pyramid" else 4.2))
        ax = fig.add_subplot()
        labels = [x.label for x in xs]
        positions = list(range(len(xs)))
        if chart.kind == "line":
            for i, (s, v) in enumerate(zip(series, values, strict=True)):
                ax.plot(labels, v, marker="o", color=COLOURS[i % 7], label=s.label)
        elif chart.kind in ("bar", "barh"):
            width = 0.8 / max(len(series), 1)
            for i, (s, v) in enumerate(zip(series, values, strict=True)):
                at = [p + (i - (len(series) - 1) / 2) * width for p in positions]
                if chart.kind == "bar":
                    ax.bar(at, v, width, color=COLOURS[i % 7], label=s.label)
                else:
                    ax.barh(at, v, width, color=COLOURS[i % 7], label=s.label)
            if chart.kind == "bar":
                ax.set_xticks(positions, labels, rotation=30 if len(xs) > 6 else 0, ha="right")
            else:
                ax.set_yticks(positions, labels)
                ax.invert_yaxis()
        else:  # pyramid: the first series to the left, the second to the right
            left, right = values[0], values[1]
            ax.barh(positions, [-v for v in left], color=COLOURS[0], label=series[0].label)
            ax.barh(positions, right, color=COLOURS[1], label=series[1].label)
            ax.set_yticks(positions, labels)
            ax.axvline(0, color="black", linewidth=0.5)
        numeric = ax.xaxis if chart.kind in ("barh", "pyramid") else ax.yaxis
        ticks = [float(t) for t in numeric.get_ticklocs()]
        places = (
            0
            if all(t == int(t) for t in ticks)
            else (1 if all(t * 10 == int(t * 10) for t in ticks) else 2)
        )
        numeric.set_major_formatter(FuncFormatter(lambda v, _pos: number(abs(v), places, lang)))
        ax.grid(axis="x" if chart.kind in ("barh", "pyramid") else "y", linewidth=0.3)
        if len(series) > 1:  # below the plot, where it hides no bar
            ax.legend(
                frameon=False,
                fontsize=7,
                loc="upper center",
                bbox_to_anchor=(0.5, -0.12 if chart.kind != "bar" else -0.25),
                ncols=len(series),
            )
        out = io.StringIO()
        fig.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
    return out.getvalue()
