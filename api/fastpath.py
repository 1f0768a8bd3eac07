"""Replaying finished public answers without entering Flask.

Why: a public answer depends only on the request's address, query and negotiation headers
and on which releases are public (:mod:`api.cache`). Once Flask has produced one (marked
``X-StatKG-Replayable`` by :func:`api.http.public_answer`), the same request can be answered
from the stored status, headers and body — the per-request cost of routing, hooks, CORS and
compression is then paid once, not on every request. That is what lets a data query run at
the speed of a trivial endpoint.

What stays live on a replay: the rate limit (the same budget as the Flask path, 304s free;
a client over budget falls through to Flask, which refuses it), the conditional check
(``If-None-Match`` → 304), ``Cache-Control``'s max-age (counted down to the next scheduled
publication) and the ``RateLimit-*`` headers. The key holds the fingerprint of the public
releases, so a newly published release is never answered from an older entry, and an entry
only ever holds what was public when it was made: the embargo holds.

Only plain ``GET`` requests under ``/api/v1/`` are replayed; staff routes, authorised
requests and ``If-Modified-Since``-only requests always go through Flask.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from flask import Flask

from api.cache import AnswerCache, PublicState, utcnow
from api.http import FASTPATH_MARK, max_age
from api.ratelimit import ClientLimiter, client_of
from store import read

StartResponse = Callable[..., Any]
_DYNAMIC = {"cache-control", "date", FASTPATH_MARK.lower()}
_RATE = ("ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "ratelimit-policy")
_NOT_IN_304 = {"content-length", "content-type", "content-encoding"}


@dataclass(frozen=True)
class Entry:
    headers: tuple[tuple[str, str], ...]  # without Cache-Control, Date and RateLimit-*
    body: bytes
    etag: str  # the opaque tag, without W/ and quotes
    immutable: bool


def _opaque(tag: str) -> str:
    return tag.strip().removeprefix("W/").strip('"')


def _matches(if_none_match: str, etag: str) -> bool:
    return any(t.strip() == "*" or _opaque(t) == etag for t in if_none_match.split(","))


class FastPath:
    """WSGI middleware in front of the Flask app (see the module docstring)."""

    def __init__(self, app: Flask) -> None:
        self._wsgi = app.wsgi_app
        self._state: PublicState = app.extensions["statkg.public_state"]
        self._limiter: ClientLimiter = app.extensions["statkg.limiter"]
        settings = app.config["STATKG_CONFIG"]
        self._ceiling: int = settings.api_max_age
        # WSGI spelling of the app key header: X-StatKG-App-Key → HTTP_X_STATKG_APP_KEY
        self._key_header = "HTTP_" + settings.api_key_header.upper().replace("-", "_")
        self._replays = AnswerCache[Entry](settings.api_cache_bytes)
        app.extensions["statkg.fastpath"] = self

    def clear(self) -> None:
        """Forget every recorded answer (the tests ask the same corpus twice)."""
        self._replays.clear()

    @staticmethod
    def _replayable(environ: dict[str, Any]) -> bool:
        path = environ.get("PATH_INFO", "")
        return not (
            environ.get("REQUEST_METHOD") != "GET"
            or not path.startswith("/api/v1/")
            or path.startswith("/api/v1/staff")
            or "HTTP_AUTHORIZATION" in environ
            or ("HTTP_IF_MODIFIED_SINCE" in environ and "HTTP_IF_NONE_MATCH" not in environ)
            or not path.isascii()
        )

    @staticmethod
    def _key(environ: dict[str, Any], state: read.ReleaseState) -> tuple[str, ...]:
        return (
            state.fingerprint,
            environ.get("PATH_INFO", ""),
            environ.get("QUERY_STRING", ""),
            environ.get("HTTP_ACCEPT_LANGUAGE", ""),
            environ.get("HTTP_ACCEPT_ENCODING", ""),
            environ.get("HTTP_ORIGIN", ""),
        )

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if not self._replayable(environ):
            return self._record(None, environ, start_response)  # strips the replay mark
        state = self._state.get(utcnow())
        key = self._key(environ, state)
        entry = self._replays.get(key)
        if entry is not None:
            replayed = self._replay(entry, state, environ, start_response)
            if replayed is not None:
                return replayed
        return self._record(key, environ, start_response)

    def _replay(
        self,
        entry: Entry,
        state: read.ReleaseState,
        environ: dict[str, Any],
        start_response: StartResponse,
    ) -> list[bytes] | None:
        client = client_of(environ.get("REMOTE_ADDR"), environ.get(self._key_header))
        if not self._limiter.allows(client):
            return None  # Flask answers the 429, in the client's language
        seconds = max_age(state, entry.immutable, self._ceiling)
        cache_control = f"public, max-age={seconds}" + (", immutable" if entry.immutable else "")
        if _matches(environ.get("HTTP_IF_NONE_MATCH", ""), entry.etag):
            budget = self._limiter.budget(client)  # a 304 is free: what is left, uncounted
            headers = [h for h in entry.headers if h[0].lower() not in _NOT_IN_304]
            status, body = "304 NOT MODIFIED", b""
        else:
            budget = self._limiter.spend(client)
            headers, status, body = list(entry.headers), "200 OK", entry.body
        headers.append(("Cache-Control", cache_control))
        headers.extend(self._limiter.headers(budget))
        start_response(status, headers)
        return [body] if environ.get("REQUEST_METHOD") != "HEAD" else []

    def _record(
        self, key: tuple[str, ...] | None, environ: dict[str, Any], start_response: StartResponse
    ) -> Iterable[bytes]:
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], *args: Any) -> Any:
            replayable = any(name == FASTPATH_MARK for name, _ in headers)
            headers = [(n, v) for n, v in headers if n != FASTPATH_MARK]
            captured.update(status=status, headers=headers, replayable=replayable)
            return start_response(status, headers, *args)

        result = self._wsgi(environ, capture)
        if (
            key is None
            or not captured.get("replayable")
            or not captured["status"].startswith("200")
        ):
            return result
        body = b"".join(result)
        close = getattr(result, "close", None)
        if close is not None:
            close()
        headers = tuple(
            (n, v)
            for n, v in captured["headers"]
            if n.lower() not in _DYNAMIC and n.lower() not in _RATE
        )
        etag = next((_opaque(v) for n, v in headers if n.lower() == "etag"), "")
        cache_control = next(
            (v for n, v in captured["headers"] if n.lower() == "cache-control"), ""
        )
        if etag:
            self._replays.put(key, Entry(headers, body, etag, "immutable" in cache_control))
        return [body]
