"""Interface languages: choosing one, and translating interface text through gettext.

Only interface text is translated here (catalogs under ``locales/``); labels of data
(territories, indicators) are data, stored in the three languages. Used by the API, the
publications and the exports alike, so it depends on no web framework.

The presentation rules every output shares live beside it, one module each:
:mod:`l10n.numbers` (rounding, CLDR forms, NSC symbols), :mod:`l10n.units` (unit labels),
:mod:`l10n.flags` (SDMX flags and the legend of symbols), :mod:`l10n.texts` (the source line,
the synthetic-data notice) and :mod:`l10n.templates` (the one Jinja2 environment).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.support import LazyProxy, NullTranslations, Translations

from config import LOCALES

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locales"
_current: ContextVar[str] = ContextVar("statkg_language", default="ky")


class UnsupportedLanguageError(ValueError):
    """A language was asked for that the platform does not publish in."""

    def __init__(self, value: str) -> None:
        super().__init__(value)
        self.value = value


def parse_language(value: str) -> str:
    """Validate an explicit choice (``?lang=``): one of ky, ru, en, in any usual spelling."""
    language = _language_of(value)
    if language is None:
        raise UnsupportedLanguageError(value)
    return language


@lru_cache(maxsize=256)
def _language_of(value: str) -> str | None:
    """The published language ``value`` names, or ``None``; remembered, since building a
    Babel ``Locale`` reads its data file, and every request names its language."""
    try:
        language = Locale.parse(value.strip().replace("-", "_")).language
    except (ValueError, UnknownLocaleError):
        return None
    return language if language in LOCALES else None


def negotiate(accept_language: list[tuple[str, float]], default: str) -> str:
    """The first supported language of an ``Accept-Language`` list (ordered by quality)."""
    for tag, _quality in accept_language:
        try:
            return parse_language(tag)
        except UnsupportedLanguageError:
            continue
    return default


@cache
def translations(language: str) -> NullTranslations:
    """The compiled catalog of ``language`` (``make i18n-compile`` builds it)."""
    return Translations.load(str(LOCALE_DIR), [language], domain="messages")


@contextmanager
def language(code: str) -> Iterator[None]:
    """Render in ``code`` within the block, outside any request (publishing, exports)."""
    token = _current.set(code)
    try:
        yield
    finally:
        _current.reset(token)


def current_language() -> str:
    return _current.get()


def set_language(code: str) -> None:
    """Set the language of the current context (a request sets it once)."""
    _current.set(code)


def gettext(message: str) -> str:
    return str(translations(current_language()).ugettext(message))


def ngettext(singular: str, plural: str, n: int) -> str:
    return str(translations(current_language()).ungettext(singular, plural, n))


def lazy_gettext(message: str) -> LazyProxy:
    """For module-level text, translated when it is used rather than when it is defined."""
    return LazyProxy(gettext, message, enable_cache=False)


def in_every_language(text: Callable[[], str]) -> dict[str, str]:
    """``text`` rendered in each published language, for data that carries all three."""
    out = {}
    for code in LOCALES:
        with language(code):
            out[code] = text()
    return out


_ = gettext
