"""The public pages (``web/``): every page in ky, ru and en, the selection, the downloads,
the embargo, the page weight, the sitemap and robots, and the data-request form."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from config import Config
from store import Database
from store.models import Observation
from tests import release_factory as rf

LANGS = ("ky", "ru", "en")
PAGES = (
    "/{lang}/",
    "/{lang}/topics/",
    "/{lang}/topics/population/",
    "/{lang}/indicators/pop_test/",
    "/{lang}/indicators/cbr_test/",
    "/{lang}/territories/",
    "/{lang}/territories/41702/",
    "/{lang}/territories/41711/",
    "/{lang}/publications/",
    "/{lang}/requests/new",
    "/{lang}/releases/",
    "/{lang}/releases/2025-P1/",
    "/{lang}/quality/",
    "/{lang}/search?q=pop",
)
PAGE_BUDGET = 200 * 1024


def _make_app(url: str, tmp_path: Path) -> Flask:
    from app import create_app

    database = Database(url)
    with database.transaction() as session:
        rf.public_and_embargoed(session)
    database.dispose()
    pubs = tmp_path / "publications"
    for release in ("2025-P1", rf.EMBARGOED_ID):
        (pubs / release).mkdir(parents=True)
        (pubs / release / "yearbook-en.pdf").write_bytes(b"%PDF-1.7 test")
        (pubs / release / "yearbook-ru.html").write_text("<html></html>", encoding="utf-8")
        (pubs / release / "chart-1.svg").write_text("<svg/>", encoding="utf-8")
    cfg = dataclasses.replace(Config(), publications_dir=pubs, exports_dir=tmp_path / "exports")
    return create_app({"DATABASE_URL": url, "TESTING": True, "STATKG_CONFIG": cfg})


@pytest.fixture
def web(sqlite_url: str, tmp_path: Path) -> Iterator[FlaskClient]:
    app = _make_app(sqlite_url, tmp_path)
    yield app.test_client()
    app.extensions["statkg.db"].dispose()


class _Page(HTMLParser):
    """What a test reads off a page: lang, h1s, ids, links, scripts and stylesheets."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.h1 = 0
        self.ids: list[str] = []
        self.links: list[str] = []
        self.assets: list[str] = []
        self.hreflang: dict[str, str] = {}
        self.canonical: str | None = None
        self.main = False
        self.table: list[list[str]] = []
        self._cell: list[str] | None = None
        self._in_table = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "h1":
            self.h1 += 1
        if a.get("id"):
            self.ids.append(str(a["id"]))
        if tag == "main" and a.get("id") == "main":
            self.main = True
        if tag == "a" and a.get("href"):
            self.links.append(str(a["href"]))
        if (tag == "link" and a.get("rel") == "stylesheet") or (tag == "script" and a.get("src")):
            self.assets.append(str(a.get("href") or a.get("src")))
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.hreflang[str(a["hreflang"])] = str(a["href"])
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        if tag == "table" and a.get("id") == "data-table":
            self._in_table = True
        if self._in_table and tag == "tr":
            self.table.append([])
        if self._in_table and tag in ("td", "th"):
            self._cell = []
        if self._cell is not None and tag == "sup":
            self._cell.append("\x00")  # flags and footnote marks are not the number

    def handle_endtag(self, tag: str) -> None:
        if self._in_table and tag in ("td", "th") and self._cell is not None:
            self.table[-1].append("".join(self._cell).split("\x00")[0].strip())
            self._cell = None
        if tag == "table":
            self._in_table = False

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_answers_in_its_language_with_one_h1(web: FlaskClient, lang: str) -> None:
    for template in PAGES:
        url = template.format(lang=lang)
        response = web.get(url)
        assert response.status_code == 200, url
        assert response.mimetype == "text/html", url
        page = parse(response.get_data(as_text=True))
        assert page.lang == lang, url
        assert page.h1 == 1, url
        assert page.main, url
        assert "#main" in page.links, url  # the skip link
        assert set(page.hreflang) == {*LANGS, "x-default"}, url
        assert page.canonical is not None, url
        assert f"/{lang}/" in page.canonical, url
        assert "synthetic-banner" in page.ids, url  # the sample release is synthetic
        assert not [a for a in page.assets if "//" in a], url  # nothing from elsewhere


def test_the_language_switch_keeps_the_page_and_the_selection(web: FlaskClient) -> None:
    url = "/en/indicators/pop_test/?soate=41702,41703&sex=M"
    page = parse(web.get(url).get_data(as_text=True))
    assert "/ky/indicators/pop_test/?soate=41702,41703&sex=M" in page.links
    assert "/ru/indicators/pop_test/?soate=41702,41703&sex=M" in page.links


def test_root_sends_the_visitor_to_their_language(web: FlaskClient) -> None:
    response = web.get("/", headers={"Accept-Language": "ru-RU,ru;q=0.9,en;q=0.5"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/ru/")
    assert web.get("/", headers={"Accept-Language": "de"}).headers["Location"].endswith("/ky/")


def _table(web: FlaskClient, url: str) -> list[list[str]]:
    response = web.get(url)
    assert response.status_code == 200, url
    return parse(response.get_data(as_text=True)).table


def test_the_selection_changes_the_cells(web: FlaskClient) -> None:
    default = _table(web, "/en/indicators/pop_test/")
    chosen = _table(web, "/en/indicators/pop_test/?soate=41702&soate=41703&sex=M,F&period=top(2)")
    assert default != chosen
    header, *rows = chosen
    assert header[-2:] == ["2024", "2025"]
    assert len(rows) == 4  # 2 territories × 2 sexes
    # Issyk-Kul (o=1, the second unit) male (s=1) in 2025 (y=3): 1000·2 + 100·3 + 1
    issyk_kul_male = next(r for r in rows if r[1] == "Male" and "Issyk" in r[0])
    assert issyk_kul_male[-1] == "2,301"


def test_a_bad_selection_is_a_page_with_the_error_not_a_500(web: FlaskClient) -> None:
    response = web.get("/en/indicators/pop_test/?soate=99999")
    assert response.status_code == 400
    assert "99999" in response.get_data(as_text=True)
    assert web.get("/en/indicators/no_such/").status_code == 404


def test_the_period_selects_choose_a_range_and_keep_it(web: FlaskClient) -> None:
    url = "/en/indicators/pop_test/?soate=41702&sex=_T&period_from=2023&period_to=2025"
    html = web.get(url).get_data(as_text=True)
    header = parse(html).table[0]
    assert header[-3:] == ["2023", "2024", "2025"]
    assert re.search(
        r'<select id="f-period_from" name="period_from">.*?'
        r'<option value="2023" selected>',
        html,
        re.S,
    )
    assert re.search(
        r'<select id="f-period_to" name="period_to">.*?'
        r'<option value="2025" selected>',
        html,
        re.S,
    )
    assert "valueCodes%5Bperiod%5D=range%282023%2C2025%29" in html  # the API link says so
    backwards = "/en/indicators/pop_test/?soate=41702&period_from=2025&period_to=2024"
    assert parse(web.get(backwards).get_data(as_text=True)).table[0][-2:] == ["2024", "2025"]
    only_first = "/en/indicators/pop_test/?soate=41702&period_from=2024"
    assert parse(web.get(only_first).get_data(as_text=True)).table[0][-2:] == ["2024", "2025"]


@pytest.mark.parametrize("query", ["period_from=1800", "period=range(2024)", "period=top(x)"])
def test_a_bad_period_in_the_address_is_a_localised_400(web: FlaskClient, query: str) -> None:
    ky = web.get(f"/ky/indicators/pop_test/?{query}")
    en = web.get(f"/en/indicators/pop_test/?{query}")
    assert ky.status_code == en.status_code == 400
    assert parse(ky.get_data(as_text=True)).lang == "ky"
    assert ky.get_data(as_text=True) != en.get_data(as_text=True).replace("/en/", "/ky/")


def _csv_cells(body: bytes) -> dict[tuple[str, ...], str]:
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    return {(r["soate"], r["sex"], r["period"]): r["value"] for r in rows}


def test_a_download_holds_exactly_the_cells_of_the_table(web: FlaskClient) -> None:
    query = "soate=41702,41711&sex=M,F&period=2024,2025"
    page = parse(web.get(f"/en/indicators/pop_test/?{query}").get_data(as_text=True))
    header, *rows = page.table
    shown = {}
    for row in rows:
        soate = "41702" if "Issyk" in row[0] else "41711"
        sex = "M" if row[1] == "Male" else "F"
        for period, text in zip(header[2:], row[2:], strict=True):
            shown[(soate, sex, period)] = text.replace(",", "")
    download = web.get(f"/en/indicators/pop_test/download.csv?{query}")
    download.close()
    assert download.status_code == 200
    assert "attachment" in download.headers["Content-Disposition"]
    assert _csv_cells(download.data) == shown
    assert len(shown) == 8
    # Every writer's format is offered, and each answers.
    from exports.writers import WRITERS

    for fmt in WRITERS:
        assert f"/en/indicators/pop_test/download.{fmt}?" in web.get(
            f"/en/indicators/pop_test/?{query}"
        ).get_data(as_text=True)
        if fmt != "pdf":  # the PDF writer is exercised by the exports' own tests
            assert web.get(f"/en/indicators/pop_test/download.{fmt}?{query}").status_code == 200


def test_the_api_link_gives_the_same_cells(web: FlaskClient) -> None:
    html = web.get("/en/indicators/pop_test/?soate=41702&sex=F&period=top(3)").get_data(
        as_text=True
    )
    link = re.search(r'href="(/api/v1/data/pop_test\?[^"]+)" id="api-link"', html)
    assert link is not None
    body = web.get(link.group(1).replace("&amp;", "&")).get_json()
    assert [r[:3] for r in body["rows"]] == [
        ["41702", "F", "2023"],
        ["41702", "F", "2024"],
        ["41702", "F", "2025"],
    ]


def test_no_page_shows_anything_of_an_embargoed_release(web: FlaskClient) -> None:
    app = web.application
    with app.extensions["statkg.db"].session() as session:
        secret = {
            o.value
            for o in session.scalars(
                select(Observation).where(Observation.release_id == rf.EMBARGOED_ID)
            )
        }
    secret_texts = set()
    for lang in LANGS:
        from l10n import language
        from l10n.numbers import number

        with language(lang):
            secret_texts |= {number(v, 0, lang) for v in secret if v and v > 10000}
    urls = [t.format(lang=lang) for t in PAGES for lang in LANGS]
    urls += [
        f"/en/releases/{rf.EMBARGOED_ID}/",
        f"/en/indicators/pop_test/?release={rf.EMBARGOED_ID}",
        "/en/indicators/pop_test/?period=2026",
        f"/en/indicators/pop_test/download.csv?release={rf.EMBARGOED_ID}",
        f"/publications/{rf.EMBARGOED_ID}/yearbook-en.pdf",
        "/sitemap.xml",
    ]
    for url in urls:
        response = web.get(url)
        assert response.status_code < 500, url
        text = response.get_data(as_text=True)
        if url.endswith("/releases/") or (
            url.startswith(("/ky/", "/ru/", "/en/")) and (url.rstrip("/").count("/") == 1)
        ):
            # The calendar names the embargoed release with its time, nothing more.
            text = text.replace(rf.EMBARGOED_ID, "")
        if response.status_code >= 400:  # the visitor's own address, echoed in the links
            text = text.replace(url.split("?")[0].replace(url.split("/")[1], ""), "")
            text = re.sub(r'href="/\w\w/[^"]*"', "", text)
        assert rf.EMBARGOED_ID not in text, url
        assert not [s for s in secret_texts if s in text], url
    assert web.get(f"/en/releases/{rf.EMBARGOED_ID}/").status_code == 404
    assert web.get(f"/publications/{rf.EMBARGOED_ID}/yearbook-en.pdf").status_code == 404


def test_every_page_weighs_under_200_kb_with_its_css_and_js(web: FlaskClient) -> None:
    weights = {}
    for template in PAGES:
        url = template.format(lang="ru")
        response = web.get(url)
        page = parse(response.get_data(as_text=True))
        total = len(response.data)
        for asset in page.assets:
            answer = web.get(asset)
            assert answer.status_code == 200, asset
            assert "immutable" in answer.headers["Cache-Control"], asset
            total += len(answer.data)
            answer.close()
        weights[url] = total
    assert max(weights.values()) <= PAGE_BUDGET, weights


def test_pages_are_cached_like_the_api_and_pinned_ones_are_immutable(web: FlaskClient) -> None:
    first = web.get("/en/indicators/pop_test/")
    assert first.headers["ETag"]
    assert "public" in first.headers["Cache-Control"]
    again = web.get("/en/indicators/pop_test/", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    pinned = web.get("/en/indicators/pop_test/?release=2025-P1")
    assert "immutable" in pinned.headers["Cache-Control"]
    assert "immutable" not in first.headers["Cache-Control"]


def test_the_sitemap_lists_every_page_in_every_language(web: FlaskClient) -> None:
    text = web.get("/sitemap.xml").get_data(as_text=True)
    locs = re.findall(r"<loc>([^<]+)</loc>", text)
    for lang in LANGS:
        for path in ("/", "/topics/", "/indicators/pop_test/", "/territories/41702/"):
            assert any(loc.endswith(f"/{lang}{path}") for loc in locs), (lang, path)
    assert not [loc for loc in locs if "/requests/" in loc and not loc.endswith("/new")]


def test_robots_keeps_the_private_status_pages_out(web: FlaskClient) -> None:
    text = web.get("/robots.txt").get_data(as_text=True)
    for lang in LANGS:
        assert f"Disallow: /{lang}/requests/" in text
    assert "Sitemap: " in text


def _form(**changes: object) -> dict[str, object]:
    good: dict[str, object] = {
        "name": "A. Researcher",
        "email": "a@example.kg",
        "purpose": "Internal migration of young people",
        "source": "release",
        "indicator": "pop_test",
        "periods": "2025",
        "formats": ["csv", "xlsx"],
        "language": "ru",
    }
    return {**good, **changes}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": "not-an-address"}, "email"),
        ({"purpose": "short"}, "purpose"),
        ({"formats": []}, "formats"),
        ({"indicator": "no_such_indicator"}, "indicator"),
        ({"periods": ""}, "periods"),
    ],
)
def test_the_form_shows_each_error_next_to_its_field(
    web: FlaskClient, changes: dict[str, object], field: str
) -> None:
    response = web.post("/en/requests/new", data=_form(**changes))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert f'id="{field}-error"' in html
    assert re.search(rf'id="f-{field}"[^>]*aria-invalid="true"', html) or field in ("formats",)
    assert "a@example.kg" in html or field == "email"  # nothing typed is lost
    assert response.headers["Cache-Control"] == "no-store"


def test_a_good_request_goes_to_its_private_status_page(web: FlaskClient) -> None:
    response = web.post("/ru/requests/new", data=_form())
    assert response.status_code == 303
    status_url = response.headers["Location"]
    assert re.search(r"/ru/requests/[\w-]{20,}$", status_url)
    page = web.get(status_url)
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    html = page.get_data(as_text=True)
    assert 'name="robots" content="noindex' in html
    assert "request-status" in html
    assert web.get("/ru/requests/not-a-token").status_code == 404


@pytest.mark.parametrize(
    ("lang", "email", "purpose", "required"),
    [
        (
            "ky",
            "Электрондук почтанын дарегин name@example.kg түрүндө жазыңыз.",
            "Узундугу 10–4000 аралыгында болушу керек.",
            "Бул талааны толтуруу милдеттүү.",
        ),
        (
            "ru",
            "Введите адрес электронной почты вида name@example.kg.",
            "Длина должна быть от 10 до 4000.",
            "Это поле обязательно.",
        ),
    ],
)
def test_the_form_and_the_api_refuse_in_the_page_language(
    web: FlaskClient, lang: str, email: str, purpose: str, required: str
) -> None:
    html = web.post(
        f"/{lang}/requests/new", data=_form(email="not-an-address", purpose="short", name="")
    ).get_data(as_text=True)
    assert f'id="email-error">{_error_word(web, lang)} {email}</span>' in html
    assert purpose in html
    assert required in html
    assert "Not a valid" not in html
    assert "Length must" not in html
    assert "Missing data" not in html
    api = web.post(
        f"/api/v1/requests?lang={lang}",
        json={
            "contact": {"name": "A", "email": "not-an-address"},
            "purpose": "short",
            "table": {"source": "release", "indicator": "pop_test", "periods": ["2025"]},
            "formats": ["csv"],
        },
    ).get_json()
    reasons = {p["name"]: p["reason"] for p in api["invalid_params"]}
    assert (reasons["contact"], reasons["purpose"]) == (email, purpose)  # the same words


def _error_word(web: FlaskClient, lang: str) -> str:
    from l10n import gettext, language

    with language(lang):
        return gettext("Error:")


def test_the_form_names_breakdowns_and_the_status_page_shows_a_localised_date(
    web: FlaskClient,
) -> None:
    form = web.get("/ky/requests/new").get_data(as_text=True)
    assert 'value="sex"> Жынысы</label>' in form
    assert not re.search(r'value="(soate|sex|age5)"> \1<', form)
    status_url = web.post("/ru/requests/new", data=_form()).headers["Location"]
    html = web.get(status_url).get_data(as_text=True)
    received = re.search(r'<dd id="received">([^<]+)</dd>', html)
    assert received
    assert re.search(r"\d{4}\s?г\., \d{1,2}:\d{2}:\d{2}", received.group(1))
    assert "T" not in received.group(1).split("(")[0]  # not an ISO string


def test_a_revision_is_read_from_the_release_notes_not_diffed_per_request(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A release computed with its revision summarised shows it without reading both
    releases' observations; its cells are named by their labels."""
    from datetime import timedelta

    from store.models import Release
    from store.revisions import diff, summarise

    app = _make_app(sqlite_url, tmp_path)
    database = Database(sqlite_url)
    with database.transaction() as session:
        rf.release(session, "2025-P2", rf.NOW - timedelta(hours=1), scale=1.5, revises="2025-P1")
        session.flush()
        revision = session.get(Release, "2025-P2")
        assert revision is not None
        revision.notes = {
            **revision.notes,
            "revisions": summarise(diff(session, "2025-P1", "2025-P2")),
        }
    database.dispose()

    def no_diff(*_args: object) -> None:
        raise AssertionError("the page diffed the releases")

    monkeypatch.setattr("web.releases.diff", no_diff)
    html = app.test_client().get("/en/releases/2025-P2/").get_data(as_text=True)
    assert re.search(r"\d+ values changed", html)
    assert "soate=" not in html  # not the raw key
    assert re.search(
        r'<th scope="row">[^<]*(Bishkek|Chüy|Chui|Osh|Issyk)[^<]*, (Male|Female|Total)', html
    )


def test_a_count_charts_the_parts_without_their_total_and_a_rate_keeps_it(
    web: FlaskClient,
) -> None:
    query = "?soate=417,41702,41703&period=2024,2025"
    count = web.get(f"/en/indicators/pop_test/{query}&sex=_T").get_data(as_text=True)
    legend = re.search(r'<ul class="legend" id="chart-legend">(.*?)</ul>', count, re.S)
    assert legend is not None
    assert "Kyrgyz Republic" not in legend.group(1)
    assert "Issyk" in legend.group(1)
    assert 'id="chart-totals"' in count
    assert "Kyrgyz Republic" in parse(count).table[1][0]  # the table keeps the total
    rate = web.get(f"/en/indicators/cbr_test/{query}").get_data(as_text=True)
    legend = re.search(r'<ul class="legend" id="chart-legend">(.*?)</ul>', rate, re.S)
    assert legend is not None
    assert "Kyrgyz Republic" in legend.group(1)
    assert 'id="chart-totals"' not in rate


def test_a_refused_selection_ticks_the_codes_it_names_not_their_prefixes() -> None:
    """When a selection is too large (413) the form comes back from the query's own text:
    ``417`` ticks the country, not every code that starts with 417."""
    from web.indicator import marked

    pieces = [("417", "[417]", "[417 x]"), ("41708", "[41708]", "[41708 x]")]
    assert str(marked(pieces, "417")) == "[417 x][41708]"
    assert str(marked(pieces, "41708,417")) == "[417 x][41708 x]"
    assert str(marked(pieces, "level(rayon)")) == "[417][41708]"
    assert str(marked(pieces, ["41708"])) == "[417][41708 x]"


def test_a_publication_address_reaches_only_the_files_of_public_releases(web: FlaskClient) -> None:
    """The release of a file is the folder of the file served, not of the address as typed:
    a dot segment must not lead from a public release's folder into an embargoed one."""
    served = web.get("/publications/2025-P1/chart-1.svg")
    assert served.status_code == 200
    served.close()
    assert web.get(f"/publications/{rf.EMBARGOED_ID}/chart-1.svg").status_code == 404
    for sneaky in (
        f"/publications/2025-P1/../{rf.EMBARGOED_ID}/chart-1.svg",
        f"/publications/2025-P1/%2e%2e/{rf.EMBARGOED_ID}/chart-1.svg",
        "/publications/x%00.pdf",
    ):
        response = web.get(sneaky)
        assert response.status_code == 404, sneaky
        assert b"<svg" not in response.data, sneaky


def test_a_shared_link_with_tracking_arguments_still_shows_the_page(web: FlaskClient) -> None:
    """Links pasted into social media come back with ``utm_…``/``fbclid`` arguments: they
    are not dimensions and must not turn the page (or its download) into an error."""
    for url in (
        "/en/indicators/pop_test/?utm_source=telegram&fbclid=abc",
        "/en/indicators/pop_test/download.csv?utm_source=telegram",
    ):
        response = web.get(url)
        assert response.status_code == 200, url
        response.close()


def test_the_chart_ticks_print_their_step_exactly() -> None:
    """A step of 2.5 prints 2.5 and 7.5 — rounding ticks to the indicator's decimals printed
    0, 3, 5, 8, 10: an axis that lies."""
    from web.chart import _tick_decimals

    assert _tick_decimals([0, 2.5, 5, 7.5], 0) == 1
    assert _tick_decimals([0, 5, 10], 1) == 0
    assert _tick_decimals([0.0, 0.25, 0.5], 0) == 2
    assert _tick_decimals([0, 2000, 4000], 0) == 0
