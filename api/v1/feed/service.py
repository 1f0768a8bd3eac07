"""The app's feed: key figures with their change (highlights), search, and sync.

Each reads the public releases through the metadata snapshot (:mod:`api.metadata`) and the
key index (:mod:`store.observations`), so the embargo holds and nothing reads a whole
indicator.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from api import vocabulary as words
from api.exceptions import InvalidParameterError
from api.metadata import Snapshot
from api.paging import page
from api.v1.data.service import as_released, present_codes, resolve_release
from api.v1.releases.service import release_entry
from l10n import _
from l10n.numbers import machine, number, percent, published
from l10n.units import counted
from store import read
from store.observations import select_cells

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
    "en": ("up {pct}", "down {pct}", "unchanged"),
    "ru": ("рост на {pct}", "снижение на {pct}", "без изменений"),
    "ky": ("{pct} өскөн", "{pct} азайган", "өзгөргөн жок"),
}
#: A balance (net migration, natural increase) can cross zero: a percentage change of it
#: misleads ("up 89 %" from −5 to +4), so its sentence says from what to what.
BALANCE_SENTENCES = {
    "en": "{name}: {value} {unit} in {period}, against {before} in {previous}.",
    "ru": "{name}: {value} {unit} в {period} году против {before} в {previous} году.",
    "ky": "{name}: {period}-жылы {value} {unit}, {previous}-жылы {before} болгон.",
}


def summary(
    name: str,
    value: float,
    previous: float | None,
    unit: str,
    period: str,
    prev: str,
    decimals: int,
    lang: str,
    balance: bool = False,
    share: float | None = None,
) -> str:
    """One sentence: the figure, its period and its change on the previous period.

    A ``balance`` is compared by its two values; other figures by their percentage change
    ``share`` (:func:`change_share`: passed by a caller that has it, else computed here).
    """
    if balance and previous is not None:
        return BALANCE_SENTENCES[lang].format(
            name=name,
            value=number(value, decimals, lang),
            unit=unit,
            period=period,
            before=number(previous, decimals, lang),
            previous=prev,
        )
    up, down, same = CHANGES[lang]
    if share is None:
        share = change_share(value, previous)
    if share is None:
        change = same if previous == value else "—"
    elif machine(abs(share) * 100, 1) == 0:  # what the percentage publishes as: 0.0
        change = same
    else:
        change = (up if share > 0 else down).format(pct=percent(abs(share), 1, lang))
    return SENTENCES[lang].format(
        name=name,
        value=number(value, decimals, lang),
        unit=unit,
        period=period,
        change=change,
        previous=prev,
    )


def change_share(value: float, previous: float | None) -> float | None:
    """The relative change from ``previous`` to ``value`` (0.105 for +10.5 %); ``None``
    without a previous value or from zero, where no percentage exists."""
    if not previous:
        return None
    return (value - previous) / abs(previous)


def _key_cells(
    connect: Callable[[], AbstractContextManager[Connection]],
    snapshot: Snapshot,
    release: read.ReleaseInfo,
) -> list[tuple[read.IndicatorInfo, list[str], dict[str, tuple[Any, ...]]]]:
    """Each key figure's indicator, its last two periods and its cell in each (by period):
    the codes named in ``KEY_FIGURES``, every other dimension at its total, one read each,
    on one connection held for the reads alone."""
    wanted = []
    for indicator_id, cell in KEY_FIGURES:
        info = snapshot.indicators.get(indicator_id)
        if info is None:
            continue
        info = as_released(snapshot, release.id, info)
        periods = sorted(present_codes(snapshot, release.id, indicator_id).get("period", ()))
        if periods:
            wanted.append((info, cell, periods[-2:]))
    found = []
    with connect() as connection:
        for info, cell, periods in wanted:
            where = {d: [cell.get(d, read.TOTAL)] for d in info.dimensions}
            rows = select_cells(connection, release.id, info.id, info.dimensions, periods, where)
            found.append((info, periods, {row[len(info.dimensions)]: row for row in rows}))
    return found


def highlights(
    connect: Callable[[], AbstractContextManager[Connection]], snapshot: Snapshot, lang: str
) -> dict[str, Any]:
    release = resolve_release(snapshot, None)
    items = []
    for info, periods, cells in _key_cells(connect, snapshot, release):
        n = len(info.dimensions)
        latest, previous = periods[-1], periods[-2] if len(periods) > 1 else None
        now_row, before = cells.get(latest), cells.get(previous) if previous else None
        if now_row is None or now_row[n + 3] != "F":
            continue
        value = published(now_row[n + 1], now_row[n + 2], now_row[n + 3], info.decimals)
        if value is None:
            continue
        before_value = (
            published(before[n + 1], before[n + 2], before[n + 3], info.decimals)
            if before
            else None
        )
        share = None if info.balance else change_share(value, before_value)
        items.append(
            {
                "indicator": info.id,
                "label": info.name[lang],
                "period": latest,
                "value": value,
                "status": now_row[n + 2],
                "unit": info.unit,
                "unit_label": words.unit_label(info.unit),
                "decimals": info.decimals,
                "previous_period": previous,
                "previous_value": before_value,
                "change": None
                if before_value is None
                else machine(value - before_value, info.decimals),
                "change_percent": None if share is None else machine(share * 100, 1),
                "summary": summary(
                    info.name[lang],
                    value,
                    before_value,
                    counted(info.unit, value, info.decimals),
                    latest,
                    previous or "—",
                    info.decimals,
                    lang,
                    balance=info.balance,
                    share=share,
                ),
                "data_url": f"/api/v1/data/{info.id}",
            }
        )
    return {"release": release_entry(release), "synthetic": release.synthetic, "items": items}


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


def _documents(snapshot: Snapshot) -> list[_Doc]:
    """What search looks through, built once per snapshot."""

    def build(_session: Any) -> list[_Doc]:
        release = snapshot.latest
        cover = snapshot.coverage(release.id) if release else {}
        docs = [
            _Doc("indicator", i.id, dict(i.name), tuple(fold(t) for t in (*i.name.values(), i.id)))
            for i in snapshot.indicators.values()
            if i.id in cover
        ]
        for c in snapshot.codes("soate"):
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

    return snapshot.memo(("search-documents",), build)


def search(snapshot: Snapshot, lang: str, q: str, cursor: str | None, limit: int) -> dict[str, Any]:
    key = fold(q)
    if not key:
        raise InvalidParameterError(
            "empty-query",
            _("Type at least one letter or digit to search."),
            invalid_params=[{"name": "q", "reason": "empty"}],
        )
    scored = []
    for doc in _documents(snapshot):
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


def _fingerprints(snapshot: Snapshot, release_id: str) -> dict[str, str]:
    return snapshot.memo(  # releases are immutable
        ("fingerprints", release_id),
        lambda session: read.indicator_fingerprints(session, release_id),
    )


def sync(snapshot: Snapshot, since: str | None) -> dict[str, Any]:
    """What changed since the version (release id) the app holds: an incremental update."""
    current = resolve_release(snapshot, None)
    releases = snapshot.releases
    new = _fingerprints(snapshot, current.id)
    old_release = snapshot.release(since) if since else None
    full = old_release is None
    old = {} if old_release is None else _fingerprints(snapshot, old_release.id)
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
