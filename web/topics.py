"""Topics: the catalog's topics, and the indicators of one (what a release publishes)."""

from __future__ import annotations

from flask import Response

from api.http import mark_source, public_answer, snapshot
from l10n import _, texts
from store import read
from web.blueprint import blueprint, error_page
from web.render import page


def topic_label(topic: str) -> str:
    text = texts.TOPICS.get(topic)
    return topic if text is None else str(text)


def published() -> dict[str, list[read.IndicatorInfo]]:
    """The indicators of the latest public release, by topic (catalog order)."""
    snap = snapshot()
    latest = snap.latest
    cover = snap.coverage(latest.id) if latest else {}
    topics: dict[str, list[read.IndicatorInfo]] = {}
    for info in snap.indicators.values():
        if info.id in cover:
            topics.setdefault(info.topic, []).append(info)
    return topics


@blueprint.get("/<lang:lang>/topics/")
@public_answer
def topics(lang: str) -> Response:
    latest = snapshot().latest
    if latest is not None:
        mark_source(latest.published_at)
    return page(
        "web/topics.html",
        title=_("Topics"),
        topics=[(t, topic_label(t), infos) for t, infos in published().items()],
    )


@blueprint.get("/<lang:lang>/topics/<string:topic>/")
@public_answer
def topic(lang: str, topic: str) -> Response:
    infos = published().get(topic)
    if not infos:
        return error_page(404, _("Not found"), _("There is nothing at this address."))
    latest = snapshot().latest
    if latest is not None:
        mark_source(latest.published_at)
    return page("web/topic.html", title=topic_label(topic), topic=topic, indicators=infos)
