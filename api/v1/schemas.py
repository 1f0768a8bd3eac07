"""marshmallow schemas of ``/api/v1``: request arguments and the documented answers.

The answers are built by the services as plain dicts (fast); these schemas document them
in the OpenAPI document, and schemathesis checks every answer against them.
"""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from config import LOCALES

Str = fields.String
#: Most rows one page of a data answer may hold (``limit``); published in ``/config``.
ROWS_PER_PAGE = 100_000


class LangArgs(Schema):
    lang = Str(
        metadata={"description": "Language: ky, ru or en (else Accept-Language, else ky)."},
        validate=validate.OneOf(LOCALES),
    )


class PageArgs(LangArgs):
    cursor = Str(metadata={"description": "Opaque cursor from the previous page's `next`."})
    limit = fields.Integer(load_default=100, validate=validate.Range(1, 1000))


class ClassifierArgs(PageArgs):
    code = Str(
        metadata={
            "description": "Only this code (every version of it, renames included); "
            "search results link here."
        }
    )


class DataArgs(LangArgs):
    format = Str(
        load_default="json",
        validate=validate.OneOf(["json", "jsonstat"]),
        metadata={"description": "json (compact, for phones) or jsonstat (JSON-stat 2.0)."},
    )
    release = Str(
        validate=validate.Regexp(r"^\d{4}-[PF]\d+$"),
        metadata={"description": "A public release id; default: the latest."},
    )
    cursor = Str(metadata={"description": "Opaque cursor from `next` (compact format)."})
    limit = fields.Integer(load_default=10_000, validate=validate.Range(1, ROWS_PER_PAGE))


class DataBody(Schema):
    selection = fields.Dict(
        keys=Str(),
        values=fields.List(Str(), validate=validate.Length(max=5000)),
        load_default=dict,
        metadata={"description": "Dimension id → list of terms of the selection grammar."},
    )


class SearchArgs(PageArgs):
    q = Str(required=True, validate=validate.Length(1, 200))


class SyncArgs(LangArgs):
    since = Str(metadata={"description": "The release id (version) the client holds."})


class PublicationArgs(LangArgs):
    language = Str(validate=validate.OneOf(LOCALES))


class Problem(Schema):
    type = Str()
    title = Str()
    status = fields.Integer()
    detail = Str()
    invalid_params = fields.List(fields.Dict())
    cells = fields.Integer()
    cell_limit = fields.Integer()


class Release(Schema):
    id = Str()
    reference_period = Str()
    status = Str()
    published_at = Str()
    revises = Str(allow_none=True)
    revised_by = fields.List(Str())
    synthetic = fields.Boolean()
    url = Str()


class Upcoming(Schema):
    id = Str()
    reference_period = Str()
    status = Str()
    scheduled_at = Str()


class Calendar(Schema):
    published = fields.List(fields.Nested(Release))
    revised = fields.List(Str())
    upcoming = fields.List(fields.Nested(Upcoming))


class Check(Schema):
    name = Str()
    passed = fields.Boolean()
    compared = fields.Integer()
    failed = fields.Integer()


class Notes(Schema):
    checks_passed = fields.Boolean()
    checks = fields.List(fields.Nested(Check))
    years = fields.List(fields.Integer())
    pending_migration_records = fields.Integer(
        metadata={"description": "Migration records still in quarantine (not yet corrected)."}
    )
    unmatched_move_halves = fields.Dict(
        keys=Str(),
        values=fields.Dict(keys=Str(), values=fields.Integer()),
        metadata={
            "description": "Year → internal-move records whose other half is missing "
            "(registration: an arrival without its departure; deregistration: the "
            "reverse). Not counted in the release, so that internal moves net to zero."
        },
    )


class ReleaseNotes(Release):
    notes = fields.Nested(Notes)


class Dimension(Schema):
    id = Str()
    codelist = Str()
    label = Str()
    codes = fields.List(fields.Dict())


class CatalogEntry(Schema):
    id = Str()
    topic = Str()
    label = Str()
    definition = Str()
    methodology = Str(allow_none=True)
    unit = Str()
    unit_label = Str()
    unit_base = fields.Integer()
    decimals = fields.Integer()
    dimensions = fields.List(fields.Nested(Dimension))
    first_period = Str(allow_none=True)
    last_period = Str(allow_none=True)
    updated = Str(allow_none=True)
    next_update = Str(allow_none=True)
    release = Str(allow_none=True)
    discontinued = fields.Boolean()
    replaced_by = Str(allow_none=True)
    data_url = Str()
    periods = fields.List(Str())
    standard_error = Str(
        allow_none=True,
        metadata={
            "description": "For a survey estimate: the id of the indicator holding its "
            "standard errors, cell by cell with the same dimensions (an approximate 95 % "
            "confidence interval is the value ± 1.96 × the standard error); null otherwise."
        },
    )
    standard_error_of = Str(
        allow_none=True,
        metadata={
            "description": "For an indicator of standard errors: the id of the estimate "
            "they belong to; null otherwise."
        },
    )


class Topic(Schema):
    id = Str()
    label = Str()


class Catalog(Schema):
    topics = fields.List(fields.Nested(Topic))
    indicators = fields.List(fields.Nested(CatalogEntry))
    next = Str(allow_none=True)
    release = Str(allow_none=True)
    synthetic = fields.Boolean()


class MinimumSetAnswer(Schema):
    indicator = Str()
    select = fields.Dict(keys=Str(), values=fields.List(Str()))
    note = Str(allow_none=True)
    data_url = Str()


class MinimumSetCell(Schema):
    indicator = Str()
    period = Str()
    dims = fields.Dict(keys=Str(), values=Str())
    value = fields.Float(allow_none=True)
    status = Str()
    standard_error = fields.Float(allow_none=True)


class MinimumSetItem(Schema):
    number = fields.Integer()
    domain = Str()
    label = Str()
    available = fields.Boolean()
    reason = Str(allow_none=True, metadata={"description": "Why the release has no figure."})
    answers = fields.List(fields.Nested(MinimumSetAnswer))
    cells = fields.List(fields.Nested(MinimumSetCell))


class MinimumSet(Schema):
    release = Str(allow_none=True)
    synthetic = fields.Boolean()
    domains = fields.List(fields.Nested(Topic))
    items = fields.List(fields.Nested(MinimumSetItem))


class Config(Schema):
    api_version = Str()
    languages = fields.List(Str())
    default_language = Str()
    limits = fields.Dict()
    licence = fields.Dict()
    citation = fields.Dict(keys=Str(), values=Str())
    synthetic = fields.Boolean()
    latest_release = Str(allow_none=True)
    flags = fields.Dict()


class Flags(Schema):
    obs_status = fields.Dict(keys=Str(), values=Str())
    conf_status = fields.Dict(keys=Str(), values=Str())


class DataIndicator(Schema):
    id = Str()
    label = Str()
    unit = Str()
    unit_label = Str()
    unit_base = fields.Integer()
    decimals = fields.Integer()
    discontinued = fields.Boolean()
    replaced_by = Str(allow_none=True)


class DataRelease(Schema):
    id = Str()
    reference_period = Str()
    status = Str()
    published_at = Str()
    synthetic = fields.Boolean()
    revised_by = fields.List(Str())


class Footnote(Schema):
    id = fields.Integer()
    text = Str()


class DataCompact(Schema):
    indicator = fields.Nested(DataIndicator)
    release = fields.Nested(DataRelease)
    synthetic = fields.Boolean()
    dimensions = fields.List(fields.Nested(Dimension))
    columns = fields.List(Str())
    rows = fields.List(fields.List(fields.Raw(allow_none=True)))
    footnotes = fields.List(fields.Nested(Footnote))
    flags = fields.Dict(keys=Str(), values=Str())
    total_rows = fields.Integer()
    next = Str(allow_none=True)


class JsonStatDataset(Schema):
    """A JSON-stat 2.0 dataset (https://json-stat.org/full/)."""

    version = Str()
    class_ = Str(data_key="class")
    label = Str()
    source = Str()
    updated = Str()
    id = fields.List(Str())
    size = fields.List(fields.Integer())
    role = fields.Dict(keys=Str(), values=fields.List(Str()))
    dimension = fields.Dict()
    value = fields.List(fields.Float(allow_none=True))
    status = fields.List(Str(allow_none=True))
    note = fields.List(Str())
    extension = fields.Dict()


class Code(Schema):
    code = Str()
    label = Str()
    parent = Str(allow_none=True)
    level = Str()
    valid_from = Str()
    valid_to = Str(allow_none=True)


class Classifier(Schema):
    id = Str()
    label = Str()
    version = Str()
    codes = fields.List(fields.Nested(Code))
    next = Str(allow_none=True)


class CodelistRef(Schema):
    id = Str()
    label = Str()
    version = Str()
    url = Str()


class Classifiers(Schema):
    codelists = fields.List(fields.Nested(CodelistRef))


class Tree(Schema):
    id = Str()
    tree = fields.List(fields.Dict())


class Highlight(Schema):
    indicator = Str()
    label = Str()
    period = Str()
    value = fields.Float()
    status = Str()
    unit = Str()
    unit_label = Str()
    decimals = fields.Integer()
    previous_period = Str(allow_none=True)
    previous_value = fields.Float(allow_none=True)
    change = fields.Float(allow_none=True)
    change_percent = fields.Float(allow_none=True)
    summary = Str()
    data_url = Str()


class Highlights(Schema):
    release = fields.Nested(Release)
    synthetic = fields.Boolean()
    items = fields.List(fields.Nested(Highlight))


class SearchResult(Schema):
    type = Str()
    id = Str()
    label = Str()
    score = fields.Integer()
    url = Str()


class SearchAnswer(Schema):
    query = Str()
    results = fields.List(fields.Nested(SearchResult))
    next = Str(allow_none=True)


class Sync(Schema):
    version = Str()
    since = Str(allow_none=True)
    full = fields.Boolean()
    up_to_date = fields.Boolean()
    releases = fields.List(Str())
    indicators = fields.Dict(keys=Str(), values=fields.List(Str()))
    fingerprints = fields.Dict(keys=Str(), values=Str())


class Publication(Schema):
    file = Str()
    title = Str()
    language = Str()
    release = Str()
    bytes = fields.Integer()
    url = Str()


class Publications(Schema):
    items = fields.List(fields.Nested(Publication))


class Index(Schema):
    name = Str()
    version = Str()
    synthetic = fields.Boolean()
    links = fields.Dict(keys=Str(), values=Str())


class Ping(Schema):
    status = Str()
