"""The public API's services: catalog, config, classifiers, releases, highlights, search,
sync and publications. Each takes a session, the time and the language and returns a plain
body; each reads through :mod:`store.read` only, so the embargo holds everywhere.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from babel.numbers import format_decimal
from sqlalchemy.orm import Session

from api import vocabulary as words
from api.errors import ApiError
from api.service_data import LABELS, decode_cursor, encode_cursor, resolve_release
from config import LOCALES, Config
from l10n import _, lazy_gettext
from store import read

TOPICS = {
    "population": lazy_gettext("Population"),
    "vital": lazy_gettext("Births, deaths, marriages and divorces"),
    "migration": lazy_gettext("Migration"),
}


# ---------------------------------------------------------------- pagination


def page(items: Sequence[Any], cursor: str | None, limit: int, key: str) -> dict[str, Any]:
    """A page of ``items`` and the cursor of the next one (``key`` ties it to this list)."""
    offset = 0
    if cursor:
        owner, offset = decode_cursor(cursor)
        if owner != key:
            raise ApiError(400, "invalid-cursor", _("The cursor is not one this API gave out."))
    chunk = list(items[offset : offset + limit])
    more = offset + limit < len(items)
    return {"items": chunk, "next": encode_cursor(key, offset + limit) if more else None}


# ---------------------------------------------------------------- config, flags


def api_config(session: Session, now: datetime, settings: Config, lang: str) -> dict[str, Any]:
    latest = read.latest_public_release(session, now)
    from l10n import language

    citation = {}
    for code in LOCALES:
        with language(code):
            citation[code] = str(words.CITATION) % {"release": latest.id if latest else "—"}
    return {
        "api_version": "1",
        "languages": list(LOCALES),
        "default_language": settings.default_locale,
        "limits": {
            "cells_per_query": settings.api_cell_limit,
            "rows_per_page": 100_000,
            "rate": settings.api_rate_limit,
        },
        "licence": {
            "name": str(words.LICENCE),
            "url": "https://creativecommons.org/licenses/by/4.0/",
        },
        "citation": citation,
        "synthetic": bool(latest and latest.synthetic),
        "latest_release": latest.id if latest else None,
        "flags": words.flags(),
    }


# ---------------------------------------------------------------- catalog


def _next_update(session: Session, now: datetime) -> datetime | None:
    upcoming = read.release_calendar(session, now).upcoming
    return upcoming[0].scheduled_at if upcoming else None


def _entry(
    info: read.IndicatorInfo,
    lang: str,
    release: read.ReleaseInfo | None,
    cover: read.Coverage | None,
    next_update: datetime | None,
    names: dict[str, read.CodelistInfo],
) -> dict[str, Any]:
    return {
        "id": info.id,
        "topic": info.topic,
        "label": info.name[lang],
        "definition": info.definition[lang],
        "methodology": (info.methodology or {}).get(lang),
        "unit": info.unit,
        "unit_label": words.unit_label(info.unit),
        "unit_base": info.unit_base,
        "decimals": info.decimals,
        "dimensions": [
            {
                "id": d,
                "codelist": info.codelists.get(d, d),
                "label": names[info.codelists.get(d, d)].name[lang]
                if info.codelists.get(d, d) in names
                else d,
            }
            for d in info.dimensions
        ],
        "first_period": cover.first_period if cover else None,
        "last_period": cover.last_period if cover else None,
        "updated": release.published_at.isoformat() if release and cover else None,
        "next_update": next_update.isoformat() if next_update else None,
        "release": release.id if release and cover else None,
        "discontinued": info.discontinued,
        "replaced_by": info.replaced_by,
        "data_url": f"/api/v1/data/{info.id}",
    }


def catalog(
    session: Session, now: datetime, lang: str, cursor: str | None, limit: int
) -> dict[str, Any]:
    release = read.latest_public_release(session, now)
    cover = read.coverage(session, release.id) if release else {}
    names = {c.id: c for c in read.codelists(session)}
    nxt = _next_update(session, now)
    entries = [
        _entry(info, lang, release, cover.get(info.id), nxt, names)
        for info in read.indicators(session)
        if info.id in cover or info.discontinued
    ]
    body = page(entries, cursor, limit, "catalog")
    topics = sorted({e["topic"] for e in entries})
    return {
        "topics": [{"id": t, "label": str(TOPICS.get(t, t))} for t in topics],
        "indicators": body["items"],
        "next": body["next"],
        "release": release.id if release else None,
        "synthetic": bool(release and release.synthetic),
    }


def catalog_entry(session: Session, now: datetime, lang: str, indicator_id: str) -> dict[str, Any]:
    info = read.indicator(session, indicator_id)
    release = read.latest_public_release(session, now)
    cover = read.coverage(session, release.id) if release else {}
    if info is None or (info.id not in cover and not info.discontinued):
        raise ApiError(404, "unknown-indicator", _("There is no indicator with this id."))
    names = {c.id: c for c in read.codelists(session)}
    entry = _entry(info, lang, release, cover.get(info.id), _next_update(session, now), names)
    if release is not None and info.id in cover:
        present = read.dimension_codes(session, release.id, info.id)
        for dim in entry["dimensions"]:
            have = present.get(dim["id"], set())
            dim["codes"] = [
                {"code": c.code, "label": c.label[lang], "parent": c.parent_code, "level": c.level}
                for c in LABELS.codes(session, dim["codelist"])
                if c.code in have
            ]
        entry["periods"] = sorted(present.get("period", set()))
    return entry


# ---------------------------------------------------------------- classifiers


def classifier_list(session: Session, lang: str) -> dict[str, Any]:
    return {
        "codelists": [
            {
                "id": c.id,
                "label": c.name[lang],
                "version": c.version,
                "url": f"/api/v1/classifiers/{c.id}",
            }
            for c in read.codelists(session)
        ]
    }


def classifier(
    session: Session,
    lang: str,
    codelist_id: str,
    cursor: str | None,
    limit: int,
    code: str | None = None,
) -> dict[str, Any]:
    """A codelist's codes, a page at a time; with ``code``, only that code's versions."""
    names = {c.id: c for c in read.codelists(session)}
    if codelist_id not in names:
        raise ApiError(404, "unknown-codelist", _("There is no classifier with this id."))
    codes = [
        {
            "code": c.code,
            "label": c.label[lang],
            "parent": c.parent_code,
            "level": c.level,
            "valid_from": c.valid_from.isoformat(),
            "valid_to": c.valid_to.isoformat() if c.valid_to else None,
        }
        for c in LABELS.codes(session, codelist_id)
        if code is None or c.code == code
    ]
    body = page(codes, cursor, limit, f"classifier:{codelist_id}:{code or ''}")
    return {
        "id": codelist_id,
        "label": names[codelist_id].name[lang],
        "version": names[codelist_id].version,
        "codes": body["items"],
        "next": body["next"],
    }


def soate_tree(session: Session, lang: str) -> dict[str, Any]:
    """СОАТЕ as a tree: the country, its oblasts and cities, their districts."""
    nodes: dict[str, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for c in LABELS.codes(session, "soate"):
        nodes[c.code] = {"code": c.code, "label": c.label[lang], "level": c.level, "children": []}
    for c in LABELS.codes(session, "soate"):
        parent = nodes.get(c.parent_code or "")
        (parent["children"] if parent else roots).append(nodes[c.code])
    return {"id": "soate", "tree": roots}


# ---------------------------------------------------------------- releases


def _release(r: read.ReleaseInfo) -> dict[str, Any]:
    return {
        "id": r.id,
        "reference_period": r.reference_period,
        "status": r.status,
        "published_at": r.published_at.isoformat(),
        "revises": r.revises_id,
        "revised_by": list(r.revised_by),
        "synthetic": r.synthetic,
        "url": f"/api/v1/releases/{r.id}",
    }


def calendar(session: Session, now: datetime) -> dict[str, Any]:
    cal = read.release_calendar(session, now)
    return {
        "published": [_release(r) for r in cal.published],
        "revised": [r.id for r in cal.published if r.revised_by],
        "upcoming": [
            {
                "id": u.id,
                "reference_period": u.reference_period,
                "status": u.status,
                "scheduled_at": u.scheduled_at.isoformat(),
            }
            for u in cal.upcoming
        ],
    }


def release_notes(session: Session, now: datetime, release_id: str) -> dict[str, Any]:
    r = resolve_release(session, now, release_id)
    checks = r.notes.get("checks") or []
    return {
        **_release(r),
        "notes": {
            "checks_passed": bool(r.notes.get("checks_passed")),
            "checks": [
                {
                    "name": str(c.get("name", "")),
                    "passed": bool(c.get("passed")),
                    "compared": int(c.get("compared", 0) or 0),
                    "failed": int(c.get("failed", 0) or 0)
                    if not isinstance(c.get("failed"), list)
                    else len(c["failed"]),
                }
                for c in checks
                if isinstance(c, dict)
            ],
            "years": list(r.notes.get("years") or []),
        },
    }


# ---------------------------------------------------------------- highlights

#: The key figures of "Kyrgyzstan in figures": indicator and the cell (other dims at _T).
KEY_FIGURES: tuple[tuple[str, dict[str, str]], ...] = (
    ("pop_jan1", {"soate": "417"}),
    ("births", {"soate": "417"}),
    ("deaths", {"soate": "417"}),
    ("natural_increase", {"soate": "417"}),
    ("crude_birth_rate", {"soate": "417"}),
    ("tfr", {"soate": "417"}),
    ("life_expectancy", {"soate": "417", "age_lt": "Y0"}),
    ("infant_mortality_rate", {"soate": "417"}),
    ("mig_net", {"soate": "417"}),
)

#: Whole-sentence templates: word order, case and the year's form differ by language, so the
#: sentence is made from one template per language rather than from translated fragments.
SENTENCES = {
    "en": "{name}: {value} {unit} in {period}, {change} on {previous}.",
    "ru": "{name}: {value} {unit} в {period} году, {change} по сравнению с {previous} годом.",
    "ky": "{name}: {period}-жылы {value} {unit}, {previous}-жылга салыштырмалуу {change}.",
}
CHANGES = {
    "en": ("up {pct} %", "down {pct} %", "unchanged"),
    "ru": ("рост на {pct} %", "снижение на {pct} %", "без изменений"),
    "ky": ("{pct} % өскөн", "{pct} % азайган", "өзгөргөн жок"),
}


def _number(value: float, decimals: int, lang: str) -> str:
    from decimal import ROUND_HALF_UP, Decimal

    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    return format_decimal(
        rounded, format="#,##0" + ("." + "0" * decimals if decimals else ""), locale=lang
    )


def summary(
    name: str,
    value: float,
    previous: float | None,
    unit: str,
    period: str,
    prev: str,
    decimals: int,
    lang: str,
) -> str:
    """One sentence: the figure, its period and its change on the previous period."""
    up, down, same = CHANGES[lang]
    if previous in (None, 0):
        change = same if previous == value else "—"
    else:
        assert previous is not None
        pct = (value - previous) / abs(previous) * 100
        text = _number(abs(pct), 1, lang)
        change = same if text in ("0.0", "0,0") else (up if pct > 0 else down).format(pct=text)
    return SENTENCES[lang].format(
        name=name,
        value=_number(value, decimals, lang),
        unit=unit,
        period=period,
        change=change,
        previous=prev,
    )


def highlights(session: Session, now: datetime, lang: str) -> dict[str, Any]:
    release = resolve_release(session, now, None)
    items = []
    for indicator_id, cell in KEY_FIGURES:
        info = read.indicator(session, indicator_id)
        if info is None:
            continue
        periods = read.periods(session, release.id, indicator_id)
        if not periods:
            continue
        latest, previous = periods[-1], periods[-2] if len(periods) > 1 else None
        now_row = read.value(session, release.id, indicator_id, latest, **cell)
        if now_row is None or now_row.value is None or now_row.conf != "F":
            continue
        before = (
            read.value(session, release.id, indicator_id, previous, **cell) if previous else None
        )
        before_value = before.value if before is not None else None
        unit = words.unit_label(info.unit)
        items.append(
            {
                "indicator": indicator_id,
                "label": info.name[lang],
                "period": latest,
                "value": now_row.value,
                "status": now_row.status,
                "unit": info.unit,
                "unit_label": unit,
                "decimals": info.decimals,
                "previous_period": previous,
                "previous_value": before_value,
                "change": None if before_value is None else now_row.value - before_value,
                "change_percent": None
                if not before_value
                else (now_row.value - before_value) / abs(before_value) * 100,
                "summary": summary(
                    info.name[lang],
                    now_row.value,
                    before_value,
                    unit,
                    latest,
                    previous or "—",
                    info.decimals,
                    lang,
                ),
                "data_url": f"/api/v1/data/{indicator_id}",
            }
        )
    return {"release": _release(release), "synthetic": release.synthetic, "items": items}


# ---------------------------------------------------------------- search

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "j",
            "z",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "n",
            "o",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "u",
            "f",
            "h",
            "ts",
            "ch",
            "sh",
            "sh",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)
_LATIN = (("zh", "j"), ("dj", "j"), ("kh", "h"), ("ü", "u"), ("ö", "o"), ("ñ", "n"), ("ng", "n"))


def fold(text: str) -> str:
    """A spelling-blind key: Cyrillic transliterated, ң/ө/ү as н/о/у, case and marks gone.

    ``Ысык-Көл``, ``ысык-кол`` and ``ysyk-kol`` fold alike, as do ``Джалал-Абад`` and
    ``Jalal-Abad``.
    """
    text = text.lower()
    text = "".join(_CYRILLIC.get(ch, ch) for ch in text)
    for latin, plain in _LATIN:
        text = text.replace(latin, plain)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class _Doc:
    kind: str
    id: str
    labels: dict[str, str]
    keys: tuple[str, ...]


def _documents(session: Session, now: datetime) -> list[_Doc]:
    release = read.latest_public_release(session, now)
    cover = read.coverage(session, release.id) if release else {}
    docs = [
        _Doc("indicator", i.id, dict(i.name), tuple(fold(t) for t in (*i.name.values(), i.id)))
        for i in read.indicators(session)
        if i.id in cover
    ]
    for c in LABELS.codes(session, "soate"):
        alt = c.attributes.get("alt_names_ru") or []
        docs.append(
            _Doc(
                "territory",
                c.code,
                dict(c.label),
                tuple(fold(t) for t in (*c.label.values(), *alt)),
            )
        )
    return docs


def search(
    session: Session, now: datetime, lang: str, q: str, cursor: str | None, limit: int
) -> dict[str, Any]:
    key = fold(q)
    if not key:
        raise ApiError(
            400,
            "empty-query",
            _("Type at least one letter or digit to search."),
            invalid_params=[{"name": "q", "reason": "empty"}],
        )
    scored = []
    for doc in _documents(session, now):
        best = 0
        for text in doc.keys:
            if text == key:
                best = max(best, 3)
            elif text.startswith(key) or f" {key}" in f" {text}":
                best = max(best, 2)
            elif key in text:
                best = max(best, 1)
        if best:
            scored.append((-best, doc.kind != "territory", doc.labels[lang], doc))
    scored.sort(key=lambda item: item[:3])
    results = [
        {
            "type": doc.kind,
            "id": doc.id,
            "label": doc.labels[lang],
            "score": -score,
            "url": f"/api/v1/catalog/{doc.id}"
            if doc.kind == "indicator"
            else f"/api/v1/classifiers/soate?code={doc.id}",
        }
        for score, _kind, _label, doc in scored
    ]
    body = page(results, cursor, limit, f"search:{key}")
    return {"query": q, "results": body["items"], "next": body["next"]}


# ---------------------------------------------------------------- sync

_FINGERPRINTS: dict[str, dict[str, str]] = {}


def _fingerprints(session: Session, release_id: str) -> dict[str, str]:
    if release_id not in _FINGERPRINTS:  # releases are immutable
        _FINGERPRINTS[release_id] = read.indicator_fingerprints(session, release_id)
    return _FINGERPRINTS[release_id]


def sync(session: Session, now: datetime, since: str | None) -> dict[str, Any]:
    """What changed since the version (release id) the app holds: an incremental update."""
    current = resolve_release(session, now, None)
    releases = read.public_releases(session, now)
    new = _fingerprints(session, current.id)
    old_release = read.public_release(session, since, now) if since else None
    full = old_release is None
    old = {} if old_release is None else _fingerprints(session, old_release.id)
    newer = [
        r.id
        for r in releases
        if old_release is None
        or (r.published_at, r.id) > (old_release.published_at, old_release.id)
    ]
    return {
        "version": current.id,
        "since": old_release.id if old_release else None,  # never echo an unknown id
        "full": full,
        "up_to_date": not full and since == current.id,
        "releases": newer,
        "indicators": {
            "changed": sorted(i for i in new if i in old and old[i] != new[i]),
            "added": sorted(i for i in new if i not in old),
            "removed": sorted(i for i in old if i not in new),
            "unchanged": sorted(i for i in new if i in old and old[i] == new[i]),
        },
        "fingerprints": new,
    }


# ---------------------------------------------------------------- publications

_RELEASE_ID = re.compile(r"^\d{4}-[PF]\d+$")


def _describe(path: Path, root: Path) -> tuple[str | None, str | None]:
    parts = [*path.relative_to(root).parent.parts, *re.split(r"[_.]+", path.stem)]
    tokens = [t for part in parts for t in (part, *part.split("-"))]
    lang = next((t for t in tokens if t in LOCALES), None)
    release = next(
        (
            p
            for p in [*path.relative_to(root).parts, *re.findall(r"\d{4}-[PF]\d+", path.name)]
            if _RELEASE_ID.match(p)
        ),
        None,
    )
    return lang, release


def publication_files(root: Path, public: Callable[[str], bool]) -> list[tuple[Path, str, str]]:
    """PDFs under ``root`` whose release is public: (path, language, release id)."""
    if not root.is_dir():
        return []
    found = []
    for path in sorted(root.rglob("*.pdf")):
        lang, release = _describe(path, root)
        if lang and release and public(release):
            found.append((path, lang, release))
    return found


def _publication_title(path: Path) -> str:
    """The book's title in its language, from the record the build writes beside the PDF."""
    sidecar = path.with_name(f"{path.stem}.cells.json")
    try:
        title = json.loads(sidecar.read_text(encoding="utf-8")).get("title")
    except (OSError, ValueError):
        title = None
    return str(title) if title else path.stem.replace("_", " ")


def publications(session: Session, now: datetime, root: Path, lang: str | None) -> dict[str, Any]:
    public = {r.id for r in read.public_releases(session, now)}
    items = [
        {
            "file": path.relative_to(root).as_posix(),
            "title": _publication_title(path),
            "language": file_lang,
            "release": release,
            "bytes": path.stat().st_size,
            "url": f"/api/v1/publications/files/{path.relative_to(root).as_posix()}",
        }
        for path, file_lang, release in publication_files(root, public.__contains__)
        if lang is None or file_lang == lang
    ]
    return {"items": items}


def publication_path(session: Session, now: datetime, root: Path, name: str) -> Path:
    public = {r.id for r in read.public_releases(session, now)}
    for path, _lang, _release in publication_files(root, public.__contains__):
        if path.relative_to(root).as_posix() == name:
            return path
    raise ApiError(404, "unknown-publication", _("There is no public publication with this name."))


def index(session: Session, now: datetime) -> dict[str, Any]:
    latest = read.latest_public_release(session, now)
    paths = ("catalog", "config", "flags", "classifiers", "releases", "highlights", "search")
    return {
        "name": "StatKG API",
        "synthetic": bool(latest and latest.synthetic),
        "links": {
            **{p: f"/api/v1/{p}" for p in (*paths, "sync", "publications")},
            "data": "/api/v1/data/{indicator}",
            "openapi": "/api/v1/openapi.json",
            "docs": "/api/v1/docs",
        },
    }
