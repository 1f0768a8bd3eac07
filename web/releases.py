"""Releases: the calendar (published, and upcoming with their embargo times), and each
public release's notes — its checks and what it revised, by how much.

The revisions come from :func:`store.revisions.diff` between a release and the public
release it revises, summarised per indicator once per public state (releases never change).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Response, g

from api.http import database, mark_source, public_answer, public_state, snapshot
from api.v1.releases.service import release_notes
from l10n import _
from store import read
from store.revisions import LISTED, Change, changes_of, diff, summarise
from web.blueprint import blueprint
from web.render import page

#: The most changed cells the page lists in all (the page weight: about 300 bytes each),
#: shared between the revised indicators, never fewer than :data:`MIN_ROWS` each.
ROWS_PER_PAGE, MIN_ROWS = 400, 3


@dataclass(frozen=True)
class Revised:
    """What a revision changed in one indicator: how many cells, and the largest changes."""

    indicator: read.IndicatorInfo
    changed: int
    added: int
    removed: int
    largest: list[Change]


def revisions(release: read.ReleaseInfo) -> list[Revised]:
    """The revision of the public release ``release`` revises, by indicator (or nothing).

    Read from the release's notes, where the computation summarised it
    (:func:`store.revisions.summarise`); a release computed before that is diffed here
    once per public state (releases never change).
    """
    snap = snapshot()
    old = snap.release(release.revises_id) if release.revises_id else None
    if old is None:
        return []

    def build(session: Any) -> dict[str, Any]:
        return summarise(diff(session, old.id, release.id))

    summary = release.notes.get("revisions")
    if summary is None:
        summary = snap.memo(("web-revisions", old.id, release.id), build)
    revised = [(i, found) for i, found in summary.items() if i in snap.indicators]
    rows = max(MIN_ROWS, min(LISTED, ROWS_PER_PAGE // max(1, len(revised))))
    return [
        Revised(
            snap.indicators[indicator_id],
            int(found["changed"]),
            int(found["added"]),
            int(found["removed"]),
            changes_of(indicator_id, found)[:rows],
        )
        for indicator_id, found in revised
    ]


def cell_label(info: read.IndicatorInfo, key: str, lang: str) -> str:
    """A revised cell by its codes' labels (``Bishkek city, Female``), not its raw key."""
    snap, words = snapshot(), []
    for part in key.split("|"):
        dim, _sep, code = part.partition("=")
        if not dim:
            continue
        codelist = info.codelists.get(dim, dim)
        labels = _labels(snap, codelist)
        words.append(str((labels.get(code) or {}).get(lang) or code))
    return ", ".join(words)


def _labels(snap: Any, codelist: str) -> dict[str, Any]:
    """A codelist's labels by code, made once per snapshot."""

    def make(_session: Any) -> dict[str, Any]:
        return {c.code: c.label for c in snap.codes(codelist)}

    return snap.memo(("web-code-labels", codelist), make)  # type: ignore[no-any-return]


@blueprint.get("/<lang:lang>/releases/")
@public_answer
def releases(lang: str) -> Response:
    public_state()
    with database().session() as session:
        calendar = read.release_calendar(session, g.now)
    latest = snapshot().latest
    if latest is not None:
        mark_source(latest.published_at)
    return page("web/releases.html", title=_("Releases"), calendar=calendar)


@blueprint.get("/<lang:lang>/releases/<string:release_id>/")
@public_answer
def release(lang: str, release_id: str) -> Response:
    notes = release_notes(snapshot(), release_id)  # NotFoundError for an embargoed id
    info = snapshot().release(release_id)
    assert info is not None
    mark_source(info.published_at, immutable=True)  # a public release never changes
    return page(
        "web/release.html",
        title=_("Release %(id)s") % {"id": release_id},
        release=info,
        notes=notes["notes"],
        revisions=revisions(info),
        listed=LISTED,
        cell_label=cell_label,
    )
