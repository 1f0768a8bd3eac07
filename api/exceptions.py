"""What the API's services raise when a request cannot be answered: domain errors, no HTTP.

Each error carries a stable ``slug`` (the problem type), a translated ``detail`` and optional
extra members (``invalid_params``, ``cells``…). Which HTTP status each kind of error gets is
decided in one place, :mod:`api.errors`, which turns them into ``application/problem+json``.
"""

from __future__ import annotations


class ServiceError(Exception):
    """A request the service cannot answer; subclasses say why."""

    def __init__(self, slug: str, detail: str, **extra: object) -> None:
        super().__init__(detail)
        self.slug, self.detail, self.extra = slug, detail, extra


class NotFoundError(ServiceError):
    """No such thing — or not public yet: the embargo answers exactly like absence."""


class InvalidCursorError(ServiceError):
    """A paging cursor this API did not give out (or one for another list)."""


class InvalidSelectionError(ServiceError):
    """A data selection that names unknown dimensions or codes, or cannot be read."""


class InvalidParameterError(ServiceError):
    """A parameter that passed its schema but cannot be used (an empty search, say)."""


class SelectionTooLargeError(ServiceError):
    """A selection with more cells than one query may return."""


class ConflictError(ServiceError):
    """The request does not fit the current state of the thing it acts on."""
