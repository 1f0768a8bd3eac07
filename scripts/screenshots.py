"""Screenshots of every public page type, in ky, ru and en, at a phone's and a desktop's width.

For looking at the pages before calling them done (issue 16): one PNG of the whole page per
page type × language × width, named ``<type>.<lang>.<width>.png`` (``indicators-item.ru.360.png``),
in the folder given. The pages are those the site's ``/sitemap.xml`` lists (the first of
each type), the search, the data request form, and a request's status page (the form sent
once per language). Chromium as the browser tests run it (:mod:`tests.chromium`).

    .venv/bin/python scripts/screenshots.py --base http://127.0.0.1:8000 --out var/screenshots
    .venv/bin/python scripts/screenshots.py --sample --out var/screenshots   # serves its own

``--sample`` builds the small sample store (:mod:`tests.sample_store`, half a minute) and
serves it with gunicorn on a free loopback port for the run; ``--database URL`` serves that
store instead. Either server is stopped at the end.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.chromium import (  # noqa: E402
    DESKTOP,
    PHONE,
    SERVER_OPTIONS,
    Browser,
    chromium,
    missing,
)
from tests.public_pages import LANGS, one_of_each, page_type, sitemap_paths  # noqa: E402


def file_name(kind: str, lang: str, width: int) -> str:
    """``indicators/*`` → ``indicators-item.ru.360.png``."""
    name = re.sub(r"[^a-z0-9]+", "-", kind.replace("/*", "-item")).strip("-")
    return f"{name}.{lang}.{width}.png"


@contextmanager
def served(args: argparse.Namespace) -> Iterator[str]:
    """The base URL of the site to photograph (started here unless ``--base``)."""
    if args.base:
        yield args.base.rstrip("/")
        return
    from tests.servers import gunicorn

    with tempfile.TemporaryDirectory(prefix="statkg-screenshots-") as tmp:
        folder = Path(tmp)
        database = args.database
        if database is None:
            from tests.sample_store import build

            print("building the sample store …", flush=True)
            database, _release = build(folder / "statkg.sqlite3")
        env = {
            "DATABASE_URL": database,
            "STATKG_PUBLICATIONS_DIR": str(folder / "publications"),
            "STATKG_EXPORTS_DIR": str(folder / "exports"),
        }
        with gunicorn(env, workers=2, access_log=False, options=SERVER_OPTIONS) as (base, _server):
            yield base


def request_status(browser: Browser, base: str, lang: str) -> str | None:
    """Send the data request form once (as the browser test does); the URL of the status
    page it leads to, or None when the form did not lead to one."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select

    driver = browser.driver
    driver.get(f"{base}/{lang}/requests/new")
    try:
        driver.find_element(By.ID, "f-name").send_keys("Aida Sydykova")
        driver.find_element(By.ID, "f-email").send_keys("aida@example.kg")
        driver.find_element(By.ID, "f-purpose").send_keys("A study of ages in Bishkek")
        Select(driver.find_element(By.ID, "f-source")).select_by_value("release")
        Select(driver.find_element(By.ID, "f-indicator")).select_by_value("pop_jan1")
        driver.find_element(By.ID, "f-periods").send_keys("2024, 2025")
        box = driver.find_element(By.CSS_SELECTOR, "#f-formats input[value=csv]")
        if not box.is_selected():
            box.click()
        old = driver.find_element(By.CSS_SELECTOR, "html")
        driver.find_element(By.CSS_SELECTOR, "#request-form button[type=submit]").click()
        browser.wait_for_new_page(old)
    except WebDriverException as error:
        print(f"{lang}: the request form: {error.msg}", file=sys.stderr)
        return None
    url = str(driver.current_url)
    return url if "/requests/" in url and not url.endswith("/requests/new") else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--base", help="a running site, e.g. http://127.0.0.1:8000")
    source.add_argument("--database", help="serve this store for the run")
    source.add_argument("--sample", action="store_true", help="build and serve the sample")
    parser.add_argument("--out", required=True, type=Path, help="the folder for the PNGs")
    parser.add_argument("--langs", default=",".join(LANGS))
    parser.add_argument("--widths", default=f"{PHONE},{DESKTOP}")
    args = parser.parse_args()
    lack = missing()
    if lack:
        print(f"cannot take screenshots: {lack}", file=sys.stderr)
        return 2
    langs = args.langs.split(",")
    widths = [int(w) for w in args.widths.split(",")]
    written = 0
    with served(args) as base, chromium() as browser:
        pages = one_of_each(sitemap_paths(base))
        for lang in langs:
            status = request_status(browser, base, lang)
            if status is None:
                print(f"{lang}: the request form did not lead to a status page", file=sys.stderr)
            else:
                pages[("requests/*", lang)] = status.removeprefix(base)
        for (kind, lang), path in sorted(pages.items()):
            if lang not in langs:
                continue
            for width in widths:
                browser.width(width)
                browser.get(base + path)
                target = args.out / file_name(kind, lang, width)
                browser.screenshot(target, width)
                written += 1
                print(f"{target}  {path}  ({page_type(path)})")
    print(f"{written} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
