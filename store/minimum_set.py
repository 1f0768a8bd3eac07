"""The UN Minimum Set of Gender Indicators against this catalog: the annex of "Women and Men".

The Minimum Set is the 52 quantitative indicators the UN Statistical Commission agreed in
2013 (decision 44/109, E/CN.3/2013/10) as a guide to national gender statistics, in five
domains. Here, as data, each one says where this catalog answers it (an indicator and a
selection of its codes; the codes not selected, such as sex, are shown in full) or, when it
does not, why not, in ky/ru/en. :func:`resolve` reads the answer from a release (the newest
period of each indicator, with the standard error of a survey estimate beside it), so that
the book's annex and the API (``/api/v1/catalog/minimum-set``) print one and the same table.

Why in ``store`` and not ``indicators``: it is metadata read with a release, and both the
API (which may not import the computations) and the books read it through the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from store import read

Texts = Mapping[str, str]


def _t(ky: str, ru: str, en: str) -> Texts:
    return {"ky": ky, "ru": ru, "en": en}


DOMAINS: dict[str, Texts] = {
    "economic": _t(
        "Экономикалык түзүмдөр, өндүрүштүк ишке катышуу жана ресурстарга жетүү",
        "Экономические структуры, участие в производственной деятельности и доступ к ресурсам",
        "Economic structures, participation in productive activities and access to resources",
    ),
    "education": _t("Билим берүү", "Образование", "Education"),
    "health": _t(
        "Ден соолук жана ага байланышкан кызматтар",
        "Здоровье и связанные с ним услуги",
        "Health and related services",
    ),
    "public_life": _t(
        "Коомдук турмуш жана чечим кабыл алуу",
        "Общественная жизнь и принятие решений",
        "Public life and decision-making",
    ),
    "human_rights": _t(
        "Аялдардын жана кыздардын адам укуктары",
        "Права человека женщин и девочек",
        "Human rights of women and girl children",
    ),
}


@dataclass(frozen=True)
class Answer:
    """Where the catalog answers an item: ``indicator`` with the codes ``select`` names for
    some of its dimensions (every code of the others); ``note`` says how it differs."""

    indicator: str
    select: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    note: Texts | None = None


@dataclass(frozen=True)
class Item:
    number: int
    domain: str
    name: Texts
    answers: tuple[Answer, ...] = ()
    reason: Texts | None = None  # why the release does not answer it (when no answers)


# Why an item is not available: one text for each kind of missing source.
_TIME_USE = _t(
    "Убакытты пайдалануу боюнча изилдөө керек; ал бул релиздин булактарына кирбейт.",
    "Требуется обследование использования времени; его нет среди источников этого выпуска.",
    "Needs a time-use survey, which is not among the sources of this release.",
)
_LFS_STATUS = _t(
    "Жумушчу күчүн изилдөөдөн берилген таблицаларда иштегендер ишке орноштуруу статусу боюнча жок.",
    "В таблицах обследования рабочей силы, переданных в этот выпуск, нет занятых по статусу "
    "в занятости.",
    "The labour force survey's tables delivered to this release have no breakdown by status "
    "in employment.",
)
_LFS_OTHER = _t(
    "Жумушчу күчүн изилдөөдөн бул релизге берилген таблицаларда жок.",
    "Нет в таблицах обследования рабочей силы, переданных в этот выпуск.",
    "Not among the labour force survey's tables delivered to this release.",
)
_OWNERS = _t(
    "Ишканалардын ээлеринин жынысы боюнча реестр керек; ал бул релиздин булагы эмес.",
    "Требуется регистр предприятий по полу владельца; он не является источником этого выпуска.",
    "Needs a register of enterprises by sex of the owner, which is not a source of this release.",
)
_FINANCE = _t(
    "Каржылык кызматтарга жетүү боюнча изилдөө же банктардын жыныс боюнча маалыматы керек; "
    "алар бул релиздин булагы эмес.",
    "Требуется обследование финансовой доступности или данные банков по полу; они не "
    "являются источниками этого выпуска.",
    "Needs a survey of financial inclusion or the banks' data by sex, which are not sources "
    "of this release.",
)
_LAND = _t(
    "Жерге ээлик кылуу боюнча жыныс менен маалымат керек (кадастр же айыл чарба каттоосу); "
    "ал бул релиздин булагы эмес.",
    "Требуются данные о собственности на землю по полу (кадастр или сельскохозяйственная "
    "перепись); они не являются источником этого выпуска.",
    "Needs land ownership by sex (the cadastre or an agricultural census), which is not a "
    "source of this release.",
)
_ICT = _t(
    "Үй чарбаларынын маалыматтык-коммуникациялык технологияларды пайдалануусу боюнча "
    "изилдөө керек; ал бул релиздин булагы эмес.",
    "Требуется обследование домохозяйств по использованию информационно-коммуникационных "
    "технологий; оно не является источником этого выпуска.",
    "Needs a household survey of the use of information and communication technologies, "
    "which is not a source of this release.",
)
_CHILDCARE = _t(
    "Мектепке чейинки билим берүү деңгээл боюнча берилет, жаш курак боюнча эмес: 3 жашка "
    "чейинки балдарды бөлүп алууга болбойт.",
    "Дошкольное образование передаётся по уровню, а не по возрасту: детей до 3 лет выделить "
    "нельзя.",
    "Pre-primary enrolment is delivered by level, not by age: children under 3 cannot be "
    "told apart.",
)
_CENSUS = _t(
    "Калкты каттоо же үй чарбаларын изилдөө керек; алар бул релиздин булагы эмес.",
    "Требуется перепись населения или обследование домохозяйств; они не являются "
    "источниками этого выпуска.",
    "Needs the population census or a household survey, which are not sources of this release.",
)
_EDU_AGE = _t(
    "Билим берүү министрлиги окуучуларды деңгээл боюнча берет, жаш курак же класс боюнча "
    "эмес: таза коэффициенттерди, кабыл алууну жана өтүүнү эсептөөгө болбойт.",
    "Министерство образования передаёт обучающихся по уровням, а не по возрасту или классу: "
    "чистые коэффициенты, приём и переход рассчитать нельзя.",
    "The Ministry of Education delivers pupils by level, not by age or grade: net rates, "
    "intake and transition cannot be computed.",
)
_EDU_GRAD = _t(
    "Бүтүрүүчүлөр кесиптик жана жогорку билим берүү боюнча гана берилет, жалпы билим берүүчү "
    "мектептер боюнча эмес.",
    "Выпуск передаётся только по профессиональному и высшему образованию, не по "
    "общеобразовательным школам.",
    "Graduates are delivered for vocational and higher education only, not for general schools.",
)
_REPRO = _t(
    "Үй чарбаларынын репродуктивдик ден соолук боюнча изилдөөсү (MICS же DHS) керек; ал бул "
    "релиздин булагы эмес.",
    "Требуется обследование домохозяйств по репродуктивному здоровью (MICS или DHS); оно не "
    "является источником этого выпуска.",
    "Needs a household survey of reproductive health (MICS or DHS), which is not a source of "
    "this release.",
)
_HEALTH_OTHER = _t(
    "Саламаттык сактоо министрлигинен бул релизге берилген таблицаларда жок.",
    "Нет в таблицах Министерства здравоохранения, переданных в этот выпуск.",
    "Not among the Ministry of Health's tables delivered to this release.",
)
_RISK = _t(
    "Өлчөөлөр менен ден соолук боюнча изилдөө (STEPS) керек; ал бул релиздин булагы эмес.",
    "Требуется обследование здоровья с измерениями (STEPS); оно не является источником "
    "этого выпуска.",
    "Needs a health survey with measurements (STEPS), which is not a source of this release.",
)
_HIV_STOCK = _t(
    "Саламаттык сактоо министрлиги АИВдин жаңы учурларын берет (hiv_new), АИВ менен "
    "жашагандардын санын эмес.",
    "Министерство здравоохранения передаёт новые случаи ВИЧ (hiv_new), а не число живущих с ВИЧ.",
    "The Ministry of Health delivers new HIV cases (hiv_new), not the number of people "
    "living with HIV.",
)
_MINISTERS = _t(
    "Мамлекеттик кадр кызматынын таблицасы кызматчыларды кызмат орундарынын тобу боюнча "
    "эсептейт; Министрлер кабинетинин мүчөлөрү өзүнчө эсептелбейт.",
    "Таблица Государственной кадровой службы считает служащих по группам должностей; члены "
    "Кабинета министров отдельно не учитываются.",
    "The State Personnel Service's table counts civil servants by group of posts; members "
    "of the Cabinet of Ministers are not counted apart.",
)
_POLICE = _t(
    "Ички иштер министрлиги жабыр тарткандарды жана кылмыш жасагандарды берет, өз "
    "кызматкерлерин жыныс боюнча эмес.",
    "Министерство внутренних дел передаёт потерпевших и лиц, совершивших преступления, а не "
    "свой личный состав по полу.",
    "The Ministry of Internal Affairs delivers victims and offenders, not its staff by sex.",
)
_VIOLENCE = _t(
    "Аялдарга карата зомбулук боюнча изилдөө керек: катталган кылмыштар жана коргоо "
    "ордерлери (crime_victims, protection_orders) кайрылган учурларды гана эсептейт.",
    "Требуется обследование насилия в отношении женщин: зарегистрированные преступления и "
    "охранные ордера (crime_victims, protection_orders) учитывают только заявленные случаи.",
    "Needs a survey of violence against women: registered crimes and protection orders "
    "(crime_victims, protection_orders) count only the cases reported.",
)
_FGM = _t(
    "Кыргыз Республикасына тиешеси жок: БУУ аны бул салт бар өлкөлөрдөн гана сурайт.",
    "Не относится к Кыргызской Республике: ООН запрашивает его только там, где эта практика "
    "существует.",
    "Not relevant to the Kyrgyz Republic: the UN asks for it only where the practice exists.",
)
_CHILD_MARRIAGE = _t(
    "Үй чарбаларын изилдөө (MICS) же калкты каттоо керек: жарандык абалдын актыларын "
    "каттоо никелерди эсептейт, 18ге чейин никеге турган 20–24 жаштагы аялдарды эмес "
    "(каттоосуз никелер кирбейт).",
    "Требуется обследование домохозяйств (MICS) или перепись: органы ЗАГС учитывают браки, "
    "а не женщин 20–24 лет, вступивших в брак до 18 лет (незарегистрированные браки не "
    "входят).",
    "Needs a household survey (MICS) or the census: civil registration counts marriages, "
    "not the women aged 20–24 who married before 18 (unregistered unions are not counted).",
)
_SHARE = _t(
    "Сандар жыныс боюнча; аялдардын үлүшү — аялдар эки жыныстын суммасына бөлүнгөнү.",
    "Численность по полу; доля женщин — женщины, делённые на оба пола.",
    "Counts by sex; the share of women is women divided by both sexes.",
)
COUNTRY_ALL = {"soate": ("417",), "urban_rural": ("_T",)}
_ECONOMIC, _EDUCATION, _HEALTH, _PUBLIC, _RIGHTS = (
    "economic",
    "education",
    "health",
    "public_life",
    "human_rights",
)


def _no(number: int, domain: str, name: Texts, reason: Texts) -> Item:
    return Item(number, domain, name, reason=reason)


def _yes(number: int, domain: str, name: Texts, *answers: Answer) -> Item:
    return Item(number, domain, name, answers=answers)


MINIMUM_SET: tuple[Item, ...] = (
    _no(
        1,
        _ECONOMIC,
        _t(
            "Акы төлөнбөгөн үй жумуштарына жумшалган сааттардын орточо саны, жыныс боюнча",
            "Среднее число часов, затрачиваемых на неоплачиваемую домашнюю работу, по полу",
            "Average number of hours spent on unpaid domestic work, by sex",
        ),
        _TIME_USE,
    ),
    _no(
        2,
        _ECONOMIC,
        _t(
            "Жалпы эмгекке (акы төлөнүүчү жана акы төлөнбөгөн) жумшалган сааттардын орточо "
            "саны, жыныс боюнча",
            "Среднее число часов общей (оплачиваемой и неоплачиваемой) работы, по полу",
            "Average number of hours spent on total work (total work burden), by sex",
        ),
        _TIME_USE,
    ),
    _yes(
        3,
        _ECONOMIC,
        _t(
            "15–24 жаштагы жана 15 жана андан улуу адамдардын экономикалык активдүүлүгүнүн "
            "деңгээли, жыныс боюнча",
            "Уровень участия в рабочей силе лиц в возрасте 15–24 лет и 15 лет и старше, по полу",
            "Labour force participation rate for persons aged 15–24 and 15+, by sex",
        ),
        Answer("activity_rate", {"age_social": ("Y15T24", "_T")}),
    ),
    _no(
        4,
        _ECONOMIC,
        _t(
            "Иштегендердин арасында өз алдынча иштегендердин үлүшү, жыныс боюнча",
            "Доля работающих за собственный счёт среди занятых, по полу",
            "Proportion of employed who are own-account workers, by sex",
        ),
        _LFS_STATUS,
    ),
    _no(
        5,
        _ECONOMIC,
        _t(
            "Иштегендердин арасында үй-бүлөлүк ишканада акысыз жардам бергендердин үлүшү, "
            "жыныс боюнча",
            "Доля помогающих членов семьи среди занятых, по полу",
            "Proportion of employed who are contributing family workers, by sex",
        ),
        _LFS_STATUS,
    ),
    _no(
        6,
        _ECONOMIC,
        _t(
            "Иштегендердин арасында иш берүүчүлөрдүн үлүшү, жыныс боюнча",
            "Доля работодателей среди занятых, по полу",
            "Proportion of employed who are employers, by sex",
        ),
        _LFS_STATUS,
    ),
    _no(
        7,
        _ECONOMIC,
        _t(
            "Аялдарга таандык ишканалардын пайызы, өлчөмү боюнча",
            "Процент предприятий, принадлежащих женщинам, по размеру",
            "Percentage of firms owned by women, by size",
        ),
        _OWNERS,
    ),
    _yes(
        8,
        _ECONOMIC,
        _t(
            "Иштеген калктын тармактар боюнча бөлүштүрүлүшү, ар бир жыныс үчүн пайыз менен",
            "Распределение занятого населения по секторам, в процентах, для каждого пола",
            "Percentage distribution of employed population by sector, each sex",
        ),
        Answer(
            "employed_by_activity",
            note=_t(
                "ЭИТМК бөлүмдөрү боюнча миң адам: айыл чарба — A, өнөр жай — B–F, кызмат "
                "көрсөтүүлөр — G–U; пайыздар ушул сандардан.",
                "Тыс. человек по разделам ГКЭД: сельское хозяйство — A, промышленность — B–F, "
                "услуги — G–U; проценты — из этих чисел.",
                "Thousands by section of ГКЭД: agriculture A, industry B–F, services G–U; the "
                "percentages follow from these figures.",
            ),
        ),
    ),
    _no(
        9,
        _ECONOMIC,
        _t(
            "Айыл чарбадан тышкаркы жалпы иш менен камсыз болуудагы формалдуу эмес иштин "
            "пайызы, жыныс боюнча",
            "Неформальная занятость в процентах к общей занятости вне сельского хозяйства, по полу",
            "Informal employment as a percentage of total non-agriculture employment, by sex",
        ),
        _LFS_OTHER,
    ),
    _yes(
        10,
        _ECONOMIC,
        _t(
            "Жаштардын жумушсуздугу, жыныс боюнча",
            "Безработица среди молодёжи, по полу",
            "Youth unemployment by sex",
        ),
        Answer("unemployment_rate", {"age_social": ("Y15T24",)}),
    ),
    _no(
        11,
        _ECONOMIC,
        _t(
            "Насыяга жетүүсү бар калктын үлүшү, жыныс боюнча",
            "Доля населения, имеющего доступ к кредиту, по полу",
            "Proportion of population with access to credit, by sex",
        ),
        _FINANCE,
    ),
    _no(
        12,
        _ECONOMIC,
        _t(
            "Жерге ээ болгон чоң кишилердин үлүшү, жыныс боюнча",
            "Доля взрослого населения, владеющего землёй, по полу",
            "Proportion of adult population owning land, by sex",
        ),
        _LAND,
    ),
    _yes(
        13,
        _ECONOMIC,
        _t(
            "Эмгек акыдагы гендердик ажырым",
            "Гендерный разрыв в оплате труда",
            "Gender gap in wages",
        ),
        Answer(
            "gender_pay_gap",
            {"activity": ("_T",)},
            _t(
                "Ишканалардын жумушчуларынын орточо айлык эмгек акысы боюнча (чакан "
                "ишканалардан башка).",
                "По среднемесячной заработной плате работников предприятий (кроме малых).",
                "On the average monthly wages of employees of enterprises (small enterprises "
                "excluded).",
            ),
        ),
    ),
    _no(
        14,
        _ECONOMIC,
        _t(
            "Толук эмес жумуш убактысында иштегендердин үлүшү, жыныс боюнча",
            "Доля занятых неполное рабочее время, по полу",
            "Proportion of employed working part-time, by sex",
        ),
        _LFS_OTHER,
    ),
    _no(
        15,
        _ECONOMIC,
        _t(
            "Үй чарбасында 3 жашка чейинки баласы бар жана балдары жок 25–49 жаштагы "
            "адамдардын иш менен камсыз болуу деңгээли, жыныс боюнча",
            "Уровень занятости лиц 25–49 лет, имеющих ребёнка до 3 лет в домохозяйстве и не "
            "имеющих детей в домохозяйстве, по полу",
            "Employment rate of persons aged 25–49 with a child under age 3 living in the "
            "household and with no children living in the household, by sex",
        ),
        _LFS_OTHER,
    ),
    _no(
        16,
        _ECONOMIC,
        _t(
            "Расмий кароодогу 3 жашка чейинки балдардын үлүшү",
            "Доля детей до 3 лет, охваченных формальным уходом",
            "Proportion of children under age 3 in formal care",
        ),
        _CHILDCARE,
    ),
    _no(
        17,
        _ECONOMIC,
        _t(
            "Интернетти колдонгон адамдардын үлүшү, жыныс боюнча",
            "Доля лиц, пользующихся Интернетом, по полу",
            "Proportion of individuals using the Internet, by sex",
        ),
        _ICT,
    ),
    _no(
        18,
        _ECONOMIC,
        _t(
            "Мобилдик телефонду колдонгон адамдардын үлүшү, жыныс боюнча",
            "Доля лиц, пользующихся мобильным телефоном, по полу",
            "Proportion of individuals using mobile/cellular telephones, by sex",
        ),
        _ICT,
    ),
    _no(
        19,
        _ECONOMIC,
        _t(
            "Массалык маалымат каражаттарына (радио, ТВ, Интернет) жетүүсү бар үй "
            "чарбаларынын үлүшү, үй чарба башчысынын жынысы боюнча",
            "Доля домохозяйств, имеющих доступ к средствам массовой информации (радио, ТВ, "
            "Интернет), по полу главы домохозяйства",
            "Proportion of households with access to mass media (radio, TV, Internet), by sex "
            "of household head",
        ),
        _ICT,
    ),
    _no(
        20,
        _EDUCATION,
        _t(
            "15–24 жаштагы адамдардын сабаттуулук деңгээли, жыныс боюнча",
            "Уровень грамотности лиц в возрасте 15–24 лет, по полу",
            "Literacy rate of persons aged 15–24 years old, by sex",
        ),
        _CENSUS,
    ),
    _no(
        21,
        _EDUCATION,
        _t(
            "Башталгыч билим берүүгө тартуунун түзөтүлгөн таза коэффициенти, жыныс боюнча",
            "Скорректированный чистый коэффициент охвата начальным образованием, по полу",
            "Adjusted net enrolment rate in primary education, by sex",
        ),
        _EDU_AGE,
    ),
    _yes(
        22,
        _EDUCATION,
        _t(
            "Орто билим берүүгө тартуунун жалпы коэффициенти, жыныс боюнча",
            "Общий коэффициент охвата средним образованием, по полу",
            "Gross enrolment ratio in secondary education, by sex",
        ),
        Answer(
            "gross_enrolment_ratio",
            {"education_level": ("L2", "L3")},
            _t(
                "Негизги (11–15 жаш) жана орто (16–17 жаш) билим берүү өзүнчө.",
                "Основное (11–15 лет) и среднее (16–17 лет) образование отдельно.",
                "Lower secondary (ages 11–15) and upper secondary (16–17) separately.",
            ),
        ),
    ),
    _yes(
        23,
        _EDUCATION,
        _t(
            "Жогорку билим берүүгө тартуунун жалпы коэффициенти, жыныс боюнча",
            "Общий коэффициент охвата высшим образованием, по полу",
            "Gross enrolment ratio in tertiary education, by sex",
        ),
        Answer(
            "gross_enrolment_ratio",
            {"education_level": ("L6",)},
            _t(
                "Бакалавриат жана адистик гана (18–22 жаш); магистратура жана аспирантура кирбейт.",
                "Только бакалавриат и специалитет (18–22 года); магистратура и аспирантура "
                "не входят.",
                "Bachelor's and specialist programmes only (ages 18–22); master's and "
                "doctoral students are not included.",
            ),
        ),
    ),
    _yes(
        24,
        _EDUCATION,
        _t(
            "Башталгыч, орто жана жогорку билим берүүгө тартуудагы гендердик паритет индекси",
            "Индекс гендерного паритета охвата начальным, средним и высшим образованием",
            "Gender parity index in enrolment at primary, secondary and tertiary levels",
        ),
        Answer("gender_parity_index"),
    ),
    _yes(
        25,
        _EDUCATION,
        _t(
            "Жогорку билим берүүнүн табигый илимдер, инженерия, өндүрүш жана курулуш боюнча "
            "бүтүрүүчүлөрүнүн арасындагы аялдардын үлүшү",
            "Доля женщин среди выпускников высших учебных заведений по естественным наукам, "
            "инженерии, обрабатывающей промышленности и строительству",
            "Share of female science, engineering, manufacturing and construction graduates at "
            "tertiary level",
        ),
        Answer(
            "graduates",
            {"education_level": ("L6", "L7", "L8"), "field": ("F05", "F06", "F07")},
            _SHARE,
        ),
    ),
    _yes(
        26,
        _EDUCATION,
        _t(
            "Жогорку окуу жайларынын окутуучуларынын же профессорлорунун арасындагы "
            "аялдардын үлүшү",
            "Доля женщин среди преподавателей или профессоров высших учебных заведений",
            "Proportion of females among tertiary education teachers or professors",
        ),
        Answer("teachers", {"education_level": ("L6",)}, _SHARE),
    ),
    _no(
        27,
        _EDUCATION,
        _t(
            "Башталгыч билим берүүнүн биринчи классына кабыл алуунун таза коэффициенти, "
            "жыныс боюнча",
            "Чистый коэффициент приёма в первый класс начального образования, по полу",
            "Net intake rate in the first grade of primary education, by sex",
        ),
        _EDU_AGE,
    ),
    _no(
        28,
        _EDUCATION,
        _t(
            "Башталгыч билим берүүнү аяктоонун деңгээли (болжолдуу), жыныс боюнча",
            "Коэффициент завершения начального образования (приближённый), по полу",
            "Primary education completion rate (proxy), by sex",
        ),
        _EDU_GRAD,
    ),
    _no(
        29,
        _EDUCATION,
        _t(
            "Негизги билим берүүнү бүтүрүүнүн жалпы коэффициенти, жыныс боюнча",
            "Общий коэффициент выпуска из основного общего образования, по полу",
            "Gross graduation ratio from lower secondary education, by sex",
        ),
        _EDU_GRAD,
    ),
    _no(
        30,
        _EDUCATION,
        _t(
            "Орто билим берүүгө өтүү коэффициенти, жыныс боюнча",
            "Коэффициент перехода в среднее образование, по полу",
            "Transition rate to secondary education, by sex",
        ),
        _EDU_AGE,
    ),
    _no(
        31,
        _EDUCATION,
        _t(
            "25 жана андан улуу курактагы калктын билим деңгээли, жыныс боюнча",
            "Уровень образования населения в возрасте 25 лет и старше, по полу",
            "Educational attainment of population aged 25 and over, by sex",
        ),
        _CENSUS,
    ),
    _no(
        32,
        _HEALTH,
        _t(
            "Никеде же биргеликте жашаган 15–49 жаштагы аялдардын арасында контрацепцияны "
            "колдонуунун таралышы",
            "Распространённость контрацепции среди женщин 15–49 лет, состоящих в браке или союзе",
            "Contraceptive prevalence among women who are married or in a union, aged 15–49",
        ),
        _REPRO,
    ),
    _yes(
        33,
        _HEALTH,
        _t(
            "5 жашка чейинки балдардын өлүмүнүн коэффициенти, жыныс боюнча",
            "Коэффициент смертности детей в возрасте до 5 лет, по полу",
            "Under-five mortality rate, by sex",
        ),
        Answer("under_five_mortality_rate", COUNTRY_ALL),
    ),
    _yes(
        34,
        _HEALTH,
        _t(
            "Энелердин өлүмүнүн коэффициенти",
            "Коэффициент материнской смертности",
            "Maternal mortality ratio",
        ),
        Answer("maternal_mortality_ratio", {"soate": ("417",)}),
    ),
    _no(
        35,
        _HEALTH,
        _t(
            "Төрөткө чейинки медициналык жардам менен камтуу",
            "Охват дородовым наблюдением",
            "Antenatal care coverage",
        ),
        _HEALTH_OTHER,
    ),
    _no(
        36,
        _HEALTH,
        _t(
            "Квалификациялуу медициналык кызматкер кабыл алган төрөттөрдүн үлүшү",
            "Доля родов, принятых квалифицированным медицинским персоналом",
            "Proportion of births attended by skilled health professional",
        ),
        _HEALTH_OTHER,
    ),
    _no(
        37,
        _HEALTH,
        _t(
            "15 жана андан улуу курактагы адамдардын арасында тамеки тартуунун таралышы, "
            "жыныс боюнча",
            "Распространённость курения среди лиц в возрасте 15 лет и старше, по полу",
            "Smoking prevalence among persons aged 15 and over, by sex",
        ),
        _RISK,
    ),
    _no(
        38,
        _HEALTH,
        _t(
            "Семирүүдөн жапа чеккен чоң кишилердин үлүшү, жыныс боюнча",
            "Доля взрослых, страдающих ожирением, по полу",
            "Proportion of adults who are obese, by sex",
        ),
        _RISK,
    ),
    _no(
        39,
        _HEALTH,
        _t(
            "АИВ/СПИД менен жашаган 15–49 жаштагы калктын арасындагы аялдардын үлүшү",
            "Доля женщин среди населения 15–49 лет, живущего с ВИЧ/СПИДом",
            "Women's share of population aged 15–49 living with HIV/AIDS",
        ),
        _HIV_STOCK,
    ),
    _no(
        40,
        _HEALTH,
        _t(
            "Антиретровирустук дарыларга жетүү, жыныс боюнча",
            "Доступ к антиретровирусным препаратам, по полу",
            "Access to anti-retroviral drug, by sex",
        ),
        _HEALTH_OTHER,
    ),
    _yes(
        41,
        _HEALTH,
        _t(
            "60 жаштагы күтүлүүчү өмүрдүн узактыгы, жыныс боюнча",
            "Ожидаемая продолжительность жизни в возрасте 60 лет, по полу",
            "Life expectancy at age 60, by sex",
        ),
        Answer("life_expectancy", {**COUNTRY_ALL, "age_lt": ("Y60T64",)}),
    ),
    _yes(
        42,
        _HEALTH,
        _t(
            "Чоң кишилердин өлүмү, себеби жана жаш тобу боюнча",
            "Смертность взрослых по причинам и возрастным группам",
            "Adult mortality by cause and age groups",
        ),
        Answer(
            "standardised_death_rate",
            {"soate": ("417",)},
            _t(
                "Себептер боюнча жаш курагы боюнча стандартташтырылган коэффициенттер; себеп "
                "жана жаш тобу боюнча өлүмдөр — deaths көрсөткүчүндө.",
                "Стандартизованные по возрасту коэффициенты по причинам смерти; умершие по "
                "причинам и возрастным группам — в показателе deaths.",
                "Age-standardised rates by cause of death; deaths by cause and age group are "
                "in the indicator deaths.",
            ),
        ),
    ),
    _no(
        43,
        _PUBLIC,
        _t(
            "Өкмөттөгү министрлердин кызмат орундарындагы аялдардын үлүшү",
            "Доля женщин на министерских должностях в правительстве",
            "Women's share of government ministerial positions",
        ),
        _MINISTERS,
    ),
    _yes(
        44,
        _PUBLIC,
        _t(
            "Улуттук парламенттеги аялдар ээлеген орундардын үлүшү",
            "Доля мест, занимаемых женщинами в национальном парламенте",
            "Proportion of seats held by women in national parliament",
        ),
        Answer("women_share_parliament"),
    ),
    _yes(
        45,
        _PUBLIC,
        _t(
            "Жетекчи кызмат орундарындагы аялдардын үлүшү",
            "Доля женщин на руководящих должностях",
            "Share of women in managerial positions",
        ),
        Answer("women_share_managers"),
    ),
    _no(
        46,
        _PUBLIC,
        _t(
            "Аял полиция кызматкерлеринин пайызы",
            "Процент женщин среди сотрудников полиции",
            "Percentage of female police officers",
        ),
        _POLICE,
    ),
    _yes(
        47,
        _PUBLIC,
        _t(
            "Аял судьялардын пайызы",
            "Процент женщин среди судей",
            "Percentage of female judges",
        ),
        Answer("women_share_judges", {"court": ("_T",)}),
    ),
    _no(
        48,
        _RIGHTS,
        _t(
            "Акыркы 12 айда жакын өнөктөшү тарабынан физикалык же сексуалдык зомбулукка "
            "дуушар болгон 15–49 жаштагы аялдардын үлүшү",
            "Доля женщин 15–49 лет, подвергшихся физическому или сексуальному насилию со "
            "стороны интимного партнёра за последние 12 месяцев",
            "Proportion of women aged 15–49 subjected to physical or sexual violence in the "
            "last 12 months by an intimate partner",
        ),
        _VIOLENCE,
    ),
    _no(
        49,
        _RIGHTS,
        _t(
            "Акыркы 12 айда жакын өнөктөшү эмес адамдар тарабынан физикалык же сексуалдык "
            "зомбулукка дуушар болгон 15–49 жаштагы аялдардын үлүшү",
            "Доля женщин 15–49 лет, подвергшихся физическому или сексуальному насилию со "
            "стороны лиц, не являющихся интимным партнёром, за последние 12 месяцев",
            "Proportion of women aged 15–49 subjected to physical or sexual violence in the "
            "last 12 months by persons other than an intimate partner",
        ),
        _VIOLENCE,
    ),
    _no(
        50,
        _RIGHTS,
        _t(
            "Аялдардын жыныс органдарын кесүүнүн таралышы (тиешелүү өлкөлөр үчүн гана)",
            "Распространённость калечащих операций на женских половых органах (только для "
            "соответствующих стран)",
            "Prevalence of female genital mutilation/cutting (for relevant countries only)",
        ),
        _FGM,
    ),
    _no(
        51,
        _RIGHTS,
        _t(
            "18 жашка чейин никеге турган же биргеликте жашай баштаган 20–24 жаштагы "
            "аялдардын пайызы",
            "Процент женщин 20–24 лет, вступивших в брак или союз до 18 лет",
            "Percentage of women aged 20–24 years old who were married or in a union before age 18",
        ),
        _CHILD_MARRIAGE,
    ),
    _yes(
        52,
        _RIGHTS,
        _t(
            "Өспүрүм кыздардын төрөтүнүн коэффициенти",
            "Коэффициент рождаемости у девушек-подростков",
            "Adolescent birth rate",
        ),
        Answer("adolescent_birth_rate", {**COUNTRY_ALL, "mother_age": ("Y15T19",)}),
    ),
)

# Why an answered item shows no figure: the release holds none of its indicator.
NO_DATA = _t(
    "Бул релизде бул көрсөткүч боюнча сандар жок (булак маалымат бере элек).",
    "В этом выпуске нет данных по этому показателю (источник их ещё не передал).",
    "This release holds no figures of this indicator (the source has not delivered them).",
)


@dataclass(frozen=True)
class Cell:
    """One figure of the annex, with the standard error of a survey estimate beside it."""

    indicator: str
    period: str
    dims: Mapping[str, str]
    value: float | None
    status: str
    standard_error: float | None = None


@dataclass(frozen=True)
class Resolution:
    """An item against a release: its figures, or ``reason`` (ky/ru/en) when there are none."""

    item: Item
    cells: tuple[Cell, ...]
    reason: Texts | None

    @property
    def available(self) -> bool:
        return bool(self.cells)


def _cells(session: Session, release_id: str, answer: Answer) -> list[Cell]:
    info = read.indicator(session, answer.indicator)
    periods = read.periods(session, release_id, answer.indicator) if info else []
    if info is None or not periods:
        return []
    period = periods[-1]
    where = {d: list(codes) for d, codes in answer.select.items()}
    rows = read.observations(session, release_id, answer.indicator, [period], where)
    errors: dict[tuple[tuple[str, str], ...], float | None] = {}
    if info.standard_error:
        errors = {
            tuple(sorted(r.dims.items())): r.value
            for r in read.observations(session, release_id, info.standard_error, [period], where)
        }
    return [
        Cell(
            answer.indicator,
            row.period,
            row.dims,
            row.value,
            row.status,
            errors.get(tuple(sorted(row.dims.items()))),
        )
        for row in rows
    ]


def resolve(session: Session, release_id: str) -> list[Resolution]:
    """Every item of the Minimum Set against a release (one the caller may show): the newest
    period of each answering indicator, or why the release has no figure."""
    resolved = []
    for item in MINIMUM_SET:
        cells = [c for answer in item.answers for c in _cells(session, release_id, answer)]
        reason = None if cells else (item.reason or NO_DATA)
        resolved.append(Resolution(item, tuple(cells), reason))
    return resolved
