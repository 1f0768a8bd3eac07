"""Women and Men, chapter: decision-making — seats in parliament and local councils, the
civil service by grade, judges by court (Central Election Commission, State Personnel
Service, Council of Judges), with the women's shares the catalog computes."""

from __future__ import annotations

from publishing.spec import Chapter, Chart, Dim, Items, Section, Table, sel
from publishing.spec import T as _T_
from publishing.specs.women_and_men.common import (
    BOTH,
    MEN,
    REGION_ROWS,
    TERRITORY,
    WOMEN,
    YEARS,
)

WOMEN_PCT = _T_("Аялдардын үлүшү, %", "Доля женщин, %", "Women, %")
SHARES = Items(
    (
        sel("women_share_parliament", label=_T_("Жогорку Кеңеш", "Жогорку Кенеш", "Parliament")),
        sel(
            "women_share_local_councils",
            soate="417",
            label=_T_("Жергиликтүү кеңештер", "Местные кенеши", "Local councils"),
        ),
        sel(
            "women_share_civil_servants",
            grade="_T",
            label=_T_("Мамлекеттик кызмат", "Госслужба", "Civil service"),
        ),
        sel("women_share_judges", court="_T", label=_T_("Соттор", "Судьи", "Judges")),
        sel("women_share_managers", label=_T_("Жетекчилер", "Руководители", "Managers")),
    )
)


def _seats(title: _T_, indicator: str, share: str, rows: Dim, stub: _T_) -> Table:
    """Persons by sex with the women's share (the catalog's indicator, not a book gap)."""
    return Table(
        title,
        sel(period="last"),
        rows,
        Items(
            (
                *(sel(indicator, label=w.label, **dict(w.dims)) for w in (BOTH, MEN, WOMEN)),
                sel(share, label=WOMEN_PCT),
            )
        ),
        stub=stub,
    )


DECISIONS = Chapter(
    _T_("Чечим кабыл алуу", "Принятие решений", "Decision-making"),
    (
        Section(
            _T_(
                "Шайланма органдар, мамлекеттик кызмат, соттор",
                "Выборные органы, государственная служба, суды",
                "Elected bodies, civil service, courts",
            ),
            (
                Chart(
                    _T_(
                        "Аялдардын үлүшү чечим кабыл алуучу кызматтарда",
                        "Доля женщин на руководящих и выборных должностях",
                        "Women in decision-making positions",
                    ),
                    "barh",
                    sel(period="last"),
                    SHARES,
                    Items((sel(label=WOMEN_PCT),)),
                ),
                Table(
                    _T_(
                        "Жогорку Кеңештин депутаттары жынысы боюнча",
                        "Депутаты Жогорку Кенеша по полу",
                        "Members of parliament by sex",
                    ),
                    sel(),
                    YEARS,
                    Items(
                        (
                            *(
                                sel("parliament_seats", label=w.label, **dict(w.dims))
                                for w in (BOTH, MEN, WOMEN)
                            ),
                            sel("women_share_parliament", label=WOMEN_PCT),
                        )
                    ),
                    stub=_T_("Жыл", "Год", "Year"),
                ),
                _seats(
                    _T_(
                        "Жергиликтүү кеңештердин депутаттары облустар жана жынысы боюнча",
                        "Депутаты местных кенешей по областям и полу",
                        "Local council members by oblast and sex",
                    ),
                    "local_council_seats",
                    "women_share_local_councils",
                    REGION_ROWS,
                    TERRITORY,
                ),
                _seats(
                    _T_(
                        "Мамлекеттик жарандык кызматчылар кызмат орундарынын тобу жана жынысы "
                        "боюнча",
                        "Государственные гражданские служащие по группам должностей и полу",
                        "Civil servants by grade and sex",
                    ),
                    "civil_servants",
                    "women_share_civil_servants",
                    Dim("grade", total=True),
                    _T_("Кызмат орундарынын тобу", "Группа должностей", "Grade"),
                ),
                _seats(
                    _T_(
                        "Судьялар соттун деңгээли жана жынысы боюнча",
                        "Судьи по уровням судов и полу",
                        "Judges by court and sex",
                    ),
                    "judges",
                    "women_share_judges",
                    Dim("court", total=True),
                    _T_("Сот", "Суд", "Court"),
                ),
            ),
        ),
    ),
)
