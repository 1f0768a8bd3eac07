"""Women and Men, the last chapter: the UN Minimum Set of Gender Indicators against the
release — each of the 52 items with its figure, period and unit, or "not available" and why
(``store.minimum_set``, the same answer as ``/api/v1/catalog/minimum-set``)."""

from __future__ import annotations

from publishing.spec import Chapter, Listing, Paragraph, Section
from publishing.spec import T as _T_

ANNEX = Chapter(
    _T_(
        "Тиркеме: гендердик көрсөткүчтөрдүн БУУнун минималдык топтому",
        "Приложение: минимальный набор гендерных показателей ООН",
        "Annex: the UN Minimum Set of Gender Indicators",
    ),
    (
        Section(
            _T_(
                "Минималдык топтом жана бул релиз",
                "Минимальный набор и этот выпуск",
                "The Minimum Set and this release",
            ),
            (
                Paragraph(
                    _T_(
                        "БУУнун Статистикалык комиссиясы 2013-жылы (44/109 чечим) гендердик "
                        "статистиканын негизи катары 52 сандык көрсөткүчтү бекиткен. Төмөнкү "
                        "таблица ар бир көрсөткүч үчүн бул релиздеги маанисин (акыркы мезгил "
                        "жана өлчөө бирдиги менен; тандалма изилдөөнүн баалоосунун жанында "
                        "анын стандарттык катасы) же маалымат жок болсо, анын себебин берет.",
                        "Статистическая комиссия ООН в 2013 году (решение 44/109) приняла 52 "
                        "количественных показателя как основу гендерной статистики. Таблица "
                        "ниже даёт для каждого из них значение в этом выпуске (последний "
                        "период и единица измерения; у оценки выборочного обследования — её "
                        "стандартная ошибка) или, если данных нет, причину.",
                        "In 2013 the UN Statistical Commission agreed 52 quantitative "
                        "indicators as the basis of gender statistics (decision 44/109). The "
                        "table gives, for each of them, its value in this release (the latest "
                        "period and the unit; a sample survey's estimate with its standard "
                        "error) or, where there is none, the reason.",
                    )
                ),
                Listing(
                    _T_(
                        "Гендердик көрсөткүчтөрдүн минималдык топтому: бул релиздеги маанилер",
                        "Минимальный набор гендерных показателей: значения в этом выпуске",
                        "The Minimum Set of Gender Indicators: values in this release",
                    ),
                    "minimum_set",
                    (
                        _T_("№", "№", "No."),
                        _T_("Көрсөткүч", "Показатель", "Indicator"),
                        _T_(
                            "Бул релиздеги мааниси",
                            "Значение в этом выпуске",
                            "Value in this release",
                        ),
                        _T_("Мезгил; бирдик", "Период; единица", "Period; unit"),
                    ),
                    _T_(
                        "Маанилер API менен бирдей: /api/v1/catalog/minimum-set жана /api/v1/data.",
                        "Значения совпадают с API: /api/v1/catalog/minimum-set и /api/v1/data.",
                        "The values are the API's: /api/v1/catalog/minimum-set and /api/v1/data.",
                    ),
                ),
            ),
        ),
    ),
)
