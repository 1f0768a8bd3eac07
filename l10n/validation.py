"""marshmallow's refusals in the user's language.

The API's request schemas (``api/v1/schemas.py``, ``api/requests/schemas.py``) validate with
marshmallow's own fields and validators, whose messages are English templates
(``"Length must be between {min} and {max}."``). Rather than repeat an ``error=`` on every
field, the messages are translated where they reach a person: the API's problem answers
(``api/errors.py``) and the data-request form (``web/requests.py``) both pass each message
through :func:`localise`, so the two say the same thing in the same language.

A message is recognised by the template it was formatted from (its ``{placeholders}`` read
back from the text) and rendered again from the template's gettext message with the same
values. A message no template matches (a service's own, already localised) passes through.
"""

from __future__ import annotations

import re
from functools import cache

from babel.support import LazyProxy

from l10n import lazy_gettext as _l

#: marshmallow's templates (fields' ``default_error_messages``, ``Schema``'s, and the
#: validators' messages, ``Range`` spelled out for inclusive bounds) → the same refusal as
#: interface text. ``tests/test_l10n.py`` checks that every template the API's schemas can
#: produce is here and translated.
TEMPLATES: dict[str, LazyProxy] = {
    "Missing data for required field.": _l("This field is required."),
    "Field may not be null.": _l("This field may not be empty."),
    "Invalid value.": _l("The value is not valid."),
    "Not a valid string.": _l("Expected text."),
    "Not a valid utf-8 string.": _l("The text is not valid UTF-8."),
    "Not a valid integer.": _l("Expected a whole number."),
    "Not a valid number.": _l("Expected a number."),
    "Number too large.": _l("The number is too large."),
    "Special numeric values (nan or infinity) are not permitted.": _l("Expected a number."),
    "Not a valid email address.": _l("Enter an e-mail address like name@example.kg."),
    "Not a valid list.": _l("Expected a list."),
    "Invalid type.": _l("Expected an object."),
    "Not a valid mapping type.": _l("Expected an object."),
    "Invalid input type.": _l("Expected an object."),
    "Not a valid boolean.": _l("Expected true or false."),
    "Unknown field.": _l("Unknown field."),
    "Shorter than minimum length {min}.": _l("Too short: the least allowed length is %(min)s."),
    "Longer than maximum length {max}.": _l("Too long: the greatest allowed length is %(max)s."),
    "Length must be between {min} and {max}.": _l("The length must be from %(min)s to %(max)s."),
    "Length must be {equal}.": _l("The length must be %(equal)s."),
    "Must be greater than or equal to {min} and less than or equal to {max}.": _l(
        "Must be from %(min)s to %(max)s."
    ),
    "Must be greater than or equal to {min}.": _l("Must be at least %(min)s."),
    "Must be less than or equal to {max}.": _l("Must be at most %(max)s."),
    "Must be one of: {choices}.": _l("Must be one of: %(choices)s."),
    "String does not match expected pattern.": _l("The value does not have the expected form."),
}


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], LazyProxy], ...]:
    """Each template as a regular expression whose groups are its placeholders."""
    out = []
    for template, text in TEMPLATES.items():
        pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+?)", re.escape(template))
        out.append((re.compile(pattern), text))
    return tuple(out)


def localise(message: object) -> str:
    """``message`` (one of marshmallow's) in the current language; any other text as is."""
    text = str(message)
    for pattern, translated in _patterns():
        match = pattern.fullmatch(text)
        if match is not None:
            return str(translated) % match.groupdict()
    return text
