"""State classifiers as versioned reference data with labels in Kyrgyz, Russian and English.

СОАТЕ territories, countries and their groups, sex, age groups, migration and border
codelists ship as CSV files in ``classifiers/data`` and are loaded into the store's
``codelist``/``code``/``code_membership`` tables by :func:`load_classifiers` (CLI:
``flask classifiers load``). The rest of the platform reads them back by date with the
helpers of :mod:`classifiers.queries`, re-exported here.
"""

from __future__ import annotations

from classifiers.loader import load_classifiers
from classifiers.queries import (
    children,
    code_version,
    codes,
    group_members,
    soate_children,
    soate_tree,
    valid_on,
)
from classifiers.reference import DEFAULT_VALID_FROM

__all__ = [
    "DEFAULT_VALID_FROM",
    "children",
    "code_version",
    "codes",
    "group_members",
    "load_classifiers",
    "soate_children",
    "soate_tree",
    "valid_on",
]
