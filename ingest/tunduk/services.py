"""Which Tunduk service each source reads: configuration (``STATKG_TUNDUK_SERVICES``), not code.

Why: the names of the MCR's subsystems and services are not public and may change; the
operator sets them per installation (see ``docs/CONFIGURATION.md``).
"""

from __future__ import annotations

from ingest.base import SourceError
from ingest.tunduk.client import XRoadId


def services_from(text: str) -> dict[str, XRoadId]:
    """Parse ``source=instance/class/code/subsystem/service,…``."""
    services: dict[str, XRoadId] = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        source, sep, path = item.partition("=")
        if not sep:
            raise SourceError(f"STATKG_TUNDUK_SERVICES: {item!r} is not source=service-path")
        services[source.strip()] = XRoadId.parse(path, 5)
    return services
