"""Building books: one job per publication × language, run in parallel processes.

A job reads the release, builds the book, writes the HTML edition, the PDF and a sidecar
``{pub}-{lang}.cells.json`` recording every printed number (indicator, period, dimension
key, stored value, printed text). A job whose inputs are unchanged — same release, spec,
language, options and publishing code — finds its sidecar's key and does nothing.

Output: ``build/publications/{release}/`` for a public release; an embargoed release
printed by staff (``pre_release``) goes to ``build/pre-release/{release}/`` instead, which
nothing public lists.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from config import PROJECT_ROOT
from publishing.data import ReleaseData, find_release
from publishing.render import TEMPLATES, build_book, render_html, write_pdf
from publishing.spec import Publication
from publishing.specs import PUBLICATIONS
from store import Database
from store.models import Release
from store.visibility import release_is_public

BUILD = PROJECT_ROOT / "build"
LOCALES = PROJECT_ROOT / "locales"
CODE_VERSION = "1"


@dataclass(frozen=True)
class Job:
    database_url: str
    release_id: str
    pub: str
    lang: str
    out_dir: str
    pdf_ua: bool = True  # tagged, accessible PDF/UA-1 (the books' default)
    html: bool = True
    force: bool = False
    stamp: str = ""  # the release's creation time: ids are unique per store only
    code: str = ""  # code_digest(), computed once per build rather than once per book

    @property
    def name(self) -> str:
        return f"{self.pub}-{self.lang}"


@dataclass
class Result:
    job: str
    pdf: str
    skipped: bool
    pages: int = 0
    cells: int = 0
    charts_drawn: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def code_digest() -> str:
    """A hash of everything that shapes a book besides the data: code, templates, CSS."""
    digest = hashlib.sha256(CODE_VERSION.encode())
    here = Path(__file__).resolve().parent
    for path in sorted(
        [*here.rglob("*.py"), *TEMPLATES.glob("*"), *LOCALES.glob("*/LC_MESSAGES/*.po")]
    ):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def job_key(job: Job) -> str:
    text = f"{job.release_id}|{job.stamp}|{job.pub}|{job.lang}|{job.pdf_ua}|{job.html}|{job.code}"
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def run_job(job: Job) -> Result:
    """Build one book (in a worker process): tables, charts, HTML, PDF, sidecar."""
    started = time.perf_counter()
    out = Path(job.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pdf = out / f"{job.name}.pdf"
    sidecar = out / f"{job.name}.cells.json"  # written last: its key marks a complete build
    key = job_key(job)
    if not job.force and pdf.exists() and sidecar.exists():
        with sidecar.open(encoding="utf-8") as f:
            if json.load(f).get("key") == key:
                return Result(job.name, str(pdf), True, seconds={"total": _since(started)})
    database = Database(job.database_url)
    try:
        with database.session() as session:
            release = session.get(Release, job.release_id)
            assert release is not None
            data = ReleaseData(session, release)
            record = write_book(
                data, PUBLICATIONS[job.pub], job.lang, out, job.name, job.pdf_ua, job.html, key
            )
    finally:
        database.dispose()
    seconds = record["seconds"]
    seconds["total"] = _since(started)
    return Result(
        job.name,
        str(pdf),
        False,
        record["pages"],
        len(record["cells"]),
        record["charts_drawn"],
        seconds,
    )


def write_book(
    data: ReleaseData,
    pub: Publication,
    lang: str,
    out: Path,
    name: str,
    pdf_ua: bool,
    html: bool,
    key: str = "",
) -> dict[str, Any]:
    """Build one book into ``out``: ``{name}.pdf``, ``.html``, ``.cells.json``; the record."""
    book = build_book(data, pub, lang, out / "charts", out)
    t0 = time.perf_counter()
    printed = render_html(data, book, "print")
    if html:
        (out / f"{name}.html").write_text(render_html(data, book, "web"), encoding="utf-8")
    book.seconds["html"] = _since(t0)
    summary = data.summary()
    (out / f"{name}.print.html").write_text(printed, encoding="utf-8")
    book.seconds.update(write_pdf(printed, out, out / f"{name}.pdf", pdf_ua))
    pages = int(book.seconds.pop("pages"))
    record = {
        "key": key,
        "release": summary["id"],
        "public": summary["public"],
        "synthetic": summary["synthetic"],
        "publication": pub.id,
        "title": f"{pub.title.get(lang)}, {summary['period']}",
        "lang": lang,
        "pdf": f"{name}.pdf",
        "pages": pages,
        "built_at": datetime.now(UTC).isoformat(),
        "seconds": book.seconds,
        "charts_drawn": book.charts_drawn,
        "cells": book.records,
    }
    sidecar = out / f"{name}.cells.json"
    tmp = sidecar.with_suffix(".tmp")
    tmp.write_text(json.dumps(record, ensure_ascii=False, indent=0), encoding="utf-8")
    tmp.replace(sidecar)
    return record


def _since(t0: float) -> float:
    return round(time.perf_counter() - t0, 2)


def output_dir(root: Path, release_id: str, public: bool) -> Path:
    return root / ("publications" if public else "pre-release") / release_id


def plan(
    database_url: str,
    release_id: str | None,
    pubs: Iterable[str],
    langs: Iterable[str],
    *,
    root: Path = BUILD,
    pre_release: bool = False,
    pdf_ua: bool = True,
    html: bool = True,
    force: bool = False,
) -> list[Job]:
    """The jobs of a build, after the embargo rule has chosen the release and the folder."""
    database = Database(database_url)
    try:
        with database.session() as session:
            release = find_release(session, release_id, pre_release)
            public = release_is_public(release, datetime.now(UTC))
            rid, stamp = release.id, release.created_at.isoformat()
    finally:
        database.dispose()
    out = output_dir(root, rid, public)
    code = code_digest()
    return [
        Job(database_url, rid, pub, lang, str(out), pdf_ua, html, force, stamp, code)
        for pub in pubs
        for lang in langs
    ]


def run(
    jobs: list[Job], workers: int, done: Callable[[Result], None] | None = None
) -> list[Result]:
    """Run the jobs, in parallel processes when there are several."""
    results = []
    if workers <= 1 or len(jobs) == 1:
        for job in jobs:
            results.append(run_job(job))
            if done:
                done(results[-1])
        return results
    # spawn: workers start clean (no inherited engine, no fork-with-threads hazards)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [pool.submit(run_job, job) for job in _longest_first(jobs)]
        for future in as_completed(futures):
            results.append(future.result())
            if done:
                done(results[-1])
    return results


def _longest_first(jobs: list[Job]) -> list[Job]:
    """The yearbooks first, so the short books fill the gaps at the end."""
    return sorted(jobs, key=lambda j: j.pub != "yearbook")


def as_dict(result: Result) -> dict[str, object]:
    return asdict(result)
