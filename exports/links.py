"""Expiring signed download links (itsdangerous, the signer Flask itself relies on).

A link carries the request id and the file name, signed with a timestamp; it opens only
within ``STATKG_EXPORT_LINK_TTL`` seconds of being made. The status endpoint makes fresh
links on every call, so a requester always has working ones while the files are kept.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable

from itsdangerous import BadSignature, SignatureExpired, TimestampSigner, URLSafeTimedSerializer

SALT = "statkg.export-download"


class LinkExpiredError(Exception):
    """A genuine link that is too old."""


class LinkInvalidError(Exception):
    """Not a link this platform made (or one that was tampered with)."""


def link_secret(export_secret: str, pseudonym_secret: str) -> str:
    """The signing key: configured, or derived from the pseudonymisation secret."""
    if export_secret:
        return export_secret
    return hmac.new(pseudonym_secret.encode(), b"statkg export links", hashlib.sha256).hexdigest()


class Links:
    def __init__(self, secret: str, ttl: int, clock: Callable[[], float] | None = None) -> None:
        self.ttl = ttl
        links_clock = clock

        class _Clocked(TimestampSigner):
            def get_timestamp(self) -> int:
                return int((links_clock or time.time)())

        self._serializer = URLSafeTimedSerializer(secret, salt=SALT, signer=_Clocked)

    def make(self, request_id: str, name: str) -> str:
        return str(self._serializer.dumps({"r": request_id, "f": name}))

    def open(self, signed: str) -> tuple[str, str]:
        """``(request id, file name)`` of a valid, unexpired link."""
        try:
            data = self._serializer.loads(signed, max_age=self.ttl)
        except SignatureExpired as error:
            raise LinkExpiredError(signed) from error
        except BadSignature as error:
            raise LinkInvalidError(signed) from error
        if not isinstance(data, dict) or not {"r", "f"} <= data.keys():
            raise LinkInvalidError(signed)
        return str(data["r"]), str(data["f"])
