"""A corpus of API queries, and what the API answered to each: to prove two versions agree.

Why: a change of the store or the request path must leave every public answer as it was,
byte for byte. This tool builds a corpus of realistic queries from a store's own catalog —
narrow and wide selections, every format and language, cursors followed page by page,
flags, footnotes, suppressed cells, the errors — asks them through the Flask app (in-process,
no server), and writes what came back; ``--compare`` asks again and reports every difference.

    # record with one version of the code, compare with another, on copies of one store
    python bench/corpus.py --database sqlite:///a.sqlite3 --root /path/to/old --out old.jsonl
    python bench/corpus.py --database sqlite:///b.sqlite3 --compare old.jsonl

``--root`` runs the app of another checkout (its own code), so an old version can record.
The test suite checks the index against a whole-indicator oracle on the same corpus, on a
small store (tests/test_store_corpus.py); comparing two versions of the code is this tool's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

LANGS = ("ky", "ru", "en")


def _q(params: dict[str, str]) -> str:
    return "&".join(f"{quote(k, safe='[]')}={quote(v, safe='(),*')}" for k, v in params.items())


def queries(
    client: Any, seed: int = 2026, per_indicator: int = 12
) -> Iterator[tuple[str, str, Any]]:
    """``(method, url, json body or None)`` of the corpus, from the store's own catalog."""
    rng = random.Random(seed)
    for path in (
        "/api/v1/",
        "/api/v1/config",
        "/api/v1/flags",
        "/api/v1/classifiers",
        "/api/v1/classifiers/soate/tree",
        "/api/v1/classifiers/soate?limit=50",
        "/api/v1/classifiers/soate?code=41711",
        "/api/v1/classifiers/nope",
        "/api/v1/releases",
        "/api/v1/highlights",
        "/api/v1/search?q=бишкек",
        "/api/v1/search?q=naryn",
        "/api/v1/search?q=%20",
        "/api/v1/sync",
        "/api/v1/publications",
        "/api/v1/catalog?limit=7",
        "/api/v1/catalog?cursor=bad",
        "/api/v1/data/no_such_indicator",
    ):
        for lang in LANGS:
            yield "GET", f"{path}{'&' if '?' in path else '?'}lang={lang}", None
    catalog = client.get("/api/v1/catalog?limit=1000&lang=en").get_json()
    releases = client.get("/api/v1/releases").get_json()
    for release in releases.get("published", []):
        yield "GET", f"/api/v1/releases/{release['id']}?lang=ru", None
        yield "GET", f"/api/v1/sync?since={release['id']}", None
    for entry in catalog["indicators"]:
        ind = entry["id"]
        yield "GET", f"/api/v1/catalog/{ind}?lang={rng.choice(LANGS)}", None
        detail = client.get(f"/api/v1/catalog/{ind}?lang=en").get_json()
        dims = {d["id"]: [c["code"] for c in d.get("codes", [])] for d in detail["dimensions"]}
        levels = {
            d["id"]: sorted({c["level"] for c in d.get("codes", []) if c.get("level")})
            for d in detail["dimensions"]
        }
        periods = detail.get("periods", [])
        if not periods:
            continue
        for n in range(per_indicator):
            params: dict[str, str] = {"lang": rng.choice(LANGS)}
            for dim, codes in dims.items():
                if not codes:
                    continue
                pick = rng.random()
                if dim == "soate" and levels.get(dim) and pick < 0.3:
                    params[f"valueCodes[{dim}]"] = f"level({rng.choice(levels[dim])})"
                elif pick < 0.45:
                    params[f"valueCodes[{dim}]"] = "*"
                elif pick < 0.8:
                    params[f"valueCodes[{dim}]"] = "_T" if "_T" in codes else codes[0]
                else:
                    chosen = rng.sample(codes, min(len(codes), rng.randint(1, 4)))
                    params[f"valueCodes[{dim}]"] = ",".join(chosen)
            params["valueCodes[period]"] = f"top({rng.randint(1, len(periods))})"
            if n % 3 == 1:
                params["format"] = "jsonstat"
            if n % 4 == 2:
                params["limit"] = "7"
            url = f"/api/v1/data/{ind}?{_q(params)}"
            yield "GET", url, None
            if params.get("limit") == "7":
                answer = client.get(url).get_json() or {}
                for _page in range(2):
                    cursor = answer.get("next")
                    if not cursor:
                        break
                    follow = f"/api/v1/data/{ind}?cursor={cursor}&limit=7&lang={params['lang']}"
                    yield "GET", follow, None
                    answer = client.get(follow).get_json() or {}
        # the whole indicator (within the cell limit), both shapes, and the same by POST
        yield "GET", f"/api/v1/data/{ind}?format=jsonstat&lang=ky", None
        yield "GET", f"/api/v1/data/{ind}?lang=ru&limit=100", None
        some = {d: codes[:2] for d, codes in dims.items() if codes}
        yield "POST", f"/api/v1/data/{ind}?lang=en", {"selection": some}
        # errors: an unknown dimension, an unknown code, a bad expression
        yield "GET", f"/api/v1/data/{ind}?valueCodes[nope]=1", None
        first = next(iter(dims), "period")
        yield "GET", f"/api/v1/data/{ind}?valueCodes[{first}]=NO_SUCH_CODE&lang=ru", None
        yield "GET", f"/api/v1/data/{ind}?valueCodes[period]=top(x)&lang=ky", None
        yield "GET", f"/api/v1/data/{ind}?release=1999-P1", None


def answer(client: Any, method: str, url: str, body: Any) -> dict[str, Any]:
    response = client.open(url, method=method, json=body)
    data = response.get_data()
    return {
        "method": method,
        "url": url,
        "body": body,
        "status": response.status_code,
        "content_type": response.headers.get("Content-Type"),
        "content_language": response.headers.get("Content-Language"),
        "etag": response.headers.get("ETag"),
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", required=True)
    parser.add_argument("--root", help="the checkout whose app answers (default: this one)")
    parser.add_argument("--out", help="write the corpus and its answers here (JSON lines)")
    parser.add_argument("--compare", help="ask the recorded corpus again and compare")
    args = parser.parse_args()
    root = Path(args.root or Path(__file__).resolve().parent.parent).resolve()
    sys.path.insert(0, str(root))
    os.environ["STATKG_API_RATE_LIMIT"] = "100000000 per second"  # one client asks it all
    from app import create_app  # the app of --root

    app = create_app({"DATABASE_URL": args.database, "TESTING": True})
    client = app.test_client()
    if args.compare:
        recorded = [json.loads(line) for line in Path(args.compare).read_text().splitlines()]
        differ = 0
        for old in recorded:
            new = answer(client, old["method"], old["url"], old["body"])
            if new != old:
                differ += 1
                if differ <= 20:
                    print("DIFFERS", old["method"], old["url"])
                    for key in old:
                        if old[key] != new[key]:
                            print(f"   {key}: {old[key]!r} → {new[key]!r}")
        print(f"{len(recorded)} answers compared, {differ} differ")
        return 1 if differ else 0
    lines = [json.dumps(answer(client, *q), ensure_ascii=False) for q in queries(client)]
    Path(args.out or "corpus.jsonl").write_text("\n".join(lines) + "\n")
    statuses: dict[int, int] = {}
    for line in lines:
        status = json.loads(line)["status"]
        statuses[status] = statuses.get(status, 0) + 1
    print(f"{len(lines)} answers recorded; by status: {dict(sorted(statuses.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
