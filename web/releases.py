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
from store.revisions import Change, diff
from web.blueprint import blueprint
from web.render import page

#: The largest changes listed per release (every changed cell is counted).
LISTED = 25


@dataclass(frozen=True)
class Revised:
    """What a revision changed in one indicator: how many cells, and the largest changes."""

    indicator: read.IndicatorInfo
    changed: int
    added: int
    removed: int
    largest: list[Change]


def _size(change: Change) -> float:
    relative = change.relative
    return abs(relative) if relative is not None else 0.0


def revisions(release: read.ReleaseInfo) -> list[Revised]:
    """The revision of the public release ``release`` revises, by indicator (or nothing)."""
    snap = snapshot()
    old = snap.release(release.revises_id) if release.revises_id else None
    if old is None:
        return []

    def build(session: Any) -> list[Revised]:
        by_indicator: dict[str, list[Change]] = {}
        for change in diff(session, old.id, release.id):
            by_indicator.setdefault(change.indicator, []).append(change)
        out = []
        for indicator_id, changes in sorted(by_indicator.items()):
            info = snap.indicators.get(indicator_id)
            if info is None:
                continue
            both = [c for c in changes if c.old is not None and c.new is not None]
            out.append(
                Revised(
                    info,
                    len(both),
                    sum(1 for c in changes if c.old is None),
                    sum(1 for c in changes if c.new is None),
                    sorted(both, key=_size, reverse=True)[:LISTED],
                )
            )
        return out

    return snap.memo(("web-revisions", old.id, release.id), build)


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
    )
