"""Versioned crosswalks from the ministries' reference lists to the state classifiers.

Why: the MCR codes territories and countries in its own lists instead of СОАТЕ and ISO 3166
(a problem the NSC names itself). The crosswalks are reference data in ``ingest/data/``
(``mcr_territory.csv``, ``mcr_country.csv``, ``mcr_nationality.csv``), loaded into the
``crosswalk`` table with a version and validity dates, so a code can map differently before
and after a reform. A ministry code the crosswalk does not know is never dropped: the record
is quarantined (``UNMAPPED_CODE``) — a nationality is loaded as ``NOT_STATED`` instead, see
:meth:`ingest.context.Context.nationality` — and :func:`unmapped_report` lists such codes with
their counts and suggested СОАТЕ matches by name — tolerant of Kyrgyz/Russian spellings and Latin
transliteration (``Джети-Огузский р-н``, ``Жети-Өгүз району`` and ``Jeti-Oguz`` all match).
"""

from __future__ import annotations

import csv
import difflib
import re
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from store.models import Code, Crosswalk, QuarantineRecord

DATA_DIR = Path(__file__).resolve().parent / "data"
LISTS = {
    "mcr-territory": ("mcr_territory.csv", "soate"),
    "mcr-country": ("mcr_country.csv", "country"),
    "mcr-nationality": ("mcr_nationality.csv", "nationality"),
}

_TRANSLIT = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "j",
        "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "ң": "n",
        "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ү": "u",
        "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y",
        "ь": "", "э": "e", "ю": "yu", "я": "ya", "j": "j", "y": "y",
    }
)  # fmt: skip
# Words that name the kind of unit, not the unit (ru, ky, en; full and abbreviated).
_NOISE = re.compile(
    r"\b(район[а-я]*|р-н|районы|rayon|district|область|обл|облусу|oblast|город|г|шаары|ш|"
    r"city|айыл|аймагы|аймак|ayil|aimak|сельск[а-я]*|с)\b\.?"
)
# Russian adjectival endings of district names: "Джети-Огузский" -> "Джети-Огуз".
_ADJECTIVE = re.compile(r"(ский|ская|ское|цкий|инский|атинский)\b")


def normalise(name: str) -> str:
    """A spelling-tolerant key: lower case, unit words dropped, transliterated, no hyphens."""
    text = name.lower().replace("ё", "е")
    text = _NOISE.sub(" ", text)
    text = _ADJECTIVE.sub("", text)
    text = text.translate(_TRANSLIT)
    text = text.replace("dj", "j").replace("dzh", "j").replace("zh", "j").replace("yy", "y")
    text = re.sub(r"[^a-z]+", "", text)
    return text.replace("ii", "i").replace("iy", "i")


def read(reference_list: str) -> list[dict[str, str]]:
    filename, _codelist = LISTS[reference_list]
    with (DATA_DIR / filename).open(encoding="utf-8") as lines:
        return list(csv.DictReader(line for line in lines if not line.startswith("#")))


def load(session: Session) -> int:
    """Replace the crosswalk table with the versioned entries of ``ingest/data``."""
    session.execute(delete(Crosswalk))
    count = 0
    for name, (_filename, codelist) in LISTS.items():
        for row in read(name):
            if not row["version"]:
                continue
            session.add(
                Crosswalk(
                    reference_list=name,
                    source_code=row["source_code"],
                    source_label=row["source_label"],
                    codelist_id=codelist,
                    target_code=row["target_code"],
                    version=row["version"],
                    valid_from=date.fromisoformat(row["valid_from"] or "1991-01-01"),
                    valid_to=date.fromisoformat(row["valid_to"]) if row["valid_to"] else None,
                )
            )
            count += 1
    session.flush()
    return count


@cache
def ministry_codes() -> dict[str, str]:
    """СОАТЕ prefix -> the MCR's territory code (every code of its list, mapped or not)."""
    return {row["target_code"]: row["source_code"] for row in read("mcr-territory")}


@cache
def ministry_nationality_codes() -> dict[str, str]:
    """State nationality code -> the MCR's code for it (the first, for OTHER's many)."""
    codes: dict[str, str] = {}
    for row in read("mcr-nationality"):
        codes.setdefault(row["target_code"], row["source_code"])
    return codes


def suggest(session: Session, name: str, limit: int = 3) -> list[dict[str, Any]]:
    """СОАТЕ units whose names (ky, ru, en, alternative Russian spellings) match ``name``."""
    wanted = normalise(name)
    if not wanted:
        return []
    scores: dict[str, tuple[float, Code]] = {}
    for code in session.scalars(select(Code).where(Code.codelist_id == "soate")):
        names = [code.label_ky, code.label_ru, code.label_en]
        names += list((code.attributes or {}).get("alt_names_ru") or [])
        score = max(difflib.SequenceMatcher(None, wanted, normalise(n)).ratio() for n in names)
        if score > scores.get(code.code, (0.0, code))[0]:
            scores[code.code] = (score, code)
    best = sorted(scores.values(), key=lambda item: -item[0])[:limit]
    return [
        {"code": c.code, "label_ru": c.label_ru, "label_ky": c.label_ky, "score": round(s, 2)}
        for s, c in best
        if s >= 0.6
    ]


def unmapped_report(session: Session, source: str | None = None) -> list[dict[str, Any]]:
    """Ministry codes met in quarantined records with no mapping: counts and suggestions."""
    query = select(QuarantineRecord.detail, QuarantineRecord.source).where(
        QuarantineRecord.resolved_at.is_(None)
    )
    if source:
        query = query.where(QuarantineRecord.source == source)
    counts: Counter[str] = Counter()
    for detail, _source in session.execute(query):
        for part in detail.split("; "):
            if part.startswith("UNMAPPED_CODE: "):
                _code, _field, value = [*part.split(": ", 2), "", ""][:3]
                counts[value] += 1
    labels = {row["source_code"]: row["source_label"] for name in LISTS for row in read(name)}
    # Suggestions are СОАТЕ units by name: only a territory code can have one.
    territories = {row["source_code"] for row in read("mcr-territory")}
    return [
        {
            "code": code,
            "count": n,
            "label": labels.get(code, ""),
            "suggestions": suggest(session, labels[code]) if code in territories else [],
        }
        for code, n in counts.most_common()
    ]
