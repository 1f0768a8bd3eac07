"""Disclosure control of survey estimates (see :mod:`exports.sdc` for the rules and why):
the unweighted sample count and the coefficient of variation decide the primary cells, the
frequency tables' secondary suppression and audit follow, and the file gets the estimate, its
standard error and its 95 % interval — computed by :mod:`indicators.methods.survey`."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from exports.audit import audit
from exports.sdc import Protection, Rules, suppress
from exports.table import Dimension, Table
from indicators.methods import Estimate, coefficient_of_variation, confidence_interval
from l10n import current_language, in_every_language, texts
from l10n.flags import LOW_RELIABILITY
from l10n.numbers import number

SAMPLE = "sample"  # Table.extra: the unweighted sample count of each survey estimate
STANDARD_ERROR = "standard_error"  # Table.extra: the standard error of each survey estimate
THOUSAND = 1000.0
MEASURES = ("ESTIMATE", "SE", "CI_LOWER", "CI_UPPER")


def survey_primary(
    values: np.ndarray, errors: np.ndarray, sample: np.ndarray, rules: Rules
) -> tuple[np.ndarray, np.ndarray]:
    """The survey rules: (cells to suppress, cells of low reliability). A cell with nobody
    in the sample is a zero, known and not sensitive."""
    cv = np.array(
        [
            coefficient_of_variation(Estimate(float(v), float(e))) or 0.0
            for v, e in zip(values.ravel(), errors.ravel(), strict=True)
        ]
    ).reshape(values.shape)
    primary = ((sample > 0) & (sample < rules.min_sample)) | (cv > rules.cv_suppress)
    return primary, (cv > rules.cv_flag) & ~primary


def protect_survey(table: Table, rules: Rules) -> Protection:
    """Protect a table of survey estimates (persons, with ``extra`` standard errors and
    sample counts) and lay it out for the files: a last dimension of measures — estimate,
    standard error, 95 % interval — in thousands, the sample counts dropped."""
    errors = np.asarray(table.extra[STANDARD_ERROR], dtype=float)
    sample = np.asarray(table.extra[SAMPLE])
    primary, unreliable = survey_primary(table.values, errors, sample, rules)
    suppressed = suppress(table, primary, rules.margin)
    conf = np.where(primary, "C", np.where(suppressed, "D", "F")).astype(object)
    status = np.where(unreliable & ~suppressed, LOW_RELIABILITY, "A").astype(object)
    estimates = table.with_cells(np.where(suppressed, np.nan, table.values), conf)
    report = audit(replace(estimates, extra={}), rules.margin)
    shape = (*table.shape, len(MEASURES))
    values = np.full(shape, np.nan)
    for position in np.ndindex(*table.shape):
        if suppressed[position]:
            continue
        estimate = Estimate(float(table.values[position]), float(errors[position]))
        low, high = confidence_interval(estimate)
        values[position] = np.array([estimate.value, estimate.se, low, high]) / THOUSAND
    measure = Dimension(
        id="measure",
        codelist="measure",
        name=in_every_language(lambda: str(texts.MEASURE)),
        codes=MEASURES,
        parents=dict.fromkeys(MEASURES),
        labels={
            code: in_every_language(lambda code=code: str(texts.SURVEY_MEASURES[code]))  # type: ignore[misc]
            for code in MEASURES
        },
    )
    note = in_every_language(
        lambda: (
            str(texts.SURVEY_NOTE)
            % {
                "sample": rules.min_sample,
                "suppress": number(rules.cv_suppress * 100, 1, current_language()),
                "flag": number(rules.cv_flag * 100, 1, current_language()),
            }
        )
    )
    laid_out = replace(
        table,
        unit="thousand_persons",
        decimals=1,
        additive=False,
        dims=(*table.dims, measure),
        values=values,
        status=np.repeat(status[..., None], len(MEASURES), axis=-1),
        conf=np.repeat(conf[..., None], len(MEASURES), axis=-1),
        notes=(*table.notes, note),
        extra={},
    )
    return Protection(laid_out, int(primary.sum()), int((suppressed & ~primary).sum()), report)
