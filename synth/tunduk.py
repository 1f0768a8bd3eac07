"""The synthetic data set in the native form of each Tunduk source, with realistic defects.

Why: from issue 3 on, ``make run`` flows through ingestion, so the generator must produce
what the MCR's services would send — camelCase JSON records with raw ПИН and passport
numbers, the ministry's own codes and its defects — for the simulated security server to
serve (:mod:`ingest.tunduk.simulator`). The same simulation as ``flask synth generate``
runs with an identity "pseudonymiser", so the records carry synthetic raw identifiers that
the connector must pseudonymise. Files: ``<dir>/<source>.jsonl`` with one
``{"window": "YYYY-MM-DD", "record": …}`` per line.

Defects, each at ``Defects`` rates, chosen with the data set's seed: a missing mandatory
field, a territory in the MCR's address register (mapped by the crosswalk, or one of the
codes the crosswalk does not yet know), a record re-sent under a new id (a duplicate by
person + event + date), a future date, formula-looking text, and a garbage entry that is
not a record at all.

Nationalities come as the state codes or, in a share of records, as the MCR's own codes
(``ingest/data/mcr_nationality.csv``); a record of a person of no stated nationality has none;
a few carry a code the crosswalk does not know (``Defects.nationality``). Stillbirths come in the
births feed with ``liveBorn: false`` and no child ПИН.

Citizenship and foreigner records are derived from the simulated external moves: a share of
returning citizens' registrations yields an acquisition, a share of emigrants'
de-registrations a renunciation, and every foreigner immigrant a registration of stay.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ingest.crosswalks import ministry_codes, ministry_nationality_codes
from ingest.pseudonymise import Pseudonymiser
from synth.simulate import Params, simulate

SOURCES = (
    "asb",
    "foreigners",
    "citizenship",
    "zags-births",
    "zags-deaths",
    "zags-marriages",
    "zags-divorces",
)


# Not a record at all: what a broken export can send (with an identifier-like number inside).
GARBAGE = "\x00garbage ПИН 12345678901234 \ufffd"


class RawIdentifiers(Pseudonymiser):
    """Keeps identifiers as they are: the native records must carry raw (synthetic) ПИН."""

    def __init__(self) -> None:
        super().__init__("unused")

    def key(self, kind: str, identifier: str) -> str:
        return identifier


@dataclass(frozen=True)
class Defects:
    """Rates (0..1) of each defect per record."""

    missing: float = 0.01
    ministry: float = 0.05
    duplicate: float = 0.01
    future: float = 0.002
    formula: float = 0.001
    garbage: float = 0.001
    nationality: float = 0.0  # a nationality code no crosswalk maps (tests set it)
    ministry_nationality: float = 0.3  # the MCR's own nationality code, not the state one


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return str(np.datetime64(value, "D"))


def _rows(columns: dict[str, np.ndarray]) -> Iterator[dict[str, Any]]:
    names = list(columns)
    if not names:
        return
    lists = [
        columns[n].tolist() if columns[n].dtype.kind != "M" else [_iso(v) for v in columns[n]]
        for n in names
    ]
    for values in zip(*lists, strict=True):
        yield dict(zip(names, values, strict=True))


def _d(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def native(params: Params, defects: Defects | None = None) -> dict[str, list[tuple[str, Any]]]:
    """The records of every Tunduk source, as ``(window date, record)`` pairs."""
    defects = defects or Defects()
    data = simulate(params, RawIdentifiers())
    rng = random.Random(params.seed)
    out: dict[str, list[dict[str, Any]]] = {s: [] for s in SOURCES}
    serial = iter(range(1, 10**9))

    def rid(prefix: str) -> str:
        return f"{prefix}-{params.seed}-{next(serial):09d}"

    nationality_codes = ministry_nationality_codes()
    # A stream of its own, so that the other defects fall where they fell before issue 14.
    nat_rng = random.Random(f"{params.seed}:nationality")

    def nat(code: str) -> str | None:
        """A nationality as the MCR sends it: none when not stated, its own code at times."""
        if code == "NOT_STATED":
            return None
        if nat_rng.random() < defects.nationality:
            return "99"
        if nat_rng.random() < defects.ministry_nationality:
            return nationality_codes.get(code, code)
        return code

    for row in _rows(data.events["migration_event"]):
        reg = row["event_kind"] == "registration"
        out["asb"].append(
            {
                "id": rid("ASB"),
                "operation": "REG" if reg else "UNREG",
                "pin": row["person_key"],
                "sex": "1" if row["sex"] == "M" else "2",
                "birthDate": _d(row["birth_date"]),
                "citizenship": row["citizenship"],
                "eventDate": _d(row["event_date"]),
                "docDate": _d(row["registered_on"]),
                "addressCode": row["territory"],
                "settlement": row["settlement"],
                "fromCode": row["origin_territory"],
                "fromCountry": row["origin_country"],
                "toCode": row["destination_territory"],
                "toCountry": row["destination_country"],
                "reason": row["reason"],
                "nationality": nat(row["nationality"]),
            }
        )
        external = row["migration_type"] == "external"
        if external and reg and row["citizenship"] != "417":
            passport = f"{rng.choice('ABCDEFGHKLMNPRSTUZ')}{rng.choice('ABCNPS')}" + (
                f"{rng.randrange(10**7):07d}"
            )
            out["foreigners"].append(
                {
                    "id": rid("FRN"),
                    "passportNo": passport,
                    "sex": "1" if row["sex"] == "M" else "2",
                    "birthDate": _d(row["birth_date"]),
                    "citizenship": row["citizenship"],
                    "eventDate": _d(row["event_date"]),
                    "addressCode": row["territory"],
                    "purpose": row["reason"],
                }
            )
        if external and rng.random() < 0.1:
            out["citizenship"].append(
                {
                    "id": rid("CIT"),
                    "kind": "ACQ" if reg else "REN",
                    "pin": row["person_key"],
                    "sex": "1" if row["sex"] == "M" else "2",
                    "birthDate": _d(row["birth_date"]),
                    "eventDate": _d(row["event_date"]),
                    "decreeNo": f"УП-{rng.randrange(1, 999)}",
                    "otherCountry": row["origin_country"] or row["destination_country"],
                    "addressCode": row["territory"],
                }
            )
    for row in _rows(data.events["birth_event"]):
        out["zags-births"].append(
            {
                "id": rid("ZB"),
                "childPin": row["child_key"],
                "motherPin": row["mother_key"],
                "sex": "1" if row["sex"] == "M" else "2",
                "eventDate": _d(row["event_date"]),
                "docDate": _d(row["registered_on"]),
                "motherBirthDate": _d(row["mother_birth_date"]),
                "addressCode": row["territory"],
                "settlement": row["settlement"],
                "birthOrder": row["birth_order"],
                "motherNationality": nat(row["mother_nationality"]),
                "motherMaritalStatus": row["mother_marital_status"],
            }
        )
    for row in _rows(data.events["stillbirth_event"]):
        out["zags-births"].append(
            {
                "id": rid("ZS"),
                "liveBorn": False,
                "motherPin": row["mother_key"],
                "sex": "1" if row["sex"] == "M" else "2",
                "eventDate": _d(row["event_date"]),
                "docDate": _d(row["registered_on"]),
                "motherBirthDate": _d(row["mother_birth_date"]),
                "addressCode": row["territory"],
                "settlement": row["settlement"],
                "motherNationality": nat(row["mother_nationality"]),
                "gestationWeeks": row["gestation_weeks"],
            }
        )
    for row in _rows(data.events["death_event"]):
        out["zags-deaths"].append(
            {
                "id": rid("ZD"),
                "pin": row["person_key"],
                "sex": "1" if row["sex"] == "M" else "2",
                "birthDate": _d(row["birth_date"]),
                "eventDate": _d(row["event_date"]),
                "docDate": _d(row["registered_on"]),
                "addressCode": row["territory"],
                "settlement": row["settlement"],
                "causeChapter": row["cause_chapter"],
                "nationality": nat(row["nationality"]),
                **({"ageDays": row["age_days"]} if row["age_days"] is not None else {}),
            }
        )
    for row in _rows(data.events["marriage_event"]):
        out["zags-marriages"].append(
            {
                "id": rid("ZM"),
                "groomPin": row["groom_key"],
                "bridePin": row["bride_key"],
                "groomBirthDate": _d(row["groom_birth_date"]),
                "brideBirthDate": _d(row["bride_birth_date"]),
                "eventDate": _d(row["event_date"]),
                "docDate": _d(row["registered_on"]),
                "addressCode": row["territory"],
                "settlement": row["settlement"],
                "groomPriorStatus": row["groom_prior_status"],
                "bridePriorStatus": row["bride_prior_status"],
                "groomNationality": nat(row["groom_nationality"]),
                "brideNationality": nat(row["bride_nationality"]),
            }
        )
    for row in _rows(data.events["divorce_event"]):
        out["zags-divorces"].append(
            {
                "id": rid("ZV"),
                "husbandPin": row["husband_key"],
                "wifePin": row["wife_key"],
                "husbandAge": row["husband_age"],
                "wifeAge": row["wife_age"],
                "marriageDuration": row["marriage_duration"],
                "eventDate": _d(row["event_date"]),
                "docDate": _d(row["registered_on"]),
                "addressCode": row["territory"],
                "settlement": row["settlement"],
            }
        )
    codes = ministry_codes()
    return {
        source: list(_defective(records, defects, rng, codes, rid))
        for source, records in out.items()
    }


def _defective(
    records: list[dict[str, Any]],
    defects: Defects,
    rng: random.Random,
    codes: dict[str, str],
    rid: Any,
) -> Iterator[tuple[str, Any]]:
    for record in records:
        r = rng.random
        if r() < defects.missing:
            record = {**record, "addressCode": None}
        elif r() < defects.ministry and record.get("addressCode") in codes:
            record = {**record, "addressCode": codes[record["addressCode"]]}
        if r() < defects.future:
            record = {**record, "birthDate": "2099-01-01"} if "birthDate" in record else record
        if r() < defects.formula:
            record = {**record, "decreeNo": '=HYPERLINK("x")', "reason": "=1+2"}
        window = str(record["eventDate"])
        yield window, record
        if r() < defects.duplicate:
            yield window, {**record, "id": rid("DUP")}
        if r() < defects.garbage:
            yield window, GARBAGE


def write(params: Params, directory: Path, defects: Defects | None = None) -> dict[str, int]:
    """Write one JSON-lines file per source into ``directory``; return records per source."""
    directory.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for source, pairs in native(params, defects).items():
        write_jsonl(directory / f"{source}.jsonl", pairs)
        counts[source] = len(pairs)
    return counts


def write_jsonl(path: Path, pairs: list[tuple[str, Any]]) -> None:
    """One service's records as the simulated security server reads them
    (:meth:`ingest.tunduk.simulator.Dataset.read`): ``{"window", "record"}`` per line."""
    with path.open("w", encoding="utf-8") as out:
        for window, record in pairs:
            out.write(json.dumps({"window": window, "record": record}, ensure_ascii=False))
            out.write("\n")
