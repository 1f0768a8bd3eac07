"""Runtime configuration, read from environment variables with documented defaults.

Every setting the platform reads lives here, so that operators find them in one place and
``docs/CONFIGURATION.md`` can be checked against this table by a test.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

VERSION = "0.1.0"
PROJECT_ROOT = Path(__file__).resolve().parent
VAR_DIR = PROJECT_ROOT / "var"
LOCALES = ("ky", "ru", "en")


@dataclass(frozen=True)
class Setting:
    """One environment variable: its name, its default and what it is for."""

    name: str
    default: str
    description: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "DATABASE_URL",
        f"sqlite:///{VAR_DIR / 'statkg.sqlite3'}",
        "SQLAlchemy URL of the statistical store; PostgreSQL in production "
        "(postgresql+psycopg://user:pass@host/db).",
    ),
    Setting(
        "STATKG_PSEUDONYM_SECRET",
        "",
        "Secret key of the HMAC that replaces personal identifiers (PIN, passport numbers) at "
        "ingest. Empty: a random key is created once in var/pseudonym.key (development only; "
        "production must set it, and keep it, or records stop linking).",
    ),
    Setting(
        "STATKG_DEFAULT_LOCALE", "ky", "Language used when a request names none: ky, ru or en."
    ),
)


def _env(name: str) -> str:
    default = next(s.default for s in SETTINGS if s.name == name)
    return os.environ.get(name, default)


def _development_secret() -> str:
    """Return the per-installation secret, creating it on first use (never committed)."""
    path = VAR_DIR / "pseudonym.key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


@dataclass(frozen=True)
class Config:
    """The settings of one running instance (app, CLI command or test)."""

    database_url: str = field(default_factory=lambda: _env("DATABASE_URL"))
    pseudonym_secret: str = field(
        default_factory=lambda: _env("STATKG_PSEUDONYM_SECRET") or _development_secret()
    )
    default_locale: str = field(default_factory=lambda: _env("STATKG_DEFAULT_LOCALE"))

    def __post_init__(self) -> None:
        if self.default_locale not in LOCALES:
            raise ValueError(
                f"STATKG_DEFAULT_LOCALE must be one of {', '.join(LOCALES)}, "
                f"not {self.default_locale!r}"
            )
