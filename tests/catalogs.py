"""Compiling the gettext catalogs for the test session, with Babel's API.

Why the suite does it: the compiled ``.mo`` files are build output (not in git) and only
``make`` used to build them, so plain ``pytest`` on a fresh clone ran with no translations
and failed far from the cause (``'Not found' != 'Not found'``). A catalog is compiled when its
``.mo`` is missing or older than its ``.po`` (as after editing or merging a ``.po``); what
cannot be compiled stops the session at once with a message saying what to run.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "messages"
HINT = "run `make i18n-compile` (or `.venv/bin/pybabel compile -d locales -D messages`)"


class CatalogError(RuntimeError):
    """A catalog that is missing or cannot be compiled; the message says what to run."""


def stale_catalogs(locale_dir: Path, domain: str = DOMAIN) -> list[Path]:
    """The ``.po`` files under ``locale_dir`` whose ``.mo`` is missing or older."""
    stale = []
    for po in sorted(locale_dir.glob(f"*/LC_MESSAGES/{domain}.po")):
        mo = po.with_suffix(".mo")
        if not mo.is_file() or mo.stat().st_mtime < po.stat().st_mtime:
            stale.append(po)
    return stale


def compile_catalogs(locale_dir: Path, domain: str = DOMAIN) -> list[Path]:
    """Compile every stale catalog under ``locale_dir``; return the ``.mo`` files written.

    Each file is written beside its ``.po`` under a temporary name and renamed into place,
    so a session running in parallel never reads half a catalog.
    """
    if not any(locale_dir.glob(f"*/LC_MESSAGES/{domain}.po")):
        raise CatalogError(f"no message catalogs under {locale_dir}: {HINT}")
    written = []
    for po in stale_catalogs(locale_dir, domain):
        language = po.parent.parent.name
        mo = po.with_suffix(".mo")
        try:
            with po.open("rb") as source:
                catalog = read_po(source, locale=language, domain=domain)
            handle, temporary = tempfile.mkstemp(dir=po.parent, suffix=".mo.part")
            with os.fdopen(handle, "wb") as out:
                write_mo(out, catalog)
            os.replace(temporary, mo)
        except Exception as error:  # any parse or write failure is the same advice
            raise CatalogError(f"cannot compile {po}: {error}; {HINT}") from error
        written.append(mo)
    return written
