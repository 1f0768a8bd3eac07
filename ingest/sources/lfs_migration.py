"""The labour force survey's migration module: the household roster of sampled households.

Why its own adapter: registered departures count a few thousand emigrants a year, while the
2022 census found close to a million citizens in labour migration. A household survey reaches
those who left without de-registering: the NSC's labour force survey (LFS) asks each sampled
household about its usual members, at home or abroad, and for each member abroad the country,
the months since leaving and the purpose (work, study, family, other). The file is the
survey's microdata as a survey publishes it, one line per member of a responding household and
one line (without a member) per sampled household that gave no interview, each line with the
household's design: survey year and quarter, household number, oblast and type of area (the
stratum), primary sampling unit (PSU) and design weight (the inverse of the inclusion
probability), and the interview result (1 interview, 2 refusal, 3 no contact, 4 not a
household). Estimates and their standard errors are made from the store
(:mod:`indicators.catalog.survey_migration`), never here.

The survey keeps no names, ПИН or passports. A file that carries a ПИН or passport column
anyway has it pseudonymised by the loader like any identifier and the keys dropped (nothing
of it is stored); a household number that looks like a ПИН or passport is quarantined
(``INVALID_IDENTIFIER``), and the loader scrubs the number from the quarantined text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import click

from ingest.base import Loadable, MapResult, RawRecord, SourceAdapter, SourceError, register
from ingest.context import Context
from ingest.files import FileProblemsError, file_delivery_key, match_header, read_cells
from ingest.loader import looks_like_identifier
from ingest.reasons import Reason
from ingest.rules import Checker
from l10n import lazy_gettext
from store.models import SurveyMigrationMember

COLUMNS: dict[str, tuple[str, ...]] = {
    "survey_year": ("survey_year", "year", "год", "жыл"),
    "quarter": ("quarter", "квартал", "чейрек"),
    "household_id": ("household_id", "hhid", "номер_домохозяйства", "үй_чарбанын_номери"),
    "oblast": ("oblast", "область", "облус"),
    "settlement": ("settlement", "urban_rural", "тип_местности", "жердин_түрү"),
    "psu": ("psu", "счетный_участок", "эсептөө_участогу"),
    "design_weight": ("design_weight", "weight", "вес", "салмак"),
    "result": ("result", "результат_интервью", "интервьюнун_жыйынтыгы"),
    "line_no": ("line_no", "номер_строки", "саптын_номери"),
    "sex": ("sex", "пол", "жынысы"),
    "age": ("age", "возраст", "жашы"),
    "abroad": ("abroad", "за_рубежом", "чет_өлкөдө"),
    "country": ("country", "страна", "өлкө"),
    "months_abroad": ("months_abroad", "месяцев_за_рубежом", "чет_өлкөдө_айлар"),
    "purpose": ("purpose", "цель_пребывания", "максаты"),
    # Never asked by the survey; accepted only to be keyed by the loader and dropped.
    "pin": ("pin", "пин", "инн"),
    "passport": ("passport", "паспорт", "номер_паспорта"),
}
REQUIRED = ["survey_year", "quarter", "household_id", "oblast", "settlement", "psu",
            "design_weight", "result", "line_no", "sex", "age", "abroad", "country",
            "months_abroad", "purpose"]  # fmt: skip
OPTIONAL = ["pin", "passport"]
SETTLEMENTS = {"1": "U", "U": "U", "ГОРОД": "U", "ШААР": "U", "URBAN": "U",
               "2": "R", "R": "R", "СЕЛО": "R", "АЙЫЛ": "R", "RURAL": "R"}  # fmt: skip
YES_NO = {"1": "1", "ДА": "1", "YES": "1", "ООБА": "1",
          "0": "0", "2": "0", "НЕТ": "0", "NO": "0", "ЖОК": "0"}  # fmt: skip
PURPOSES = {
    "1": "WORK", "WORK": "WORK", "РАБОТА": "WORK", "ИШ": "WORK",
    "2": "STUDY", "STUDY": "STUDY", "УЧЕБА": "STUDY", "ОКУУ": "STUDY",
    "3": "FAMILY", "FAMILY": "FAMILY", "СЕМЬЯ": "FAMILY", "ҮЙ-БҮЛӨ": "FAMILY",
    "4": "OTHER", "OTHER": "OTHER", "ДРУГОЕ": "OTHER", "БАШКА": "OTHER",
}  # fmt: skip
INTERVIEW = 1
RESULTS = (1, 2, 3, 4)  # interview, refusal, no contact, not a household (vacant, demolished)
KYRGYZSTAN = "417"
MAX_WEIGHT = 100_000.0  # households one sampled household may stand for
MAX_MONTHS = 600


@register
class LfsMigration(SourceAdapter):
    """``flask ingest lfs-migration --file module.csv``: the LFS migration module's roster."""

    name = "lfs-migration"
    help = "Labour force survey, migration module (CSV or XLSX): household roster with design."
    kind = "file"
    table = SurveyMigrationMember
    title = lazy_gettext("Labour force survey: migration module, household members abroad")
    identifiers: ClassVar[dict[str, str]] = {"pin": "pin", "passport": "passport"}
    code_fields = frozenset({"oblast", "country"})
    options = (
        click.Option(["--file", "path"], type=click.Path(dir_okay=False), required=True),
        click.Option(["--synthetic"], is_flag=True, help="Mark the batch as synthetic data."),
    )

    def __init__(self, path: str = "", synthetic: bool = False) -> None:
        self.path = Path(path) if path else None
        self.synthetic = synthetic

    def delivery_key(self) -> str:
        return file_delivery_key("lfs-migration", self.path)

    def audit(self) -> dict[str, Any]:
        return {"file": self.path.name if self.path else None}

    def records(self) -> Iterator[RawRecord]:
        if self.path is None:
            return
        try:
            _encoding, rows = read_cells(self.path)
            header = next(rows, None)
            if header is None:
                raise SourceError("the file has no header row")
            aliases = {alias: key for key, names in COLUMNS.items() for alias in names}
            positions = match_header(header, aliases, REQUIRED, OPTIONAL)
        except FileProblemsError as problems:
            raise SourceError(str(problems)) from None
        for number, cells in enumerate(rows, start=2):
            if not any(cells):
                continue
            if len(cells) > len(header):
                yield RawRecord(f"line {number}", None, ";".join(cells), "MALFORMED")
                continue
            data = {key: cells[i] if i < len(cells) else "" for key, i in positions.items()}
            yield RawRecord(f"line {number}", data)

    def map(self, data: dict[str, Any], ctx: Context) -> MapResult:
        check = Checker(data, ctx)
        year = check.integer("survey_year", 2000, ctx.today.year)
        quarter = check.integer("quarter", 1, 4)
        household = check.text("household_id", max_length=24)
        if household is not None and looks_like_identifier(household):
            check.fail("INVALID_IDENTIFIER", "household_id", "a survey number, not a ПИН")
            household = None
        on = dt.date(year, 3 * quarter - 2, 1) if year and quarter else None
        if on is not None and on > ctx.today:
            check.fail("FUTURE_DATE", "quarter")
        oblast = check.territory("oblast", "lfs-territory", on)
        if oblast is not None and len(oblast) != 5:
            check.fail("INVALID_VALUE", "oblast", "not an oblast or city of republican rank")
        settlement = check.choice("settlement", SETTLEMENTS)
        psu = check.text("psu", max_length=16)
        weight = check.number("design_weight", 1.0, MAX_WEIGHT)
        result = check.integer("result", min(RESULTS), max(RESULTS))
        member: dict[str, Any] = dict.fromkeys(
            ("line_no", "sex", "age", "abroad", "country", "months_abroad", "purpose")
        )
        if result == INTERVIEW:
            member.update(self._member(check, on))
        elif result is not None:
            filled = [f for f in member if data.get(f) not in (None, "")]
            if filled:
                check.fail("INVALID_VALUE", filled[0], "a member of a household not interviewed")
        if not check.ok:
            return check.reasons
        if None in (year, quarter, household, oblast, settlement, psu, weight, result):
            return [Reason("MISSING_FIELD")]
        household_key = f"{year}Q{quarter}:{household}"
        row = {
            "survey_year": year,
            "quarter": quarter,
            "household_id": household,
            "stratum": f"{oblast}-{settlement}",
            "psu": psu,
            "design_weight": weight,
            "result": result,
            **member,
        }
        source_key = f"{household_key}:{member['line_no'] or 0}"
        return Loadable(self.table, row, source_key, (household_key, "lfs", member["line_no"]))

    @staticmethod
    def _member(check: Checker, on: dt.date | None) -> dict[str, Any]:
        """The member's fields of an interviewed household's line, checked."""
        member: dict[str, Any] = {
            "line_no": check.integer("line_no", 1, 40),
            "sex": check.sex("sex"),
            "age": check.integer("age", 0, 110),
            "abroad": None,
            "country": None,
            "months_abroad": None,
            "purpose": None,
        }
        abroad = check.choice("abroad", YES_NO)
        member["abroad"] = None if abroad is None else abroad == "1"
        if member["abroad"]:
            country = check.country("country", "lfs-country", on)
            if country == KYRGYZSTAN:
                check.fail("INVALID_VALUE", "country", "abroad in Kyrgyzstan")
            member["country"] = country
            member["months_abroad"] = check.integer("months_abroad", 0, MAX_MONTHS)
            member["purpose"] = check.choice("purpose", PURPOSES)
        return member
