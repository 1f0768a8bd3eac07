"""Data requests: the form (the API's own schema and intake, so a field is refused for the
same reason, shown next to it), and the requester's status page at the private token's
address, with the download links once the files are made.

The status page is the requester's alone: never cached (``no-store``), never indexed
(``noindex``, and ``robots.txt`` disallows it).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from flask import Response, redirect, request, url_for
from marshmallow import ValidationError
from werkzeug.wrappers import Response as WerkzeugResponse

from api.cache import utcnow
from api.http import config, database, private, snapshot
from api.requests import schemas
from config import LOCALES
from exports import requests as service
from exports.spec import BREAKDOWNS, MICRODATA_INDICATORS, SOURCES
from exports.writers import FORMATS
from l10n import _, current_language, lazy_gettext
from l10n.validation import localise
from store.models import RequestStatus
from web.blueprint import blueprint, error_page
from web.render import page
from web.topics import published

STATUS = {
    RequestStatus.RECEIVED.value: lazy_gettext("received: waiting for review"),
    RequestStatus.IN_WORK.value: lazy_gettext("accepted: the table is being prepared"),
    RequestStatus.FULFILLED.value: lazy_gettext("ready: the files can be downloaded"),
    RequestStatus.REJECTED.value: lazy_gettext("rejected"),
}
#: The form's fields by the API's field paths (the schema's nesting, dotted).
FIELDS = {
    "contact.name": "name",
    "contact.email": "email",
    "contact.organisation": "organisation",
    "purpose": "purpose",
    "table.source": "source",
    "table.indicator": "indicator",
    "table.periods": "periods",
    "table.breakdowns": "breakdowns",
    "table.territory": "territory",
    "table.release": "indicator",
    "language": "language",
    "formats": "formats",
    "options.csv_separator": "csv_separator",
}
#: The intake's own refusals (:class:`exports.requests.RequestInvalidError`) by field.
INTAKE = {
    "formats": "formats",
    "source": "source",
    "indicator": "indicator",
    "breakdowns": "breakdowns",
    "territory": "territory",
    "periods": "periods",
    "release": "periods",
}


def _filled(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields given: an empty box is a missing field ("This field is required."),
    not a string too short."""
    return {k: v for k, v in fields.items() if v not in ("", [])}


def _body(form: Any) -> dict[str, Any]:
    """The form as the API's JSON body (``NewRequest``)."""
    periods = [p for p in re.split(r"[\s,;]+", form.get("periods", "")) if p]
    table: dict[str, Any] = {
        "source": form.get("source", ""),
        "indicator": form.get("indicator", ""),
        "periods": periods,
        "breakdowns": form.getlist("breakdowns"),
    }
    if form.get("territory", "").strip():
        table["territory"] = form.get("territory", "").strip()
    return _filled(
        {
            "contact": _filled(
                {
                    "name": form.get("name", "").strip(),
                    "email": form.get("email", "").strip(),
                    "organisation": form.get("organisation", "").strip(),
                }
            ),
            "purpose": form.get("purpose", "").strip(),
            "table": _filled(table),
            "language": form.get("language", ""),
            "formats": form.getlist("formats"),
            "options": {"csv_separator": form.get("csv_separator", ",")},
        }
    )


def _flatten(messages: Any, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in messages.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, f"{path}."))
        else:
            items = value if isinstance(value, list) else [value]
            out[path] = "; ".join(localise(v) for v in items)
    return out


def field_errors(messages: dict[str, Any]) -> dict[str, str]:
    """The schema's messages on the form's fields (a list's item errors on the list), in
    the page's language."""
    errors: dict[str, str] = {}
    for path, reason in _flatten(messages).items():
        parts = path.split(".")
        while parts and parts[-1].isdigit():  # periods.0 → periods
            parts.pop()
        name = FIELDS.get(".".join(parts), "purpose")
        errors[name] = f"{errors[name]}; {reason}" if name in errors else reason
    return errors


def breakdown_labels() -> dict[str, str]:
    """Each breakdown a request may ask for by its name in the page's language: the
    catalog's dimension labels as the release carries them (its id only if no indicator has
    that dimension, then the name of the codelist of that id, then the id)."""
    snap, lang = snapshot(), current_language()
    found: dict[str, Any] = {}
    for info in snap.indicators.values():
        for dim, labels in info.dimension_labels.items():
            found.setdefault(dim, labels)
    for b in BREAKDOWNS:
        if b not in found and b in snap.codelists:
            found[b] = snap.codelists[b].name
    return {b: str((found.get(b) or {}).get(lang) or b) for b in BREAKDOWNS}


def _form_page(values: Any, errors: dict[str, str], status: int) -> Response:
    topics = published()
    indicators = [info for infos in topics.values() for info in infos]
    return page(
        "web/request_form.html",
        status=status,
        title=_("Ask for data"),
        values=values,
        errors=errors,
        indicators=indicators,
        microdata=MICRODATA_INDICATORS,
        sources=SOURCES,
        breakdowns=breakdown_labels(),
        formats=FORMATS,
        languages_=LOCALES,
    )


def indicator_name(indicator_id: str) -> str:
    """An indicator's name in the page's language (its id if the catalog has none)."""
    info = snapshot().indicators.get(indicator_id)
    return str(info.name[current_language()]) if info is not None else indicator_id


@blueprint.get("/<lang:lang>/requests/new")
def new_request(lang: str) -> Response:
    return _form_page({"language": lang, "source": "release", "formats": ["csv"]}, {}, 200)


@blueprint.post("/<lang:lang>/requests/new")
def submit_request(lang: str) -> Response | WerkzeugResponse:
    values = {
        **request.form.to_dict(),
        "breakdowns": request.form.getlist("breakdowns"),
        "formats": request.form.getlist("formats"),
    }
    try:
        body = schemas.NewRequest().load(_body(request.form))
    except ValidationError as error:
        return private(_form_page(values, field_errors(error.messages_dict), 400))
    try:
        with database().transaction() as session:
            _row, token = service.submit(session, body, utcnow())
    except service.RequestInvalidError as error:
        errors = {INTAKE.get(k, "purpose"): str(v) for k, v in error.fields.items()}
        return private(_form_page(values, errors, 400))
    return redirect(url_for("web.request_status", lang=lang, token=token), code=303)


@blueprint.get("/<lang:lang>/requests/<string:token>")
def request_status(lang: str, token: str) -> Response:
    settings = service.Settings.from_config(config())
    try:
        with database().session() as session:
            view = service.public_view(
                service.by_token(session, token),
                settings,
                lambda signed: url_for("data_requests.DownloadView", link=signed),
            )
    except service.RequestNotFoundError:
        return private(error_page(404, _("Not found"), _("There is nothing at this address.")))
    return private(
        page(
            "web/request_status.html",
            title=_("Request %(id)s") % {"id": view["id"]},
            view=view,
            received=datetime.fromisoformat(view["received_at"]),
            indicator=indicator_name(view["table"].get("indicator", "")),
            breakdowns=[breakdown_labels().get(b, b) for b in view["table"].get("breakdowns", [])],
            status_text=str(STATUS.get(view["status"], view["status"])),
            robots="noindex, nofollow",
        )
    )
