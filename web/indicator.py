"""An indicator's page — definition, unit, methodology, footnotes, the legend of symbols, a
table with its selection form, an SVG chart of the same cells, downloads of exactly those
cells in every export format, and the same query in the API — and its downloads."""

from __future__ import annotations

import hashlib

from flask import Response, request

from api.exceptions import SelectionTooLargeError
from api.http import config, mark_source, max_age, public_answer, public_state
from exports.writers import WRITERS, Options
from l10n import _, current_language, flags, texts
from l10n.units import label as unit_label
from web import cells
from web.blueprint import blueprint, error_page
from web.chart import chart
from web.render import page
from web.topics import topic_label


def _form(release_id: str | None, indicator_id: str) -> dict[str, object]:
    """What the selection form offers: every dimension's codes, grouped by level."""
    release, info, doms = cells.domains_of(indicator_id, release_id)
    lang = current_language()
    dims = []
    for domain, labels, codelist in doms:
        groups: dict[str, list[tuple[str, str]]] = {}
        for code in domain.codes:
            level = domain.levels.get(code, "") if codelist == "soate" else ""
            groups.setdefault(level, []).append((code, labels[code][lang]))
        dims.append(
            {
                "id": domain.id,
                "label": cells.dimension_label(info, domain.id, lang),
                "groups": [
                    (str(texts.SOATE_LEVELS.get(level, "")), codes)
                    for level, codes in groups.items()
                ],
                "size": len(domain.codes),
            }
        )
    return {"release": release, "info": info, "dims": dims}


@blueprint.get("/<lang:lang>/indicators/<string:indicator_id>/")
@public_answer
def indicator(lang: str, indicator_id: str) -> Response:
    release_id = request.args.get("release") or None
    form = _form(release_id, indicator_id)
    info = form["info"]
    status, problem, view, table, drawing = 200, None, None, None, None
    try:
        view = cells.view(indicator_id, request.args)
    except SelectionTooLargeError as error:
        status, problem = 413, error.detail
    if view is not None:
        mark_source(view.release.published_at, immutable=view.pinned)
        table = cells.layout(view, lang)
        drawing = chart(
            table, len(view.info.dimensions), view.info.decimals, lang, view.info.additive
        )
    chosen = view.selection.chosen if view else cells.requested(request.args)
    periods = view.selection.chosen["period"] if view else []
    bounds = (
        (periods[0], periods[-1])
        if periods
        else (request.args.get(cells.PERIOD_FROM, ""), request.args.get(cells.PERIOD_TO, ""))
    )
    return page(
        "web/indicator.html",
        status=status,
        title=info.name[lang],  # type: ignore[attr-defined]
        description=info.definition[lang],  # type: ignore[attr-defined]
        info=info,
        topic=(info.topic, topic_label(info.topic)),  # type: ignore[attr-defined]
        unit=unit_label(info.unit),  # type: ignore[attr-defined]
        form=form,
        chosen=chosen,
        period_bounds=bounds,
        period_names=(cells.PERIOD_FROM, cells.PERIOD_TO),
        view=view,
        table=table,
        chart=drawing,
        problem=problem,
        symbols=flags.symbols(),
        statuses=flags.OBS_STATUS,
        formats=[(fmt, writer.extension) for fmt, writer in WRITERS.items()],
        page_cells=cells.PAGE_CELLS,
    )


@blueprint.get("/<lang:lang>/indicators/<string:indicator_id>/download.<string:fmt>")
def download(lang: str, indicator_id: str, fmt: str) -> Response:
    """The page's cells in one export format (any writer of :data:`exports.writers.WRITERS`)."""
    writer = WRITERS.get(fmt)
    if writer is None:
        return error_page(404, _("Not found"), _("There is nothing at this address."))
    view = cells.view(indicator_id, request.args, cells.api_limit())
    body = writer.write(cells.export_table(view), Options(language=lang))
    name = f"{view.info.id}_{view.release.id}_{lang}.{writer.extension}"
    response = Response(body, mimetype=writer.media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.set_etag(hashlib.blake2b(body, digest_size=12).hexdigest(), weak=True)
    response.last_modified = view.release.published_at
    seconds = max_age(public_state(), view.pinned, config().api_max_age)
    response.headers["Cache-Control"] = f"public, max-age={seconds}" + (
        ", immutable" if view.pinned else ""
    )
    response.make_conditional(request)
    return response
