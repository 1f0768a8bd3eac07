"""Opaque cursors and pages: how every list of the API is cut into pages.

A cursor is the base64 of ``{"r": owner, "o": offset}``: the owner ties it to the list it
was given out for (a catalog page's cursor is refused by a classifier's list), or, for
data, to the release, which a cursor keeps pinned while the client pages through a query.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from typing import Any

from api.exceptions import InvalidCursorError
from l10n import _


def encode_cursor(owner: str, offset: int) -> str:
    raw = json.dumps({"r": owner, "o": offset}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _foreign() -> InvalidCursorError:
    return InvalidCursorError("invalid-cursor", _("The cursor is not one this API gave out."))


def decode_cursor(cursor: str) -> tuple[str, int]:
    """``(owner, offset)`` of a cursor; :class:`InvalidCursorError` for anything else."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
        owner, offset = str(data["r"]), int(data["o"])
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise InvalidCursorError(
            "invalid-cursor",
            _("The cursor is not one this API gave out."),
            invalid_params=[{"name": "cursor", "reason": "opaque value from next"}],
        ) from None
    if offset < 0:
        raise _foreign()
    return owner, offset


def page(items: Sequence[Any], cursor: str | None, limit: int, key: str) -> dict[str, Any]:
    """A page of ``items`` and the cursor of the next one (``key`` ties it to this list)."""
    offset = 0
    if cursor:
        owner, offset = decode_cursor(cursor)
        if owner != key:
            raise _foreign()
    chunk = list(items[offset : offset + limit])
    more = offset + limit < len(items)
    return {"items": chunk, "next": encode_cursor(key, offset + limit) if more else None}
