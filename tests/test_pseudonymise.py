"""Personal identifiers become keyed hashes that link records but reveal nothing."""

from __future__ import annotations

import pytest

from ingest.pseudonymise import KEY_LENGTH, Pseudonymiser, is_valid_pin

PIN = "21503199000123"


def test_same_pin_same_key_under_one_secret() -> None:
    assert Pseudonymiser("a").pin(PIN) == Pseudonymiser("a").pin(PIN)


def test_another_secret_gives_another_key() -> None:
    assert Pseudonymiser("a").pin(PIN) != Pseudonymiser("b").pin(PIN)


def test_key_holds_no_trace_of_the_identifier() -> None:
    key = Pseudonymiser("a").pin(PIN)
    assert len(key) == KEY_LENGTH
    assert PIN not in key
    assert PIN[:6] not in key


def test_spacing_and_case_do_not_change_a_passport_key() -> None:
    p = Pseudonymiser("a")
    assert p.key("passport", "id 1234567") == p.key("passport", "ID1234567")


def test_a_pin_and_a_passport_with_the_same_digits_differ() -> None:
    p = Pseudonymiser("a")
    assert p.key("pin", PIN) != p.key("passport", PIN)


def test_an_empty_secret_is_refused() -> None:
    with pytest.raises(ValueError, match="secret"):
        Pseudonymiser("")


@pytest.mark.parametrize(
    ("value", "valid"), [(PIN, True), ("2150319900012", False), ("2150319900012X", False)]
)
def test_pin_is_fourteen_digits(value: str, valid: bool) -> None:
    assert is_valid_pin(value) is valid


@pytest.mark.parametrize("secret", ["a", "секрет-ключ", "k" * 64, "long secret " * 20])
def test_the_key_is_hmac_sha256_of_kind_and_identifier(secret: str) -> None:
    """Keys stay those of the standard HMAC (keys already stored must keep matching)."""
    import hashlib
    import hmac

    expected = hmac.new(secret.encode(), f"pin:{PIN}".encode(), hashlib.sha256).hexdigest()
    assert Pseudonymiser(secret).pin(PIN) == expected[:KEY_LENGTH]
