"""The one place where strings from reports become safe HTML or safe inline JSON.

Every string that comes from a report (sentences, place names as written, actors,
outlets, URLs) goes through :func:`esc` exactly once before it reaches a folium
Popup/Tooltip, a Leaflet control or any HTML file we write.  Data inlined into a
``<script>`` block goes through :func:`js_safe_json`, which cannot close the script
element or break a JavaScript string.
"""

from __future__ import annotations

import html
import json
import math
import re
from typing import Any

# C0 controls other than tab/newline/CR, DEL and C1 controls: never meaningful in a report,
# and invalid in XML 1.0 (KML) or harmful in HTML.  Bidi embeddings, overrides and isolates
# (U+202A-U+202E, U+2066-U+2069) from a report would reorder what is shown around them
# (an RLO makes "Sayda" read backwards and can make a list lie): dropped too.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_text(s: Any) -> str:
    """``s`` as text with NaN/None as "", control characters and bidi overrides removed (not escaped)."""
    if s is None:
        return ""
    if isinstance(s, float) and math.isnan(s):
        return ""
    s = str(s)
    if s.isprintable():      # no control or format character at all (the common case): nothing to remove
        return s
    return _CONTROL_RE.sub("", s)


_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})


def esc(s: Any) -> str:
    """Escape ``s`` for HTML text or a quoted attribute value.

    ``&``, ``<``, ``>``, ``"`` and ``'`` become entities, and so do ``{`` and ``}`` (the page
    shows the same characters, but no template engine - Jinja, which folium/branca run over
    rendered scripts - can ever see ``{{``/``{%`` from a report); control characters are
    dropped; ``None``/NaN become "".  Apply it once, to the raw string: escaping twice shows
    ``&amp;lt;`` to the reader.
    """
    out = html.escape(clean_text(s), quote=True)
    return out.translate(_BRACES) if "{" in out or "}" in out else out


def esc_many(values: list[str]) -> list[str]:
    """``[esc(v) for v in values]`` for a list of strings, escaped as one text: ``esc`` maps each character
    on its own (newlines kept), so the joined text escaped and split again gives each value's escape."""
    try:
        joined = "\n".join(values)
    except TypeError:  # not all strings
        return [esc(v) for v in values]
    if not values or joined.count("\n") != len(values) - 1:  # a value holds a newline itself
        return [esc(v) for v in values]
    return esc(joined).split("\n")


_JS_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
    "{": "\\u007b",   # only ever before { % # : template start tags can occur only inside strings
}
_TEMPLATE_BRACE_RE = re.compile("\\{(?=[{%#])")


def js_safe_json(obj: Any, *, indent: int | None = None) -> str:
    """JSON for inlining in an HTML ``<script>`` element.

    ``<``, ``>``, ``&`` and the line separators U+2028/U+2029 are written as ``\\uXXXX``
    escapes, so the text can neither end the script element (``</script>``), open a
    comment (``<!--``) nor break an older JavaScript parser; a ``{`` that starts a template
    tag (``{{``, ``{%``, ``{#``: only possible inside a string) becomes ``\\u007b``.  Non-ASCII text (Arabic)
    stays as UTF-8 to keep files small.  NaN is not valid JSON: pass ``None`` instead.
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":") if indent is None else None,
                      indent=indent, allow_nan=False)
    return js_safe_text(text)


def js_safe_text(text: str) -> str:
    """JSON text (as ``json.dumps`` writes it) made safe for a ``<script>`` element as :func:`js_safe_json`
    makes it: each character of ``_JS_UNSAFE`` replaced by its escape, by one ``str.replace`` per character
    (no replacement brings in a character another one replaces), the brace only where a tag could start."""
    for ch in "<>&\u2028\u2029":
        text = text.replace(ch, _JS_UNSAFE[ch])
    if "{{" in text or "{%" in text or "{#" in text:
        text = _TEMPLATE_BRACE_RE.sub(lambda m: _JS_UNSAFE["{"], text)
    return text


def safe_url(u: Any) -> str:
    """``u`` if it is an http(s) URL, else "" (never a ``javascript:`` or ``data:`` link).

    The result is still raw text: pass it through :func:`esc` before writing it in HTML.
    """
    s = clean_text(u).strip()
    if s.startswith(("http://", "https://")):   # the common case: the test below would pass
        return s
    low = re.sub(r"[\s\x00-\x20]", "", s).lower()
    if low.startswith(("http://", "https://")):
        return s
    return ""


# every ASCII punctuation character Markdown or Streamlit's Markdown gives a meaning to: emphasis,
# links and images ``![](url)``, HTML, tables, headings, lists, LaTeX ``$``, ``:emoji:``/``:red[...]``
_MD_SPECIAL_RE = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'^%@])")
_MD_SPACE_RE = re.compile(r"\s+")


def md(s: Any) -> str:
    """A report string for Streamlit Markdown (``st.markdown``, captions, alerts, widget and expander
    labels): every Markdown character backslash-escaped, so ``![](http://host/beacon.png)`` is shown
    as written and never fetched, ``**`` is not bold, ``:red[x]`` is not a colour; whitespace runs
    (newlines) become one space; control characters and bidi overrides dropped.  Use it once,
    on the raw string, and only for Markdown (HTML goes through :func:`esc`)."""
    return _MD_SPECIAL_RE.sub(r"\\\1", _MD_SPACE_RE.sub(" ", clean_text(s)).strip())
