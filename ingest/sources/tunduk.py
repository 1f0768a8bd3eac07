"""The Tunduk (X-Road) sources of the MCR: AIS ASB, Registration of foreigners, Citizenship, ZAGS.

Why one module: the seven services share one protocol and one paging scheme (records changed
in a date window, in pages with an opaque cursor), so :class:`TundukAdapter` does the
fetching — the X-Road client, the window, the resumable cursor, the audit of every page's
``X-Road-Id`` and request hash — and each source only maps its record (field names as the
MCR sends them, camelCase). A page is checked before it is accepted: ``count`` must match the
records received (a truncated page is fetched again), and the cursor must not go backwards.

Ministry reference lists: territories may come as СОАТЕ (14-digit or significant prefix) or
in the MCR's own address register (``mcr-territory``), countries as ISO codes or the MCR's
list (``mcr-country``), nationalities as the state codes or the MCR's own (``mcr-nationality``);
all go through the versioned crosswalks (:mod:`ingest.crosswalks`). A nationality is never a
reason to refuse a record: a missing or unknown one is loaded as ``NOT_STATED``
(:meth:`ingest.context.Context.nationality`).

Stillbirths come in the ZAGS births feed (``liveBorn: false``, a registration of the birth
of a stillborn child) and are loaded into ``stillbirth_event``, never with the live births.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from typing import Any, ClassVar

import click

from config import setting
from ingest.base import Loadable, MapResult, Page, RawRecord, SourceAdapter, SourceError, register
from ingest.context import KYRGYZSTAN, NATIONALITY_NOT_STATED, Context
from ingest.rules import SEXES, Checker, plain
from ingest.tunduk.client import XRoadClient
from ingest.tunduk.services import services_from
from l10n import lazy_gettext
from store.models import (
    BirthEvent,
    CitizenshipEvent,
    DeathEvent,
    DivorceEvent,
    ForeignerRegistration,
    MarriageEvent,
    MigrationEvent,
    StillbirthEvent,
)

TERRITORY = "mcr-territory"
NATIONALITY = "mcr-nationality"
SETTLEMENTS = {"U": "U", "R": "R"}
COUNTRY = "mcr-country"
END = "end"


def _window(value: str | None, default: date) -> date:
    return date.fromisoformat(value) if value else default


class TundukAdapter(SourceAdapter):
    """Pages of one Tunduk service over a date window; subclasses map one record."""

    kind = "tunduk"
    options: ClassVar[tuple[click.Parameter, ...]] = (
        click.Option(["--date-from"], default=None, help="First day of the window (ISO)."),
        click.Option(["--date-to"], default=None, help="Last day of the window (ISO)."),
        click.Option(["--page-size"], type=click.IntRange(1, 10_000), default=5000),
    )

    # HTTP, JSON, HMAC and validation of a page cost about what storing it does: overlap them.
    map_in_worker: ClassVar[bool] = True

    def __init__(
        self,
        date_from: str | None = None,
        date_to: str | None = None,
        page_size: int = 5000,
        client: XRoadClient | None = None,
    ) -> None:
        try:
            self.date_from = _window(date_from, date(2000, 1, 1))
            self.date_to = _window(date_to, datetime.now(UTC).date())
        except ValueError:
            raise SourceError("--date-from and --date-to must be ISO dates (YYYY-MM-DD)") from None
        self.limit = page_size
        self._client = client

    @property
    def client(self) -> XRoadClient:
        if self._client is None:
            self._client = XRoadClient(
                setting("STATKG_TUNDUK_URL"),
                setting("STATKG_TUNDUK_CLIENT"),
                timeout=float(setting("STATKG_TUNDUK_TIMEOUT")),
            )
        return self._client

    @property
    def service(self) -> Any:
        services = services_from(setting("STATKG_TUNDUK_SERVICES"))
        if self.name not in services:
            raise SourceError(f"STATKG_TUNDUK_SERVICES names no service for {self.name!r}")
        return services[self.name]

    def delivery_key(self) -> str:
        return f"tunduk:{self.name}:{self.date_from}:{self.date_to}"

    def audit(self) -> dict[str, Any]:
        return {
            "service": str(self.service),
            "client": str(self.client.client),
            "window": [self.date_from.isoformat(), self.date_to.isoformat()],
        }

    def pages(self, resume_from: str) -> Iterator[Page]:
        """Pages in order; the next page is fetched while the loader stores this one.

        Prefetching one page overlaps the network with the database; the resume cursor is
        still committed only after a page is stored, so a crash loses no position.
        """
        if resume_from == END:
            return
        service = self.service
        with ThreadPoolExecutor(max_workers=1) as pool:
            pending = pool.submit(self._fetch, service, resume_from)
            while True:
                page = pending.result()
                if page.position != END:
                    pending = pool.submit(self._fetch, service, page.position)
                yield page
                if page.position == END:
                    return

    def _fetch(self, service: Any, cursor: str) -> Page:
        params = {
            "datefrom": self.date_from.isoformat(),
            "dateto": self.date_to.isoformat(),
            "limit": str(self.limit),
        }
        if cursor:
            params["cursor"] = cursor
        response = self.client.get(service, params, check=_check_page)
        body = response.body
        following = body.get("nextCursor")
        records = [_raw(cursor, n, item) for n, item in enumerate(body["records"])]
        audit = {
            "cursor": cursor,
            "records": len(records),
            "x_road_id": response.x_road_id,
            "request_hash": response.request_hash,
            "attempts": response.attempts,
        }
        return Page(records, END if following is None else str(following), audit)


def _check_page(body: dict[str, Any]) -> None:
    from ingest.tunduk.client import RetryableError

    records = body.get("records")
    if not isinstance(records, list):
        raise RetryableError("the page has no list of records")
    if body.get("count") != len(records):
        raise RetryableError(f"truncated page: {len(records)} records, count {body.get('count')}")
    following = body.get("nextCursor")
    if following is not None and not isinstance(following, str | int):
        raise RetryableError("the page's nextCursor is not a cursor")


def _raw(cursor: str, n: int, item: Any) -> RawRecord:
    position = f"cursor {cursor or 0} #{n}"
    if isinstance(item, dict):
        return RawRecord(position, item)
    return RawRecord(position, None, text=str(item)[:2000], problem="MALFORMED")


def _iso(value: Any, ctx: Context) -> date | None:
    """A plain ``YYYY-MM-DD`` date not in the future, as :meth:`Checker.date` reads it.

    Nothing more is checked: a 10-character text that ``date.fromisoformat`` accepts starts
    with a digit and has no spaces, so it is also plain text to the checker.
    """
    if type(value) is not str or len(value) != 10 or value[4] != "-":
        return None
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed <= ctx.today else None


def _id(check: Checker) -> str | None:
    return check.text("id", max_length=120)


@register
class Asb(TundukAdapter):
    """Registrations and de-registrations at a place of permanent residence (AIS ASB)."""

    name = "asb"
    help = "AIS ASB (MCR): registrations and de-registrations at a permanent residence."
    table = MigrationEvent
    title = lazy_gettext("AIS ASB: registrations and de-registrations at a permanent residence")
    identifiers: ClassVar[dict[str, str]] = {"pin": "pin"}
    OPERATIONS: ClassVar[dict[str, str]] = {"REG": "registration", "UNREG": "deregistration"}

    def map(self, data: dict[str, Any], ctx: Context) -> MapResult:
        try:
            fast = self._fast(data, ctx)
        except TypeError:  # a list or an object where a code belongs: the rules say why
            fast = None
        return fast or self._checked(data, ctx)

    def _fast(self, data: dict[str, Any], ctx: Context) -> Loadable | None:
        """The common, clean record mapped without the :class:`Checker`, or ``None``.

        Why: this feed runs at tens of thousands of records a second and most records are
        clean. This path accepts a record only when every field is plain and valid on its
        face (codes exactly as the lists spell them, ISO dates, no crosswalk needed) and then
        gives exactly the row :meth:`_checked` would; anything else (a missing or odd field,
        a ministry code, an inconsistency) returns ``None`` and goes through the full rules,
        which report the reasons and count unmapped codes. It has no side effects.

        Coded fields are looked up by their exact value (``REG``, ``M``, ``U``): a value that
        is a key of the list is plain text by construction, so only the free-text fields (the
        record id and the reason) need :func:`~ingest.rules.plain`. The ПИН is already a key.
        """
        get = data.get
        key, person = get("id"), get("pin")
        kind, sex = self.OPERATIONS.get(get("operation", "")), SEXES.get(get("sex", ""))
        if kind is None or sex is None or type(person) is not str or not plain(key, 120):
            return None
        on, birth = _iso(get("eventDate"), ctx), _iso(get("birthDate"), ctx)
        if on is None or birth is None or on < birth:
            return None
        registered = get("docDate")
        if registered is not None and (registered := _iso(registered, ctx)) is None:
            return None
        citizenship, territory = get("citizenship"), get("addressCode")
        if citizenship not in ctx.countries or territory not in ctx.soate:
            return None
        origin, dest = get("fromCode"), get("toCode")
        origin_country, dest_country = get("fromCountry"), get("toCountry")
        if (
            (origin is not None and origin not in ctx.soate)
            or (dest is not None and dest not in ctx.soate)
            or (origin_country is not None and origin_country not in ctx.countries)
            or (dest_country is not None and dest_country not in ctx.countries)
        ):
            return None
        other = origin if kind == "registration" else dest
        if other == territory or (
            other is None and (origin_country or dest_country) in (None, KYRGYZSTAN)
        ):
            return None
        settlement, reason = get("settlement"), get("reason")
        if settlement is not None and settlement not in SETTLEMENTS:
            return None
        if reason is not None and not plain(reason, 20):
            return None
        nationality = get("nationality")
        if nationality is None:
            nationality = NATIONALITY_NOT_STATED
        elif nationality not in ctx.nationalities or nationality == "_T":
            return None
        return self._loadable(
            key, kind, person, sex, birth, registered, on, citizenship, territory, settlement,
            reason, origin, origin_country, dest, dest_country, nationality,
        )  # fmt: skip

    def _checked(self, data: dict[str, Any], ctx: Context) -> MapResult:
        check = Checker(data, ctx)
        key, kind = _id(check), check.choice("operation", self.OPERATIONS)
        person, sex, on = check.key("pin"), check.sex("sex"), check.date("eventDate")
        birth, registered = check.date("birthDate"), check.date("docDate", required=False)
        citizenship = check.country("citizenship", COUNTRY, on)
        territory = check.territory("addressCode", TERRITORY, on)
        origin = check.territory("fromCode", TERRITORY, on, required=False)
        origin_country = check.country("fromCountry", COUNTRY, on, required=False)
        dest = check.territory("toCode", TERRITORY, on, required=False)
        dest_country = check.country("toCountry", COUNTRY, on, required=False)
        other = origin if kind == "registration" else dest
        if other is not None and other == territory:
            check.fail("SAME_ORIGIN_DESTINATION", "fromCode" if origin else "toCode")
        if kind and other is None and (origin_country or dest_country) in (None, KYRGYZSTAN):
            check.fail("MISSING_FIELD", "fromCode" if kind == "registration" else "toCode")
        check.after_birth(on, birth, "eventDate")
        settlement = check.choice("settlement", SETTLEMENTS, required=False)
        reason = check.text("reason", required=False, max_length=20)
        nationality = check.nationality("nationality", NATIONALITY, on)
        if not check.ok or territory is None or on is None or key is None:
            return check.reasons
        return self._loadable(
            key, kind, person, sex, birth, registered, on, citizenship, territory, settlement,
            reason, origin, origin_country, dest, dest_country, nationality,
        )  # fmt: skip

    @classmethod
    def _loadable(
        cls,
        key: str, kind: str | None, person: str | None, sex: str | None, birth: date | None,
        registered: date | None, on: date, citizenship: str | None, territory: str,
        settlement: str | None, reason: str | None, origin: str | None,
        origin_country: str | None, dest: str | None, dest_country: str | None,
        nationality: str,
    ) -> Loadable:  # fmt: skip
        other = origin if kind == "registration" else dest
        if other is None:
            mtype = "external"
        else:
            mtype = "within_oblast" if other[:5] == territory[:5] else "between_oblasts"
        row = {
            "event_kind": kind,
            "migration_type": mtype,
            "person_key": person,
            "sex": sex,
            "birth_date": birth,
            "citizenship": citizenship,
            "territory": territory,
            "settlement": settlement,
            "origin_territory": origin,
            "origin_country": origin_country,
            "destination_territory": dest,
            "destination_country": dest_country,
            "reason": reason,
            "nationality": nationality,
            "event_date": on,
            "registered_on": registered,
        }
        return Loadable(cls.table, row, key, (person, kind, on))


@register
class Foreigners(TundukAdapter):
    """Foreign citizens registered at a place of stay (AIS Registration of foreigners)."""

    name = "foreigners"
    help = "AIS Registration of foreigners (MCR): foreign citizens registered at a place of stay."
    table = ForeignerRegistration
    title = lazy_gettext("AIS Registration of foreigners")
    identifiers: ClassVar[dict[str, str]] = {"passportNo": "passport"}

    def map(self, data: dict[str, Any], ctx: Context) -> MapResult:
        check = Checker(data, ctx)
        key, person, sex = _id(check), check.key("passportNo"), check.sex("sex")
        on, birth = check.date("eventDate"), check.date("birthDate")
        citizenship = check.country("citizenship", COUNTRY, on)
        if citizenship == KYRGYZSTAN:
            check.fail("INVALID_CODE", "citizenship", "a citizen is not a foreigner")
        territory = check.territory("addressCode", TERRITORY, on)
        check.after_birth(on, birth, "eventDate")
        purpose = check.text("purpose", required=False, max_length=20)
        until = check.text("stayUntil", required=False, max_length=10)
        if not check.ok or key is None:
            return check.reasons
        row = {
            "person_key": person,
            "sex": sex,
            "birth_date": birth,
            "citizenship": citizenship,
            "territory": territory,
            "purpose": purpose,
            "stay_until": date.fromisoformat(until) if until and len(until) == 10 else None,
            "event_date": on,
            "registered_on": on,
        }
        return Loadable(self.table, row, key, (person, "stay", on))


@register
class Citizenship(TundukAdapter):
    """Acquisitions and renunciations of citizenship, with the decree (AIS Citizenship)."""

    name = "citizenship"
    help = "AIS Citizenship (MCR): acquisition and renunciation, with decree number and date."
    table = CitizenshipEvent
    title = lazy_gettext("AIS Citizenship: acquisition and renunciation")
    identifiers: ClassVar[dict[str, str]] = {"pin": "pin"}
    KINDS: ClassVar[dict[str, str]] = {"ACQ": "acquisition", "REN": "renunciation"}

    def map(self, data: dict[str, Any], ctx: Context) -> MapResult:
        check = Checker(data, ctx)
        key, kind, person = _id(check), check.choice("kind", self.KINDS), check.key("pin")
        sex, birth, on = check.sex("sex"), check.date("birthDate"), check.date("eventDate")
        decree = check.text("decreeNo", max_length=40)
        other = check.country("otherCountry", COUNTRY, on, required=False)
        territory = check.territory("addressCode", TERRITORY, on, required=False)
        check.after_birth(on, birth, "eventDate")
        if not check.ok or key is None:
            return check.reasons
        row = {
            "event_kind": kind,
            "person_key": person,
            "sex": sex,
            "birth_date": birth,
            "other_country": other,
            "territory": territory,
            "decree_number": decree,
            "event_date": on,
            "registered_on": on,
        }
        return Loadable(self.table, row, key, (person, kind, on))


class _Zags(TundukAdapter):
    """What the civil-registry acts share: the act id, its date, place and registration."""

    def common(self, check: Checker) -> tuple[str | None, date | None, dict[str, Any]]:
        key, on = _id(check), check.date("eventDate")
        territory = check.territory("addressCode", TERRITORY, on)
        settlement = check.choice("settlement", SETTLEMENTS, required=False)
        registered = check.date("docDate", required=False)
        row = {
            "event_date": on,
            "territory": territory,
            "settlement": settlement,
            "registered_on": registered,
        }
        return key, on, row


@register
class ZagsBirths(_Zags):
    name = "zags-births"
    help = "AIS ZAGS (civil registry): live births, and stillbirths (liveBorn false)."
    table = BirthEvent
    title = lazy_gettext("Civil registry (ZAGS): births")
    identifiers: ClassVar[dict[str, str]] = {"childPin": "pin", "motherPin": "pin"}
    # Stillbirths are registered from 22 completed weeks of gestation (WHO; Kyrgyzstan since
    # 2004): a shorter or longer gestation is not a plausible stillbirth record.
    GESTATION_WEEKS = (22, 45)

    def map(self, data: dict[str, Any], ctx: Context) -> MapResult:
        check = Checker(data, ctx)
        key, on, row = self.common(check)
        live = data.get("liveBorn", True)
        if not isinstance(live, bool):
            check.fail("INVALID_VALUE", "liveBorn", "not true or false")
        mother = check.key("motherPin", required=False)
        mother_birth = check.date("motherBirthDate", required=False)
        age = check.age_between(mother_birth, on, 12, 55, "motherBirthDate")
        nationality = check.nationality("motherNationality", NATIONALITY, on)
        if live is False:
            return self._stillbirth(check, key, on, row, mother, mother_birth, age, nationality)
        child, sex = check.key("childPin"), check.sex("sex")
        marital = check.marital_status("motherMaritalStatus")
        order = data.get("birthOrder")
        if not check.ok or key is None:
            return check.reasons
        row |= {
            "child_key": child,
            "mother_key": mother,
            "sex": sex,
            "mother_birth_date": mother_birth,
            "mother_age": age,
            "birth_order": order if isinstance(order, int) and 0 < order < 30 else None,
            "mother_nationality": nationality,
            "mother_marital_status": marital,
        }
        return Loadable(self.table, row, key, (child, "birth", on))

    def _stillbirth(
        self, check: Checker, key: str | None, on: date | None, row: dict[str, Any],
        mother: str | None, mother_birth: date | None, age: int | None, nationality: str,
    ) -> MapResult:  # fmt: skip
        """A stillborn child: no ПИН of its own, sex if stated, the weeks of gestation."""
        sex = check.sex("sex") if check.data.get("sex") is not None else None
        weeks = check.data.get("gestationWeeks")
        low, high = self.GESTATION_WEEKS
        if weeks is not None and (not isinstance(weeks, int) or not low <= weeks <= high):
            check.fail("INVALID_VALUE", "gestationWeeks", f"not in {low}–{high}")
        if not check.ok or key is None:
            return check.reasons
        row |= {
            "mother_key": mother,
            "sex": sex,
            "mother_birth_date": mother_birth,
            "mother_age": age,
            "mother_nationality": nationality,
            "gestation_weeks": weeks,
        }
        # A stillborn child has no ПИН: a record re-sent under a new act id is known by its
        # mother, date, sex and weeks of gestation. The sex and the weeks keep twins of
        # different sex apart (multiple pregnancies end in stillbirth more often than
        # others); twins of one sex and the same weeks cannot be told from a re-sent record
        # without a plurality field, which the feed does not carry.
        natural = (mother, "stillbirth", on, sex, weeks) if mother is not None else None
        return Loadable(StillbirthEvent, row, key, natural)


@register
class ZagsDeaths(_Zags):
    name = "zags-deaths"
    help = "AIS ZAGS (civil registry): deaths, with the ICD-10 chapter of the cause."
    table = DeathEvent
    title = lazy_gettext("Civil registry (ZAGS): deaths")
    identifiers: ClassVar[dict[str, str]] = {"pin": "pin"}

    def map(self, data: dict[str, Any], ctx: Context) -> MapResult:
        check = Checker(data, ctx)
        key, on, row = self.common(check)
        person, sex, birth = check.key("pin"), check.sex("sex"), check.date("birthDate")
        check.after_birth(on, birth, "eventDate")
        age = check.age_between(birth, on, 0, 125, "birthDate")
        cause = check.text("causeChapter", required=False, max_length=5)
        nationality = check.nationality("nationality", NATIONALITY, on)
        days = self._age_days(check, birth, on, age)
        if not check.ok or key is None:
            return check.reasons
        row |= {
            "person_key": person,
            "sex": sex,
            "birth_date": birth,
            "age": age,
            "cause_chapter": cause,
            "nationality": nationality,
            "age_days": days,
        }
        return Loadable(self.table, row, key, (person, "death", on))

    @staticmethod
    def _age_days(
        check: Checker, birth: date | None, on: date | None, age: int | None
    ) -> int | None:
        """Completed days of life of a death under one year: ``ageDays`` as sent, which must
        agree with the dates; derived from the dates when not sent; ``None`` from age one."""
        sent = check.data.get("ageDays")
        if birth is None or on is None or age is None:
            return None
        days = (on - birth).days
        if sent is not None and (isinstance(sent, bool) or sent != days or age != 0):
            check.fail("INVALID_VALUE", "ageDays", "does not agree with the dates")
        return days if age == 0 else None


@register
class ZagsMarriages(_Zags):
    name = "zags-marriages"
    help = "AIS ZAGS (civil registry): marriages."
    table = MarriageEvent
    title = lazy_gettext("Civil registry (ZAGS): marriages")
    identifiers: ClassVar[dict[str, str]] = {"groomPin": "pin", "bridePin": "pin"}

    def map(self, data: dict[str, Any], ctx: Context) -> MapResult:
        check = Checker(data, ctx)
        key, on, row = self.common(check)
        groom, bride = check.key("groomPin"), check.key("bridePin")
        groom_birth = check.date("groomBirthDate", required=False)
        bride_birth = check.date("brideBirthDate", required=False)
        groom_age = check.age_between(groom_birth, on, 16, 110, "groomBirthDate")
        bride_age = check.age_between(bride_birth, on, 16, 110, "brideBirthDate")
        groom_prior = check.text("groomPriorStatus", required=False, max_length=20)
        bride_prior = check.text("bridePriorStatus", required=False, max_length=20)
        groom_nationality = check.nationality("groomNationality", NATIONALITY, on)
        bride_nationality = check.nationality("brideNationality", NATIONALITY, on)
        if not check.ok or key is None:
            return check.reasons
        row |= {
            "groom_key": groom,
            "bride_key": bride,
            "groom_birth_date": groom_birth,
            "bride_birth_date": bride_birth,
            "groom_age": groom_age,
            "bride_age": bride_age,
            "groom_prior_status": groom_prior,
            "bride_prior_status": bride_prior,
            "groom_nationality": groom_nationality,
            "bride_nationality": bride_nationality,
        }
        return Loadable(self.table, row, key, (groom, bride, "marriage", on))


@register
class ZagsDivorces(_Zags):
    name = "zags-divorces"
    help = "AIS ZAGS (civil registry): divorces."
    table = DivorceEvent
    title = lazy_gettext("Civil registry (ZAGS): divorces")
    identifiers: ClassVar[dict[str, str]] = {"husbandPin": "pin", "wifePin": "pin"}

    def map(self, data: dict[str, Any], ctx: Context) -> MapResult:
        check = Checker(data, ctx)
        key, on, row = self.common(check)
        husband, wife = check.key("husbandPin"), check.key("wifePin")
        ages = [data.get(f) for f in ("husbandAge", "wifeAge", "marriageDuration")]
        for name, value in zip(("husbandAge", "wifeAge", "marriageDuration"), ages, strict=True):
            if value is not None and (not isinstance(value, int) or not 0 <= value <= 110):
                check.fail("INVALID_VALUE", name)
        if not check.ok or key is None:
            return check.reasons
        row |= {
            "husband_key": husband,
            "wife_key": wife,
            "husband_age": ages[0],
            "wife_age": ages[1],
            "marriage_duration": ages[2],
        }
        return Loadable(self.table, row, key, (husband, wife, "divorce", on))
