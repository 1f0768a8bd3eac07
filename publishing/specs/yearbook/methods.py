"""The yearbook's last chapter: methods, definitions, symbols, sources and the data's nature.

Nothing here is copied from the catalog: the :class:`~publishing.spec.Glossary` block lists,
when the book is built, every indicator the other chapters print, with its definition, unit
and methodology as the catalog in the store states them in the edition's language — a table
added to any chapter brings its indicators here by itself. The legend of symbols is
``l10n.flags``' and the synthetic-data notice ``l10n.texts``'; this module only names the
sources of the catalog (``Spec.source``) and says how to read the book.
"""

from __future__ import annotations

from publishing.spec import Chapter, DataNote, Glossary, Paragraph, Section, Symbols
from publishing.spec import T as _T_

SOURCES = (
    (
        "civil_registry",
        _T_(
            "жарандык абалдын актыларын каттоо органдары (ЖААК)",
            "органы записи актов гражданского состояния (ЗАГС)",
            "civil registration offices (ZAGS)",
        ),
    ),
    (
        "census_and_registers",
        _T_(
            "калкты жана турак-жай фондун каттоонун жыйынтыктары, жарандык абалдын актыларынын"
            " жана миграциянын агымдагы эсеби менен жаңыланган",
            "итоги переписи населения и жилищного фонда, обновлённые текущим учётом актов"
            " гражданского состояния и миграции",
            "census results, carried forward with the current registration of vital events"
            " and migration",
        ),
    ),
    (
        "population_register",
        _T_(
            "калктын бирдиктүү мамлекеттик реестри (жашаган жери боюнча каттоо)",
            "Единый государственный реестр населения (регистрация по месту жительства)",
            "the unified state population register (registration of residence)",
        ),
    ),
    (
        "labour_force_survey",
        _T_(
            "Улуттук статистика комитетинин эмгек күчүн тандалма изилдөөсү",
            "выборочное обследование рабочей силы Национального статистического комитета",
            "the labour force survey of the National Statistical Committee",
        ),
    ),
    (
        "border_service",
        _T_(
            "Кыргыз Республикасынын Мамлекеттик чек ара кызматы (өткөрүү пункттарында каттоо)",
            "Пограничная служба Кыргызской Республики (регистрация в пунктах пропуска)",
            "the Border Service of the Kyrgyz Republic (registration at checkpoints)",
        ),
    ),
    (
        "sanarip_aimak",
        _T_(
            "«Санарип аймак»: айыл өкмөттөрүнүн чарба китептери",
            "«Санарип аймак»: похозяйственные книги айыл окмоту",
            "Sanarip Aimak: the household books of the ayil okmotu (rural municipalities)",
        ),
    ),
    (
        "paper_report",
        _T_(
            "мамлекеттик органдардын кагаз түрүндөгү статистикалык отчеттору",
            "статистические отчёты государственных органов на бумаге",
            "paper statistical reports of state bodies",
        ),
    ),
    (
        "unhcr",
        _T_(
            "БУУнун Качкындар иштери боюнча Жогорку комиссарынын башкармалыгы",
            "Управление Верховного комиссара ООН по делам беженцев (УВКБ ООН)",
            "the Office of the UN High Commissioner for Refugees (UNHCR)",
        ),
    ),
    (
        "ministry_of_education",
        _T_(
            "Кыргыз Республикасынын Билим берүү жана илим министрлиги (билим берүү уюмдарынын"
            " отчеттору)",
            "Министерство образования и науки Кыргызской Республики (отчёты образовательных"
            " организаций)",
            "the Ministry of Education and Science of the Kyrgyz Republic (reports of"
            " educational organisations)",
        ),
    ),
    (
        "labour_force_survey",
        _T_(
            "Улуттук статистика комитетинин жумушчу күчүн тандалма изилдөөсү",
            "выборочное обследование рабочей силы Национального статистического комитета",
            "the labour force survey of the National Statistical Committee",
        ),
    ),
    (
        "wage_survey",
        _T_(
            "ишканалардын жана уюмдардын эмгек боюнча статистикалык отчеттору",
            "статистическая отчётность предприятий и организаций по труду",
            "the statistical reports on labour of enterprises and organisations",
        ),
    ),
    (
        "household_budget_survey",
        _T_(
            "Улуттук статистика комитетинин үй чарбаларынын бюджеттерин тандалма изилдөөсү",
            "выборочное обследование бюджетов домашних хозяйств Национального статистического"
            " комитета",
            "the household budget survey of the National Statistical Committee",
        ),
    ),
    (
        "social_fund",
        _T_(
            "Кыргыз Республикасынын Социалдык фонду",
            "Социальный фонд Кыргызской Республики",
            "the Social Fund of the Kyrgyz Republic",
        ),
    ),
    (
        "ministry_of_health",
        _T_(
            "Кыргыз Республикасынын Саламаттык сактоо министрлиги (саламаттык сактоо"
            " уюмдарынын отчеттору)",
            "Министерство здравоохранения Кыргызской Республики (отчёты организаций"
            " здравоохранения)",
            "the Ministry of Health of the Kyrgyz Republic (reports of health organisations)",
        ),
    ),
    (
        "central_election_commission",
        _T_(
            "Кыргыз Республикасынын Шайлоо жана референдум өткөрүү боюнча борбордук комиссиясы",
            "Центральная комиссия по выборам и проведению референдумов Кыргызской Республики",
            "the Central Commission for Elections and Referendums of the Kyrgyz Republic",
        ),
    ),
    (
        "state_personnel_service",
        _T_(
            "Кыргыз Республикасынын Мамлекеттик кадр кызматы",
            "Государственная кадровая служба Кыргызской Республики",
            "the State Personnel Service of the Kyrgyz Republic",
        ),
    ),
    (
        "council_of_judges",
        _T_(
            "Кыргыз Республикасынын Судьялар кеңеши",
            "Совет судей Кыргызской Республики",
            "the Council of Judges of the Kyrgyz Republic",
        ),
    ),
    (
        "ministry_of_internal_affairs",
        _T_(
            "Кыргыз Республикасынын Ички иштер министрлиги (катталган кылмыштар)",
            "Министерство внутренних дел Кыргызской Республики (зарегистрированные преступления)",
            "the Ministry of Internal Affairs of the Kyrgyz Republic (registered crimes)",
        ),
    ),
)

METHODS = Chapter(
    _T_("Методдор жана аныктамалар", "Методология и определения", "Methods and definitions"),
    (
        Section(
            _T_("Көрсөткүчтөрдүн аныктамалары", "Определения показателей", "Definitions"),
            (
                Paragraph(
                    _T_(
                        "Бул бөлүмдө жыйнакта жарыяланган ар бир көрсөткүчтүн аныктамасы,"
                        " өлчөө бирдиги жана эсептөө методу көрсөткүчтөрдүн каталогунда"
                        " берилгендей келтирилет; көрсөткүчтөр алар биринчи жолу чыккан бап"
                        " боюнча топтолгон. Сандар жарымынан жогору тегеректелет.",
                        "В этом разделе для каждого опубликованного в сборнике показателя"
                        " приводятся определение, единица измерения и методика расчёта так,"
                        " как они изложены в каталоге показателей; показатели сгруппированы"
                        " по главе, в которой они впервые появляются. Числа округлены"
                        " по правилу «половина вверх».",
                        "For every indicator this book prints, its definition, unit and method"
                        " as the indicator catalog states them, grouped by the chapter that"
                        " prints it first. Numbers are rounded half-up to the decimals shown.",
                    )
                ),
                Glossary(SOURCES),
            ),
        ),
        Section(
            _T_("Шарттуу белгилер", "Условные обозначения", "Conventional symbols"),
            (
                Symbols(),  # the legend and its rounding note, as the imprint prints them
            ),
        ),
        Section(
            _T_("Маалымат булактары", "Источники данных", "Sources"),
            (
                Paragraph(
                    _T_(
                        "Табигый кыймылдын көрсөткүчтөрү жарандык абалдын актыларын каттоонун"
                        " маалыматтары боюнча, калктын саны калкты каттоонун жыйынтыктары жана"
                        " агымдагы эсеп боюнча, ички жана тышкы миграция калктын мамлекеттик"
                        " реестриндеги жашаган жери боюнча каттоо боюнча, башка булактар"
                        " (чек ара кызматы, «Санарип аймак», мамлекеттик органдардын"
                        " отчеттору) өз маалыматтары боюнча эсептелет. Ар бир көрсөткүчтүн"
                        " булагы анын аныктамасында көрсөтүлгөн.",
                        "Показатели естественного движения рассчитаны по данным регистрации"
                        " актов гражданского состояния, численность населения — по итогам"
                        " переписи и текущего учёта, внутренняя и внешняя миграция — по"
                        " регистрации по месту жительства в государственном реестре населения,"
                        " прочие источники (пограничная служба, «Санарип аймак», отчёты"
                        " государственных органов) — по их собственным данным. Источник"
                        " каждого показателя указан в его определении.",
                        "Vital events are counted from civil registration, the population from"
                        " the census carried forward with the current registration, internal"
                        " and external migration from the registration of residence in the"
                        " state population register, and the other sources (the border"
                        " service, Sanarip Aimak, reports of state bodies) from their own"
                        " records. Each indicator's definition names its source.",
                    )
                ),
            ),
        ),
        Section(
            _T_("Маалыматтар жөнүндө", "О данных", "About the data"),
            (DataNote(),),
        ),
    ),
)
