"""Files as Excel's "Unicode text" export writes them on Windows, for the file adapters' tests.

Excel's "Unicode text (*.txt)" is UTF-16 little-endian with a byte-order mark, cells
separated by tabs, lines ended by CR LF, a cell quoted only when it holds a tab, a quote or
a line break. :func:`save_as_unicode_text` re-saves a semicolon CSV that way, so a test can
load the same rows from both and compare.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

BOMS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


def save_as_unicode_text(
    source: Path, target: Path, encoding: str = "utf-16-le", delimiter: str = "\t"
) -> Path:
    """``source`` (a ``;`` CSV in UTF-8) re-saved in UTF-16 with its mark, ``delimiter``-separated.

    Bytes of ``source`` that are not UTF-8 become U+FFFD, as in any program that opens it.
    """
    text = source.read_bytes().decode("utf-8-sig", errors="replace")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    target.write_bytes(BOMS[encoding] + out.getvalue().encode(encoding))
    return target
