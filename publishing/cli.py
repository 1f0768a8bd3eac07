"""``flask publish …``: build the books of a release as PDFs (and HTML) in three languages."""

from __future__ import annotations

import os

import click
from flask import current_app
from flask.cli import AppGroup

from config import LOCALES
from publishing import build as builder
from publishing.data import PublishingError
from publishing.specs import PUBLICATIONS

cli = AppGroup(
    "publish", help="Publications: the Demographic Yearbook, Women and Men, Kyrgyzstan in Figures."
)


def _names(value: str, allowed: tuple[str, ...], what: str) -> list[str]:
    names = list(allowed) if value == "all" else [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in allowed]
    if unknown:
        raise click.BadParameter(f"unknown {what}: {', '.join(unknown)} (one of {allowed})")
    return names


@cli.command("build")
@click.option("--release", "release_id", default=None, help="Release id; default: newest public.")
@click.option("--pub", default="all", show_default=True, help="Book ids, comma-separated, or all.")
@click.option("--lang", default="ky,ru,en", show_default=True, help="Comma-separated languages.")
@click.option("--pre-release", is_flag=True, help="Staff only: print an embargoed release.")
@click.option(
    "--pdf-ua/--no-pdf-ua",
    default=True,
    show_default=True,
    help="Tagged, accessible PDF/UA-1 (the document's language, headings, table headers,"
    " alternative texts); --no-pdf-ua renders faster, untagged.",
)
@click.option("--html/--no-html", default=True, show_default=True, help="Also the HTML edition.")
@click.option("--jobs", type=int, default=None, help="Parallel processes; default: CPU count.")
@click.option("--force", is_flag=True, help="Rebuild even when nothing changed.")
def build_command(
    release_id: str | None,
    pub: str,
    lang: str,
    pre_release: bool,
    pdf_ua: bool,
    html: bool,
    jobs: int | None,
    force: bool,
) -> None:
    """Build publications into build/publications/{release}/{pub}-{lang}.pdf."""
    pubs = _names(pub, tuple(PUBLICATIONS), "publication")
    langs = _names(lang, LOCALES, "language")
    try:
        planned = builder.plan(
            current_app.config["DATABASE_URL"],
            release_id,
            pubs,
            langs,
            pre_release=pre_release,
            pdf_ua=pdf_ua,
            html=html,
            force=force,
        )
    except PublishingError as error:
        raise click.ClickException(str(error)) from error
    workers = min(jobs or os.cpu_count() or 1, len(planned))
    click.echo(f"building {len(planned)} book(s) of release {planned[0].release_id} in {workers}")
    with click.progressbar(
        length=len(planned),
        label="publications",
        item_show_func=lambda name: name,
        show_pos=True,
    ) as bar:

        def done(result: builder.Result) -> None:
            bar.update(1, result.job)

        results = builder.run(planned, workers, done)
    for r in sorted(results, key=lambda r: r.job):
        state = "unchanged" if r.skipped else f"{r.pages} pages, {r.cells} cells"
        click.echo(f"  {r.pdf}  ({state}, {r.seconds.get('total', 0)} s)")
