"""The embargo rule, in one place: when a release (and everything in it) is public.

A release is public once it has a publication time and that time has come. Releases that
failed their checks never get one; scheduled releases are embargoed until theirs. Every
public route, publication and export filters with :func:`is_public`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_

from store.models import Release


def is_public(now: datetime) -> ColumnElement[bool]:
    """SQL condition: the release is published and its publication time has come."""
    return and_(Release.published_at.is_not(None), Release.published_at <= now)


def is_scheduled(now: datetime) -> ColumnElement[bool]:
    """SQL condition: the release has a publication time still to come (it is embargoed)."""
    return and_(Release.published_at.is_not(None), Release.published_at > now)


def release_is_public(release: Release, now: datetime) -> bool:
    """The same rule for a loaded release."""
    return release.published_at is not None and release.published_at <= now
