"""Data requests: intake, the lifecycle, the views, downloads and the audit trail.

received → in_work (a staff member accepts) → queued for the worker → fulfilled (files
made), or rejected with a reason. Every step writes a line to the audit trail (who, what,
when). The files are made by :mod:`exports.fulfil` in the background worker, never here:
this module is what the API may import, and it computes nothing (the import-linter
contracts in ``pyproject.toml`` hold the API away from anything that counts microdata).

The services raise the domain errors below; the API turns them into problem+json.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from exports import embargo
from exports.links import Links, link_secret
from exports.sdc import Rules
from exports.spec import (
    MICRODATA_BREAKDOWNS,
    MICRODATA_INDICATORS,
    SOURCES,
    SURVEY_INDICATORS,
    TableSpec,
)
from exports.writers import FORMATS
from l10n import _
from store import read
from store.models import DataRequest, DataRequestEvent, JobState, RequestStatus


class RequestNotFoundError(LookupError):
    """No such request (or the token does not open it)."""


class RequestStateError(ValueError):
    """The request is not in a state that allows this step."""


class RequestInvalidError(ValueError):
    """What was asked cannot be made; ``fields`` says which part and why."""

    def __init__(self, fields: Mapping[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in fields.items()))
        self.fields = dict(fields)


@dataclass(frozen=True)
class Settings:
    """What fulfilment needs from the configuration."""

    rules: Rules
    exports_dir: Path
    links: Links

    @classmethod
    def from_config(cls, config: Any, clock: Callable[[], float] | None = None) -> Settings:
        secret = link_secret(config.export_secret, config.pseudonym_secret)
        links = Links(secret, config.export_link_ttl, clock)
        return cls(
            rules=Rules(
                config.sdc_min_count,
                config.sdc_margin,
                config.sdc_min_sample,
                config.sdc_cv_flag,
                config.sdc_cv_suppress,
            ),
            exports_dir=Path(config.exports_dir),
            links=links,
        )


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def record_event(
    session: Session, request: DataRequest, actor: str, action: str, now: datetime, **detail: Any
) -> None:
    session.add(
        DataRequestEvent(request_id=request.id, at=now, actor=actor, action=action, detail=detail)
    )
    request.updated_at = now


# ---------------------------------------------------------------- intake


def _one_of(choices: Sequence[str]) -> str:
    return _("Must be one of: %(choices)s.") % {"choices": ", ".join(choices)}


def validate(session: Session, spec: TableSpec, formats: list[str], now: datetime) -> str:
    """Check that the table can be made and may be shown; the release it will come from."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise RequestInvalidError(
            {"formats": _("Choose one or more of: %(choices)s.") % {"choices": ", ".join(FORMATS)}}
        )
    if spec.source not in SOURCES:
        raise RequestInvalidError({"source": _one_of(SOURCES)})
    if spec.source == "microdata":
        if spec.indicator not in MICRODATA_INDICATORS:
            raise RequestInvalidError({"indicator": _one_of(MICRODATA_INDICATORS)})
        allowed = MICRODATA_BREAKDOWNS[spec.indicator]
        wrong = [b for b in spec.breakdowns if b not in allowed]
        if wrong or not spec.breakdowns or len(set(spec.breakdowns)) < len(spec.breakdowns):
            raise RequestInvalidError(
                {"breakdowns": _("Choose one or more breakdowns, each once.")}
            )
        if spec.indicator in SURVEY_INDICATORS and spec.territory != "417":
            raise RequestInvalidError(
                {
                    "territory": _(
                        "Survey estimates are for the whole country (417): ask for the oblast "
                        "as a breakdown."
                    )
                }
            )
        if "soate" not in allowed and spec.territory != "417":
            raise RequestInvalidError(
                {"territory": _("Border crossings have no territory: use 417, the whole country.")}
            )
        if not (spec.territory.startswith("417") and len(spec.territory) in (3, 5)):
            raise RequestInvalidError(
                {
                    "territory": _(
                        "417 for the whole country, or the 5-digit code of an oblast or city."
                    )
                }
            )
    elif read.indicator(session, spec.indicator) is None:
        raise RequestInvalidError({"indicator": _("There is no indicator with this id.")})
    if not spec.periods:
        raise RequestInvalidError({"periods": _("Give at least one year.")})
    try:
        if spec.source == "microdata":
            years = [int(p) for p in spec.periods]
            release = embargo.release_for_microdata(session, years, now)
        else:
            release = embargo.release_for_table(session, spec.release, now)
    except embargo.EmbargoedError as error:
        raise RequestInvalidError(
            {"release" if spec.source == "release" else "periods": _("Not published yet.")}
        ) from error
    except ValueError as error:
        raise RequestInvalidError({"periods": _("Write years like 2024.")}) from error
    return release.id


def submit(session: Session, data: Mapping[str, Any], now: datetime) -> tuple[DataRequest, str]:
    """Record a new request; return it and the requester's token (shown once, stored hashed)."""
    spec = TableSpec.from_dict(data["table"])
    formats = list(dict.fromkeys(data["formats"]))
    release_id = validate(session, spec, formats, now)
    token = secrets.token_urlsafe(24)
    request = DataRequest(
        id=f"R{now:%Y%m%d}-{secrets.token_hex(3).upper()}",
        token_digest=digest(token),
        status=RequestStatus.RECEIVED,
        received_at=now,
        updated_at=now,
        contact_name=data["contact"]["name"],
        contact_email=data["contact"]["email"],
        organisation=data["contact"].get("organisation", ""),
        purpose=data["purpose"],
        language=data["language"],
        formats=formats,
        spec={"table": spec.as_dict(), "options": dict(data.get("options") or {})},
        release_id=release_id,
        job_state=JobState.NONE,
        progress=0,
        files=[],
        disclosure={},
    )
    session.add(request)
    session.flush()
    record_event(session, request, "requester", "received", now, formats=formats)
    return request, token


# ---------------------------------------------------------------- views


def by_token(session: Session, token: str) -> DataRequest:
    request = session.scalar(select(DataRequest).where(DataRequest.token_digest == digest(token)))
    if request is None:
        raise RequestNotFoundError(token[:4])
    return request


def by_id(session: Session, request_id: str) -> DataRequest:
    request = session.get(DataRequest, request_id)
    if request is None:
        raise RequestNotFoundError(request_id)
    return request


def public_view(
    request: DataRequest, settings: Settings, link: Callable[[str], str]
) -> dict[str, Any]:
    """What the requester sees: state, progress, reason, and fresh signed links to the files."""
    body: dict[str, Any] = {
        "id": request.id,
        "status": request.status.value,
        "job": request.job_state.value,
        "progress": request.progress,
        "received_at": request.received_at.isoformat(),
        "updated_at": request.updated_at.isoformat(),
        "formats": request.formats,
        "table": request.spec.get("table", {}),
        "release": request.release_id,
    }
    if request.status is RequestStatus.REJECTED:
        body["reason"] = request.reason
    if request.status is RequestStatus.FULFILLED:
        body["disclosure_control"] = request.disclosure
        body["files"] = [
            {**f, "url": link(settings.links.make(request.id, f["name"]))} for f in request.files
        ]
        body["links_expire_in"] = settings.links.ttl
    return body


def staff_view(request: DataRequest) -> dict[str, Any]:
    """Everything about a request, its audit trail included (staff only)."""
    return {
        "id": request.id,
        "status": request.status.value,
        "job": request.job_state.value,
        "progress": request.progress,
        "received_at": request.received_at.isoformat(),
        "updated_at": request.updated_at.isoformat(),
        "contact": {
            "name": request.contact_name,
            "email": request.contact_email,
            "organisation": request.organisation,
        },
        "purpose": request.purpose,
        "language": request.language,
        "formats": request.formats,
        "spec": request.spec,
        "release": request.release_id,
        "reason": request.reason,
        "files": request.files,
        "disclosure_control": request.disclosure,
        "audit_trail": [
            {"at": e.at.isoformat(), "actor": e.actor, "action": e.action, "detail": e.detail}
            for e in request.events
        ],
    }


def staff_list(session: Session, status: str | None = None) -> list[dict[str, Any]]:
    query = select(DataRequest).order_by(DataRequest.received_at.desc())
    if status:
        query = query.where(DataRequest.status == RequestStatus(status))
    return [
        {
            "id": r.id,
            "status": r.status.value,
            "job": r.job_state.value,
            "received_at": r.received_at.isoformat(),
            "organisation": r.organisation,
            "formats": r.formats,
            "table": r.spec.get("table", {}),
        }
        for r in session.scalars(query)
    ]


# ---------------------------------------------------------------- staff steps


def accept(session: Session, request_id: str, actor: str, now: datetime) -> DataRequest:
    request = by_id(session, request_id)
    if request.status is not RequestStatus.RECEIVED:
        raise RequestStateError(request.status.value)
    request.status = RequestStatus.IN_WORK
    record_event(session, request, actor, "accepted", now)
    return request


def reject(
    session: Session, request_id: str, actor: str, reason: str, now: datetime
) -> DataRequest:
    request = by_id(session, request_id)
    if request.status not in (RequestStatus.RECEIVED, RequestStatus.IN_WORK):
        raise RequestStateError(request.status.value)
    if request.job_state is JobState.RUNNING:
        raise RequestStateError("running")
    request.status, request.reason = RequestStatus.REJECTED, reason
    request.job_state = JobState.NONE
    record_event(session, request, actor, "rejected", now, reason=reason)
    return request


def review(
    session: Session,
    request_id: str,
    action: str,
    actor: str,
    now: datetime,
    reason: str | None = None,
) -> DataRequest:
    """Accept a request (``action`` ``accept``) or reject it, which needs a ``reason``.

    The one review step behind the staff API and ``flask requests review``.
    """
    if action == "accept":
        return accept(session, request_id, actor, now)
    if not reason:
        raise RequestInvalidError({"reason": "required to reject"})
    return reject(session, request_id, actor, reason, now)


def queue(session: Session, request_id: str, actor: str, now: datetime) -> DataRequest:
    """Hand an accepted request to the background worker, which makes its files."""
    request = by_id(session, request_id)
    if request.status is not RequestStatus.IN_WORK or request.job_state in (
        JobState.QUEUED,
        JobState.RUNNING,
    ):
        raise RequestStateError(f"{request.status.value}/{request.job_state.value}")
    validate(session, TableSpec.from_dict(request.spec["table"]), request.formats, now)
    request.job_state, request.progress = JobState.QUEUED, 0
    record_event(session, request, actor, "queued", now)
    return request


# ---------------------------------------------------------------- downloads


def download(session: Session, signed: str, settings: Settings, now: datetime) -> tuple[Path, str]:
    """The file a signed link points to, if the link is valid and the release still public.

    Raises :class:`exports.links.LinkExpiredError` / ``LinkInvalidError`` for bad links and
    :class:`RequestNotFoundError` for anything else that is not there to be had.
    """
    request_id, name = settings.links.open(signed)
    request = by_id(session, request_id)
    entry = next((f for f in request.files if f["name"] == name), None)
    if (
        request.status is not RequestStatus.FULFILLED
        or entry is None
        or not embargo.still_public(session, request.release_id, now)
    ):
        raise RequestNotFoundError(request_id)
    path = settings.exports_dir / request.id / name
    if not path.is_file():
        raise RequestNotFoundError(request_id)
    return path, str(entry["media_type"])
