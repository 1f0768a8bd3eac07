"""Benchmark: building the six books (Yearbook, Women and Men × ky, ru, en) of a release.

Targets (issues 6 and 14): one Yearbook language at most 1.3 × the time WeasyPrint alone
needs to render and write the same final HTML with the same options (tagged PDF/UA-1, the
books' default; measured in the same run); all six PDFs in at most 3 minutes on two cores;
an unchanged rebuild in at most 10 % of a cold build. Also measured, with no target: what
tagging costs (WeasyPrint alone on the same HTML, tagged and untagged).

The machine is shared: ``--repeat N`` builds the book and renders it alone N times each,
alternately, and reports the fastest of each (the least disturbed run).

Reads the newest public release of the store (``make data`` makes one at scale 1.0) and
builds into a temporary folder, so ``build/`` is left alone.

    .venv/bin/python bench/bench_publish.py                       # var/statkg.sqlite3
    .venv/bin/python bench/bench_publish.py --database sqlite:////tmp/pub.sqlite3
    .venv/bin/python bench/bench_publish.py --repeat 3 --no-write
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.report import machine, write_section  # noqa: E402
from config import Config  # noqa: E402
from publishing import build  # noqa: E402
from publishing.render import FONT_DIRS, PDF_UA, TEMPLATES, local_fetcher  # noqa: E402


def weasyprint_alone(html_file: Path, out: Path, tagged: bool) -> float:
    """WeasyPrint rendering and writing the book's final HTML, nothing else."""
    from weasyprint import HTML

    started = time.perf_counter()
    HTML(
        string=html_file.read_text(encoding="utf-8"),
        base_url=out.resolve().as_uri() + "/",
        url_fetcher=local_fetcher((out, TEMPLATES, *FONT_DIRS)),
    ).write_pdf(out / "alone.pdf", pdf_variant=PDF_UA if tagged else None)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default=Config().database_url)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--repeat", type=int, default=1, help="single-book runs; the fastest")
    parser.add_argument("--no-write", action="store_true", help="do not update PERFORMANCE.md")
    args = parser.parse_args()
    at = machine()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pubs, langs = ["yearbook", "women_and_men"], ["ky", "ru", "en"]

        # One Yearbook language, cold (charts drawn), in this process; then WeasyPrint alone.
        # Both in one warmed process: the libraries are imported before either is timed.
        import matplotlib.figure  # noqa: F401
        import weasyprint  # noqa: F401

        singles, steps, alones, untagged = [], [], [], []
        for n in range(args.repeat):
            one = build.plan(args.database, None, ["yearbook"], ["ru"], root=root / f"one{n}")
            t0 = time.perf_counter()
            steps.append(build.run(one, 1)[0].seconds)
            singles.append(time.perf_counter() - t0)
            out = Path(one[0].out_dir)
            alones.append(weasyprint_alone(out / "yearbook-ru.print.html", out, tagged=True))
            untagged.append(weasyprint_alone(out / "yearbook-ru.print.html", out, tagged=False))
        single_s, alone_s, untagged_s = min(singles), min(alones), min(untagged)

        jobs = build.plan(args.database, None, pubs, langs, root=root / "all")
        t0 = time.perf_counter()
        cold = build.run(jobs, args.workers)
        cold_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = build.run(jobs, args.workers)
        warm_s = time.perf_counter() - t0
        assert all(r.skipped for r in again)

    pages = {r.job: r.pages for r in cold}
    ratio = single_s / alone_s
    lines = [
        "## Publications (`bench/bench_publish.py`)",
        "",
        f"{at}. Command: `make bench` or `.venv/bin/python bench/bench_publish.py`.",
        "",
        f"Release {jobs[0].release_id} of `{args.database}`; {args.workers} worker processes;"
        f" single-book figures the fastest of {args.repeat} (build "
        + ", ".join(f"{s:.1f}" for s in singles)
        + " s; alone "
        + ", ".join(f"{s:.1f}" for s in alones)
        + " s).",
        "",
        "| what | figure | target |",
        "|---|---|---|",
        f"| Yearbook (ru), whole build, charts drawn, tagged | {single_s:.1f} s | |",
        f"| WeasyPrint alone, same final HTML, tagged (PDF/UA-1) | {alone_s:.1f} s | |",
        f"| ratio | **{ratio:.2f} ×** | ≤ 1.3 × |",
        f"| WeasyPrint alone, same HTML, untagged | {untagged_s:.1f} s | |",
        f"| cost of tagging (tagged / untagged) | {alone_s / untagged_s:.2f} × | |",
        f"| all six PDFs, cold (charts drawn) | **{cold_s:.1f} s** | ≤ 180 s |",
        f"| unchanged rebuild | **{warm_s:.2f} s** ({warm_s / cold_s:.1%}) | ≤ 10 % |",
        "",
        "Pages: " + ", ".join(f"{k} {v}" for k, v in sorted(pages.items())) + ".",
        f"Steps of the fastest single build: {steps[singles.index(single_s)]}.",
    ]
    print("\n".join(lines))
    if not args.no_write:
        write_section("bench_publish", "\n".join(lines))


if __name__ == "__main__":
    main()
