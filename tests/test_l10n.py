"""The presentation rules of ``l10n/``, one behaviour each, against hand-worked examples."""

from __future__ import annotations

from decimal import Decimal

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
