"""A simulated Tunduk security server: synthetic records over X-Road REST, faults on demand.

Why: the real Tunduk is reachable only from the state network, yet the connector must be
shown not to lose or double a record when the MCR's services misbehave. This WSGI app
answers ``GET /r1/{instance}/{memberClass}/{memberCode}/{subsystem}/{service}`` like a
security server (``X-Road-Client`` required; ``X-Road-Id``, ``X-Road-Client``,
``X-Road-Service`` and ``X-Road-Request-Hash`` in the answer; X-Road's own errors as an
``X-Road-Error`` header and a ``{"type", "message", "detail"}`` body) and pages the records of
a date window: ``?datefrom=YYYY-MM-DD&dateto=YYYY-MM-DD&cursor=<opaque>&limit=<n>`` →
``{"records": [...], "count": n, "nextCursor": "…" | null}``.

Faults (:class:`Faults`), per page request, from a script (in order) or at random rates:
``timeout`` (answers after the client gave up), ``500``/``503``, ``malformed`` (a cut-off
JSON body), ``truncated`` (fewer records than ``count`` says), ``duplicate`` (the previous
answer sent again). ``ministry_rate`` re-codes territories into the MCR's own reference list.

Run standalone (``make run`` does): ``python -m ingest.tunduk.simulator --data var/tunduk``
serves the JSON-lines files the synthetic generator writes (``{"window": date, "record": …}``
per line, one file per source). It binds to loopback only.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import random
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote
from wsgiref.types import StartResponse, WSGIEnvironment

import orjson
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

FAULTS = ("timeout", "500", "503", "malformed", "truncated", "duplicate")


@dataclass
class Faults:
    """What goes wrong, and when: a script first, then random rates."""

    script: list[str] = field(default_factory=list)
    rates: dict[str, float] = field(default_factory=dict)
    seed: int = 0
    timeout_seconds: float = 1.0
    ministry_rate: float = 0.0
    ministry_codes: dict[str, str] = field(default_factory=dict)  # СОАТЕ -> ministry code

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.lock = threading.Lock()
        for name in [*self.script, *self.rates]:
            if name not in (*FAULTS, "ok"):
                raise ValueError(f"unknown fault {name!r}; known: {', '.join(FAULTS)}")

    def next(self) -> str:
        with self.lock:
            if self.script:
                return self.script.pop(0)
            for name, rate in self.rates.items():
                if self.rng.random() < rate:
                    return name
            return "ok"


@dataclass
class Dataset:
    """The records of one service, in window-date order."""

    windows: list[str]
    records: list[Any]

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, Any]]) -> Dataset:
        ordered = sorted(pairs, key=lambda pair: pair[0])
        return cls([w for w, _ in ordered], [r for _, r in ordered])

    @classmethod
    def read(cls, path: Path) -> Dataset:
        with path.open(encoding="utf-8") as lines:
            return cls.of((e["window"], e["record"]) for e in map(json.loads, lines))


class Simulator:
    """The WSGI app; ``services`` maps a service path (``inst/class/code/sub/service``)."""

    def __init__(self, services: dict[str, Dataset], faults: Faults | None = None) -> None:
        self.services = services
        self.faults = faults or Faults()
        self.last: dict[str, bytes] = {}
        self.requests = 0

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> list[bytes]:
        self.requests += 1
        path = unquote(environ.get("PATH_INFO", ""))
        client = environ.get("HTTP_X_ROAD_CLIENT", "")
        if not path.startswith("/r1/"):
            return _error(start_response, "404 Not Found", "Server.ServerProxy.NotFound", path)
        service = path.removeprefix("/r1/").strip("/")
        if len(client.split("/")) != 4:
            return _error(
                start_response, "400 Bad Request", "Client.InvalidClientIdentifier", client
            )
        dataset = self.services.get(service)
        if dataset is None:
            return _error(start_response, "404 Not Found", "Server.ServerProxy.UnknownService", "")
        query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        headers = [
            ("Content-Type", "application/json; charset=utf-8"),
            ("X-Road-Id", str(uuid.uuid4())),
            ("X-Road-Client", client),
            ("X-Road-Service", service),
            ("X-Road-Request-Hash", _request_hash(service, client, query)),
        ]
        fault = self.faults.next()
        if fault == "timeout":
            time.sleep(self.faults.timeout_seconds)
        if fault in ("500", "503"):
            status = "500 Internal Server Error" if fault == "500" else "503 Service Unavailable"
            return _error(start_response, status, "Server.ServerProxy.ServiceFailed", fault)
        if fault == "duplicate" and service in self.last:
            start_response("200 OK", headers)
            return [self.last[service]]
        try:
            body = self.page(dataset, query)
        except ValueError as error:
            return _error(start_response, "400 Bad Request", "Client.BadRequest", str(error))
        if fault == "truncated":
            body = {**body, "records": body["records"][: len(body["records"]) // 2]}
        payload = _encode(body)
        if fault == "malformed":
            payload = payload[: max(1, len(payload) // 2)]
        else:
            self.last[service] = payload
        start_response("200 OK", headers)
        return [payload]

    def page(self, dataset: Dataset, query: dict[str, str]) -> dict[str, Any]:
        start, end = query.get("datefrom", ""), query.get("dateto", "9999-12-31")
        try:
            limit = max(1, min(10_000, int(query.get("limit", "1000"))))
            offset = int(query.get("cursor") or 0)
        except ValueError:
            raise ValueError("limit and cursor must be integers") from None
        import bisect

        first = bisect.bisect_left(dataset.windows, start) if start else 0
        last = bisect.bisect_right(dataset.windows, end)
        lo = max(first, offset) if offset else first
        hi = min(last, lo + limit)
        records = [self.recode(r) for r in dataset.records[lo:hi]]
        return {
            "records": records,
            "count": len(records),
            "nextCursor": str(hi) if hi < last else None,
        }

    def recode(self, record: Any) -> Any:
        rate, codes = self.faults.ministry_rate, self.faults.ministry_codes
        if not rate or not isinstance(record, dict) or not codes:
            return record
        with self.faults.lock:
            hit = self.faults.rng.random() < rate
        code = record.get("addressCode")
        if hit and isinstance(code, str) and code in codes:
            return {**record, "addressCode": codes[code]}
        return record


def _encode(body: dict[str, Any]) -> bytes:
    """A page as UTF-8 JSON: orjson, because on one machine the simulator's CPU is taken from
    the loader it serves (a real security server runs elsewhere); the standard library for
    what orjson refuses (integers beyond 64 bits, text that is not valid Unicode)."""
    try:
        return orjson.dumps(body)
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(body, ensure_ascii=False).encode("utf-8")


def _request_hash(service: str, client: str, query: dict[str, str]) -> str:
    """A digest of the request, standing in for X-Road's hash of the signed request message."""
    text = json.dumps([service, client, sorted(query.items())], ensure_ascii=False)
    return base64.b64encode(hashlib.sha512(text.encode("utf-8")).digest()).decode("ascii")


def _error(start_response: StartResponse, status: str, kind: str, detail: str) -> list[bytes]:
    start_response(
        status, [("Content-Type", "application/json; charset=utf-8"), ("X-Road-Error", kind)]
    )
    body = {"type": kind, "message": status, "detail": detail[:200]}
    return [json.dumps(body).encode("utf-8")]


class _QuietHandler(WSGIRequestHandler):
    """Requests are not logged one by one (a feed makes thousands of them, which buried the
    loaders' own output in ``make run``); errors still are."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


@contextmanager
def serving(app: Simulator, port: int = 0) -> Iterator[str]:
    """Serve ``app`` on 127.0.0.1 in a thread; yield its base URL; stop it afterwards."""
    server: BaseWSGIServer = make_server(
        "127.0.0.1", port, app, threaded=True, request_handler=_QuietHandler
    )
    # Polled every 50 ms rather than the default 0.5 s: stopping waits for the next poll, and
    # the tests start and stop a server for nearly every Tunduk case.
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def load_directory(directory: Path, services: dict[str, str]) -> dict[str, Dataset]:
    """Datasets from ``<source>.jsonl`` files, keyed by each source's service path."""
    found = {}
    for source, service in services.items():
        path = directory / f"{source}.jsonl"
        if path.exists():
            found[service] = Dataset.read(path)
    return found


def main(argv: list[str] | None = None) -> None:
    from config import setting
    from ingest.tunduk.services import services_from

    parser = argparse.ArgumentParser(description="Simulated Tunduk security server (loopback).")
    parser.add_argument("--data", type=Path, default=Path("var/tunduk"))
    parser.add_argument("--port", type=int, default=8470)
    parser.add_argument("--fault-rate", type=float, default=0.0, help="each fault's rate")
    parser.add_argument(
        "--ready-file", type=Path, help="written once the server listens (loading can take minutes)"
    )
    args = parser.parse_args(argv)
    services = {s: str(x) for s, x in services_from(setting("STATKG_TUNDUK_SERVICES")).items()}
    faults = Faults(rates=dict.fromkeys(FAULTS, args.fault_rate), timeout_seconds=0.5)
    app = Simulator(load_directory(args.data, services), faults)
    server = make_server("127.0.0.1", args.port, app, threaded=True, request_handler=_QuietHandler)
    print(f"simulated Tunduk on http://127.0.0.1:{args.port} ({len(app.services)} services)")
    if args.ready_file is not None:
        args.ready_file.write_text(str(args.port))
    server.serve_forever()


if __name__ == "__main__":
    main()
