"""The built publications (PDFs) of public releases: which exist, and one to download.

A PDF belongs to the release and language its path names (``…/2025-P1/…_ru.pdf``); only
those of public releases are listed or served, so a book printed ahead of its release for
staff stays out of reach.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from api.exceptions import NotFoundError
from api.metadata import Snapshot
from config import LOCALES
from l10n import _

_RELEASE_ID = re.compile(r"^\d{4}-[PF]\d+$")


def _describe(path: Path, root: Path) -> tuple[str | None, str | None]:
    parts = [*path.relative_to(root).parent.parts, *re.split(r"[_.]+", path.stem)]
    tokens = [t for part in parts for t in (part, *part.split("-"))]
    lang = next((t for t in tokens if t in LOCALES), None)
    release = next(
        (
            p
            for p in [*path.relative_to(root).parts, *re.findall(r"\d{4}-[PF]\d+", path.name)]
            if _RELEASE_ID.match(p)
        ),
        None,
    )
    return lang, release


def publication_files(
    root: Path, public: Callable[[str], bool], suffixes: tuple[str, ...] = (".pdf",)
) -> list[tuple[Path, str, str]]:
    """Editions under ``root`` whose release is public: (path, language, release id).

    PDFs by default; the public pages (``web/``) list the HTML editions too.
    """
    if not root.is_dir():
        return []
    found = []
    for path in sorted(p for suffix in suffixes for p in root.rglob(f"*{suffix}")):
        lang, release = _describe(path, root)
        if lang and release and public(release):
            found.append((path, lang, release))
    return found


def publication_title(path: Path) -> str:
    """The book's title in its language, from the record the build writes beside the PDF."""
    sidecar = path.with_name(f"{path.stem}.cells.json")
    try:
        title = json.loads(sidecar.read_text(encoding="utf-8")).get("title")
    except (OSError, ValueError):
        title = None
    return str(title) if title else path.stem.replace("_", " ")


def publications(snapshot: Snapshot, root: Path, lang: str | None) -> dict[str, Any]:
    public = {r.id for r in snapshot.releases}
    items = [
        {
            "file": path.relative_to(root).as_posix(),
            "title": publication_title(path),
            "language": file_lang,
            "release": release,
            "bytes": path.stat().st_size,
            "url": f"/api/v1/publications/files/{path.relative_to(root).as_posix()}",
        }
        for path, file_lang, release in publication_files(root, public.__contains__)
        if lang is None or file_lang == lang
    ]
    return {"items": items}


def publication_path(snapshot: Snapshot, root: Path, name: str) -> Path:
    public = {r.id for r in snapshot.releases}
    for path, _lang, _release in publication_files(root, public.__contains__):
        if path.relative_to(root).as_posix() == name:
            return path
    raise NotFoundError("unknown-publication", _("There is no public publication with this name."))
