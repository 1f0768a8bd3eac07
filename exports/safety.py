"""Spreadsheet formula injection, neutralised in every text cell of CSV and XLSX files.

A text cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is taken
for a formula by Excel, LibreOffice and Google Sheets (OWASP, "CSV Injection"). Such a
text gets a leading apostrophe, which the spreadsheet shows as text and never evaluates.
Numbers are written as numbers and never pass through here.
"""

from __future__ import annotations

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(text: str) -> str:
    """``text``, made inert for spreadsheets."""
    return "'" + text if text.startswith(TRIGGERS) else text
