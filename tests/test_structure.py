"""Coding standards, derived from the registries (in the spirit of CKAN's test_coding_standards).

Nothing here is a list kept by hand beside the code: the writers come from
``exports.writers.WRITERS``, the units from the catalog (``indicators.catalog.all_specs``) and
from ``l10n.units.UNITS``, the flags from the store's ``ObsStatus`` and ``ConfStatus``.
A new writer, unit or flag that is not accepted, labelled and translated fails here.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any, ClassVar

import pytest
from marshmallow import ValidationError

from config import PROJECT_ROOT
from exports import legend
from exports.writers import FORMATS
from l10n import flags as flag_texts
from l10n import in_every_language, texts, units
from store.models import ConfStatus, ObsStatus

TRANSLATED = ("ky", "ru")


def request(formats: list[str]) -> dict[str, Any]:
    return {
        "contact": {"name": "A. Researcher", "email": "a@example.kg"},
        "purpose": "A structure test of the request schema.",
        "table": {"source": "release", "indicator": "births", "periods": ["2025"]},
        "formats": formats,
    }


def assert_translated(text: Callable[[], str], what: str, code: str = "") -> None:
    """``text`` exists in ky, ru and en, and ky and ru are neither the English nor the code."""
    words = in_every_language(text)
    assert words["en"].strip(), what
    for lang in TRANSLATED:
        assert words[lang].strip(), (what, lang)
        assert words[lang] not in (words["en"], code), (what, lang, words[lang])


# ---------------------------------------------------------------- writers and the request schema


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_writer_is_accepted_by_the_request_schema(fmt: str) -> None:
    from api.requests.schemas import NewRequest

    assert NewRequest().load(request([fmt]))["formats"] == [fmt]


def test_all_writers_together_are_accepted() -> None:
    from api.requests.schemas import NewRequest

    assert NewRequest().load(request(list(FORMATS)))["formats"] == list(FORMATS)
    with pytest.raises(ValidationError):
        NewRequest().load(request([]))


def test_the_request_schema_follows_the_writer_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sixth writer is a sixth accepted format, with no edit to the schema."""

    class Extra:
        format: ClassVar[str] = "extra"
        extension: ClassVar[str] = "txt"
        media_type: ClassVar[str] = "text/plain"

        def write(self, table: Any, options: Any) -> bytes:
            return b""

    import exports.writers as registry

    monkeypatch.setitem(registry.WRITERS, "extra", Extra())
    monkeypatch.setattr(registry, "FORMATS", (*registry.FORMATS, "extra"))
    # A fresh copy of the schema module, run against the larger registry; the imported
    # module (and the routes built on it) stay as they are.
    path = PROJECT_ROOT / "api" / "requests" / "schemas.py"
    schemas: dict[str, Any] = {"__name__": "structure_probe"}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), schemas)  # noqa: S102
    formats = list(registry.FORMATS)
    assert schemas["NewRequest"]().load(request(formats))["formats"] == formats


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_text_of_the_export_files_is_translated(lang: str) -> None:
    for key in legend.captions():
        assert_translated(partial(_caption, key), f"caption {key}")
    for symbol, _meaning in flag_texts.symbols():
        assert_translated(partial(_symbol_meaning, symbol), f"symbol {symbol}")
    assert_translated(lambda: str(texts.SOURCE), "source line")
    assert_translated(lambda: str(texts.SYNTHETIC), "synthetic-data notice")
    assert_translated(lambda: str(texts.PERIOD), "period")


def _caption(key: str) -> str:
    return legend.captions()[key]


def _symbol_meaning(symbol: str) -> str:
    # "0.0" is written "0,0" in ky and ru: find it by position, the others by symbol
    meanings = flag_texts.symbols()
    return dict(meanings).get(symbol) or meanings[-1][1]


# ---------------------------------------------------------------- units and flags


def _catalog_units() -> set[str]:
    from indicators.catalog import all_specs

    return {spec.unit for spec in all_specs()}


def _catalog_topics() -> set[str]:
    from indicators.catalog import all_specs

    return {spec.topic for spec in all_specs()}


@pytest.mark.parametrize("unit", sorted(_catalog_units() | set(units.UNITS)))
def test_every_unit_is_labelled_in_ky_ru_en(unit: str) -> None:
    assert unit in units.UNITS, f"the catalog uses {unit!r}, l10n.units does not name it"
    for form in (units.label, units.short):
        assert_translated(partial(form, unit), unit, code=unit)
    if units.UNITS[unit].forms is not None:  # after a number: one, few, many, a fraction
        for n in (1, 3, 5, 2.5):
            assert_translated(partial(units.counted, unit, n), f"{unit} after {n}", code=unit)


@pytest.mark.parametrize("topic", sorted(_catalog_topics()))
def test_every_topic_of_the_catalog_is_named_in_ky_ru_en(topic: str) -> None:
    assert topic in texts.TOPICS, f"the catalog's topic {topic!r} has no label in l10n.texts"
    assert_translated(lambda: str(texts.TOPICS[topic]), topic, code=topic)


@pytest.mark.parametrize(
    ("attribute", "code"),
    [("OBS_STATUS", s.value) for s in ObsStatus] + [("CONF_STATUS", s.value) for s in ConfStatus],
)
def test_every_flag_is_explained_in_ky_ru_en(attribute: str, code: str) -> None:
    texts_of = flag_texts.OBS_STATUS if attribute == "OBS_STATUS" else flag_texts.CONF_STATUS
    assert code in texts_of, f"{attribute} {code} has no text in l10n.flags"
    assert_translated(lambda: str(texts_of[code]), f"{attribute} {code}")
    assert_translated(partial(_legend_line, f"{attribute} {code}:"), f"legend {attribute} {code}")


def _legend_line(start: str) -> str:
    return next(line for line in flag_texts.legend() if line.startswith(start))


# ---------------------------------------------------------------- one rule, one place

#: Modules allowed, for now, to format or round numbers outside ``l10n``; each with its reason.
#: An entry that no longer does it fails the test: remove it then.
NUMBER_RULES_ELSEWHERE: dict[str, str] = {}
NUMBER_NAMES = {"ROUND_HALF_UP", "format_decimal", "format_percent", "parse_pattern"}


def _modules() -> Iterator[tuple[str, ast.Module]]:
    skip = {".venv", "tests", "var", "build", "migrations", "node_modules"}
    for path in sorted(PROJECT_ROOT.rglob("*.py")):
        relative = path.relative_to(PROJECT_ROOT)
        if skip.intersection(relative.parts) or relative.parts[0].startswith("."):
            continue
        yield relative.as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def _imported_names(tree: ast.Module) -> set[tuple[str, str]]:
    """``(module, name)`` of every ``from module import name`` and ``import module``."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            out |= {(node.module, alias.name) for alias in node.names}
        elif isinstance(node, ast.Import):
            out |= {(alias.name, "") for alias in node.names}
    return out


def test_one_jinja2_environment() -> None:
    makers = [
        name
        for name, tree in _modules()
        if ("jinja2", "Environment") in _imported_names(tree)
        or any(isinstance(n, ast.Attribute) and n.attr == "Environment" for n in ast.walk(tree))
    ]
    assert makers == ["l10n/templates.py"]


def test_numbers_are_rounded_and_formatted_in_l10n_only() -> None:
    doing = set()
    for name, tree in _modules():
        imported = _imported_names(tree)
        if any(module == "babel.numbers" for module, _ in imported) or any(
            n in NUMBER_NAMES for _, n in imported
        ):
            doing.add(name)
    outside = {n for n in doing if not n.startswith("l10n/")}
    assert outside <= set(NUMBER_RULES_ELSEWHERE), sorted(outside - set(NUMBER_RULES_ELSEWHERE))
    stale = set(NUMBER_RULES_ELSEWHERE) - outside
    assert not stale, f"no longer formats numbers itself, remove from the list: {sorted(stale)}"
