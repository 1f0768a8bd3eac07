"""Codelists (СОАТЕ, countries, sex, ages, …): their codes, labels, hierarchy and versions."""

from __future__ import annotations

from typing import Any

from api.exceptions import NotFoundError
from api.metadata import Snapshot
from api.paging import page
from l10n import _


def classifier_list(snapshot: Snapshot, lang: str) -> dict[str, Any]:
    return {
        "codelists": [
            {
                "id": c.id,
                "label": c.name[lang],
                "version": c.version,
                "url": f"/api/v1/classifiers/{c.id}",
            }
            for c in snapshot.codelists.values()
        ]
    }


def classifier(
    snapshot: Snapshot,
    lang: str,
    codelist_id: str,
    cursor: str | None,
    limit: int,
    code: str | None = None,
) -> dict[str, Any]:
    """A codelist's codes, a page at a time; with ``code``, only that code's versions."""
    names = snapshot.codelists
    if codelist_id not in names:
        raise NotFoundError("unknown-codelist", _("There is no classifier with this id."))
    codes = [
        {
            "code": c.code,
            "label": c.label[lang],
            "parent": c.parent_code,
            "level": c.level,
            "valid_from": c.valid_from.isoformat(),
            "valid_to": c.valid_to.isoformat() if c.valid_to else None,
        }
        for c in snapshot.codes(codelist_id)
        if code is None or c.code == code
    ]
    body = page(codes, cursor, limit, f"classifier:{codelist_id}:{code or ''}")
    return {
        "id": codelist_id,
        "label": names[codelist_id].name[lang],
        "version": names[codelist_id].version,
        "codes": body["items"],
        "next": body["next"],
    }


def soate_tree(snapshot: Snapshot, lang: str) -> dict[str, Any]:
    """СОАТЕ as a tree: the country, its oblasts and cities, their districts."""
    nodes: dict[str, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    codes = snapshot.codes("soate")
    for c in codes:
        nodes[c.code] = {"code": c.code, "label": c.label[lang], "level": c.level, "children": []}
    for c in codes:
        parent = nodes.get(c.parent_code or "")
        (parent["children"] if parent else roots).append(nodes[c.code])
    return {"id": "soate", "tree": roots}
