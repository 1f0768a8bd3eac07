"""The public pages in a real browser: Debian's Chromium, driven by Selenium, on a real
gunicorn on loopback, over a store with the whole catalog published (:mod:`tests.sample_store`).

Every page type (the running site's ``/sitemap.xml`` names them; the search and the data
request form are added) in ky, ru and en, at a phone's width (360 px) and a desktop's
(1280 px): it loads, says its language in ``<html lang>``, has its landmarks (a skip link to
``<main id="main">``, one ``<h1>``), fits the phone's width, logs no console error, and
axe-core, run inside the page, finds no serious or critical violation. Then what people do:
the selection form changes the table (to the API's cells for the same selection), a
download holds the cells the table shows, a data request goes from its form to its status
page.

Marked ``slow`` (the fast tier leaves it to ``make test``); skipped where Chromium is not
installed, except in CI (:mod:`tests.chromium`).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests import sample_store
from tests.chromium import DESKTOP, PHONE, Browser, chromium, require_browser
from tests.public_pages import LANGS, PAGE_TYPES, fetch, one_of_each, sitemap_paths
from tests.servers import gunicorn

pytestmark = pytest.mark.slow

WIDTHS = (PHONE, DESKTOP)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """gunicorn serving the sample store's release on loopback; its base URL."""
    require_browser()  # before half a minute of building what would not be used
    folder = tmp_path_factory.mktemp("browser")
    url, _release = sample_store.build(folder / "statkg.sqlite3")
    env = {
        "DATABASE_URL": url,
        "STATKG_PUBLICATIONS_DIR": str(folder / "publications"),
        "STATKG_EXPORTS_DIR": str(folder / "exports"),
        # every request of the tests comes from 127.0.0.1
        "STATKG_API_RATE_LIMIT": "100000 per minute",
        "STATKG_API_ADDRESS_RATE_LIMIT": "100000 per minute",
    }
    with gunicorn(env, workers=2) as (base, _server):
        yield base


@pytest.fixture(scope="module")
def browser(site: str) -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def pages(site: str) -> dict[tuple[str, str], str]:
    """One path per (page type, language), from the sitemap."""
    return one_of_each(sitemap_paths(site))


def test_the_sitemap_lists_every_page_type_in_every_language(pages: dict[tuple[str, str], str]):
    listed = {kind for kind, _lang in pages}
    assert listed >= set(PAGE_TYPES), f"not in the sitemap: {set(PAGE_TYPES) - listed}"
    untested = listed - set(PAGE_TYPES)
    assert not untested, f"page types the browser tests do not know (add them): {untested}"
    for kind in PAGE_TYPES:
        for lang in LANGS:
            assert (kind, lang) in pages, (kind, lang)


def check_page(browser: Browser, url: str, lang: str, width: int) -> list[str]:
    """What is wrong with the page at ``url`` as the browser shows it (empty: nothing)."""
    problems: list[str] = []
    browser.width(width)
    browser.console_errors()  # what earlier pages left in the log
    browser.get(url)
    driver = browser.driver
    html_lang = driver.execute_script("return document.documentElement.lang")
    if html_lang != lang:
        problems.append(f"<html lang> is {html_lang!r}, not {lang!r}")
    facts = driver.execute_script(
        """
        const main = document.querySelector('main#main');
        const skip = document.querySelector('a[href="#main"]');
        const first = document.querySelector('a[href], button, input, select, textarea');
        return {
          main: !!main,
          h1: document.querySelectorAll('h1').length,
          skip: !!skip,
          skipFirst: !!skip && skip === first,
          title: document.title,
          overflow: document.documentElement.scrollWidth - window.innerWidth,
        };
        """
    )
    if not facts["main"]:
        problems.append('no <main id="main">')
    if facts["h1"] != 1:
        problems.append(f"{facts['h1']} <h1> (one wanted)")
    if not facts["skip"]:
        problems.append('no skip link (<a href="#main">)')
    elif not facts["skipFirst"]:
        problems.append("the skip link is not the first thing a keyboard reaches")
    if not facts["title"].strip():
        problems.append("an empty <title>")
    if facts["overflow"] > 0:
        problems.append(f"wider than the screen by {facts['overflow']} px (scrolls sideways)")
    problems += [f"console: {message}" for message in browser.console_errors()]
    problems += [f"axe: {violation}" for violation in browser.serious()]
    return problems


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page(
    browser: Browser,
    site: str,
    pages: dict[tuple[str, str], str],
    kind: str,
    lang: str,
    width: int,
) -> None:
    path = pages.get((kind, lang))
    assert path is not None, f"no {kind} page in {lang}"
    status, _body, _headers = fetch(site + path)
    assert status == 200, path
    problems = check_page(browser, site + path, lang, width)
    assert not problems, f"{path} at {width} px:\n  " + "\n  ".join(problems)


def cells_of_table(browser: Browser) -> list[list[str]]:
    """The text of every row of the page's data table (header cells and data cells)."""
    rows = browser.driver.execute_script(
        """
        const table = document.querySelector('main table');
        if (!table) return null;
        return [...table.querySelectorAll('tr')].map(
          (tr) => [...tr.querySelectorAll('th, td')].map((c) => c.innerText.trim()));
        """
    )
    assert rows is not None, "no table in <main>"
    return [list(row) for row in rows]
