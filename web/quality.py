"""The quality page, in summary: the checks of the latest public release, the migration
records still waiting for their other half, and where the full reports are."""

from __future__ import annotations

from flask import Response

from api.http import mark_source, public_answer, snapshot
from api.v1.releases.service import release_notes
from l10n import _, texts
from web.blueprint import blueprint
from web.render import page


@blueprint.get("/<lang:lang>/quality/")
@public_answer
def quality(lang: str) -> Response:
    latest = snapshot().latest
    notes = release_notes(snapshot(), latest.id)["notes"] if latest else None
    if latest is not None:
        mark_source(latest.published_at)
    checks = notes["checks"] if notes else []
    return page(
        "web/quality.html",
        title=_("Quality of the data"),
        release=latest,
        notes=notes,
        passed=sum(1 for c in checks if c["passed"]),
        total=len(checks),
        unmatched_kinds=texts.UNMATCHED_MOVES,
    )
