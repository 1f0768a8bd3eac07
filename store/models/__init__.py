"""All tables of the statistical store; import from here."""

from store.models.base import Base
from store.models.catalog import Footnote, Indicator
from store.models.classifiers import Code, Codelist, CodeMembership
from store.models.ingest import (
    Crosswalk,
    IngestBatch,
    IngestCursor,
    IngestRecord,
    QuarantineRecord,
)
from store.models.microdata import (
    BirthEvent,
    CensusPopulation,
    DeathEvent,
    DivorceEvent,
    MarriageEvent,
    MigrationEvent,
    StillbirthEvent,
)
from store.models.registers import CitizenshipEvent, ForeignerRegistration
from store.models.releases import (
    ConfStatus,
    Observation,
    ObservationDomain,
    ObsStatus,
    Release,
    ReleaseStatus,
)
from store.models.reports import (
    AbsentPopulationReport,
    BorderCrossing,
    ForeignStudentReport,
    ForeignWorkerReport,
    HouseholdMember,
    RefugeeReport,
    SexAggregateReport,
    SurveyMigrationMember,
)
from store.models.requests import DataRequest, DataRequestEvent, JobState, RequestStatus

__all__ = [
    "AbsentPopulationReport",
    "Base",
    "BirthEvent",
    "BorderCrossing",
    "CensusPopulation",
    "CitizenshipEvent",
    "Code",
    "CodeMembership",
    "Codelist",
    "ConfStatus",
    "Crosswalk",
    "DataRequest",
    "DataRequestEvent",
    "DeathEvent",
    "DivorceEvent",
    "Footnote",
    "ForeignStudentReport",
    "ForeignWorkerReport",
    "ForeignerRegistration",
    "HouseholdMember",
    "Indicator",
    "IngestBatch",
    "IngestCursor",
    "IngestRecord",
    "JobState",
    "MarriageEvent",
    "MigrationEvent",
    "ObsStatus",
    "Observation",
    "ObservationDomain",
    "QuarantineRecord",
    "RefugeeReport",
    "Release",
    "ReleaseStatus",
    "RequestStatus",
    "SexAggregateReport",
    "StillbirthEvent",
    "SurveyMigrationMember",
]
