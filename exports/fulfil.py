"""Fulfilment of data requests: build, protect, audit and write — in the background worker.

``flask exports work`` (:mod:`exports.cli`) claims queued requests and calls :func:`run`:
the table is built behind the embargo gate (:mod:`exports.tables`), protected by
:func:`exports.sdc.protect`, and nothing is written unless the LP audit passes. Progress
is committed as it goes, so the requester's status call shows it.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from exports import embargo
from exports.requests import Settings, record_event
from exports.sdc import protect
from exports.spec import SURVEY_INDICATORS, TableError, TableSpec
from exports.survey import SAMPLE, protect_survey
from exports.tables import build
from exports.writers import WRITERS, Options
from store.models import DataRequest, JobState, RequestStatus

log = logging.getLogger(__name__)


def _fail(session: Session, request: DataRequest, actor: str, now: datetime, why: str) -> None:
    session.rollback()
    request.job_state = JobState.FAILED
    record_event(session, request, actor, "failed", now, error=why)
    session.commit()


def _progress(session: Session, request: DataRequest, percent: int) -> None:
    request.progress = percent
    session.commit()  # the status endpoint reads it from another session


def run(
    session: Session, request: DataRequest, settings: Settings, now: datetime, actor: str
) -> None:
    """Build, protect, audit and write the request's files; fail closed on any problem."""
    request.job_state = JobState.RUNNING
    _progress(session, request, 5)
    try:
        spec = TableSpec.from_dict(request.spec["table"])
        table = build(session, spec, now)
        _progress(session, request, 25)
        protection = (
            protect_survey(table, settings.rules)
            if SAMPLE in table.extra
            else protect(table, settings.rules, published=spec.source == "release")
        )
        _progress(session, request, 50)
        if not protection.report.passed:
            raise TableError("the disclosure audit did not pass; nothing was written")
        options = request.spec.get("options", {})
        folder = settings.exports_dir / request.id
        folder.mkdir(parents=True, exist_ok=True)
        files = []
        for n, fmt in enumerate(request.formats):
            writer = WRITERS[fmt]
            data = writer.write(
                protection.table,
                Options(
                    language=request.language,
                    separator=options.get("csv_separator", ","),
                    bom=bool(options.get("csv_bom", True)),
                    labels=options.get("csv_labels", "both"),
                    title=options.get("title", ""),
                    request_id=request.id,
                ),
            )
            name = f"{request.id}.{writer.extension}"
            (folder / name).write_bytes(data)
            files.append(
                {
                    "format": fmt,
                    "name": name,
                    "media_type": writer.media_type,
                    "bytes": len(data),
                    "sha256": hashlib.sha256(data).hexdigest(),
                }
            )
            _progress(session, request, 50 + int(50 * (n + 1) / len(request.formats)) - 1)
    except (TableError, embargo.EmbargoedError) as error:
        _fail(session, request, actor, now, str(error))
        return
    except Exception as error:  # a job must never stay "running": fail it, keep the trace
        log.exception("export of %s failed", request.id)
        _fail(session, request, actor, now, type(error).__name__)
        return
    request.files = files
    request.disclosure = {
        **protection.report.summary(),
        "min_count": settings.rules.min_count,
        **(
            {
                "min_sample": settings.rules.min_sample,
                "cv_flag": settings.rules.cv_flag,
                "cv_suppress": settings.rules.cv_suppress,
            }
            if spec.indicator in SURVEY_INDICATORS
            else {}
        ),
        "cells": protection.table.size,
    }
    request.job_state, request.progress = JobState.DONE, 100
    request.status = RequestStatus.FULFILLED
    record_event(session, request, actor, "fulfilled", now, files=[f["name"] for f in files])
    session.commit()


# ---------------------------------------------------------------- the background worker


def claim(session: Session) -> DataRequest | None:
    """Take the oldest queued job; safe with several workers (the update decides)."""
    for request_id in session.scalars(
        select(DataRequest.id)
        .where(DataRequest.job_state == JobState.QUEUED)
        .order_by(DataRequest.updated_at)
        .limit(5)
    ):
        taken = session.execute(
            update(DataRequest)
            .where(DataRequest.id == request_id, DataRequest.job_state == JobState.QUEUED)
            .values(job_state=JobState.RUNNING)
        )
        session.commit()
        if getattr(taken, "rowcount", 0) == 1:
            return session.get(DataRequest, request_id)
    return None


def work_once(session: Session, settings: Settings, now: Callable[[], datetime]) -> int:
    """Make every queued export; return how many were taken."""
    done = 0
    while (request := claim(session)) is not None:
        run(session, request, settings, now(), "worker")
        done += 1
    return done
