"""The published list of quarantine reason codes, with their texts in Kyrgyz, Russian and English.

Why a fixed list: a quarantine entry is read by people at the NSC and at the ministries that
sent the record, in three languages, and counted in quality reports over years. A code is a
stable identifier (never renamed, never reused); its texts are data, like classifier labels,
so they live here rather than in the gettext catalogs of the interface.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReasonCode:
    """One reason a record can be quarantined."""

    code: str
    ky: str
    ru: str
    en: str

    def text(self, lang: str) -> str:
        return str(getattr(self, lang))


REASON_CODES: dict[str, ReasonCode] = {
    r.code: r
    for r in (
        ReasonCode(
            "MALFORMED",
            "Жазууну окууга болбойт (JSON же сап бузулган)",
            "Запись не читается (повреждён JSON или строка)",
            "The record cannot be read (broken JSON or line)",
        ),
        ReasonCode(
            "MISSING_FIELD",
            "Милдеттүү талаа толтурулган эмес",
            "Не заполнено обязательное поле",
            "A mandatory field is empty",
        ),
        ReasonCode(
            "INVALID_CODE",
            "Код классификатордо жок",
            "Код отсутствует в классификаторе",
            "The code is not in the classifier",
        ),
        ReasonCode(
            "UNMAPPED_CODE",
            "Ведомстволук код мамлекеттик классификаторго дал келтирилген эмес",
            "Ведомственный код не сопоставлен с государственным классификатором",
            "The ministry's code has no mapping to the state classifier",
        ),
        ReasonCode(
            "INVALID_DATE",
            "Күн туура эмес",
            "Неверная дата",
            "The date is not valid",
        ),
        ReasonCode(
            "FUTURE_DATE",
            "Күн келечекте",
            "Дата в будущем",
            "The date is in the future",
        ),
        ReasonCode(
            "BEFORE_BIRTH",
            "Окуя туулган күнгө чейин",
            "Событие раньше даты рождения",
            "The event is dated before the person's birth",
        ),
        ReasonCode(
            "IMPLAUSIBLE_AGE",
            "Жаш ишенимсиз (мисалы, эне 12–55 жаштан тышкары)",
            "Неправдоподобный возраст (например, мать вне 12–55 лет)",
            "Implausible age (for instance a mother outside 12–55)",
        ),
        ReasonCode(
            "INVALID_VALUE",
            "Маани туура эмес",
            "Недопустимое значение",
            "The value is not valid",
        ),
        ReasonCode(
            "INVALID_IDENTIFIER",
            "Жеке идентификатор туура эмес форматта",
            "Персональный идентификатор в неверном формате",
            "The personal identifier has the wrong format",
        ),
        ReasonCode(
            "SAME_ORIGIN_DESTINATION",
            "Чыккан жана келген жери бирдей",
            "Место выбытия совпадает с местом прибытия",
            "Origin and destination are the same",
        ),
        ReasonCode(
            "FORMULA_TEXT",
            "Текст формулага окшош (=, +, -, @ менен башталат)",
            "Текст похож на формулу (начинается с =, +, -, @)",
            "Text looks like a spreadsheet formula (starts with =, +, -, @)",
        ),
        ReasonCode(
            "TOTAL_MISMATCH",
            "Жыйынтык кошулуучулардын суммасына барабар эмес",
            "Итог не равен сумме слагаемых",
            "The total is not the sum of its parts",
        ),
        ReasonCode(
            "IMPLAUSIBLE_VALUE",
            "Маани көрсөткүчтүн ишенимдүү чектеринен тышкары",
            "Значение вне правдоподобных границ показателя",
            "The value is outside the plausible range of the measure",
        ),
        ReasonCode(
            "TOTAL_NOT_BETWEEN",
            "Деңгээлдин же орточо маанинин жалпы мааниси эркектер менен аялдардын маанилеринин "
            "ортосунда эмес",
            "Общее значение уровня или средней не лежит между значениями для мужчин и женщин",
            "The total of a rate or average does not lie between the values for men and women",
        ),
        ReasonCode(
            "SE_NOT_SURVEY",
            "Стандарттык ката сурамжылоонун баалоосу эмес көрсөткүч үчүн берилген",
            "Стандартная ошибка указана для показателя, который не является оценкой обследования",
            "A standard error is given for a measure that is not a survey estimate",
        ),
        ReasonCode(
            "WOMEN_ONLY",
            "Аялдарга гана тиешелүү көрсөткүч үчүн эркектердин мааниси берилген",
            "Для показателя, относящегося только к женщинам, указано значение для мужчин",
            "A value for men is given for a measure that concerns women only",
        ),
        ReasonCode(
            "NOT_IN_BREAKDOWN",
            "Көрсөткүч бул категория же аймак боюнча берилбейт",
            "Показатель не предоставляется в разрезе этой категории или территории",
            "The measure is not reported by this category or territory",
        ),
    )
}


def text(code: str, lang: str) -> str:
    """The text of ``code`` in ``lang``; an unknown code is shown as itself."""
    reason = REASON_CODES.get(code)
    return reason.text(lang) if reason else code


@dataclass(frozen=True)
class Reason:
    """One problem found in one record: a published code, the field, and a short detail.

    The detail never contains a personal identifier (validation sees pseudonymised values).
    """

    code: str
    field: str = ""
    detail: str = ""

    def __post_init__(self) -> None:
        if self.code not in REASON_CODES:
            raise ValueError(f"unknown reason code {self.code!r}: add it to REASON_CODES")

    def describe(self) -> str:
        parts = [self.code]
        if self.field:
            parts.append(self.field)
        if self.detail:
            parts.append(self.detail)
        return ": ".join(parts)
