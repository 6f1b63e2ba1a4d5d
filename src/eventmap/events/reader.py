"""A report file (``.txt`` or a saved ``.html`` page) or a string -> :class:`eventmap.model.Report`.

HTML pages go through trafilatura (article text only, ``include_comments=False``),
so markup, menus and reader comments never become report text.  When trafilatura
finds nothing (a fragment, a page without an article body) the tags are stripped
with the standard library's HTML parser, scripts and styles dropped.

Hostile input is refused with :class:`InputError`, a message meant for people:
empty or whitespace-only text, binary data (NUL bytes, undecodable bytes), and
anything larger than :data:`MAX_BYTES` (checked from the file size before reading,
so a 50 MB file is refused at once).
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from eventmap.errors import DateInputError, InputError, ReportInputError
from eventmap.model import Report
from eventmap.text import has_arabic, has_latin, normalize_ar

#: inputs above this size are refused (bytes)
MAX_BYTES = 50_000_000
#: article text above this many characters is refused (a news report is far shorter; keeps extraction in seconds)
MAX_TEXT_CHARS = 500_000
#: HTML is handed to trafilatura only below this size (it is slow on huge pages)
_MAX_HTML_FOR_TRAFILATURA = 8 * 1024 * 1024


# Refusals are ``eventmap.errors.ReportInputError`` (the input cannot be read as a news report) or
# ``DateInputError`` (no usable publication date): both are the one ``InputError``, importable from here too.


_HTML_SNIFF_RE = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF_RE.search(text[:4096]))


#: byte order marks, longest first (a UTF-32 LE mark begins with the UTF-16 LE one)
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xef\xbb\xbf", "utf-8"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
#: at most this many invalid bytes are replaced in a text with no valid UTF-8 beyond ASCII
_FEW_BAD_BYTES = 3


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the encoding it was read as and what was repaired (said, never silent)."""

    text: str
    encoding: str
    replaced: int = 0   # invalid bytes replaced by U+FFFD

    def warnings(self, name: str = "input") -> list[str]:
        if not self.replaced:
            return []
        n = self.replaced
        return [(f"{name}: {n} invalid byte{'s' if n != 1 else ''} (not UTF-8) replaced by "
                 "\N{REPLACEMENT CHARACTER}; check the text around it")]


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """``(codec, BOM length)`` when ``data`` starts with a byte order mark."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def decode(data: bytes, name: str = "input") -> Decoded:
    """Bytes of one report (or one JSON line) -> :class:`Decoded`, never mojibake.

    A byte order mark (UTF-8, UTF-16, UTF-32) decides the encoding.  Otherwise UTF-8; when
    some bytes are not UTF-8 the choice is made on the whole input: legacy Windows-1256 only
    when the input has no valid UTF-8 beyond ASCII (or more invalid bytes than valid
    characters) AND reads as plausible Arabic in Windows-1256; else, when the invalid bytes
    are few, UTF-8 with each of them replaced by U+FFFD and counted in ``replaced``;
    else :class:`InputError` (binary data or an unknown encoding).  NUL bytes without a BOM
    mean binary data.
    """
    if len(data) > MAX_BYTES:
        raise ReportInputError(f"{name}: {len(data) / 1e6:.1f} MB is larger than the "
                               f"{MAX_BYTES // 1_000_000} MB limit for one report; split it into reports")
    bom = bom_encoding(data)
    if bom:
        codec, n = bom
        try:
            return Decoded(data[n:].decode(codec), codec)
        except UnicodeDecodeError as exc:
            raise ReportInputError(f"{name}: starts with a {codec.upper()} byte order mark but is not readable as "
                             f"{codec.upper()} text ({exc.reason})") from None
    if b"\x00" in data:
        raise ReportInputError(f"{name}: looks like a binary file (it contains NUL bytes), not a text or HTML report")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    loose = data.decode("utf-8", errors="surrogateescape")   # one lone surrogate per invalid byte
    bad = sum(1 for ch in loose if "\udc80" <= ch <= "\udcff")
    good = sum(1 for ch in loose if ch > "\x7f") - bad
    if good == 0 or bad > good:
        legacy = _plausible_cp1256(data)
        if legacy is not None:
            return Decoded(legacy, "cp1256")
    if bad <= max(_FEW_BAD_BYTES, good // 4):
        return Decoded(data.decode("utf-8", errors="replace"), "utf-8", replaced=bad)
    raise ReportInputError(f"{name}: not valid UTF-8 text ({bad:,} invalid bytes: binary data or an unknown encoding); "
                     "save the report as UTF-8 text or HTML")


def _plausible_cp1256(data: bytes) -> str | None:
    """The Windows-1256 reading of ``data`` when it is mostly printable Arabic text, else ``None``."""
    try:
        txt = data.decode("cp1256")
    except UnicodeDecodeError:
        return None
    if not has_arabic(txt) or _printable_share(txt) <= 0.97:
        return None
    sample = txt[:20000]
    ar = len(_AR_LETTER_RE.findall(sample))
    return txt if ar >= 0.5 * (ar + len(_LATIN_LETTER_RE.findall(sample))) else None


def decode_bytes(data: bytes, name: str = "input", warnings: list[str] | None = None) -> str:
    """Bytes -> text with :func:`decode`; what was repaired is appended to ``warnings``."""
    d = decode(data, name)
    if warnings is not None:
        warnings.extend(d.warnings(name))
    return d.text


def jsonl_lines(data: bytes, name: str = "input") -> Iterator[tuple[int, str | InputError, list[str]]]:
    """``(line number, text or InputError, warnings)`` for each non-blank line of a JSON Lines file.

    Each line is judged on its own: a NUL byte or undecodable bytes fail that line only, and
    the encoding (UTF-8, a lone bad byte replaced, or legacy Windows-1256) is decided per line.
    A file with a UTF-16/UTF-32 byte order mark is decoded whole first.
    """
    bom = bom_encoding(data)
    if bom and bom[0] != "utf-8":
        text = decode(data, name).text
        for n, line in enumerate(text.split("\n"), 1):
            if line.strip():
                yield n, line, []
        return
    if bom:
        data = data[bom[1]:]
    for n, raw in enumerate(data.split(b"\n"), 1):
        if not raw.strip():
            continue
        label = f"{name}:{n}"
        if b"\x00" in raw:
            yield n, ReportInputError("the line contains NUL bytes (binary data), not JSON text"), []
            continue
        try:
            d = decode(raw.rstrip(b"\r"), label)
        except InputError as exc:
            yield n, ReportInputError(str(exc).removeprefix(f"{label}: ")), []
            continue
        yield n, d.text, d.warnings(label)


def _printable_share(s: str) -> float:
    sample = s[:20000]
    if not sample:
        return 0.0
    good = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t")
    return good / len(sample)


class _Stripper(HTMLParser):
    _SKIP = {"script", "style", "noscript", "template", "svg", "head", "nav", "footer", "form", "iframe"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section",
              "blockquote", "pre", "td", "header"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self.skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP and self.skip:
            self.skip -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def strip_html(page: str) -> str:
    """Fallback: tags out, scripts/styles/navigation dropped, entities decoded, blocks -> lines."""
    p = _Stripper()
    try:
        p.feed(page)
        p.close()
    except Exception:  # noqa: BLE001 - a broken page still gives its text
        return re.sub(r"<[^>]*>", " ", html.unescape(page))
    text = "".join(p.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.splitlines()]
    return "\n".join(ln for ln in lines if ln)


def html_to_text(page: str) -> tuple[str, str]:
    """HTML page -> (article text, title).  trafilatura first, tag stripping as fallback."""
    title = ""
    m = re.search(r"<title[^>]*>(.*?)</title>", page[:200000], re.IGNORECASE | re.DOTALL)
    if m:
        title = html.unescape(re.sub(r"\s+", " ", m.group(1))).strip()
    text = ""
    if len(page) <= _MAX_HTML_FOR_TRAFILATURA:
        try:
            import trafilatura  # imported lazily: heavy, and plain text never needs it

            text = trafilatura.extract(page, include_comments=False, include_tables=False,
                                       favor_recall=True) or ""
        except Exception:  # noqa: BLE001 - trafilatura missing or failing: fall back to stripping
            text = ""
    if not text.strip():
        if len(page) > _MAX_HTML_FOR_TRAFILATURA:   # huge page: a fast regex strip, no parser
            text = re.sub(r"(?is)<(script|style|noscript)\b.*?</\1\s*>", " ", page)
            text = html.unescape(re.sub(r"<[^>]*>", " ", text))
        else:
            text = strip_html(page)
    return text, title


_AR_LETTER_RE = re.compile(r"[\u0600-\u06ff]")
_LATIN_LETTER_RE = re.compile(r"[A-Za-z]")
_AR_LEAD_BYTES = bytes(range(0xD8, 0xDC))
_LATIN_BYTES = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))


def detect_language(text: str) -> str:
    """'ar' or 'en' from the share of Arabic letters among letters (first 20,000 characters)."""
    sample = text[:20000]
    if sample.isascii():
        return "en"     # (no Arabic letter: English whether or not a Latin letter is in it, as below)
    # counted on the UTF-8 bytes: U+0600-U+06FF are the two-byte sequences led by D8-DB
    raw = sample.encode("utf-8", "surrogatepass")
    ar = len(raw) - len(raw.translate(None, _AR_LEAD_BYTES))
    lat = len(raw) - len(raw.translate(None, _LATIN_BYTES))
    if ar == 0 and lat == 0:
        return "ar" if has_arabic(sample) else "en"
    return "ar" if ar >= lat else "en"


def report_id_for(text: str) -> str:
    """Content hash of the normalised text: the same report gives the same id."""
    return hashlib.sha256(normalize_ar(text).encode("utf-8")).hexdigest()[:16]


#: control characters, lone surrogates, and bidi embeddings/overrides/isolates (U+202A-U+202E,
#: U+2066-U+2069): they only reorder how text is shown, and an RLO pasted around a name would
#: make every note that quotes it read backwards
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str) -> str:
    """Check a decoded text and tidy it (NFC, no control characters); raise InputError if unusable."""
    if "\x00" in text:
        raise ReportInputError("input looks binary (it contains NUL characters), not a text report")
    if len(text) > MAX_BYTES:
        raise ReportInputError(f"input of {len(text):,} characters is larger than the "
                         f"{MAX_BYTES // 1_000_000} MB limit for one report; split it into reports")
    if len(text) > MAX_TEXT_CHARS:
        raise ReportInputError(f"the article text has {len(text):,} characters, more than the "
                               f"{MAX_TEXT_CHARS:,} accepted for one report; split it into reports")
    text = unicodedata.normalize("NFC", text)
    # control characters and bidi overrides out (keep newlines and tabs); lone surrogates cannot be encoded
    text = _CONTROL_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise ReportInputError("the report is empty (no text to read)")
    if not (has_arabic(text) or has_latin(text)):
        raise ReportInputError("the report has no Arabic or Latin letters: nothing to read")
    return text


def make_report(text: str, published: date | str, title: str = "", source: str = "", url: str = "",
                language: str = "auto", warnings: Iterable[str] = ()) -> Report:
    """A :class:`Report` from article text (checked with :func:`clean_text`)."""
    from eventmap.events.dates import parse_published

    text = clean_text(text)
    # DateInputError when not YYYY-MM-DD or outside the accepted range; '2018-7-5' is stored as 2018-07-05
    pub = parse_published(published).isoformat()
    lang = detect_language(text) if language in ("", "auto", None) else language
    return Report(text=text, published=pub, title=title, source=source, url=url, language=lang,
                  report_id=report_id_for(text), warnings=tuple(warnings))


def read_report(path_or_text: str | Path | bytes, published: date | str | None = None, title: str = "",
                source: str = "", url: str = "", language: str = "auto") -> Report:
    """Read a report from a path, ``bytes`` or a string of text/HTML.

    Raises :class:`InputError` with a readable message for empty, binary, too large or
    undated input (``published`` is required: reports rarely say their own date).
    """
    if published in (None, ""):
        raise DateInputError("no publication date: pass published=YYYY-MM-DD (CLI: --published YYYY-MM-DD)")
    name = "input"
    warnings: list[str] = []
    if isinstance(path_or_text, Path) or (isinstance(path_or_text, str) and _is_path(path_or_text)):
        p = Path(path_or_text)
        name = str(p)
        if p.is_dir():
            raise ReportInputError(f"{p} is a folder, not a report file "
                                   "(eventmap ingest reads every report in a folder)")
        try:
            size = p.stat().st_size
        except OSError as exc:
            raise ReportInputError(f"{p}: cannot read ({exc.strerror})") from None
        if size > MAX_BYTES:
            raise ReportInputError(f"{p}: {size / 1e6:.1f} MB is larger than the {MAX_BYTES // 1_000_000} MB limit "
                             "for one report; split it into reports")
        if size == 0:
            raise ReportInputError(f"{p}: the file is empty")
        try:
            raw = p.read_bytes()
        except OSError as exc:
            raise ReportInputError(f"{p}: cannot read ({exc.strerror})") from None
        text = decode_bytes(raw, name, warnings)
    elif isinstance(path_or_text, (bytes, bytearray)):
        text = decode_bytes(bytes(path_or_text), name, warnings)
    else:
        text = str(path_or_text)
    if looks_like_html(text):
        body, page_title = html_to_text(text)
        title = title or page_title
        text = body
    return make_report(text, published, title=title, source=source, url=url, language=language, warnings=warnings)


def _is_path(s: str) -> bool:
    if len(s) > 1024 or "\n" in s or not s.strip():
        return False
    try:
        return Path(s).is_file()
    except (OSError, ValueError):
        return False
