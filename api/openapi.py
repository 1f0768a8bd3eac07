"""The OpenAPI pieces every route shares: its problem+json answers, documented once."""

from __future__ import annotations

from typing import Any

PROBLEM = {"$ref": "#/components/schemas/Problem"}

_TEXT = {
    400: "Bad request: a parameter, the body or the selection cannot be used.",
    401: "Unauthorized: the route needs a token.",
    403: "Forbidden: the token may not do that.",
    404: "Not found (also for releases that are not public yet, and unknown tokens or links).",
    409: "Conflict: the request does not fit the current state.",
    410: "Gone: a download link that expired (ask the status again for a fresh one).",
    413: "The selection has more cells than the published limit.",
    429: "Too many requests: see Retry-After.",
}


def problem_responses(*codes: int) -> dict[str, Any]:
    """The ``responses`` entries of the problem+json errors ``codes`` (429 always)."""
    return {
        str(code): {
            "description": _TEXT[code],
            "content": {"application/problem+json": {"schema": PROBLEM}},
        }
        for code in sorted({*codes, 429})
    }


def staff(*codes: int, ok: dict[str, Any] | None = None) -> dict[str, Any]:
    """OpenAPI ``doc`` of a staff route: the bearer token, 401 and 403, its other errors and,
    when given, its success answer."""
    responses = problem_responses(401, 403, *codes)
    if ok is not None:
        responses.update(ok)
    return {"security": [{"bearer": []}], "responses": responses}


def problems(*codes: int, conditional: bool = True) -> dict[str, Any]:
    """OpenAPI ``doc`` of a route: its problem+json errors, and 304 when it is conditional."""
    responses = problem_responses(*codes)
    if conditional:
        responses["304"] = {"description": "Not modified (If-None-Match / If-Modified-Since)."}
    return {"responses": responses}
