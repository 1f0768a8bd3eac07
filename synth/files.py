"""Synthetic files in the native form of the file sources, with realistic defects.

Why: the adapters must be exercised on what really arrives — Windows-1251 exports, the
Border Service's own spellings ("въезд", "М", numeric purpose codes), mis-keyed numbers,
empty fields, garbage bytes, short lines — at rates the tests and ``make run`` choose. Every
writer returns a :class:`Manifest` saying how many records it wrote and how many of them
must be quarantined, so a test can check that nothing was lost. Everything here is
synthetic: it resembles the orders of magnitude of published figures, never real people.

Big files (the border benchmark's ten million rows) are built column-wise with numpy and
written by Arrow in chunks, so generating is faster than ingesting.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

BORDER_HEADER = ("дата", "кпп", "направление", "гражданство", "пол", "возраст", "цель_поездки",
                 "номер_паспорта")  # fmt: skip
CHECKPOINTS = {
    "AKZHOL": 0.22, "MANAS": 0.15, "DOSTUK": 0.12, "KARASUU": 0.08, "CHALDYBAR": 0.06,
    "AKTILEK": 0.05, "KARABALTA": 0.05, "OSHAIR": 0.05, "TOKMOK": 0.04, "KYZYLKIYA": 0.03,
    "KAIRAGACH": 0.03, "KARAMYK": 0.02, "TORUGART": 0.02, "IRKESHTAM": 0.02,
    "KICHIKAPKA": 0.02, "ALAMEDIN": 0.02, "KARKYRA": 0.01, "ISSYKKUL": 0.01,
}  # fmt: skip
CITIZENSHIPS = {
    "KGZ": 0.46, "KAZ": 0.2, "UZB": 0.12, "RUS": 0.08, "TJK": 0.04, "CHN": 0.03, "TUR": 0.02,
    "IND": 0.01, "PAK": 0.01, "KOR": 0.005, "DEU": 0.005, "USA": 0.005, "AFG": 0.005,
}  # fmt: skip
PURPOSES = {
    "Частная": 0.55, "Туризм": 0.12, "Работа": 0.12, "Служебная (деловая)": 0.08,
    "Транзит": 0.04, "Учеба": 0.03, "Прочие": 0.04, "Лечение": 0.01,
    "Постоянное место жительства": 0.01,
}  # fmt: skip
# Defects a loader must quarantine, and how a clerk or an export produces them.
BAD_KINDS = ("empty_field", "miskeyed_age", "bad_date", "unknown_checkpoint", "short_line",
             "garbage_bytes", "formula")  # fmt: skip


@dataclass(frozen=True)
class Defects:
    """Rates (0..1) of defects per record; ``ministry_codes`` are mapped, the rest refused."""

    bad: float = 0.01  # share of rows with one of BAD_KINDS
    ministry_codes: float = 0.05  # numeric direction/sex/purpose, ISO numeric citizenship


@dataclass
class Manifest:
    """What a writer wrote: records, and how many of them must end in the quarantine."""

    path: Path
    records: int
    bad: int
    encoding: str
    kinds: dict[str, int] = field(default_factory=dict)

    @property
    def good(self) -> int:
        return self.records - self.bad


def _pick(rng: np.random.Generator, weights: dict[str, float], n: int) -> pa.Array:
    names = list(weights)
    p = np.array([weights[k] for k in names], dtype=float)
    index = rng.choice(len(names), size=n, p=p / p.sum())
    return pa.DictionaryArray.from_arrays(pa.array(index, pa.int32()), pa.array(names)).cast(
        pa.string()
    )


def _border_chunk(
    rng: np.random.Generator, n: int, start: date, days: int, ministry: float
) -> pa.Table:
    day = rng.integers(0, days, size=n)
    epoch_day = (start - date(1970, 1, 1)).days
    dates = pa.array(day + epoch_day, pa.int32()).cast(pa.date32()).cast(pa.timestamp("s"))
    direction = np.where(rng.random(n) < 0.5, "въезд", "выезд")
    sex = np.where(rng.random(n) < 0.6, "М", "Ж")
    age = np.clip(rng.gamma(6.0, 6.0, size=n), 0, 95).astype(np.int64)
    citizenship = _pick(rng, CITIZENSHIPS, n)
    purpose = _pick(rng, PURPOSES, n)
    if ministry > 0:  # the departmental spellings: still valid, mapped by the adapter
        coded = rng.random(n) < ministry
        direction = np.where(coded, np.where(direction == "въезд", "1", "2"), direction)
        sex = np.where(coded, np.where(sex == "М", "1", "2"), sex)
        citizenship = pc.if_else(
            pa.array(coded & (pc.equal(citizenship, "KGZ").to_numpy(zero_copy_only=False))),
            "417",
            citizenship,
        )
    passport = pc.binary_join_element_wise(
        pa.array(np.where(rng.random(n) < 0.5, "AN", "ID")),
        pc.utf8_lpad(pa.array(rng.integers(0, 9_999_999, size=n)).cast(pa.string()), 7, "0"),
        "",
    )
    return pa.table(
        {
            "дата": pc.strftime(dates, format="%d.%m.%Y"),
            "кпп": _pick(rng, CHECKPOINTS, n),
            "направление": pa.array(direction),
            "гражданство": citizenship,
            "пол": pa.array(sex),
            "возраст": pa.array(age).cast(pa.string()),
            "цель_поездки": purpose,
            "номер_паспорта": passport,
        }
    )


def _bad_line(rng: np.random.Generator, kind: str, clean: list[str], today: date) -> bytes:
    row = list(clean)
    if kind == "empty_field":
        row[int(rng.integers(0, 7))] = ""
    elif kind == "miskeyed_age":
        row[5] = str(rng.choice(["3O", "250", "-4", "4 5"]))
    elif kind == "bad_date":
        row[0] = str(rng.choice(["31.02.2024", "2024-13-01", (today + timedelta(30)).isoformat()]))
    elif kind == "unknown_checkpoint":
        row[1] = "КПП-999"
    elif kind == "short_line":
        row = row[:4]
    elif kind == "formula":
        row[1] = '"=HYPERLINK(""http://example.invalid"",""x"")"'
    else:  # garbage bytes: not text in any encoding the adapter accepts
        return b"\xff\xfe\x98\xc3\x28garbage\xa0\xa1;;;\n"
    return (";".join(row) + "\n").encode("utf-8")


def border_days(rows: int, start: date) -> int:
    """Days a file of ``rows`` crossings covers: about 100,000 a day (37 million in 2025),
    within the start's year, so a year's statistics never show a few stray days of the next.
    """
    year_end = (date(start.year + 1, 1, 1) - start).days
    return min(year_end, max(1, -(-rows // 100_000)))


def write_border(
    path: Path,
    rows: int,
    seed: int = 2026,
    defects: Defects | None = None,
    encoding: str = "utf-8",
    start: date = date(2024, 1, 1),
    days: int | None = None,
    chunk_rows: int = 500_000,
) -> Manifest:
    """A Border Service crossings file of ``rows`` records (header not counted)."""
    defects = defects or Defects()
    days = days or border_days(rows, start)
    rng = np.random.default_rng(seed)
    manifest = Manifest(path, rows, 0, encoding)
    today = datetime.now(UTC).date()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        out.write((";".join(BORDER_HEADER) + "\n").encode(encoding))
        written = 0
        while written < rows:
            n = min(chunk_rows, rows - written)
            n_bad = int(rng.binomial(n, defects.bad)) if defects.bad > 0 else 0
            table = _border_chunk(rng, n - n_bad, start, days, defects.ministry_codes)
            buffer = io.BytesIO()
            pacsv.write_csv(
                table,
                buffer,
                pacsv.WriteOptions(include_header=False, delimiter=";", quoting_style="none"),
            )
            data = buffer.getvalue()
            out.write(data if encoding == "utf-8" else data.decode().encode(encoding))
            sample = (
                [str(v) for v in table.slice(0, 1).to_pylist()[0].values()] if n > n_bad else []
            )
            for _ in range(n_bad):
                kind = str(rng.choice(BAD_KINDS))
                base = sample or ["01.01.2024", "AKZHOL", "въезд", "KGZ", "М", "30", "Частная", ""]
                line = _bad_line(rng, kind, base, today)
                if kind != "garbage_bytes" and encoding != "utf-8":
                    line = line.decode().encode(encoding)
                out.write(line)
                manifest.kinds[kind] = manifest.kinds.get(kind, 0) + 1
            manifest.bad += n_bad
            written += n
    return manifest


BORDER_HISTORY_HEADER = (*BORDER_HEADER, "страна_следования")
ALPHA3 = {"417": "KGZ", "398": "KAZ", "643": "RUS", "860": "UZB", "762": "TJK", "156": "CHN",
          "792": "TUR"}  # fmt: skip


def write_border_histories(
    path: Path,
    rows: int,
    seed: int = 2026,
    defects: Defects | None = None,
    encoding: str = "utf-8",
    start: date = date(2021, 1, 1),
    years: int = 4,
    part_rows: int = 12_000_000,
    truth: Path | None = None,
    register: Manifest | None = None,
) -> Manifest:
    """A Border Service file of about ``rows`` crossings over ``years`` years, from linked
    travel histories (:mod:`synth.travel`): the same travellers cross again and again, each
    under a passport number, a few of them under a new one after a change.

    Made in parts of about ``part_rows`` crossings (persons split between them), so memory
    stays bounded at any size. ``truth``: where to write each person's true kind and start
    status (a Parquet file beside, never a source file); the file itself holds nothing of it.
    ``register``: the manifest of an AIS ASB population-base extract to write of the same
    persons (:func:`write_population_base`, part by part: same parts, same seeds).
    """
    from synth.travel import CHECKPOINT_CODES, COUNTRIES, PURPOSE_LABELS, simulate

    defects = defects or Defects()
    rng = np.random.default_rng(seed)
    manifest = Manifest(path, 0, 0, encoding)
    today = datetime.now(UTC).date()
    first = (start - date(1970, 1, 1)).days
    last = first + years * 365 - 1
    parts = max(1, -(-rows // part_rows))
    path.parent.mkdir(parents=True, exist_ok=True)
    extract = register.path.open("wb") if register is not None else None
    if extract is not None and register is not None:
        extract.write((";".join(REGISTER_HEADER) + "\n").encode(register.encoding))
    with path.open("wb") as out:
        out.write((";".join(BORDER_HISTORY_HEADER) + "\n").encode(encoding))
        for part in range(parts):
            travel = simulate(rows / years / parts, start, years, seed + part,
                              burn_in=730,
                              after=0, first_id=part << 32)  # fmt: skip
            mask = travel.window(first, last)
            index = np.flatnonzero(mask)
            n = index.size
            who = travel.person[index] - travel.first_id

            def text(codes: np.ndarray, names: list[str]) -> pa.Array:
                return pa.DictionaryArray.from_arrays(
                    pa.array(codes.astype(np.int8)), pa.array(names)
                ).cast(pa.string())

            alpha3 = [ALPHA3[c] for c in COUNTRIES]
            citizenship_code = travel.citizenship[who].astype(np.int8)
            exit_code, sex_code = travel.exit[index].astype(np.int8), travel.sex[who]
            if defects.ministry_codes > 0:  # the departmental spellings, mapped by the adapter
                coded = rng.random(n) < defects.ministry_codes
                exit_code = np.where(coded, exit_code + 2, exit_code)
                sex_code = np.where(coded, sex_code + 2, sex_code)
                kgz = citizenship_code == COUNTRIES.index("417")
                citizenship_code = np.where(coded & kgz, len(alpha3), citizenship_code)
            calendar = pa.array(np.arange(first, last + 1), pa.int32()).cast(pa.date32())
            spelled = pc.strftime(calendar.cast(pa.timestamp("s")), format="%d.%m.%Y")
            number = pc.cast(
                pa.array(travel.passport[index] % 10**9 + (travel.passport[index] >> 40) * 10**9),
                pa.string(),
            )
            table = pa.table(
                {
                    "дата": pa.DictionaryArray.from_arrays(  # each day formatted once
                        pa.array((travel.day[index] - first).astype(np.int32)), spelled
                    ).cast(pa.string()),
                    "кпп": text(travel.checkpoint[index], list(CHECKPOINT_CODES)),
                    "направление": text(exit_code, ["въезд", "выезд", "1", "2"]),
                    "гражданство": text(citizenship_code, [*alpha3, "417"]),
                    "пол": text(sex_code, ["М", "Ж", "1", "2"]),
                    "возраст": pc.cast(pa.array(travel.age[index]), pa.string()),
                    "цель_поездки": text(travel.purpose[index], list(PURPOSE_LABELS)),
                    "номер_паспорта": pc.binary_join_element_wise(
                        "AC", pc.utf8_lpad(number, 10, "0"), ""
                    ),
                    "страна_следования": text(travel.destination[index], alpha3),
                }
            )
            n_bad = int(rng.binomial(n, defects.bad)) if defects.bad > 0 else 0
            if n_bad:  # a defective record replaces a good one: its crossing is lost
                table = table.filter(pa.array(rng.permutation(n) >= n_bad))
            for chunk in table.to_batches(max_chunksize=500_000):
                buffer = io.BytesIO()
                pacsv.write_csv(
                    pa.Table.from_batches([chunk]),
                    buffer,
                    pacsv.WriteOptions(include_header=False, delimiter=";", quoting_style="none"),
                )
                data = buffer.getvalue()
                out.write(data if encoding == "utf-8" else data.decode().encode(encoding))
            base = [str(v) for v in table.slice(0, 1).to_pylist()[0].values()] if n > n_bad else []
            for _ in range(n_bad):
                kind = str(rng.choice(BAD_KINDS))
                line = _bad_line(rng, kind, base or ["01.01.2024", "AKZHOL", "въезд", "KGZ", "М",
                                                     "30", "Частная", "", ""], today)  # fmt: skip
                if kind != "garbage_bytes" and encoding != "utf-8":
                    line = line.decode().encode(encoding)
                out.write(line)
                manifest.kinds[kind] = manifest.kinds.get(kind, 0) + 1
            manifest.records += n
            manifest.bad += n_bad
            if truth is not None:
                _write_truth(truth, part, travel)
            if extract is not None and register is not None:
                register_rng = np.random.default_rng(seed + part + 7919)
                write_population_base(extract, travel, first, register_rng, defects, register)
    if extract is not None:
        extract.close()
    return manifest


REGISTER_HEADER = ("ПИН", "номер_паспорта", "дата_выдачи", "постоянный_житель", "дата_учета")
# Who the AIS ASB extract lists (synthetic coverage): resident citizens mostly; citizens
# living abroad on the reference date mostly, a few of them still registered as resident
# (never deregistered); foreigners with a permanent-residence permit often; visitors never.
REGISTER_COVERAGE = {"resident_citizen": 0.98, "abroad_citizen": 0.95, "resident_foreigner": 0.8}
STILL_REGISTERED = 0.05  # citizens abroad on the reference date whose row still says resident
REGISTER_BAD_KINDS = ("bad_pin", "bad_passport", "bad_date", "future_date", "bad_flag",
                      "empty_field", "extra_field")  # fmt: skip


def resident_on(travel: object, day: int) -> np.ndarray:
    """Per person of ``travel``: usually resident on ``day`` under the 12/16-month rule
    applied to the true histories (what a perfect population base would say then)."""
    from indicators.residence import Rule, steps
    from synth.travel import Travel

    assert isinstance(travel, Travel)
    rule = Rule()
    # The moves dated before ``day`` are decided by the crossings of one window after it.
    held = travel.day < day + rule.window
    p, d, x = travel.person[held] - travel.first_id, travel.day[held], travel.exit[held]
    # By person, day, exits first: one integer key sorts faster than a lexsort.
    order = np.argsort((p << 32) | ((d - d.min()).astype(np.int64) << 1) | ~x)
    p, d, x = p[order], d[order], x[order]
    initial = np.where(travel.resident[p], 1, -1).astype(np.int8)
    out = steps(p, d, x, initial, day + rule.window, rule)
    after = np.where(out["event"] == 1, -1, np.where(out["event"] == 2, 1, out["before"]))
    status = travel.resident.copy()
    before = d < day
    last = before.copy()  # each person's last crossing before ``day``
    last[:-1] &= (p[1:] != p[:-1]) | ~before[1:]
    status[p[last]] = after[last] == 1
    return status


def write_population_base(
    out: io.BufferedWriter | io.BytesIO,
    travel: object,
    first: int,
    rng: np.random.Generator,
    defects: Defects,
    manifest: Manifest,
) -> None:
    """Append the AIS ASB extract of ``travel``'s persons to ``out`` (header written by the
    caller): a row per passport of each listed person, with residence on day ``first``
    (the start of the crossings) as the register has it; defects a loader must quarantine
    replace some rows, and a few rows are sent twice (duplicates). Synthetic."""
    from synth.travel import COUNTRIES, KGZ, Travel

    assert isinstance(travel, Travel)
    resident = resident_on(travel, first)
    citizen = travel.citizenship == COUNTRIES.index(KGZ)
    draw = rng.random(resident.size)
    listed = np.where(
        citizen,
        draw < np.where(resident, REGISTER_COVERAGE["resident_citizen"],
                        REGISTER_COVERAGE["abroad_citizen"]),
        resident & (draw < REGISTER_COVERAGE["resident_foreigner"]),
    )  # fmt: skip
    flag = resident | (citizen & (rng.random(resident.size) < STILL_REGISTERED))
    who = np.flatnonzero(listed)
    person = who + travel.first_id
    # A citizen's new passport is in the register (it issued it); a foreigner's is not.
    changed = who[citizen[who] & (travel.new_passport_day[who] >= 0)]
    passport = np.concatenate([person, changed + travel.first_id + (1 << 40)])
    holder = np.concatenate([who, changed])
    issued = np.concatenate(
        [first - rng.integers(1, 3650, who.size), travel.new_passport_day[changed]]
    ).astype(np.int32)
    pin_number = pa.array((travel.first_id >> 32) * 10**10 + holder).cast(pa.string())
    number = pa.array(passport % 10**9 + (passport >> 40) * 10**9).cast(pa.string())
    low, high = int(issued.min()), max(int(issued.max()), first)
    calendar = pa.array(np.arange(low, high + 1), pa.int32()).cast(pa.date32())
    spelled = pc.strftime(calendar.cast(pa.timestamp("s")), format="%d.%m.%Y")

    def day_text(days: np.ndarray) -> pa.Array:  # each day formatted once
        return pa.DictionaryArray.from_arrays(pa.array((days - low).astype(np.int32)),
                                              spelled).cast(pa.string())  # fmt: skip

    table = pa.table(
        {
            "ПИН": pc.binary_join_element_wise(
                pa.array(np.where(travel.sex[holder] == 0, "2", "1")),
                pc.utf8_lpad(pin_number, 13, "0"), ""),
            "номер_паспорта": pc.binary_join_element_wise("AC", pc.utf8_lpad(number, 10, "0"), ""),
            "дата_выдачи": day_text(issued),
            "постоянный_житель": pa.array(np.where(flag[holder], "1", "0")),
            "дата_учета": day_text(np.full(holder.size, first)),
        }
    ).take(pa.array(rng.permutation(holder.size)))  # fmt: skip
    n_bad = int(rng.binomial(table.num_rows, defects.bad / 10)) + 3 if defects.bad > 0 else 0
    n_dup = int(rng.binomial(table.num_rows, defects.bad / 10)) + 2 if defects.bad > 0 else 0
    n_bad = min(n_bad, table.num_rows)
    good = table.slice(n_bad)
    repeated = good.take(
        pa.array(rng.integers(0, max(1, good.num_rows), n_dup if good.num_rows else 0))
    )
    buffer = io.BytesIO()
    options = pacsv.WriteOptions(include_header=False, delimiter=";", quoting_style="none")
    pacsv.write_csv(pa.concat_tables([good, repeated]), buffer, options)
    manifest.kinds["duplicate"] = manifest.kinds.get("duplicate", 0) + repeated.num_rows
    today = datetime.now(UTC).date()
    lines = []
    for values in table.slice(0, n_bad).to_pylist():
        row = [str(v) for v in values.values()]
        kind = str(rng.choice(REGISTER_BAD_KINDS))
        manifest.kinds[kind] = manifest.kinds.get(kind, 0) + 1
        if kind == "bad_pin":
            row[0] = row[0][:13]
        elif kind == "bad_passport":
            row[1] = str(rng.choice(["AC-12", "№ 0123", "ПАСПОРТ"]))
        elif kind == "bad_date":
            row[2] = str(rng.choice(["31.02.2019", "2019-13-01", "01.01.1900"]))
        elif kind == "future_date":
            row[4] = (today + timedelta(days=40)).strftime("%d.%m.%Y")
        elif kind == "bad_flag":
            row[3] = "возможно"
        elif kind == "empty_field":
            row[int(rng.integers(0, 5))] = ""
        else:
            row.append("лишнее")  # one field too many
        lines.append(";".join(row) + "\n")
    data = buffer.getvalue() + "".join(lines).encode("utf-8")
    out.write(data if manifest.encoding == "utf-8" else data.decode().encode(manifest.encoding))
    manifest.records += good.num_rows + repeated.num_rows + n_bad
    manifest.bad += n_bad


def _write_truth(folder: Path, part: int, travel: object) -> None:
    """Each person's true kind, start status and passport change (synthetic truth)."""
    import pyarrow.parquet as pq

    from synth.travel import KINDS, Travel

    assert isinstance(travel, Travel)
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(
        pa.table(
            {
                "person": pa.array(np.arange(travel.kind.size) + travel.first_id, pa.int64()),
                "kind": pa.array(np.array([k.name for k in KINDS])[travel.kind]),
                "resident_at_start": pa.array(travel.resident),
                "new_passport_day": pa.array(travel.new_passport_day),
            }
        ),
        folder / f"border_persons_{part:03d}.parquet",
    )


SANARIP_HEADER = (
    "ПИН", "код_АА", "номер_книги", "пол", "дата_рождения", "присутствует",
    "причина_отсутствия", "место_пребывания", "дата_выбытия", "дата_учета",
)  # fmt: skip
# Rural districts (8-digit СОАТЕ prefixes) whose ayil aimaks the synthetic books come from.
SANARIP_DISTRICTS = ("41702205", "41703204", "41704210", "41705214", "41706207", "41707215",
                     "41708203")  # fmt: skip
ABSENCE = {"РАБОТА": 0.7, "УЧЕБА": 0.1, "СЕМЬЯ": 0.1, "ДРУГОЕ": 0.1}
DESTINATIONS = {"RUS": 0.68, "KAZ": 0.2, "TUR": 0.04, "KOR": 0.03, "41711": 0.05}


def write_sanarip(
    path: Path,
    records: int,
    seed: int = 2026,
    defects: Defects | None = None,
    encoding: str = "utf-8",
    reference: date = date(2025, 1, 1),
) -> Manifest:
    """A Sanarip Aimak extract; ``kinds['duplicate']`` rows repeat an earlier member."""
    defects = defects or Defects()
    rng = np.random.default_rng(seed)
    manifest = Manifest(path, records, 0, encoding)
    lines = [";".join(SANARIP_HEADER)]
    previous, previous_bad = "", False
    for i in range(records):
        if previous and not previous_bad and rng.random() < defects.bad / 2:
            lines.append(previous)  # a member keyed twice: the loader must call it a duplicate
            manifest.kinds["duplicate"] = manifest.kinds.get("duplicate", 0) + 1
            continue
        previous_bad = False
        district = SANARIP_DISTRICTS[int(rng.integers(len(SANARIP_DISTRICTS)))]
        pin = f"{int(rng.integers(1, 3))}{int(rng.integers(10**12, 10**13)):013d}"
        born = reference - timedelta(days=int(rng.integers(0, 80 * 365)))
        absent = rng.random() < 0.15
        row = [pin, f"{district}{int(rng.integers(1, 30)):03d}000", str(i // 5 + 1),
               "М" if rng.random() < 0.5 else "Ж", born.strftime("%d.%m.%Y"),
               "0" if absent else "1", "", "", "", reference.strftime("%d.%m.%Y")]  # fmt: skip
        if absent:
            row[6] = str(rng.choice(list(ABSENCE), p=list(ABSENCE.values())))
            row[7] = str(rng.choice(list(DESTINATIONS), p=list(DESTINATIONS.values())))
            row[8] = (reference - timedelta(days=int(rng.integers(30, 2000)))).isoformat()
        if rng.random() < defects.bad / 2:
            kind = str(rng.choice(["empty_field", "bad_pin", "unknown_code", "formula"]))
            if kind == "empty_field":
                row[3] = ""
            elif kind == "bad_pin":
                row[0] = row[0][:12]
            elif kind == "unknown_code":
                row[1] = "99999999"
            else:
                row[5] = "=1+1"
            manifest.kinds[kind] = manifest.kinds.get(kind, 0) + 1
            manifest.bad += 1
            previous_bad = True
        previous = ";".join(row)
        lines.append(previous)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return manifest


# -- paper reports keyed into templates ------------------------------------------------------

PAPER_BAD_KINDS = ("negative", "non_numeric", "unknown_country", "formula", "row_total",
                   "empty_field")  # fmt: skip
PAPER_REPORTS = ("paper-absent", "paper-workers", "paper-students", "paper-refugees")


@dataclass
class PaperContent:
    """What a synthetic report says: its period, reporter and rows (codes, not yet labels)."""

    period: str
    reporter: str
    rows: list[dict[str, object]]


def _draw(rng: np.random.Generator, weights: dict[str, float]) -> str:
    names = list(weights)
    p = np.array(list(weights.values()), dtype=float)
    return names[int(rng.choice(len(names), p=p / p.sum()))]


def _split(rng: np.random.Generator, total: int, weights: dict[str, float]) -> dict[str, int]:
    p = np.array(list(weights.values()), dtype=float)
    return dict(zip(weights, (int(n) for n in rng.multinomial(total, p / p.sum())), strict=True))


def _cross(first: dict[str, float], second: dict[str, float]) -> dict[str, float]:
    """Independent shares of two breakdowns as one, keyed ``"a b"``."""
    return {f"{a} {b}": pa_ * pb for a, pa_ in first.items() for b, pb in second.items()}


def _sexes(rng: np.random.Generator, total: int, men: float) -> tuple[int, int]:
    m = int(rng.binomial(total, men))
    return m, total - m


RURAL_DISTRICTS = ("41702205", "41702210", "41703204", "41703215", "41704210", "41704235",
                   "41705214", "41705236", "41706207", "41706242", "41706255", "41707220",
                   "41708203", "41708222")  # fmt: skip
ABSENT_DESTINATIONS = {"643": 0.66, "398": 0.17, "792": 0.04, "410": 0.03, "417": 0.10}
ABSENT_REASONS = {"WORK": 0.72, "STUDY": 0.08, "FAMILY": 0.1, "OTHER": 0.1}
WORKER_COUNTRIES = {"156": 0.3, "050": 0.1, "586": 0.1, "792": 0.15, "356": 0.1, "860": 0.12,
                    "398": 0.04, "643": 0.04, "410": 0.05}  # fmt: skip
CITY_TERRITORIES = {"41711": 0.6, "41708": 0.15, "41721": 0.1, "41702": 0.05, "41703": 0.05,
                    "41704": 0.05}  # fmt: skip
STUDENT_COUNTRIES = {"860": 0.55, "356": 0.21, "586": 0.14, "398": 0.03, "762": 0.02,
                     "050": 0.02, "524": 0.01, "818": 0.01, "643": 0.01}  # fmt: skip
STUDENT_LEVELS = {"SPECIALIST": 0.5, "BACHELOR": 0.3, "MASTER": 0.05, "DOCTORAL": 0.01,
                  "VOCATIONAL": 0.1, "PREPARATORY": 0.04}  # fmt: skip
REFUGEE_COUNTRIES = {"004": 0.8, "760": 0.06, "804": 0.04, "364": 0.03, "762": 0.03,
                     "860": 0.02, "586": 0.02}  # fmt: skip
REFUGEE_AGES = {"Y0T4": 0.1, "Y5T11": 0.17, "Y12T17": 0.12, "Y18T59": 0.57, "Y_GE60": 0.04}


def paper_content(report: str, rng: np.random.Generator, scale: float = 1.0) -> PaperContent:
    """Realistic synthetic content of one report (calibration.md: orders of magnitude)."""
    rows: list[dict[str, object]] = []
    if report == "paper-absent":
        # About 877k citizens temporarily abroad (census 2022) over some 450 ayil aimaks.
        for i in range(max(12, round(450 * scale))):
            district = RURAL_DISTRICTS[i % len(RURAL_DISTRICTS)]
            aimak = f"{district}{i // len(RURAL_DISTRICTS) + 1:03d}000"
            absent = int(rng.gamma(4.0, 2000 / 4.0))
            cells = _split(rng, absent, _cross(ABSENT_DESTINATIONS, ABSENT_REASONS))
            for cell, n in cells.items():
                if n:
                    destination, reason = cell.split()
                    men, women = _sexes(rng, n, 0.62 if reason == "WORK" else 0.45)
                    rows.append({"territory": aimak, "destination": destination, "reason": reason,
                                 "men": men, "women": women})  # fmt: skip
        return PaperContent("01.01.2025", "Айыл окмоту, свод (синтетические данные)", rows)
    if report == "paper-workers":
        # Quota 25,000 in 2024, 17,989 permits: about 72 % of the quota used; mostly men.
        quota_total = max(200, round(25_000 * scale))
        enterprises = max(20, round(1800 * scale))
        quotas = rng.multinomial(quota_total, rng.dirichlet(np.ones(enterprises)))
        for e, quota in enumerate(quotas):
            person = rng.random() < 0.05  # an individual entrepreneur: the TIN is a ПИН
            tin = f"{int(rng.integers(1, 3)) if person else 0}{int(rng.integers(10**12, 10**13))}"
            territory = _draw(rng, CITY_TERRITORIES)
            countries = sorted(
                {_draw(rng, WORKER_COUNTRIES) for _ in range(int(rng.integers(1, 3)))}
            )
            for country, part in _split(rng, int(quota), dict.fromkeys(countries, 1.0)).items():
                employed = int(rng.binomial(part, 0.72))
                men, women = _sexes(rng, employed, 0.9)
                rows.append({"enterprise_tin": tin, "enterprise_name": f"ОсОО «Синтетик-{e + 1}»",
                             "territory": territory, "country": country, "quota": part,
                             "employed_men": men, "employed_women": women})  # fmt: skip
        return PaperContent("2024", "Министерство труда, социального обеспечения и миграции", rows)
    if report == "paper-students":
        # 55.8k foreign students in 2023/24, mainly from Uzbekistan, India and Pakistan.
        institutions = max(5, round(40 * scale))
        sizes = rng.multinomial(
            max(300, round(55_800 * scale)), rng.dirichlet(np.ones(institutions))
        )
        for i, size in enumerate(sizes):
            territory = _draw(rng, {"41711": 0.6, "41721": 0.35, "41703": 0.05})
            cells = _split(rng, int(size), _cross(STUDENT_COUNTRIES, STUDENT_LEVELS))
            for cell, n in cells.items():
                if n:
                    country, level = cell.split()
                    men, women = _sexes(rng, n, 0.5 if country == "860" else 0.65)
                    rows.append({"institution": f"Синтетический университет № {i + 1}",
                                 "territory": territory, "country": country, "level": level,
                                 "men": men, "women": women})  # fmt: skip
        return PaperContent("2023/24", "Министерство науки, высшего образования и инноваций", rows)
    # About 320 refugees and 683 asylum seekers (end of 2021): Afghanistan, Syria, Ukraine.
    for status, total in (("refugee", 320), ("asylum_seeker", 683)):
        for cell, n in _split(rng, total, _cross(REFUGEE_COUNTRIES, REFUGEE_AGES)).items():
            if n:
                country, age = cell.split()
                men, women = _sexes(rng, n, 0.52)
                rows.append({"status": status, "country": country, "age_group": age,
                             "men": men, "women": women})  # fmt: skip
    return PaperContent("31.12.2021", "UNHCR Representation in the Kyrgyz Republic", rows)


def write_paper(
    report: str,
    path: Path,
    lang: str = "ru",
    seed: int = 2026,
    defects: Defects | None = None,
    scale: float = 1.0,
    encoding: str = "utf-8",
) -> Manifest:
    """A paper report keyed into its template (XLSX or CSV by ``path``'s suffix), in ``lang``.

    Values are written as people key them: country names in ``lang`` or ISO codes, list
    values as labels or codes, ayil aimaks by code. ``defects.bad`` of the rows get one of
    :data:`PAPER_BAD_KINDS` (quarantined by the adapter); as many again are keyed twice
    (``kinds['duplicate']``). A "Total" row adds up the rows as keyed.
    """
    from classifiers.countries import country_rows
    from ingest.base import discover
    from ingest.paper import SPECS, write_csv, write_xlsx

    discover()
    spec = SPECS[report]
    defects = defects or Defects()
    rng = np.random.default_rng(seed)
    content = paper_content(report, rng, scale)
    countries = country_rows()
    names = {c.code: getattr(c, f"label_{lang}") for c in countries}
    alpha3 = {c.code: str(c.attributes["alpha3"]) for c in countries}
    manifest = Manifest(path, 0, 0, encoding)
    keyed: list[list[object]] = []
    for values in content.rows:
        row: list[object] = []
        for column in spec.columns:
            value = values.get(column.key, "")
            if column.kind == "country" and isinstance(value, str):
                roll = rng.random()
                value = names[value] if roll < 0.6 else (alpha3[value] if roll < 0.8 else value)
            elif column.choices and isinstance(value, str) and rng.random() < 0.8:
                value = column.choices[value][lang]
            elif column.kind == "total":
                value = sum(int(values[p]) for p in spec.parts)  # type: ignore[call-overload]
            row.append(value)
        if rng.random() < defects.bad:
            kind = str(rng.choice(PAPER_BAD_KINDS))
            _paper_defect(spec, row, kind)
            manifest.kinds[kind] = manifest.kinds.get(kind, 0) + 1
            manifest.bad += 1
        elif keyed and rng.random() < defects.bad / 2:
            keyed.append(list(keyed[-1]))  # the previous row keyed twice: a duplicate
            manifest.kinds["duplicate"] = manifest.kinds.get("duplicate", 0) + 1
        keyed.append(row)
    manifest.records = len(keyed)
    total: list[object] = []
    for index, column in enumerate(spec.columns):
        cells = [r[index] for r in keyed]
        whole = all(isinstance(c, int) and c >= 0 for c in cells)
        total.append(sum(cells) if column.kind in ("count", "total") and whole else "")  # type: ignore[arg-type]
    total[0] = {"ky": "Бардыгы", "ru": "Итого", "en": "Total"}[lang]
    if path.suffix == ".xlsx":
        write_xlsx(spec, lang, path, keyed, content.period, content.reporter, total)
    else:
        write_csv(spec, lang, path, keyed, content.period, content.reporter, total, encoding)
    return manifest


def _paper_defect(spec: object, row: list[object], kind: str) -> None:
    from ingest.paper import ReportSpec

    assert isinstance(spec, ReportSpec)
    keys = [c.key for c in spec.columns]
    part = keys.index(spec.parts[0])
    country = next(i for i, c in enumerate(spec.columns) if c.kind == "country")
    total = next(i for i, c in enumerate(spec.columns) if c.kind == "total")
    if kind == "negative":
        row[part] = -int(row[part]) - 1  # type: ignore[call-overload]
    elif kind == "non_numeric":
        row[part] = "3O"
    elif kind == "unknown_country":
        row[country] = "Атлантида"
    elif kind == "formula":
        row[country] = '=HYPERLINK("http://example.invalid","x")'
    elif kind == "row_total":
        row[total] = int(row[total]) + 1  # type: ignore[call-overload]
    else:
        row[country] = ""
