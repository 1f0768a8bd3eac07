"""marshmallow schemas documenting the staff answers (the services build them as dicts)."""

from __future__ import annotations

from marshmallow import Schema, fields

Str = fields.String


class Batch(Schema):
    id = fields.Integer()
    source = Str()
    status = Str()
    started_at = Str()
    finished_at = Str(allow_none=True)
    received = fields.Integer()
    loaded = fields.Integer()
    quarantined = fields.Integer()
    duplicates = fields.Integer()
    synthetic = fields.Boolean()


class IngestStatus(Schema):
    batches = fields.List(fields.Nested(Batch))


class ReleaseChecks(Schema):
    id = Str()
    checks_passed = fields.Boolean()
    checks = fields.List(fields.Dict())
    published_at = Str(allow_none=True)


class Quality(Schema):
    quarantine = fields.Dict(
        keys=Str(),
        values=fields.Dict(keys=Str(), values=fields.Integer()),
        metadata={"description": "Source → reason code → open quarantine records."},
    )
    quarantined_total = fields.Integer()
    releases = fields.List(fields.Nested(ReleaseChecks))


class Published(Schema):
    id = Str()
    published_at = Str()
