"""Publications: every PDF and HTML edition of a public release, with its release, size and
language, and the files themselves (an HTML edition with the charts it draws).

The list and the embargo are the API's (:mod:`api.v1.publications.service`): a book built
ahead of its release stays out of reach until the release is public.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Response, send_file

from api.http import config, public_answer, snapshot
from api.v1.publications.service import publication_files, publication_title
from l10n import _
from web.blueprint import blueprint, error_page
from web.render import from_latest, page

EDITIONS = (".pdf", ".html")
#: What an HTML edition loads beside itself, under its release's folder.
ASSETS = (".svg", ".png", ".css")


def editions() -> list[dict[str, object]]:
    """The public editions, newest release first, then by title and language."""
    root = Path(config().publications_dir)
    public = {r.id for r in snapshot().releases}
    order = {r.id: i for i, r in enumerate(snapshot().releases)}
    items = [
        {
            "name": path.relative_to(root).as_posix(),
            "title": publication_title(path),
            "language": lang,
            "release": release,
            "bytes": path.stat().st_size,
            "kind": path.suffix.lstrip(".").upper(),
        }
        for path, lang, release in publication_files(root, public.__contains__, EDITIONS)
        if not path.stem.endswith(".print")  # the page the PDF is printed from
    ]
    items.sort(key=lambda i: (order.get(str(i["release"]), 0), i["title"], i["language"]))
    return items


@blueprint.get("/<lang:lang>/publications/")
@public_answer
def publications(lang: str) -> Response:
    from_latest()
    return page("web/publications.html", title=_("Publications"), books=books(lang))


def books(lang: str) -> list[dict[str, Any]]:
    """The editions grouped as a reader looks for them: one book of a release in one
    language, with its formats (PDF, HTML) and their sizes; the page's language first."""
    grouped: dict[tuple[str, str, str], dict[str, Any]] = {}
    for item in editions():
        key = (str(item["release"]), str(item["title"]), str(item["language"]))
        book = grouped.setdefault(
            key, {"release": key[0], "title": key[1], "language": key[2], "files": []}
        )
        book["files"].append(item)
    order = {r.id: i for i, r in enumerate(snapshot().releases)}
    return sorted(
        grouped.values(),
        key=lambda b: (order.get(b["release"], 0), b["language"] != lang, b["title"]),
    )


@blueprint.get("/publications/<path:name>")
def publication_file(name: str) -> Response:
    """An edition (or an asset of an HTML edition) of a public release; 404 otherwise."""
    root = Path(config().publications_dir).resolve()
    public = {r.id for r in snapshot().releases}
    not_found = error_page(404, _("Not found"), _("There is nothing at this address."))
    if ".." in Path(name).parts or "\x00" in name:
        return not_found
    try:
        path = (root / name).resolve()
        inside = path.is_relative_to(root) and path.is_file()
    except (OSError, ValueError):  # a name the file system cannot hold
        return not_found
    # The release is the first folder of the file served (resolved), never of the address as
    # typed: "2025-P1/../2026-P2/…" would otherwise reach an embargoed pre-release build.
    parts = path.relative_to(root).parts if inside else ()
    release = parts[0] if parts else ""
    listed = any(item["name"] == name for item in editions())
    asset = inside and path.suffix in ASSETS and release in public
    if not inside or not (listed or asset):
        return not_found
    response = send_file(path, conditional=True, max_age=3600)
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response
