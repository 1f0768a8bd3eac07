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
    Setting(
        "STATKG_TUNDUK_URL",
        "http://127.0.0.1:8470",
        "Base URL of the NSC's own Tunduk (X-Road) security server; make run starts a "
        "simulated one here.",
    ),
    Setting(
        "STATKG_TUNDUK_CLIENT",
        "central-server/GOV/70000002/nsc-statistics",
        "The NSC's X-Road client id: instance/memberClass/memberCode/subsystem.",
    ),
    Setting(
        "STATKG_TUNDUK_SERVICES",
        "asb=central-server/GOV/70000001/asb/SubjectFromTo,"
        "foreigners=central-server/GOV/70000001/foreigners/RegistrationFromTo,"
        "citizenship=central-server/GOV/70000001/citizenship/DecreeFromTo,"
        "zags-births=central-server/GOV/70000001/zags/BirthFromTo,"
        "zags-deaths=central-server/GOV/70000001/zags/DeathFromTo,"
        "zags-marriages=central-server/GOV/70000001/zags/MarriageFromTo,"
        "zags-divorces=central-server/GOV/70000001/zags/DivorceFromTo",
        "Tunduk services per source, comma-separated source=instance/memberClass/memberCode/"
        "subsystem/service (the MCR's service names are not public, so they are configuration).",
    ),
    Setting("STATKG_TUNDUK_TIMEOUT", "30", "Seconds to wait for one Tunduk page before retrying."),
    Setting(
        "STATKG_API_CELL_LIMIT",
        "1000000",
        "Most cells one data query may select (the product of the selected codes of every "
        "dimension); larger selections get a 413 problem naming this limit.",
    ),
    Setting(
        "STATKG_API_RATE_LIMIT",
        "300 per 10 seconds",
        "Requests one client may make to the public API, in the `limits` library's notation; "
        "a client is its app key (STATKG_API_KEY_HEADER) or else its address; conditional "
        "requests answered 304 are not counted.",
    ),
    Setting(
        "STATKG_API_KEY_HEADER",
        "X-StatKG-App-Key",
        "Request header with the client's app key (8-64 letters, digits, . _ -): a client "
        "that sends one has a budget of its own, apart from others behind the same address.",
    ),
    Setting(
        "STATKG_API_ADDRESS_RATE_LIMIT",
        "6000 per 10 seconds",
        "Ceiling that every app key behind one address shares (rotating keys buys at most "
        "this); empty: none.",
    ),
    Setting(
        "STATKG_PROXY_HOPS",
        "0",
        "Reverse proxies or load balancers in front of the app whose X-Forwarded-For to trust: "
        "the client's address is then the one the outermost of them saw.",
    ),
    Setting(
        "STATKG_API_RATE_STORAGE",
        "memory://",
        "Where the rate-limit counters live (a `limits` storage URI). memory:// counts per "
        "gunicorn worker; use a shared store (redis://…) to count per machine or cluster.",
    ),
    Setting(
        "STATKG_API_TOKENS",
        "",
        "Staff API tokens and their roles: token=role+role, comma-separated (roles: reader, "
        "publisher, requests). Empty: the staff endpoints answer 401 to everyone.",
    ),
    Setting(
        "STATKG_API_MAX_AGE",
        "3600",
        "Longest Cache-Control max-age (seconds) of public answers; shortened to end at the "
        "next scheduled publication.",
    ),
    Setting(
        "STATKG_API_CACHE_MB",
        "64",
        "Megabytes of finished answers each worker keeps in memory (releases are immutable, "
        "so an answer stays valid until the set of public releases changes).",
    ),
    Setting(
        "STATKG_API_STATE_TTL",
        "5",
        "Seconds a worker trusts its view of which releases are public before asking the "
        "database again (scheduled publications are picked up on time regardless).",
    ),
    Setting(
        "STATKG_CORS_ORIGINS",
        "*",
        "Origins allowed to call the public API from a browser (comma-separated, * for any).",
    ),
    Setting(
        "STATKG_PUBLICATIONS_DIR",
        "build/publications",
        "Folder of the built PDF publications that /api/v1/publications lists (relative to "
        "the project root unless absolute).",
    ),
    Setting(
        "STATKG_SDC_MIN_COUNT",
        "3",
        "Disclosure control of exports: a count of at least one and fewer than this many "
        "persons is confidential (primary suppression, flagged x / CONF_STATUS C).",
    ),
    Setting(
        "STATKG_SDC_MIN_SAMPLE",
        "30",
        "Disclosure control of survey estimates in exports: an estimate resting on fewer than "
        "this many sampled persons (unweighted) is suppressed (x / CONF_STATUS C); the sample "
        "counts themselves are never released.",
    ),
    Setting(
        "STATKG_SDC_CV_FLAG",
        "0.333",
        "A survey estimate whose coefficient of variation (standard error / estimate) exceeds "
        "this is flagged as of low reliability (OBS_STATUS U).",
    ),
    Setting(
        "STATKG_SDC_CV_SUPPRESS",
        "0.5",
        "A survey estimate whose coefficient of variation exceeds this is suppressed "
        "(x / CONF_STATUS C): too imprecise to publish.",
    ),
    Setting(
        "STATKG_SDC_MARGIN",
        "3",
        "Protection margin: the audit requires the feasible interval of every suppressed cell "
        "(attacker's bounds by linear programming) to be at least this wide.",
    ),
    Setting(
        "STATKG_EXPORTS_DIR",
        "var/exports",
        "Folder of the files made for data requests (relative to the project root unless "
        "absolute).",
    ),
    Setting(
        "STATKG_MICRODATA_DIR",
        "var/microdata",
        "Folder of the crossings microdata: one immutable Parquet file per border delivery, "
        "each crossing with the HMAC key of its traveller (relative to the project root "
        "unless absolute).",
    ),
    Setting(
        "STATKG_RESIDENCE_WINDOW_MONTHS",
        "16",
        "Usual-residence rule of the border-based migration figures: the months after a "
        "crossing that are looked at (Stats NZ's 12/16-month rule).",
    ),
    Setting(
        "STATKG_RESIDENCE_THRESHOLD_MONTHS",
        "12",
        "Months of that window a traveller must spend abroad after a departure (emigrant) or "
        "in the country after an arrival (immigrant); 12 is the UN's recommendation.",
    ),
    Setting(
        "STATKG_EXPORT_LINK_TTL",
        "604800",
        "Seconds a signed download link of a data request stays valid (default 7 days).",
    ),
    Setting(
        "STATKG_EXPORT_SECRET",
        "",
        "Key that signs download links. Empty: derived from STATKG_PSEUDONYM_SECRET (every "
        "worker and machine then agrees on it).",
    ),
    Setting(
        "STATKG_EXPORT_POLL",
        "2",
        "Seconds the background export worker waits between looks at the requests table.",
    ),
)


def setting(name: str) -> str:
    """The value of setting ``name`` from the environment, or its documented default."""
    return _env(name)


def _env(name: str) -> str:
    default = next(s.default for s in SETTINGS if s.name == name)
    return os.environ.get(name, default)


def parse_tokens(value: str) -> dict[str, frozenset[str]]:
    """``"t1=reader+publisher,t2=reader"`` → ``{"t1": {"reader", "publisher"}, ...}``."""
    tokens: dict[str, frozenset[str]] = {}
    for item in filter(None, (part.strip() for part in value.split(","))):
        token, _, roles = item.partition("=")
        if not token or not roles:
            raise ValueError("STATKG_API_TOKENS items look like token=role+role")
        tokens[token] = frozenset(r for r in roles.split("+") if r)
    return tokens


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
    api_cell_limit: int = field(default_factory=lambda: int(_env("STATKG_API_CELL_LIMIT")))
    api_rate_limit: str = field(default_factory=lambda: _env("STATKG_API_RATE_LIMIT"))
    api_rate_storage: str = field(default_factory=lambda: _env("STATKG_API_RATE_STORAGE"))
    api_key_header: str = field(default_factory=lambda: _env("STATKG_API_KEY_HEADER"))
    api_address_rate_limit: str = field(
        default_factory=lambda: _env("STATKG_API_ADDRESS_RATE_LIMIT")
    )
    proxy_hops: int = field(default_factory=lambda: int(_env("STATKG_PROXY_HOPS")))
    api_tokens: dict[str, frozenset[str]] = field(
        default_factory=lambda: parse_tokens(_env("STATKG_API_TOKENS"))
    )
    api_max_age: int = field(default_factory=lambda: int(_env("STATKG_API_MAX_AGE")))
    api_cache_bytes: int = field(
        default_factory=lambda: int(float(_env("STATKG_API_CACHE_MB")) * 1024 * 1024)
    )
    api_state_ttl: float = field(default_factory=lambda: float(_env("STATKG_API_STATE_TTL")))
    cors_origins: str = field(default_factory=lambda: _env("STATKG_CORS_ORIGINS"))
    publications_dir: Path = field(
        default_factory=lambda: PROJECT_ROOT / _env("STATKG_PUBLICATIONS_DIR")
    )
    sdc_min_count: int = field(default_factory=lambda: int(_env("STATKG_SDC_MIN_COUNT")))
    sdc_margin: float = field(default_factory=lambda: float(_env("STATKG_SDC_MARGIN")))
    sdc_min_sample: int = field(default_factory=lambda: int(_env("STATKG_SDC_MIN_SAMPLE")))
    sdc_cv_flag: float = field(default_factory=lambda: float(_env("STATKG_SDC_CV_FLAG")))
    sdc_cv_suppress: float = field(default_factory=lambda: float(_env("STATKG_SDC_CV_SUPPRESS")))
    exports_dir: Path = field(default_factory=lambda: PROJECT_ROOT / _env("STATKG_EXPORTS_DIR"))
    export_link_ttl: int = field(default_factory=lambda: int(_env("STATKG_EXPORT_LINK_TTL")))
    export_secret: str = field(default_factory=lambda: _env("STATKG_EXPORT_SECRET"))
    export_poll: float = field(default_factory=lambda: float(_env("STATKG_EXPORT_POLL")))

    def __post_init__(self) -> None:
        if self.default_locale not in LOCALES:
            raise ValueError(
                f"STATKG_DEFAULT_LOCALE must be one of {', '.join(LOCALES)}, "
                f"not {self.default_locale!r}"
            )
