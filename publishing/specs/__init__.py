"""The publications: one spec module each; adding a book is adding a module and a line here."""

from __future__ import annotations

from publishing.spec import Publication
from publishing.specs import in_figures, women_and_men, yearbook

PUBLICATIONS: dict[str, Publication] = {
    spec.id: spec
    for spec in (yearbook.PUBLICATION, women_and_men.PUBLICATION, in_figures.PUBLICATION)
}
