"""The public pages' types and where to find one of each: for the browser tests
(:mod:`tests.test_browser`) and the screenshots (``scripts/screenshots.py``).

The running site says which pages it has: its ``/sitemap.xml`` lists them (following a
sitemap index if it is one). The page types no sitemap lists, a search result and the data
request form, have their own addresses here; the request's status page is reached by
sending the form.
"""

from __future__ import annotations

import urllib.request
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

LANGS = ("ky", "ru", "en")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
#: The page types of issue 16, by the shape of their path after the language.
PAGE_TYPES = (
    "home",
    "topics",
    "topics/*",
    "indicators/*",
    "territories",
    "territories/*",
    "publications",
    "releases",
    "releases/*",
    "quality",
    "search",
    "requests/new",
)
#: Page types no sitemap lists: their own addresses.
NOT_IN_SITEMAP = {"search": "/{lang}/search?q=2024", "requests/new": "/{lang}/requests/new"}


def page_type(path: str) -> str:
    """``/ru/indicators/births/`` → ``indicators/*``; ``/ru/`` → ``home``; the request form
    ``/ru/requests/new`` is a type of its own (a request's status page is ``requests/*``)."""
    parts = [p for p in urlsplit(path).path.split("/") if p][1:]
    if not parts:
        return "home"
    if len(parts) == 1 or parts == ["requests", "new"]:
        return "/".join(parts)
    return parts[0] + "/*"


def fetch(url: str, data: bytes | None = None) -> tuple[int, bytes, dict[str, str]]:
    """Status, body and headers of ``url`` (a POST when ``data`` is given)."""
    request = urllib.request.Request(url, data=data)  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.status, response.read(), dict(response.headers)


def sitemap_paths(base: str) -> list[str]:
    """Every path (with its query) that ``base/sitemap.xml`` lists, in its order."""
    paths: list[str] = []
    pending = [f"{base}/sitemap.xml"]
    while pending:
        status, body, _headers = fetch(pending.pop(0))
        if status != 200:
            raise RuntimeError(f"the sitemap answered {status}")
        root = ET.fromstring(body)  # noqa: S314 (the site under test's own answer)
        for loc in root.iter(f"{SITEMAP}loc"):
            if not loc.text:
                continue
            parts = urlsplit(loc.text.strip())
            if root.tag == f"{SITEMAP}sitemapindex":
                pending.append(base + parts.path)
            else:
                paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def one_of_each(paths: list[str]) -> dict[tuple[str, str], str]:
    """One path per (page type, language): the first of ``paths``, then the pages no
    sitemap lists."""
    out: dict[tuple[str, str], str] = {}
    for path in paths:
        segments = [p for p in urlsplit(path).path.split("/") if p]
        if segments and segments[0] in LANGS:
            out.setdefault((page_type(path), segments[0]), path)
    for kind, template in NOT_IN_SITEMAP.items():
        for lang in LANGS:
            out.setdefault((kind, lang), template.format(lang=lang))
    return out
