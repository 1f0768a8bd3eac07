"""Where benchmark figures go: one section per benchmark in docs/PERFORMANCE.md.

Each benchmark rewrites only its own section (between ``<!-- NAME:begin -->`` and
``<!-- NAME:end -->``), headed by the machine, the command and the date, so figures from
different runs never mix without saying so.
"""

from __future__ import annotations

import os
import platform
import re
from datetime import UTC, datetime
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "PERFORMANCE.md"


def machine() -> str:
    """A one-line description of this machine and the moment of the run."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" load average {load} at start, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    )


def write_section(name: str, body: str) -> None:
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    text = DOC.read_text() if DOC.exists() else "# Performance\n"
    section = f"{begin}\n{body.rstrip()}\n{end}"
    if begin in text:
        text = re.sub(
            re.escape(begin) + ".*?" + re.escape(end), lambda _: section, text, flags=re.S
        )
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOC.write_text(text)
