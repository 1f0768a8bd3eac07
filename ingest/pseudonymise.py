"""Pseudonymisation of personal identifiers (ПИН, passport series and number).

Identifiers are replaced at ingest by a keyed hash (HMAC-SHA-256 with a secret from the
environment, ``STATKG_PSEUDONYM_SECRET``), used only to link and de-duplicate records. A
plain hash would not do: the ПИН space (14 digits) is small enough to enumerate, so without
the secret the key could be reversed. The raw identifier is never stored or logged.
"""

from __future__ import annotations

import hashlib
import hmac

KEY_LENGTH = 32  # hex characters kept: 128 bits, collisions negligible at national scale


class Pseudonymiser:
    """Turns identifiers into stable keys under one secret."""

    def __init__(self, secret: str) -> None:
        if not secret:
            raise ValueError("the pseudonymisation secret must not be empty")
        self._key = secret.encode("utf-8")
        # The keyed state computed once; each identifier hashes a copy of it (cheaper than a
        # new HMAC per record on a feed of hundreds of thousands of records).
        self._hmac = hmac.new(self._key, digestmod=hashlib.sha256)

    def key(self, kind: str, identifier: str) -> str:
        """The key of ``identifier`` of ``kind`` (``pin``, ``passport``), normalised first.

        The kind is part of the message so that a ПИН and a passport number that happen to
        share digits never collide.
        """
        normalised = identifier if identifier.isdigit() else "".join(identifier.split()).upper()
        digest = self._hmac.copy()
        digest.update(f"{kind}:{normalised}".encode())
        return digest.hexdigest()[:KEY_LENGTH]

    def pin(self, pin: str) -> str:
        return self.key("pin", pin)


def is_valid_pin(value: str) -> bool:
    """A ПИН is 14 digits; its inner layout is not public, so nothing more is checked."""
    return len(value) == 14 and value.isdecimal()  # isdecimal: exactly what \d matches
