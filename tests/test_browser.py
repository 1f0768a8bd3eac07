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

The store is built for the run (half a minute); ``STATKG_TEST_BROWSER_DATABASE=<URL>``
serves one built before instead (:func:`tests.sample_store.build`), a quicker loop while
editing the pages. Marked ``slow`` (the fast tier leaves it to ``make test``); skipped where
Chromium is not installed, except in CI (:mod:`tests.chromium`).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from l10n.numbers import cell_text, number
from tests import sample_store
from tests.chromium import DESKTOP, PHONE, SERVER_OPTIONS, Browser, chromium, require_browser
from tests.public_pages import LANGS, PAGE_TYPES, fetch, one_of_each, sitemap_paths
from tests.servers import gunicorn

pytestmark = pytest.mark.slow

WIDTHS = (PHONE, DESKTOP)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """gunicorn serving the sample store's release on loopback; its base URL."""
    require_browser()  # before half a minute of building what would not be used
    folder = tmp_path_factory.mktemp("browser")
    url = os.environ.get("STATKG_TEST_BROWSER_DATABASE") or ""
    if not url:
        url, _release = sample_store.build(folder / "statkg.sqlite3")
    env = {
        "DATABASE_URL": url,
        "STATKG_PUBLICATIONS_DIR": str(folder / "publications"),
        "STATKG_EXPORTS_DIR": str(folder / "exports"),
        # every request of the tests comes from 127.0.0.1
        "STATKG_API_RATE_LIMIT": "100000 per minute",
        "STATKG_API_ADDRESS_RATE_LIMIT": "100000 per minute",
    }
    with gunicorn(env, workers=2, access_log=False, options=SERVER_OPTIONS) as (base, _server):
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


#: Every text a person meets on the page (visible or read out: alt, aria-label, title,
#: placeholder), each text node on its own; text marked as another language (``lang``)
#: is left out (the language switch names each language in itself).
TEXTS_JS = """
const page = document.documentElement.lang;
const out = new Set();
const own = (el) => (el.closest('[lang]') || document.documentElement).lang === page;
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode;
  const el = node.parentElement;
  if (!el || ['SCRIPT', 'STYLE'].includes(el.tagName) || !own(el)) continue;
  const text = node.textContent.replace(/\\s+/g, ' ').trim();
  if (text) out.add(text);
}
for (const el of document.querySelectorAll('[alt], [aria-label], [title], [placeholder]')) {
  if (!own(el)) continue;
  for (const name of ['alt', 'aria-label', 'title', 'placeholder']) {
    const text = (el.getAttribute(name) || '').trim();
    if (text) out.add(text);
  }
}
out.add(document.title);
return [...out];
"""
#: Two words of Latin letters apart: English, not a name, a code or a format (StatKG,
#: 2025-P1, ISCO-08, SDMX-CSV, .sdmx.csv).
ENGLISH = re.compile(r"[A-Za-z][a-z]{2,}\s+[A-Za-z]?[a-z]+")


@pytest.mark.parametrize("lang", ["ky", "ru"])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_speaks_its_language(
    browser: Browser, site: str, pages: dict[tuple[str, str], str], kind: str, lang: str
) -> None:
    """No text of the English page is left in the Kyrgyz or Russian one (an interface
    string not translated, a label read from the wrong language)."""
    browser.width(DESKTOP)
    browser.get(site + pages[(kind, "en")])
    english = {text for text in browser.driver.execute_script(TEXTS_JS) if ENGLISH.search(text)}
    browser.get(site + pages[(kind, lang)])
    left = sorted(english & set(browser.driver.execute_script(TEXTS_JS)))
    assert not left, f"{pages[(kind, lang)]} shows English: {left}"


INDICATOR = "pop_jan1"  # territory × urban/rural × sex × age group: the form has much to choose

TABLE_JS = """
const table = document.querySelector('main table#data-table');
if (!table) return null;
const periods = [...table.querySelectorAll('thead th.num')].map((th) => th.innerText.trim());
const text = (cell) => {
  const copy = cell.cloneNode(true);
  copy.querySelectorAll('sup').forEach((sup) => sup.remove());  // flags, footnote marks
  return copy.textContent.trim();
};
const rows = [...table.querySelectorAll('tbody tr')].map((tr) => ({
  headers: [...tr.querySelectorAll('th')].map((th) => th.innerText.trim()),
  cells: [...tr.querySelectorAll('td')].map(text),
}));
return {periods, rows};
"""


def table_cells(browser: Browser) -> dict[tuple[str, ...], str]:
    """The page's data table: (row headers …, period) → the cell's text (flags left out);
    cells the selection does not hold (``…``) are left out."""
    found = browser.driver.execute_script(TABLE_JS)
    assert found is not None, "no data table in <main>"
    out: dict[tuple[str, ...], str] = {}
    for row in found["rows"]:
        assert len(row["cells"]) == len(found["periods"]), row
        for period, text in zip(found["periods"], row["cells"], strict=True):
            if text != "…":
                out[(*row["headers"], period)] = text
    return out


def form_selection(browser: Browser) -> dict[str, list[str]]:
    """What the selection form has ticked: dimension → codes."""
    ticked = browser.driver.execute_script(
        "return [...document.querySelectorAll('#selection input[type=checkbox]:checked')]"
        ".map((box) => [box.name, box.value]);"
    )
    out: dict[str, list[str]] = {}
    for name, value in ticked:
        out.setdefault(name, []).append(value)
    return out


def api_cells(
    site: str, indicator: str, lang: str, selection: dict[str, list[str]]
) -> tuple[dict[tuple[str, ...], str], dict[str, Any]]:
    """The API's answer for ``selection``, keyed and printed as the page's table prints it:
    (labels of the dimensions with more than one code …, period) → ``l10n``'s cell text."""
    query = "&".join(
        f"valueCodes[{dim}]={quote(','.join(codes), safe=',')}" for dim, codes in selection.items()
    )
    _status, body, _headers = fetch(
        f"{site}/api/v1/data/{indicator}?lang={lang}&limit=100000&{query}"
    )
    answer = json.loads(body)
    assert answer["next"] is None
    labels = {d["id"]: {c["code"]: c["label"] for c in d["codes"]} for d in answer["dimensions"]}
    dims = [d["id"] for d in answer["dimensions"] if d["id"] != "period"]
    varying = [d for d in dims if len(labels[d]) > 1]
    columns = answer["columns"]
    decimals = answer["indicator"]["decimals"]
    out = {}
    for row in answer["rows"]:
        cell = dict(zip(columns, row, strict=True))
        key = (*(labels[d][cell[d]] for d in varying), labels["period"][cell["period"]])
        out[key] = cell_text(cell["value"], cell["status"], cell["conf"], decimals, lang)
    return out, labels


def choose(browser: Browser, dim: str, codes: list[str]) -> None:
    """Tick exactly ``codes`` of ``dim`` in the selection form, as a person would (clicks)."""
    from selenium.webdriver.common.by import By

    boxes = browser.driver.find_elements(
        By.CSS_SELECTOR, f"#selection input[type=checkbox][name='{dim}']"
    )
    assert boxes, f"no {dim} in the selection form"
    for box in boxes:
        if box.is_selected() != (box.get_attribute("value") in codes):
            browser.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
            box.click()


@pytest.mark.parametrize("lang", LANGS)
def test_the_selection_form_changes_the_table_to_the_apis_cells(
    browser: Browser, site: str, lang: str
) -> None:
    from selenium.webdriver.common.by import By

    browser.width(DESKTOP)
    browser.get(f"{site}/{lang}/indicators/{INDICATOR}/")
    before = form_selection(browser)
    shown_before = table_cells(browser)
    expected_before, labels = api_cells(site, INDICATOR, lang, before)
    assert shown_before == expected_before
    periods = list(labels["period"])  # the periods of the first view, oldest first
    assert len(periods) >= 2, before
    assert before.get("sex") == ["_T"], before  # the first view: both sexes together

    choose(browser, "sex", ["M", "F"])
    choose(browser, "period", periods[-2:])
    old = browser.driver.find_element(By.CSS_SELECTOR, "html")
    browser.driver.find_element(By.CSS_SELECTOR, "#selection button[type=submit]").click()
    browser.wait_for_new_page(old)

    after = form_selection(browser)
    assert after["sex"] == ["M", "F"], after
    assert after["period"] == periods[-2:], after
    sent = parse_qs(urlsplit(browser.driver.current_url).query)
    assert {dim: ",".join(codes).split(",") for dim, codes in sent.items()} == after
    shown_after = table_cells(browser)
    expected_after, _labels = api_cells(site, INDICATOR, lang, after)
    assert shown_after == expected_after
    assert shown_after != shown_before
    assert len(shown_after) == len(labels["soate"]) * 2 * 2  # territories × sexes × periods
    assert not browser.console_errors()


@pytest.mark.parametrize("lang", LANGS)
def test_a_download_holds_the_cells_the_table_shows(browser: Browser, site: str, lang: str) -> None:
    from selenium.webdriver.common.by import By

    browser.width(DESKTOP)
    browser.get(
        f"{site}/{lang}/indicators/{INDICATOR}/?soate=level(oblast)&sex=M,F&period=top(2)"
        "&age5=Y0T4,Y5T9"
    )
    shown = table_cells(browser)
    link = browser.driver.find_element(By.CSS_SELECTOR, "main a#download-csv")
    href = link.get_attribute("href")
    assert href, "the CSV link has no address"
    status, body, headers = fetch(href)
    assert status == 200
    assert headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    header, rows = rows[0], rows[1:]
    value_at = header.index("value")
    dims = header[:value_at:2]  # code and label columns, a pair per dimension
    assert "period" in dims, header
    codes = {d: {row[2 * i] for row in rows} for i, d in enumerate(dims)}
    varying = [i for i, d in enumerate(dims) if d != "period" and len(codes[d]) > 1]
    period_at = dims.index("period")
    decimals = 0  # pop_jan1 counts persons
    downloaded = {}
    for row in rows:
        key = (*(row[2 * i + 1] for i in varying), row[2 * period_at + 1])
        value, symbol = row[value_at], row[value_at + 1]
        downloaded[key] = number(float(value), decimals, lang) if value else symbol
    assert downloaded == shown
    assert len(shown) == len(codes["soate"]) * 2 * 2 * 2  # oblasts × sexes × ages × periods


@pytest.mark.parametrize("lang", LANGS)
def test_a_data_request_goes_from_its_form_to_its_status_page(
    browser: Browser, site: str, pages: dict[tuple[str, str], str], lang: str
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select

    driver = browser.driver
    browser.width(PHONE)
    browser.console_errors()
    browser.get(f"{site}/{lang}/requests/new")

    def send() -> None:
        old = driver.find_element(By.CSS_SELECTOR, "html")
        driver.find_element(By.CSS_SELECTOR, "#request-form button[type=submit]").click()
        browser.wait_for_new_page(old)

    send()  # empty: every required field is named, the form is kept, nothing is filed
    assert "/requests/new" in driver.current_url
    summary = driver.find_elements(By.CSS_SELECTOR, "#error-summary a[href^='#f-']")
    assert summary, "no error summary for an empty request"
    for field in ("name", "email", "purpose"):
        box = driver.find_element(By.ID, f"f-{field}")
        assert box.get_attribute("aria-invalid") == "true", field
    problems = [f"axe: {v}" for v in browser.serious()]
    assert not problems, "the form with its errors:\n  " + "\n  ".join(problems)
    browser.console_errors()  # the console notes the form's answer, 400: as it should be

    driver.find_element(By.ID, "f-name").send_keys("Aida Sydykova")
    driver.find_element(By.ID, "f-email").send_keys("aida@example.kg")
    driver.find_element(By.ID, "f-purpose").send_keys(
        "Бишкектеги калктын жаш курагы боюнча изилдөө"
    )
    Select(driver.find_element(By.ID, "f-source")).select_by_value("release")
    Select(driver.find_element(By.ID, "f-indicator")).select_by_value(INDICATOR)
    driver.find_element(By.ID, "f-periods").send_keys("2024, 2025")
    csv_box = driver.find_element(By.CSS_SELECTOR, "#f-formats input[value=csv]")
    if not csv_box.is_selected():
        csv_box.click()
    send()

    path = urlsplit(driver.current_url).path
    kept = driver.find_elements(By.CSS_SELECTOR, "#error-summary, .field-error")
    assert re.fullmatch(rf"/{lang}/requests/[A-Za-z0-9_-]{{16,}}", path), (
        driver.current_url,
        [f"{e.get_attribute('id')}: {e.text}" for e in kept],
    )
    status = driver.find_element(By.ID, "request-status").text
    assert status.strip(), "the status page says no status"
    robots = driver.find_element(By.CSS_SELECTOR, "meta[name=robots]").get_attribute("content")
    assert "noindex" in (robots or ""), robots
    assert driver.execute_script("return document.documentElement.lang") == lang
    facts = driver.find_element(By.CSS_SELECTOR, "main dl.facts").text
    assert "2024, 2025" in facts, facts
    problems = [f"console: {m}" for m in browser.console_errors()]
    problems += [f"axe: {v}" for v in browser.serious()]
    assert not problems, f"{path}:\n  " + "\n  ".join(problems)
    # Private: the address is the only key, and nothing lists it.
    assert path not in pages.values()
    _status, robots_txt, _headers = fetch(f"{site}/robots.txt")
    disallowed = [
        line.split(":", 1)[1].strip()
        for line in robots_txt.decode().splitlines()
        if line.lower().startswith("disallow:")
    ]
    assert any(rule and path.startswith(rule.rstrip("*")) for rule in disallowed), disallowed
