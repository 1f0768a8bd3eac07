"""The population base: which passports belong to one person, and who was resident at the start.

Why: long-term migration is read from crossings keyed by passport number
(:mod:`store.crossings`), and two things cannot be told from the crossings alone — whether a
traveller was usually resident when the crossings held begin (someone already abroad then
is not an emigrant when he leaves again, someone arriving to stay is an immigrant even if a
citizen), and that an old and a new passport are the same person (a new number breaks the
history). The AIS ASB (the address bureau of the State Registration Service, which also
issues passports) knows both: one row per passport issued to a ПИН, and whether that
person was registered as a permanent resident on the reference date (deregistered to
abroad: not resident). Foreigners with a permanent-residence permit can be in it;
short-term visitors are not (their residence is still inferred).

Millions of rows at national scale and read only by DuckDB, so kept like the crossings: one
immutable Parquet file per delivery (:class:`store.crossings.DeliveryWriter` with
:data:`SCHEMA`), counted when its batch is loaded (``counting_deliveries(session,
source=SOURCE)``). Neither identifier is written: ``person_key`` is the 64-bit HMAC start
of the ПИН, ``passport_key`` that of the passport number — the same key the border loader
gives the same number (:meth:`ingest.pseudonymise.Pseudonymiser.person_keys`), so the two
files join.
"""

from __future__ import annotations

import pyarrow as pa

SOURCE = "asb-base"  # the ingest source (a file per delivery under STATKG_MICRODATA_DIR)
SCHEMA = pa.schema(
    [
        ("person_key", pa.int64()),  # 64-bit key of the ПИН
        ("passport_key", pa.int64()),  # 64-bit key of the passport number (as the border's)
        ("issued", pa.date32()),  # the day the passport was issued
        ("resident", pa.bool_()),  # registered as a permanent resident on the reference date
        ("reference_date", pa.date32()),
    ]
)
