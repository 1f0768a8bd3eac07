"""Rendering a page: the one Jinja2 environment (:mod:`l10n.templates`) with what every page
needs — the language switch that keeps the page and its selection, canonical and
``hreflang`` links, Open Graph tags, the synthetic-data banner — and the HTTP headers of a
page (a strict Content-Security-Policy: nothing loads from anywhere but the site).
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from flask import Response, request, url_for

from api.http import snapshot
from config import LOCALES
from l10n import current_language, texts
from l10n.templates import environment

STATIC = Path(__file__).resolve().parent / "static"
#: What a page may load: only the site's own CSS, JS and images (inline SVG needs nothing).
CSP = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


@cache
def asset_version(name: str) -> str:
    """A digest of a static file: its URL changes when its bytes do (cached for a year)."""
    return hashlib.blake2b((STATIC / name).read_bytes(), digest_size=6).hexdigest()


def static_url(name: str) -> str:
    return url_for("web.static_file", name=name, v=asset_version(name))


def in_language(lang: str, keep_query: bool = True) -> str:
    """This page's address in another language: the first segment swapped, query kept."""
    rest = request.path.split("/", 2)[2] if request.path.count("/") >= 2 else ""
    path = f"/{lang}/{rest}"
    query = request.query_string.decode("latin-1")
    return f"{path}?{query}" if keep_query and query else path


def absolute(path: str) -> str:
    return request.host_url.rstrip("/") + path


def synthetic_shown() -> bool:
    """Whether the data the pages show is generated (the latest public release says so)."""
    latest = snapshot().latest
    return bool(latest is not None and latest.synthetic)


def page(template: str, status: int = 200, **context: Any) -> Response:
    """Render ``template`` (``templates/web/…``) in the current language as a page."""
    lang = current_language()
    context.setdefault("description", str(texts.SOURCE))
    context.setdefault("robots", None)
    if status >= 400:  # an error is no page of its own: not indexed, no canonical address
        context["robots"] = "noindex"
    html = (
        environment()
        .get_template(template)
        .render(
            lang=lang,
            languages=[(code, texts.LANGUAGE_NAMES[code], in_language(code)) for code in LOCALES],
            canonical=absolute(in_language(lang)) if status < 400 else None,
            alternates=[(code, absolute(in_language(code))) for code in LOCALES],
            og_locale=texts.OG_LOCALES[lang],
            og_alternates=[texts.OG_LOCALES[c] for c in LOCALES if c != lang],
            synthetic=synthetic_shown(),
            url_for=url_for,
            static_url=static_url,
            endpoint=request.endpoint or "",
            language_names=texts.LANGUAGE_NAMES,
            **context,
        )
    )
    response = Response(html, status=status, mimetype="text/html")
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response
