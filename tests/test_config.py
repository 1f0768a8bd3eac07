"""Configuration: documented, validated, defaulting to the embedded SQLite store."""

from __future__ import annotations

from pathlib import Path

import pytest

from config import PROJECT_ROOT, SETTINGS, Config


def test_every_setting_is_documented() -> None:
    documented = (PROJECT_ROOT / "docs" / "CONFIGURATION.md").read_text()
    assert [s.name for s in SETTINGS if f"`{s.name}`" not in documented] == []


def test_default_store_is_sqlite_under_var(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    url = Config().database_url
    assert url.startswith("sqlite:///")
    assert Path(url.removeprefix("sqlite:///")).parent == PROJECT_ROOT / "var"


def test_default_locale_is_kyrgyz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STATKG_DEFAULT_LOCALE", raising=False)
    assert Config().default_locale == "ky"


def test_an_unknown_default_locale_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATKG_DEFAULT_LOCALE", "de")
    with pytest.raises(ValueError, match="ky, ru, en"):
        Config()


def test_the_secret_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATKG_PSEUDONYM_SECRET", "s3cret")
    assert Config().pseudonym_secret == "s3cret"
