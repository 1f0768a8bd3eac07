"""Footnotes that travel with observations, in the three languages, by stable key."""

from __future__ import annotations

from indicators.spec import Text

FOOTNOTES: dict[str, Text] = {
    "lifetable": Text(
        ky="Кыскартылган өлүм таблицасы боюнча эсептелген (0 жаштагылар үчүн Коул–Демени "
        "формуласы; ачык топ 85+).",
        ru="Рассчитано по сокращённой таблице смертности (для возраста 0 — формула Коула–"
        "Демени; открытый интервал 85+).",
        en="Computed from an abridged life table (Coale–Demeny formula for age 0; open "
        "interval 85+).",
    ),
    "fertility_ages": Text(
        ky="15 жашка чейинки энелерден төрөлгөндөр 15–19 жаш тобуна, 50 жана андан улуу "
        "энелерден төрөлгөндөр 45–49 жаш тобуна кошулган.",
        ru="Родившие в возрасте до 15 лет учтены в группе 15–19 лет, в 50 лет и старше — "
        "в группе 45–49 лет.",
        en="Births to mothers under 15 are counted in 15–19 and those to mothers aged 50 and "
        "over in 45–49.",
    ),
    "migration_age": Text(
        ky="Жашы — көчүү жылында толгон жашы.",
        ru="Возраст — число лет, исполняющееся в году переезда.",
        en="Age is the age reached in the year of the move.",
    ),
}
