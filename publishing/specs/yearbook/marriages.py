"""The yearbook's chapter: Marriages and divorces."""

from __future__ import annotations

from publishing.spec import (
    Chapter,
    Dim,
    Section,
    Table,
    sel,
)
from publishing.spec import T as _T_
from publishing.specs.yearbook.common import (
    by_region,
)

MARRIAGES = Chapter(
    _T_("Никелер жана ажырашуулар", "Браки и разводы", "Marriages and divorces"),
    (
        Section(
            _T_("Никелер жана ажырашуулар", "Браки и разводы", "Marriages and divorces"),
            (
                by_region(_T_("Никелер", "Число браков", "Marriages"), "marriages"),
                by_region(
                    _T_(
                        "Никелердин жалпы коэффициенти",
                        "Общий коэффициент брачности",
                        "Crude marriage rate",
                    ),
                    "crude_marriage_rate",
                ),
                by_region(_T_("Ажырашуулар", "Число разводов", "Divorces"), "divorces"),
                by_region(
                    _T_(
                        "Ажырашуулардын жалпы коэффициенти",
                        "Общий коэффициент разводимости",
                        "Crude divorce rate",
                    ),
                    "crude_divorce_rate",
                ),
                Table(
                    _T_(
                        "Никелер күйөөсүнүн жана аялынын жаш курагы боюнча",
                        "Браки по возрасту жениха и невесты",
                        "Marriages by age of groom and bride",
                    ),
                    sel("marriages", "ref"),
                    Dim(
                        "groom_age",
                        ("_T", "Y15T19", "Y20T24", "Y25T29", "Y30T34", "Y35T39", "Y40T44"),
                    ),
                    Dim(
                        "bride_age",
                        ("_T", "Y15T19", "Y20T24", "Y25T29", "Y30T34", "Y35T39", "Y40T44"),
                    ),
                    stub=_T_("Күйөөсүнүн жашы", "Возраст жениха", "Age of groom"),
                    note=_T_(
                        "Мамычаларда — келиндин жашы; 45 жана андан улуулар жалпы санга кирет.",
                        "По столбцам — возраст невесты; 45 лет и старше входят в итог.",
                        "Columns: age of bride; 45 and over are included in the totals.",
                    ),
                ),
            ),
        ),
    ),
)
