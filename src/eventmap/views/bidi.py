"""Arabic among English and English among Arabic: each name and sentence isolated, so it reads in order.

The Unicode bidi algorithm reorders a run of Arabic inside left-to-right text together with the
punctuation around it: a resolution note listing villages, "(الرفيد, غدير البستان, معلقة, أم اللوقس)",
comes out with its brackets and commas in the wrong places, and an Arabic sentence in a left-to-right
table cell shows its full stop at the wrong end. Each run of the other script is isolated:

* ``isolate_html(text)``: the text escaped once (``escape.esc``) with each run in ``<bdi>``, for the
  HTML we write (details panel, popups, exported pages);
* ``isolate_text(text)``: with Unicode isolates (RLI/LRI ... PDI), for plain text shown in a
  left-to-right place (table cells); never used for data files (CSV, GeoJSON, GeoPackage keep the text).

The base direction is that of the first strong letter, as ``dir="auto"`` decides it.
"""

from __future__ import annotations

import re

from eventmap.views.escape import clean_text, esc

LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"

_AR = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_LAT = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_AR_CHAR = re.compile(f"[{_AR}]")
_LAT_CHAR = re.compile(f"[{_LAT}]")
_STRONG = re.compile(f"[{_AR}{_LAT}]")
#: Arabic words with the spaces between them (never a space at either end)
_AR_RUN = re.compile(f"[{_AR}](?:[{_AR}\u200c\u200d ]*[{_AR}])?")
#: a left-to-right stretch: from a Latin letter, digit or opening bracket to a Latin letter, digit or closing
#: bracket, with anything but Arabic and line breaks inside ("Nab` as-Sakhr", "(SANA)", "<b>x</b>", "{{ x }}");
#: it is isolated only when it holds a Latin letter
_LAT_RUN = re.compile(f"[{_LAT}0-9<(\\[{{\"'](?:[^{_AR}\\n]*[{_LAT}0-9>)\\]}}\"'])?")


def base_rtl(text: str) -> bool:
    """True when the first strong letter of ``text`` is Arabic."""
    m = _STRONG.search(text or "")
    return bool(m and _AR_CHAR.match(m.group(0)))


def _pattern(text: str, rtl: bool | None) -> tuple[re.Pattern[str] | None, bool]:
    """The runs to isolate (Arabic ones in left-to-right text, Latin ones in right-to-left text)."""
    rtl = base_rtl(text) if rtl is None else rtl
    if rtl:
        return (_LAT_RUN if _LAT_CHAR.search(text) else None), rtl
    return (_AR_RUN if _AR_CHAR.search(text) else None), rtl


def isolate_html(text: object, rtl: bool | None = None) -> str:
    """``text`` escaped, each run of the other script in ``<bdi>`` (``rtl``: the base direction of the
    paragraph it sits in, when ``text`` is only part of it)."""
    s = clean_text(text)   # a report's own bidi controls never reach the page (escape.clean_text)
    pat, base = _pattern(s, rtl)
    if pat is None:
        return esc(s)
    d = "ltr" if base else "rtl"
    out, i = [], 0
    for m in pat.finditer(s):
        if base and not _LAT_CHAR.search(m.group(0)):
            continue                      # digits or brackets only: they follow the Arabic around them
        out.append(esc(s[i:m.start()]))
        out.append(f'<bdi dir="{d}">{esc(m.group(0))}</bdi>')
        i = m.end()
    out.append(esc(s[i:]))
    return "".join(out)


def isolate_text(text: object) -> str:
    """``text`` for a left-to-right plain-text place: Arabic text as a right-to-left isolate (its own
    punctuation at its own end), Arabic names inside English text each isolated."""
    s = clean_text(text)   # a report's own bidi controls dropped first: only ours remain
    if not _AR_CHAR.search(s):
        return s
    if base_rtl(s):
        inner = _LAT_RUN.sub(lambda m: LRI + m.group(0) + PDI if _LAT_CHAR.search(m.group(0)) else m.group(0), s)
        return RLI + inner + PDI
    return _AR_RUN.sub(lambda m: RLI + m.group(0) + PDI, s)


def strip_isolates(text: str) -> str:
    """``text`` without the isolate controls (to compare or search what was shown)."""
    return re.sub(f"[{LRI}{RLI}{FSI}{PDI}]", "", text or "")


__all__ = ["FSI", "LRI", "PDI", "RLI", "base_rtl", "isolate_html", "isolate_text", "strip_isolates"]
