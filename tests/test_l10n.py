"""The presentation rules of ``l10n/``, one behaviour each, against hand-worked examples."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from l10n import in_every_language
from l10n import numbers as n

LANGS = ("ky", "ru", "en")
NBSP = "\xa0"


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "text"),
    [
        (2.25, 1, "en", "2.3"),  # Babel alone rounds half-even: 2.2
        (2.675, 2, "en", "2.68"),  # from the float's repr, not its binary expansion
        (1234567.5, 0, "ru", f"1{NBSP}234{NBSP}568"),
        (1234.5, 1, "ky", f"1{NBSP}234,5"),
        (1234.5, 1, "en", "1,234.5"),
        (-2.5, 0, "en", "-3"),  # half away from zero on both sides
        (-0.04, 1, "ru", "0,0"),  # never "-0,0"
        (0.04, 1, "ky", "0,0"),  # smaller than half the unit shown
        (12345.5, 0, "en", "12,346"),
    ],
)
def test_number(value: float, decimals: int, lang: str, text: str) -> None:
    assert n.number(value, decimals, lang) == text


@pytest.mark.parametrize(
    ("value", "status", "conf", "text"),
    [
        (5.0, "A", "C", "x"),
        (5.0, "P", "D", "x"),
        (None, "M", "F", "…"),
        (5.0, "M", "F", "…"),  # a missing status wins over a stray value
        (float("nan"), "A", "F", "…"),
        (None, "L", "F", "–"),
        (0.0, "A", "F", "–"),  # the one rule for an exact zero: no cases
        (0.0, "E", "F", "–"),
        (0.0001, "A", "F", "0,0"),
        (-0.0001, "A", "F", "0,0"),
        (7.25, "P", "F", "7,3"),
    ],
)
def test_cell_text_follows_the_nsc_symbols(
    value: float | None, status: str, conf: str, text: str
) -> None:
    assert n.cell_text(value, status, conf, 1, "ru") == text


@pytest.mark.parametrize(
    ("value", "decimals", "sep", "plain"),
    [
        (-0.04, 1, ".", "0.0"),
        (12345.5, 0, ".", "12346"),
        (1234567.25, 1, ",", "1234567,3"),  # no grouping in machine formats
        (1e-7, 2, ".", "0.00"),
        (1e15, 0, ".", "1000000000000000"),  # never an exponent
    ],
)
def test_plain_is_locale_free(value: float, decimals: int, sep: str, plain: str) -> None:
    assert n.plain(value, decimals, sep) == plain


@pytest.mark.parametrize(
    ("value", "decimals", "number"),
    [(12345.5, 0, 12346), (2.675, 2, 2.68), (-0.04, 1, 0.0), (-2.5, 0, -3)],
)
def test_machine_numbers_are_the_published_rounded_value(
    value: float, decimals: int, number: float
) -> None:
    got = n.machine(value, decimals)
    assert got == number
    assert isinstance(got, int) == (decimals == 0)
    assert str(got) != "-0.0"


@pytest.mark.parametrize(
    ("lang", "share", "text"),
    [("ky", 0.1234, "12,3%"), ("ru", 0.1234, f"12,3{NBSP}%"), ("en", 0.98765, "98.8%")],
)
def test_percent_uses_the_locale_pattern(lang: str, share: float, text: str) -> None:
    assert n.percent(share, 1, lang) == text


def test_exact_decimal_rounding_is_the_same_for_every_caller() -> None:
    assert n.half_up(2.675, 2) == Decimal("2.68")
    assert n.half_up(-0.04, 1) == Decimal("0.0")
    assert str(n.half_up(-0.04, 1)) == "0.0"


def test_in_every_language_translates_once_per_language() -> None:
    from l10n.texts import SOURCE

    names = in_every_language(lambda: str(SOURCE))
    assert names == {
        "ky": "Кыргыз Республикасынын Улуттук статистика комитети",
        "ru": "Национальный статистический комитет Кыргызской Республики",
        "en": "National Statistical Committee of the Kyrgyz Republic",
    }


def test_a_published_value_is_the_same_number_in_every_machine_form_even_when_large() -> None:
    """``machine`` takes a fast path; beyond 2**32 (scaled) it must still agree with the
    exact rule that ``plain`` (CSV) uses: 5,407,500,712.025 rounds half up to .03."""
    from decimal import Decimal

    from l10n.numbers import machine, plain

    for value in (5407500712.025, 123456789.125, 98765432109.995, 0.125, 2.675):
        for decimals in (0, 1, 2, 3):
            assert Decimal(repr(machine(value, decimals))) == Decimal(plain(value, decimals))


def test_a_unit_after_a_number_printed_with_decimals_takes_the_fraction_form() -> None:
    from l10n import language
    from l10n.units import counted

    with language("ru"):
        assert counted("years", 75.0, 1) == "года"
        assert counted("years", 75, 0) == "лет"
        assert counted("persons", 21) == "человек"


def _schema_templates() -> set[str]:
    """Every message template the API's request schemas can refuse a value with: their
    fields' (inner fields and nested schemas included) and their validators'."""
    import inspect

    from marshmallow import Schema, fields, validate

    from api.requests import schemas as request_schemas
    from api.staff import schemas as staff_schemas
    from api.v1 import schemas as v1_schemas

    found: set[str] = set(Schema._default_error_messages.values())

    def walk_field(field: fields.Field[Any]) -> None:
        for kind in type(field).__mro__:
            found.update(vars(kind).get("default_error_messages", {}).values())
        for validator in field.validators:
            if isinstance(validator, validate.Range):
                # Range composes its text from parts; the inclusive bounds the API uses
                found.update(
                    {
                        "Must be greater than or equal to {min} and less than or equal to {max}.",
                        "Must be greater than or equal to {min}.",
                        "Must be less than or equal to {max}.",
                    }
                )
                assert validator.min_inclusive
                assert validator.max_inclusive
            elif isinstance(validator, validate.Length):
                found.update(
                    [
                        validator.message_min,
                        validator.message_max,
                        validator.message_all,
                        validator.message_equal,
                    ]
                )
            else:
                found.add(validator.default_message)  # type: ignore[attr-defined]
        for inner in (getattr(field, "inner", None), getattr(field, "value_field", None)):
            if inner is not None:
                walk_field(inner)
        if isinstance(field, fields.Nested):
            for nested in field.schema.fields.values():
                walk_field(nested)

    for module in (v1_schemas, request_schemas, staff_schemas):
        for _name, schema in inspect.getmembers(module, inspect.isclass):
            if issubclass(schema, Schema) and schema is not Schema:
                for field in schema().fields.values():
                    walk_field(field)
    return found


def test_every_schema_refusal_is_interface_text_in_each_language() -> None:
    from l10n import language
    from l10n.validation import TEMPLATES, localise

    templates = _schema_templates()
    assert "Not a valid email address." in templates  # the walk reaches nested schemas
    missing = templates - TEMPLATES.keys()
    assert not missing, f"marshmallow messages without a translation: {sorted(missing)}"
    for template in TEMPLATES:
        with language("en"):
            english = str(TEMPLATES[template])
        for lang in ("ky", "ru"):
            with language(lang):
                assert str(TEMPLATES[template]) != english, (lang, template)
    with language("ky"):
        said = localise("Length must be between 10 and 4000.")
        assert said == "Узундугу 10–4000 аралыгында болушу керек."
        assert localise("Must be one of: csv, xlsx.") == (
            "Төмөнкүлөрдүн бири болушу керек: csv, xlsx."
        )
        assert localise("a service's own text") == "a service's own text"
    with language("ru"):
        assert localise("Not a valid email address.") == (
            "Введите адрес электронной почты вида name@example.kg."
        )
