"""The test session compiles the gettext catalogs a fresh clone lacks, or says what to run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from babel.support import Translations

from l10n import LOCALE_DIR
from tests.catalogs import CatalogError, compile_catalogs, stale_catalogs


@pytest.fixture
def fresh_clone(tmp_path: Path) -> Path:
    """A copy of ``locales/`` as git checks it out: the ``.po`` files, no ``.mo``."""
    copy = tmp_path / "locales"
    shutil.copytree(LOCALE_DIR, copy, ignore=shutil.ignore_patterns("*.mo"))
    return copy


def test_missing_catalogs_are_compiled(fresh_clone: Path) -> None:
    written = compile_catalogs(fresh_clone)
    assert sorted(p.parent.parent.name for p in written) == ["en", "ky", "ru"]
    assert stale_catalogs(fresh_clone) == []


@pytest.mark.parametrize(("lang", "text"), [("ky", "Табылган жок"), ("ru", "Не найдено")])
def test_the_compiled_catalogs_translate(fresh_clone: Path, lang: str, text: str) -> None:
    compile_catalogs(fresh_clone)
    catalog = Translations.load(str(fresh_clone), [lang], domain="messages")
    assert catalog.gettext("Not found") == text


def test_a_catalog_older_than_its_po_is_compiled_again(fresh_clone: Path) -> None:
    compile_catalogs(fresh_clone)
    po = fresh_clone / "ru" / "LC_MESSAGES" / "messages.po"
    mo = po.with_suffix(".mo")
    os.utime(mo, (po.stat().st_mtime - 60, po.stat().st_mtime - 60))
    assert compile_catalogs(fresh_clone) == [mo]
    assert compile_catalogs(fresh_clone) == []


def test_a_broken_catalog_says_what_to_run(fresh_clone: Path) -> None:
    po = fresh_clone / "ky" / "LC_MESSAGES" / "messages.po"
    po.write_bytes(b'msgid "a"\nmsgstr "\xff\n')
    with pytest.raises(CatalogError, match="make i18n-compile"):
        compile_catalogs(fresh_clone)


def test_no_catalogs_at_all_says_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="make i18n-compile"):
        compile_catalogs(tmp_path / "locales")
