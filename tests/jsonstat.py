"""A strict JSON-stat 2.0 dataset validator for the tests: the schema, then the rules around it.

Why a helper of our own: every JSON-stat document the platform sends — an export's file, an
API answer — must open in any JSON-stat reader, and the readers are stricter than our own
round trip through pyjstat. The API tests call :func:`assert_valid` as the export tests do.

Two layers, as the JSON-stat project's own validator (github.com/jsonstat/validator) has them:

1. :data:`DATASET_SCHEMA`, the constraints of the published JSON-stat 2.0 *Dataset* schema,
   version 1.05 of 2025-06-13 (``https://json-stat.org/format/schema/2.0/dataset.json``,
   JSON Schema draft 2020-12), written out here property by property: the required members,
   ``additionalProperties: false`` on the dataset, the dimension and the category, unique
   string arrays, dense or sparse ``value`` and ``status``, ``updated`` as a date-time or a date.
2. The rules a schema cannot say (the validator's rule catalogue S1–S7, D1–D7): ``id`` and
   ``size`` agree, ``dimension`` holds exactly the ids, the cube has ``product(size)`` cells,
   every ``index`` matches its size, every ``label``/``unit``/``note``/``child`` key is a
   category, the hierarchy has no cycle.

"Strict": a category's ``unit`` may hold only what JSON-stat defines — ``label``, ``decimals``
(integer), ``symbol``, ``position`` (``start`` or ``end``) — and the ``type``, ``base`` and
``multiplier`` its sample datasets show, ``base`` as text ("per cent"). Anything else, such
as a numeric ``base``, belongs in ``extension`` and is reported.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import jsonschema_rs

_RELATIONS = (
    "about|alternate|appendix|archives|author|blocked-by|bookmark|canonical|chapter|collection|"
    "contents|copyright|create-form|current|derivedfrom|describedby|describes|disclosure|"
    "dns-prefetch|duplicate|edit|edit-form|edit-media|enclosure|first|glossary|help|hosts|hub|"
    "icon|index|item|last|latest-version|license|lrdd|memento|monitor|monitor-group|next|"
    "next-archive|nofollow|noreferrer|original|payment|pingback|preconnect|predecessor-version|"
    "prefetch|preload|prerender|prev|preview|previous|prev-archive|privacy-policy|profile|"
    "related|replies|search|section|self|service|start|stylesheet|subsection|successor-version|"
    "tag|terms-of-service|timegate|timemap|type|up|version-history|via|webmention|working-copy|"
    "working-copy-of"
)
_CELL = {"anyOf": [{"type": "number"}, {"type": "null"}, {"type": "string"}]}
_STRINGS = {"type": "array", "items": {"type": "string"}, "uniqueItems": True}

DATASET_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$defs": {
        "strarray": _STRINGS,
        "href": {"type": "string", "format": "uri"},
        "updated": {
            "oneOf": [
                {"type": "string", "format": "date-time"},
                {
                    "type": "string",
                    "pattern": r"^((19|20)\d\d)-(0?[1-9]|1[012])-(0?[1-9]|[12][0-9]|3[01])$",
                },
            ]
        },
        "role": {
            "type": "object",
            "properties": {k: {"$ref": "#/$defs/strarray"} for k in ("time", "geo", "metric")},
            "additionalProperties": False,
        },
        "category": {
            "type": "object",
            "properties": {
                "index": {
                    "oneOf": [
                        {"$ref": "#/$defs/strarray"},
                        {"type": "object", "additionalProperties": {"type": "number"}},
                    ]
                },
                "label": {
                    "type": "object",
                    "minProperties": 1,
                    "additionalProperties": {"type": "string"},
                },
                "note": {"type": "object", "additionalProperties": {"$ref": "#/$defs/strarray"}},
                "unit": {
                    "type": "object",
                    "additionalProperties": {
                        "type": "object",
                        "properties": {
                            "label": {"type": "string"},
                            "decimals": {"type": "integer"},
                            "position": {"type": "string", "enum": ["start", "end"]},
                        },
                    },
                },
                "coordinates": {
                    "type": "object",
                    "additionalProperties": {
                        "type": "array",
                        "prefixItems": [{"type": "number"}, {"type": "number"}],
                        "items": False,
                    },
                },
                "child": {"type": "object", "additionalProperties": {"$ref": "#/$defs/strarray"}},
            },
            "additionalProperties": False,
        },
        "dimension": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "properties": {
                    "href": {"$ref": "#/$defs/href"},
                    "label": {"type": "string"},
                    "note": {"$ref": "#/$defs/strarray"},
                    "link": {"$ref": "#/$defs/link"},
                    "extension": {"type": "object"},
                    "category": {"$ref": "#/$defs/category"},
                },
                "additionalProperties": False,
                "required": ["category"],
            },
        },
        "value": {
            "oneOf": [
                {"type": "array", "items": _CELL},
                {"type": "object", "additionalProperties": _CELL},
            ]
        },
        "status": {
            "oneOf": [
                {"type": "string"},
                {"type": "array", "items": {"type": ["string", "null"]}},
                {"type": "object", "additionalProperties": {"type": "string"}},
            ]
        },
        "link": {
            "type": "object",
            "patternProperties": {
                f"^({_RELATIONS})$": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "type": {"type": "string"},
                            "class": {"enum": ["dataset", "collection", "dimension"]},
                            "href": {"$ref": "#/$defs/href"},
                            "label": {"type": "string"},
                            "note": {"$ref": "#/$defs/strarray"},
                            "link": {"$ref": "#/$defs/link"},
                            "updated": {"$ref": "#/$defs/updated"},
                            "source": {"type": "string"},
                            "extension": {"type": "object"},
                            "category": {"$ref": "#/$defs/category"},
                            "id": {"$ref": "#/$defs/strarray"},
                            "size": {"type": "array", "items": {"type": "integer"}},
                            "role": {"$ref": "#/$defs/role"},
                            "dimension": {"$ref": "#/$defs/dimension"},
                            "value": {"$ref": "#/$defs/value"},
                            "status": {"$ref": "#/$defs/status"},
                        },
                        "additionalProperties": False,
                    },
                }
            },
            "additionalProperties": False,
        },
    },
    "type": "object",
    "properties": {
        "class": {"type": "string", "enum": ["dataset"]},
        "version": {"type": "string", "enum": ["2.0"]},
        "href": {"$ref": "#/$defs/href"},
        "label": {"type": "string"},
        "note": {"$ref": "#/$defs/strarray"},
        "link": {"$ref": "#/$defs/link"},
        "updated": {"$ref": "#/$defs/updated"},
        "source": {"type": "string"},
        "error": {"type": "array"},
        "extension": {"type": "object"},
        "id": {"$ref": "#/$defs/strarray"},
        "size": {"type": "array", "items": {"type": "integer"}},
        "role": {"$ref": "#/$defs/role"},
        "dimension": {"$ref": "#/$defs/dimension"},
        "value": {"$ref": "#/$defs/value"},
        "status": {"$ref": "#/$defs/status"},
    },
    "additionalProperties": False,
    "required": ["version", "class", "value", "id", "size", "dimension"],
}

UNIT_MEMBERS: dict[str, type | tuple[type, ...]] = {
    "label": str,
    "decimals": int,
    "symbol": str,
    "position": str,
    "type": str,
    "base": str,
    "multiplier": int,
}

_VALIDATOR = jsonschema_rs.Draft202012Validator(DATASET_SCHEMA, validate_formats=True)


def problems(body: Mapping[str, Any]) -> list[str]:
    """Everything wrong with a JSON-stat 2.0 dataset, empty when it is valid."""
    found = [
        f"schema: {e.message} at /{'/'.join(map(str, e.instance_path))}"
        for e in _VALIDATOR.iter_errors(body)
    ]
    if found:
        return found  # the rules below assume the shape the schema guarantees
    return _cube(body) + [p for d in body["id"] for p in _dimension(body, d)]


def assert_valid(body: Mapping[str, Any]) -> None:
    """Fail with every problem at once, so one run shows all that is wrong."""
    found = problems(body)
    assert not found, "\n".join(found)


def _cube(body: Mapping[str, Any]) -> list[str]:
    ids, size = list(body["id"]), list(body["size"])
    out = []
    if len(ids) != len(size):  # S1
        out.append(f"id has {len(ids)} entries but size has {len(size)}")
    if set(body["dimension"]) != set(ids):  # S2
        out.append(f"dimension keys {sorted(body['dimension'])} are not the ids {ids}")
    cells = math.prod(size)
    for member in ("value", "status"):  # S3, S4, S6, S7
        data = body.get(member)
        if isinstance(data, list) and len(data) != cells:
            out.append(f"{member} has {len(data)} cells, the cube {cells}")
        if isinstance(data, dict):
            bad = [k for k in data if not (k.isdigit() and int(k) < cells)]
            if bad:
                out.append(f"{member} keys outside the cube: {bad[:5]}")
    for role, members in (body.get("role") or {}).items():  # S5
        unknown = [m for m in members if m not in ids]
        if unknown:
            out.append(f"role {role} names unknown dimensions {unknown}")
    return out


def _dimension(body: Mapping[str, Any], dim_id: str) -> list[str]:
    dimension = body["dimension"].get(dim_id)
    if dimension is None or dim_id not in body["id"]:
        return []  # reported by _cube
    position = list(body["id"]).index(dim_id)
    size = body["size"][position] if position < len(body["size"]) else None
    category = dimension["category"]
    index = category.get("index")
    out = []
    if index is None:  # only a one-category dimension may leave out its index
        codes = list(category.get("label", {}))
        if len(codes) != 1 or size != 1:
            out.append(f"{dim_id}: no index, but not exactly one labelled category")
    elif isinstance(index, list):
        codes = list(index)
        if len(codes) != size:  # D1
            out.append(f"{dim_id}: index has {len(codes)} categories, size says {size}")
    else:
        codes = list(index)
        if sorted(index.values()) != list(range(size or 0)):  # D2
            out.append(f"{dim_id}: index positions are not 0..{(size or 0) - 1}")
    known = set(codes)
    for member in ("label", "unit", "coordinates", "note", "child"):  # D3a, D4, D5, D6, D7a
        unknown = sorted(set(category.get(member, {})) - known)
        if unknown:
            out.append(f"{dim_id}: {member} keys that are not categories: {unknown[:5]}")
    for parent, children in category.get("child", {}).items():
        unknown = sorted(set(children) - known)
        if unknown:
            out.append(f"{dim_id}: children of {parent} that are not categories: {unknown[:5]}")
    if _has_cycle(category.get("child", {})):  # D7b
        out.append(f"{dim_id}: the child hierarchy has a cycle")
    for code, unit in category.get("unit", {}).items():
        for name, value in unit.items():
            want = UNIT_MEMBERS.get(name)
            if want is None:
                out.append(f"{dim_id}: unit of {code} has {name!r}, not a JSON-stat unit member")
            elif not isinstance(value, want) or isinstance(value, bool):
                out.append(f"{dim_id}: unit.{name} of {code} must be {want}, not {value!r}")
    return out


def _has_cycle(children: Mapping[str, list[str]]) -> bool:
    state: dict[str, int] = {}  # 1 visiting, 2 done

    def visit(code: str) -> bool:
        if state.get(code) == 1:
            return True
        if state.get(code) == 2:
            return False
        state[code] = 1
        if any(visit(child) for child in children.get(code, [])):
            return True
        state[code] = 2
        return False

    return any(visit(code) for code in children)
