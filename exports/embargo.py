"""No export of an embargoed release: the one gate every table of an export passes.

- A table from a release's observations needs that release to be public now
  (:func:`store.read.public_release`, which applies :mod:`store.visibility`); an embargoed
  release is answered exactly like one that does not exist.
- A custom table from the microdata of a year needs a public release whose reference period
  is that year or later, and no release of that year waiting for its publication time:
  while a (revised) release of the year is embargoed, the microdata already hold what it
  will publish.

The gate is checked when a request arrives, when its table is built (in the request or in
the background worker), and again for every download.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from store import read
from store.models import Release
from store.visibility import is_scheduled


class EmbargoedError(LookupError):
    """The release (or the year's data) is not public: said the same way as 'not found'."""


def release_for_table(session: Session, release_id: str | None, now: datetime) -> read.ReleaseInfo:
    """The public release a table from observations reads (the latest when none is named)."""
    info = (
        read.latest_public_release(session, now)
        if release_id is None
        else read.public_release(session, release_id, now)
    )
    if info is None:
        raise EmbargoedError(release_id or "latest")
    return info


def release_for_microdata(session: Session, years: list[int], now: datetime) -> read.ReleaseInfo:
    """The public release that covers every year of a custom table from the microdata."""
    latest = read.latest_public_release(session, now)
    if latest is None or max(years) > int(latest.reference_period[:4]):
        raise EmbargoedError(str(max(years)))
    pending = session.scalar(
        select(Release.id)
        .where(
            Release.reference_period.in_([str(y) for y in years]),
            is_scheduled(now),
        )
        .limit(1)
    )
    if pending is not None:
        raise EmbargoedError(str(max(years)))
    return latest


def still_public(session: Session, release_id: str | None, now: datetime) -> bool:
    """For downloads: the release the files were made from is (still) public."""
    return release_id is not None and read.public_release(session, release_id, now) is not None
