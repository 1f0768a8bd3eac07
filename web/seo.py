"""``/sitemap.xml`` (every page in every language, with its alternates) and ``/robots.txt``
(which keeps the requesters' private status pages, the search answers and the downloads out
of the engines)."""

from __future__ import annotations

from flask import Response, request

from api.http import public_answer, snapshot
from config import LOCALES
from web.blueprint import blueprint
from web.territory import territories
from web.topics import published


def pages() -> list[str]:
    """Every public page's path after its language segment (``topics/``, …)."""
    paths = ["", "topics/", "territories/", "publications/", "releases/", "quality/"]
    paths.append("requests/new")
    topics = published()
    paths += [f"topics/{topic}/" for topic in topics]
    paths += [f"indicators/{info.id}/" for infos in topics.values() for info in infos]
    paths += [f"territories/{code.code}/" for code in territories()]
    paths += [f"releases/{release.id}/" for release in snapshot().releases]
    return paths


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@blueprint.get("/sitemap.xml")
@public_answer
def sitemap() -> Response:
    root = request.host_url.rstrip("/")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for path in pages():
        for lang in LOCALES:
            lines.append(f"<url><loc>{_escape(f'{root}/{lang}/{path}')}</loc>")
            lines += [
                f'<xhtml:link rel="alternate" hreflang="{alt}" '
                f'href="{_escape(f"{root}/{alt}/{path}")}"/>'
                for alt in LOCALES
            ]
            lines.append("</url>")
    lines.append("</urlset>")
    return Response("\n".join(lines) + "\n", mimetype="application/xml")


@blueprint.get("/robots.txt")
def robots() -> Response:
    root = request.host_url.rstrip("/")
    lines = ["User-agent: *"]
    for lang in LOCALES:
        lines += [
            f"Allow: /{lang}/requests/new",
            f"Disallow: /{lang}/requests/",  # a requester's status page, at a private token
            f"Disallow: /{lang}/search",
            f"Disallow: /{lang}/indicators/*/download.",
        ]
    lines += ["Disallow: /api/v1/requests/", "Disallow: /api/v1/downloads/", ""]
    lines.append(f"Sitemap: {root}/sitemap.xml")
    response = Response("\n".join(lines) + "\n", mimetype="text/plain")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response
