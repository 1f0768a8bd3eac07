"""A small store with a public release of the whole catalog, computed from the sample data.

For tests and tools that look at the public pages as people see them: every topic, every
indicator with real dimensions and codes (not the two hand-made ones of
:mod:`tests.release_factory`), in about half a minute. The same recipe as the yearbook's
test (:mod:`tests.test_publishing_yearbook`): the state classifiers, the synthetic
population at a tiny scale (``synth.load.generate``), one release computed and published.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from classifiers.loader import load_classifiers
from indicators.release import compute_release
from ingest.pseudonymise import Pseudonymiser
from store import Database, schema
from store.models import ReleaseStatus
from synth.load import generate
from synth.simulate import Params

NOW = datetime(2026, 2, 1, 4, 0, tzinfo=UTC)
PERIOD = 2025


def build(path: Path, scale: float = 0.002, seed: int = 5) -> tuple[str, str]:
    """Build the store at ``path`` (a new SQLite file); its URL and the release's id."""
    url = f"sqlite:///{path}"
    database = Database(url)
    try:
        schema.upgrade(database.engine)
        with database.session() as session:
            load_classifiers(session)
            generate(session, Params(seed=seed, scale=scale), Pseudonymiser("sample"))
            outcome = compute_release(
                session, period=PERIOD, status=ReleaseStatus.PROVISIONAL, scheduled_at=NOW, now=NOW
            )
            assert outcome.release.notes["checks_passed"], outcome.release.notes["checks"]
            release = outcome.release.id
            session.commit()
    finally:
        database.dispose()
    return url, release
