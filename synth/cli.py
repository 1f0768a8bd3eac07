"""``flask synth generate``: fill the store with a synthetic Kyrgyz Republic.

For development, demonstrations and tests only: everything it loads is marked synthetic.
Running it again with the same parameters does nothing (and says so); ``--replace`` removes
earlier synthetic data first.
"""

from __future__ import annotations

import time

import click
from flask.cli import AppGroup

from config import Config
from ingest.pseudonymise import Pseudonymiser
from store.cli import database
from synth import SYNTHETIC_NOTICE
from synth.load import MODELS, delete_synthetic, find_batch, load
from synth.simulate import Params, simulate

cli = AppGroup("synth", help="Synthetic data for development and tests (never official).")


@cli.command("generate")
@click.option("--seed", type=int, default=2026, show_default=True, help="Random seed.")
@click.option(
    "--scale",
    type=click.FloatRange(min=0.0, min_open=True),
    default=1.0,
    show_default=True,
    help="Fraction of the real population size (0.001 gives a tiny data set).",
)
@click.option(
    "--first-year",
    type=int,
    default=2021,
    show_default=True,
    help="Year of the base population (1 January) and the first year of events.",
)
@click.option(
    "--years",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Number of years of events.",
)
@click.option("--replace", is_flag=True, help="Delete earlier synthetic batches first.")
@click.option(
    "--base-only",
    is_flag=True,
    help="Load only the base population; the events then come through ingestion "
    "(flask synth tunduk + flask ingest …).",
)
def generate_command(
    seed: int, scale: float, first_year: int, years: int, replace: bool, base_only: bool
) -> None:
    """Generate a base population and yearly events, and load them as one synthetic batch."""
    params = Params(
        seed=seed, scale=scale, first_year=first_year, years=years, events=not base_only
    )
    pseudonymiser = Pseudonymiser(Config().pseudonym_secret)
    click.echo(SYNTHETIC_NOTICE)
    started = time.perf_counter()
    with database().transaction() as session:
        if replace:
            removed = delete_synthetic(session)
            if removed:
                click.echo(f"removed {removed} earlier synthetic batch(es)")
        else:
            existing = find_batch(session, params)
            if existing is not None:
                click.echo(
                    f"already loaded as batch {existing.id} ({params.delivery_key}): "
                    "nothing to do; use --replace to generate it again"
                )
                return
        with click.progressbar(length=years, label="simulating years") as year_bar:
            data = simulate(params, pseudonymiser, on_year=lambda _year: year_bar.update(1))
        tables = len(MODELS) if params.events else 1
        with click.progressbar(length=tables, label="loading tables  ") as table_bar:
            batch_id, rows = load(session, data, on_table=lambda _table, _rows: table_bar.update(1))
    click.echo(f"batch {batch_id}: {params.delivery_key}")
    click.echo(
        f"population 1 Jan {first_year}: {int(data.base.sum()):,}; "
        f"1 Jan {params.last_year + 1}: {int(data.end_population.sum()):,}"
    )
    for table, count in rows.items():
        click.echo(f"  {table:<20} {count:>10,}")
    click.echo(f"total {sum(rows.values()):,} rows in {time.perf_counter() - started:.1f} s")


PAPER_FILES = (("paper-absent", "ky", "xlsx"), ("paper-workers", "ru", "csv"),
               ("paper-students", "en", "xlsx"), ("paper-refugees", "ru", "xlsx"))  # fmt: skip


@cli.command("files")
@click.option("--out", type=click.Path(file_okay=False), default="var/sources", show_default=True)
@click.option("--seed", type=int, default=2026, show_default=True, help="Random seed.")
@click.option(
    "--scale",
    type=click.FloatRange(min=0.0, min_open=True),
    default=1.0,
    show_default=True,
    help="Fraction of the real volume (1.0: 37 million border crossings, over four years).",
)
@click.option("--bad", type=click.FloatRange(0.0, 1.0), default=0.01, show_default=True,
              help="Share of records with a defect the loader must quarantine.")  # fmt: skip
@click.option("--first-year", type=int, default=2021, show_default=True,
              help="First year of the aggregate sources' yearly tables.")  # fmt: skip
@click.option("--years", type=click.IntRange(min=1), default=5, show_default=True,
              help="Number of years of the aggregate sources' tables.")  # fmt: skip
def files_command(
    out: str, seed: int, scale: float, bad: float, first_year: int, years: int
) -> None:
    """Write the file sources' native files (border, the AIS ASB population base, Sanarip
    Aimak, paper reports, the LFS migration module, the aggregate tables by sex: one file a
    year in ``<out>/<source>/``), with defects."""
    from pathlib import Path

    from synth.aggregates import write_aggregates
    from synth.files import (
        Defects,
        Manifest,
        write_border_histories,
        write_paper,
        write_sanarip,
    )
    from synth.survey import write_lfs_migration

    click.echo(SYNTHETIC_NOTICE)
    folder, defects = Path(out), Defects(bad=bad)
    # Four years of linked travel histories (2021-2024), 37 million crossings at full scale;
    # each person's true kind and start status go to <out>/../truth, never to a source file;
    # the AIS ASB population-base extract of the same persons (their passports, residence on
    # the first day) is written beside, part by part.
    register = Manifest(folder / "asb_base.csv", 0, 0, "utf-8")
    border = write_border_histories(folder / "border.csv", max(1000, int(37_000_000 * scale)),
                                    seed, defects, encoding="cp1251",
                                    truth=folder.parent / "truth", register=register)  # fmt: skip
    sanarip = write_sanarip(folder / "sanarip.csv", max(500, int(200_000 * scale)), seed, defects)
    # The paper reports as keyed: in each language, XLSX and CSV, Russian in Windows-1251
    # (Kyrgyz letters ү ө ң do not exist in that code page).
    papers = [
        write_paper(report, folder / f"{report.replace('-', '_')}.{suffix}", lang, seed + i,
                    defects, scale, "cp1251" if lang == "ru" and suffix == "csv" else "utf-8")
        for i, (report, lang, suffix) in enumerate(PAPER_FILES)
    ]  # fmt: skip
    # The aggregate tables by sex: a folder per source, a file per year (as many deliveries).
    aggregates = write_aggregates(folder, range(first_year, first_year + years), seed, scale, bad)
    survey = write_lfs_migration(folder / "lfs_migration.csv", seed, scale, defects)
    for manifest in (border, register, sanarip, *papers, survey, *aggregates):
        click.echo(f"{manifest.path}: {manifest.records:,} records, {manifest.bad:,} defective")
    for year, truth in survey.truth.items():  # what the survey's estimates should come near
        click.echo(
            f"  survey {year}: {survey.sampled[year]:,} households drawn; true members abroad "
            f"{truth['abroad']:,.0f}, of whom for work {truth['abroad_WORK']:,.0f}"
        )


@cli.command("tunduk")
@click.option("--seed", type=int, default=2026, show_default=True)
@click.option("--scale", type=click.FloatRange(min=0.0, min_open=True), default=1.0)
@click.option("--first-year", type=int, default=2021, show_default=True)
@click.option("--years", type=click.IntRange(min=1), default=5, show_default=True)
@click.option("--out", type=click.Path(file_okay=False), default="var/tunduk", show_default=True)
def tunduk_command(seed: int, scale: float, first_year: int, years: int, out: str) -> None:
    """Write the synthetic records in each Tunduk source's native form (with defects)."""
    from pathlib import Path

    from synth.tunduk import write

    click.echo(SYNTHETIC_NOTICE)
    params = Params(seed=seed, scale=scale, first_year=first_year, years=years)
    for source, count in write(params, Path(out)).items():
        click.echo(f"  {source:<16} {count:>10,} records")
