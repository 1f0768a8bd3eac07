"""Public pages' speed: the indicator page against the API for the same cells, in one run.

On the scale-1 store of ``make run`` (``var/statkg.sqlite3``; made with ``make data`` when
missing), or with ``--scale S`` below 1 on a store computed from the sample data at that
scale (``var/bench-web-S.sqlite3``, built once), one gunicorn (``gunicorn.conf.py``: gthread
workers; ``--no-control-socket``, the workers of ``bench_api``) on 127.0.0.1:

1. **first byte of the indicator page**, one request at a time (no other load): a mix of
   distinct selections, each asked once (uncached: every one misses the answer caches and
   reads the store), and one selection asked again and again (repeated); the API's
   ``/api/v1/data`` for the same selections beside it;
2. **requests/s** under wrk (2 threads, 16 connections, gzip accepted) of the indicator
   pages and of ``/api/v1/data`` for the very same selections (the page's query is the
   API's selection grammar: ``?soate=…&sex=M,F&period=…`` is
   ``valueCodes[soate]=…&valueCodes[sex]=M,F&valueCodes[period]=…``), distinct and
   repeated. Each wrk run has a server of its own, restarted and warmed (metadata read)
   before it, so neither side finds the other's answers in a cache; the runs alternate
   API, pages, pages, API, and each side's figure is the mean of its two.

The selections: a random published indicator, one territory (at any level; now and then
``level(oblast)``), sex both ways or one of ``M``/``F``/``_T`` (of the codes the indicator
has), the other dimensions at their totals, one to three of the latest periods, a random
language.

    .venv/bin/python bench/bench_web.py [--database URL | --scale 0.02] [--seconds 10] [--write]

Targets (issue 16, 2-core machine): the indicator page's first byte ≤ 50 ms at p95,
uncached; the pages' requests/s at least half the API's for the same cells (uncached mix).
``--write`` puts the figures into docs/PERFORMANCE.md between the ``bench_web`` markers.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_api import (  # noqa: E402
    CONNECTIONS,
    Server,
    _q,
    ensure_scale1,
    ensure_wrk,
    free_port,
    pct,
    published_catalog,
    wrk,
)
from bench.report import machine, write_section  # noqa: E402

LANGS = ("ky", "ru", "en")
#: Threads per worker (``gunicorn.conf.py`` reads STATKG_THREADS; the report names them).
THREADS = int(os.environ.get("STATKG_THREADS", 4))
TTFB_DISTINCT = 400
TTFB_REPEATED = 200


def ensure_scaled(scale: float) -> str:
    """A store at ``scale`` computed from the sample data, built once into ``var/``."""
    from tests.sample_store import build

    store = ROOT / "var" / f"bench-web-{scale:g}.sqlite3"
    if not store.exists():
        partial = store.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        build(partial, scale=scale, seed=2026)
        partial.rename(store)
    return f"sqlite:///{store}"


def selections(base: str, count: int, seed: int) -> list[tuple[str, str, dict[str, str]]]:
    """Distinct selections ``(indicator, lang, {dimension: term})`` with valid codes."""
    rng = random.Random(seed)
    details = published_catalog(base)
    seen: set[tuple[str, str, tuple[tuple[str, str], ...]]] = set()
    out: list[tuple[str, str, dict[str, str]]] = []
    attempts = 0
    while len(out) < count and attempts < count * 20:
        attempts += 1
        ind = rng.choice(sorted(details))
        detail = details[ind]
        periods = detail.get("periods") or []
        if not periods:
            continue
        terms: dict[str, str] = {}
        for dim in detail["dimensions"]:
            codes = [c["code"] for c in dim.get("codes", [])]
            if not codes:
                continue
            if dim["id"] in ("soate", "origin"):
                levels = sorted({c["level"] for c in dim["codes"]})
                if rng.random() < 0.1 and "oblast" in levels:
                    terms[dim["id"]] = "level(oblast)"
                else:
                    terms[dim["id"]] = rng.choice(codes)
            elif dim["id"] == "sex":
                ways = [
                    w for w in ("M,F", "M,F", "_T", "M", "F") if set(w.split(",")) <= set(codes)
                ]
                terms["sex"] = rng.choice(ways or codes)
            else:
                terms[dim["id"]] = "_T" if "_T" in codes else codes[0]
        terms["period"] = ",".join(periods[-rng.randint(1, min(3, len(periods))) :])
        lang = rng.choice(LANGS)
        key = (ind, lang, tuple(sorted(terms.items())))
        if key in seen:
            continue
        seen.add(key)
        out.append((ind, lang, terms))
    return out


def page_url(ind: str, lang: str, terms: dict[str, str]) -> str:
    query = "&".join(f"{dim}={_q(term)}" for dim, term in terms.items())
    return f"/{lang}/indicators/{ind}/?{query}"


def api_url(ind: str, lang: str, terms: dict[str, str]) -> str:
    query = "&".join(f"valueCodes[{dim}]={_q(term)}" for dim, term in terms.items())
    return f"/api/v1/data/{ind}?lang={lang}&{query}"


def first_byte(base: str, path: str) -> tuple[float, int]:
    """Milliseconds from sending the request to the first byte of the answer (its status
    line and headers read), and the status; the body is then read to the end."""
    host = urlsplit(base)
    connection = http.client.HTTPConnection(host.hostname or "127.0.0.1", host.port, timeout=60)
    try:
        connection.connect()
        started = time.perf_counter()
        connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        elapsed = (time.perf_counter() - started) * 1000
        response.read()
        return elapsed, response.status
    finally:
        connection.close()


def ttfb(base: str, paths: list[str]) -> dict[str, float]:
    times, errors = [], 0
    for path in paths:
        ms, status = first_byte(base, path)
        times.append(ms)
        errors += status != 200
    return {
        "n": len(times),
        "p50": statistics.median(times),
        "p95": pct(times, 0.95),
        "p99": pct(times, 0.99),
        "errors": float(errors),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", help="the store (default: var/statkg.sqlite3, scale 1)")
    parser.add_argument("--scale", type=float, help="below 1: a store from the sample data")
    parser.add_argument("--seconds", type=int, default=10, help="each wrk run")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    binary = ensure_wrk()
    if args.database:
        database = args.database
    elif args.scale is not None and args.scale < 1:
        database = ensure_scaled(args.scale)
    else:
        database = ensure_scale1(None)
    header = machine()

    def serve() -> Server:
        return Server(ROOT, database, args.workers, free_port())

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        server = serve()
        try:
            chosen = selections(server.base, 40_000, seed=2026)
            warm, timed, loaded = chosen[:300], chosen[300:2300], chosen[2300:]
            # Every worker warm, the metadata of every indicator read, the pages' too.
            wrk(binary, server.base, [page_url(*s) for s in warm], 3, folder)
            wrk(binary, server.base, [api_url(*s) for s in warm], 3, folder)
            distinct = timed[:TTFB_DISTINCT]
            one = page_url(*timed[-1])
            first = {
                "page, distinct (uncached)": ttfb(server.base, [page_url(*s) for s in distinct]),
                "API, the same selections": ttfb(server.base, [api_url(*s) for s in distinct]),
                "page, one selection repeated": ttfb(server.base, [one] * TTFB_REPEATED),
                "API, one selection repeated": ttfb(
                    server.base, [api_url(*timed[-1])] * TTFB_REPEATED
                ),
            }
        finally:
            server.stop()
        runs: dict[str, list[dict[str, float]]] = {}
        repeated_one = loaded[0]
        for kind in ("api", "page", "page", "api"):
            urls = page_url if kind == "page" else api_url
            for shape, chosen_here in (("distinct", loaded), ("repeated", [repeated_one])):
                server = serve()
                try:
                    wrk(binary, server.base, [urls(*s) for s in warm], 3, folder)
                    result = wrk(
                        binary, server.base, [urls(*s) for s in chosen_here], args.seconds, folder
                    )
                    result["overflow"] = float(result["requests"] > len(chosen_here) > 1)
                finally:
                    server.stop()
                runs.setdefault(f"{kind} {shape}", []).append(result)
    section, ok = report(header, args, database, first, runs, len(loaded))
    print(section)
    if args.write:
        write_section("bench_web", section)
    return 0 if ok else 1


def _mean(results: list[dict[str, float]], key: str) -> float:
    return statistics.fmean(r[key] for r in results)


def report(
    header: str,
    args: argparse.Namespace,
    database: str,
    first: dict[str, dict[str, float]],
    runs: dict[str, list[dict[str, float]]],
    pool: int,
) -> tuple[str, bool]:
    page = first["page, distinct (uncached)"]
    ttfb_ok = page["p95"] <= 50 and page["errors"] == 0
    ratio = _mean(runs["page distinct"], "rps") / _mean(runs["api distinct"], "rps")
    repeated_ratio = _mean(runs["page repeated"], "rps") / _mean(runs["api repeated"], "rps")
    errors = sum(r["errors"] + r["socket_errors"] for rs in runs.values() for r in rs)
    overflow = any(r["overflow"] for rs in runs.values() for r in rs)
    rps_ok = ratio >= 0.5 and errors == 0 and not overflow
    scale = (
        f"the sample data at scale {args.scale:g} (`var/bench-web-{args.scale:g}.sqlite3`)"
        if args.scale is not None and args.scale < 1 and not args.database
        else "the scale-1 release of `make run`"
    )
    command = (
        f"`.venv/bin/python bench/bench_web.py --scale {args.scale:g} --write`"
        if args.scale is not None and args.scale < 1
        else "`make bench` or `.venv/bin/python bench/bench_web.py --write`"
    )
    first_rows = "\n".join(
        f"| {name} | {r['n']:.0f} | {r['p50']:.1f} | **{r['p95']:.1f}** | {r['p99']:.1f} "
        f"| {r['errors']:.0f} |"
        for name, r in first.items()
    )
    load_rows = []
    for shape in ("distinct", "repeated"):
        api, pages = runs[f"api {shape}"], runs[f"page {shape}"]
        for name, results in ((f"API `/api/v1/data`, {shape}", api), (f"page, {shape}", pages)):
            load_rows.append(
                f"| {name} | "
                + " / ".join(f"{r['rps']:,.0f}" for r in results)
                + f" | **{_mean(results, 'rps'):,.0f}** | {_mean(results, 'p50'):.1f} "
                f"| {_mean(results, 'p99'):.1f} | {sum(r['errors'] for r in results):.0f} |"
            )
    lines = [
        "## Public pages (`bench/bench_web.py`)",
        "",
        f"{header}. Command: {command}. Store: {scale} ("
        + ("PostgreSQL" if "postgresql" in database else "SQLite")
        + f"). gunicorn ({args.workers} gthread workers of {THREADS} threads, "
        "`gunicorn.conf.py`, `--no-control-socket`) on 127.0.0.1.",
        "",
        "First byte of the answer, one request at a time (ms; a new connection each, the "
        "request sent to the status line read):",
        "",
        "| what | requests | p50 | p95 | p99 | non-200 |",
        "|---|---|---|---|---|---|",
        first_rows,
        "",
        f"Requests/s under wrk (2 threads, {CONNECTIONS} connections, {args.seconds} s a run, "
        "gzip accepted), the same selections for both, each run on a freshly started and "
        "warmed server, in the order API, pages, pages, API:",
        "",
        "| what | runs (requests/s) | mean | p50 ms | p99 ms | non-2xx/3xx |",
        "|---|---|---|---|---|---|",
        *load_rows,
        "",
        f"Distinct selections: {pool:,} in the list, "
        + (
            "**some asked twice** (a run outlasted the list). "
            if overflow
            else "none asked twice in a run. "
        )
        + "A random published indicator, one territory (now and then `level(oblast)`), sex "
        "both ways or one, the other dimensions at their totals, one to three of the latest "
        "periods, a random language. Targets (issue 16): the page's first byte ≤ 50 ms at "
        f"p95 uncached: **{'met' if ttfb_ok else 'NOT met'}** ({page['p95']:.1f} ms); the "
        "pages' requests/s ≥ half the API's for the same cells: "
        f"**{'met' if rps_ok else 'NOT met'}** ({ratio:.2f}× uncached; {repeated_ratio:.2f}× "
        "repeated).",
    ]
    return "\n".join(lines), ttfb_ok and rps_ok


if __name__ == "__main__":
    sys.exit(main())
