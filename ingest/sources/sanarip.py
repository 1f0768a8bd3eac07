"""Sanarip Aimak extracts: household-book members present or absent, by ayil aimak.

Why its own adapter: the local governments' system exports the household books (the rural
"похозяйственный учет") as CSV, one row per member, with the ПИН, the ayil aimak's СОАТЕ
code, and for an absent member the reason and the destination. It is the only count of the
permanent population living abroad or elsewhere in the country that comes from the places
they left. The ayil aimaks merged in the 2023–2025 reform are not all in the classifier, so
a 14-digit code whose own unit is unknown is kept at its 8-digit district prefix and the code
as received stays in ``territory_raw``; codes that match nothing are quarantined as
``UNMAPPED_CODE`` (and counted for the crosswalk report), never dropped.

Runs through the shared batch loader: the ПИН is pseudonymised before validation, a member
sent twice for the same date (a re-exported book) is a duplicate, and every row balances.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ingest.base import Loadable, MapResult, register
from ingest.context import Context
from ingest.files import HeaderRowFile
from ingest.reasons import Reason
from ingest.rules import Checker
from l10n import lazy_gettext
from store.models import HouseholdMember

COLUMNS: dict[str, tuple[str, ...]] = {
    "pin": ("pin", "пин", "инн"),
    "aa_code": ("aa_code", "код_аа", "соате", "soate"),
    "book_no": ("book_no", "номер_книги"),
    "sex": ("sex", "пол"),
    "birth_date": ("birth_date", "дата_рождения"),
    "present": ("present", "присутствует"),
    "absence_reason": ("absence_reason", "причина_отсутствия"),
    "destination": ("destination", "место_пребывания"),
    "absent_since": ("absent_since", "дата_выбытия"),
    "reference_date": ("reference_date", "дата_учета"),
}
REQUIRED = ["pin", "aa_code", "sex", "present", "reference_date"]
OPTIONAL = ["book_no", "birth_date", "absence_reason", "destination", "absent_since"]
PRESENT = {"1": "1", "ДА": "1", "YES": "1", "ООБА": "1", "TRUE": "1",
           "0": "0", "НЕТ": "0", "NO": "0", "ЖОК": "0", "FALSE": "0"}  # fmt: skip
REASONS = {
    "WORK": "WORK", "РАБОТА": "WORK", "ИШ": "WORK", "STUDY": "STUDY", "УЧЕБА": "STUDY",
    "ОКУУ": "STUDY", "FAMILY": "FAMILY", "СЕМЬЯ": "FAMILY", "ҮЙ-БҮЛӨ": "FAMILY",
    "OTHER": "OTHER", "ДРУГОЕ": "OTHER", "БАШКА": "OTHER", "RETURN": "RETURN",
    "HOUSING": "HOUSING", "NOT_STATED": "NOT_STATED",
}  # fmt: skip


@register
class SanaripAimak(HeaderRowFile):
    """``flask ingest sanarip --file extract.csv``: one Sanarip Aimak household-book extract."""

    name = "sanarip"
    help = "Sanarip Aimak household-book extract (CSV or XLSX): members present or absent."
    table = HouseholdMember
    title = lazy_gettext("Sanarip Aimak: household books, members present and absent")
    identifiers: ClassVar[dict[str, str]] = {"pin": "pin"}
    code_fields = frozenset({"aa_code", "destination"})
    columns = COLUMNS
    required = REQUIRED
    optional = OPTIONAL

    def map(self, data: dict[str, Any], ctx: Context) -> MapResult:
        check = Checker(data, ctx)
        person = check.key("pin")
        reference = check.date("reference_date")
        raw_code = check.text("aa_code", max_length=20)
        territory = check.territory("aa_code", "sanarip-territory", reference)
        sex = check.sex("sex")
        birth = check.date("birth_date", required=False)
        check.after_birth(reference, birth, "reference_date")
        present = check.choice("present", PRESENT)
        reason = destination_country = destination_territory = absent_since = None
        if present == "0":
            reason = check.choice("absence_reason", REASONS, required=False) or "NOT_STATED"
            absent_since = check.date("absent_since", required=False)
            destination = check.text("destination", required=False, max_length=40)
            if destination and destination.isdigit() and len(destination) > 3:
                # a СОАТЕ code: absent to elsewhere in the republic
                destination_territory = ctx.territory(destination, "sanarip-territory", None)
                if destination_territory is None:
                    check.fail("UNMAPPED_CODE", "destination", destination)
            elif destination:
                destination_country = ctx.country(destination, "sanarip-country", reference)
                if destination_country is None:
                    check.fail("UNMAPPED_CODE", "destination", destination)
        if not check.ok:
            return check.reasons
        if None in (person, reference, territory, sex, raw_code, present):
            return [Reason("MISSING_FIELD")]
        row = {
            "person_key": person,
            "reference_date": reference,
            "territory": territory,
            "territory_raw": raw_code,
            "sex": sex,
            "birth_date": birth,
            "present": present == "1",
            "absence_reason": reason,
            "destination_country": destination_country,
            "destination_territory": destination_territory,
            "absent_since": absent_since,
        }
        source_key = f"{raw_code}:{person}:{reference}"
        return Loadable(self.table, row, source_key, (person, "household", reference))
