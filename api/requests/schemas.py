"""marshmallow schemas of the data-request routes."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from config import LOCALES
from exports.spec import BREAKDOWNS, SOURCES
from exports.writers import FORMATS

Str = fields.String


class Contact(Schema):
    name = Str(required=True, validate=validate.Length(1, 200))
    email = fields.Email(required=True)
    organisation = Str(load_default="", validate=validate.Length(max=200))


class TableArgs(Schema):
    source = Str(
        required=True,
        validate=validate.OneOf(SOURCES),
        metadata={
            "description": "release: observations of a public release; microdata: a "
            "breakdown the releases do not publish (migration flows), counted for you."
        },
    )
    indicator = Str(
        required=True,
        validate=validate.Length(1, 80),
        metadata={"description": "Indicator id (microdata: mig_arrivals or mig_departures)."},
    )
    periods = fields.List(
        Str(validate=validate.Length(1, 20)), required=True, validate=validate.Length(1, 30)
    )
    breakdowns = fields.List(
        Str(validate=validate.OneOf(BREAKDOWNS)),
        load_default=list,
        metadata={"description": "microdata: the dimensions to cross, e.g. soate, sex, age5."},
    )
    territory = Str(
        load_default="417",
        validate=validate.Regexp(r"^417(\d{2})?$"),
        metadata={"description": "microdata: 417 (the country) or one oblast / city code."},
    )
    release = Str(validate=validate.Length(1, 40), load_default=None, allow_none=True)
    where = fields.Dict(
        keys=Str(),
        values=fields.List(Str()),
        load_default=dict,
        metadata={"description": "release: dimension → codes to keep."},
    )


class Options(Schema):
    csv_separator = Str(load_default=",", validate=validate.OneOf([",", ";"]))
    csv_bom = fields.Boolean(load_default=True)
    csv_labels = Str(load_default="both", validate=validate.OneOf(["codes", "labels", "both"]))
    title = Str(load_default="", validate=validate.Length(max=200))


class NewRequest(Schema):
    contact = fields.Nested(Contact, required=True)
    purpose = Str(required=True, validate=validate.Length(10, 4000))
    table = fields.Nested(TableArgs, required=True)
    language = Str(load_default="ky", validate=validate.OneOf(LOCALES))
    # Both bounds come from the writer registry: a new writer is a new accepted format.
    formats = fields.List(
        Str(validate=validate.OneOf(FORMATS)),
        required=True,
        validate=validate.Length(1, len(FORMATS)),
    )
    options = fields.Nested(Options, load_default=dict)


class Received(Schema):
    id = Str()
    status = Str()
    token = Str(metadata={"description": "Keep it: the only key to the status and the files."})
    status_url = Str()


class Review(Schema):
    action = Str(required=True, validate=validate.OneOf(["accept", "reject"]))
    reason = Str(validate=validate.Length(1, 2000))


class ListArgs(Schema):
    status = Str(validate=validate.OneOf(["received", "in_work", "fulfilled", "rejected"]))
