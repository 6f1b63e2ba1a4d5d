"""ACLED and UCDP GED files as reference layers, read by their codebooks' column names.

ACLED export columns (ACLED Codebook): event_id_cnty, event_date, year, time_precision,
disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2,
assoc_actor_2, inter2, interaction, civilian_targeting, iso, region, country, admin1,
admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale,
notes, fatalities, tags, timestamp.

UCDP GED columns (UCDP GED Codebook): id, relid, year, active_year, code_status,
type_of_violence, conflict_dset_id, conflict_new_id, conflict_name, dyad_dset_id,
dyad_new_id, dyad_name, side_a_dset_id, side_a_new_id, side_a, side_b_dset_id,
side_b_new_id, side_b, number_of_sources, source_article, source_office, source_date,
source_headline, source_original, where_prec, where_coordinates, where_description,
adm_1, adm_2, latitude, longitude, geom_wkt, priogrid_gid, country, country_id,
region, event_clarity, date_prec, date_start, date_end, deaths_a, deaths_b,
deaths_civilians, deaths_unknown, best, high, low, gwnoa, gwnob.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pandas as pd

ACLED_REQUIRED = ("event_id_cnty", "event_date", "event_type", "latitude", "longitude")
UCDP_REQUIRED = ("id", "type_of_violence", "date_start", "latitude", "longitude")

#: UCDP type_of_violence codes
UCDP_VIOLENCE = {1: "State-based conflict", 2: "Non-state conflict", 3: "One-sided violence"}


def _date(v) -> str:
    """ACLED writes "2018-07-25" in new exports and "25 July 2018" in older ones; UCDP "2018-07-25 00:00:00.000"."""
    s = str(v or "").strip()
    if not s or s.lower() == "nan":
        return ""
    try:
        return _dt.date.fromisoformat(s[:10]).isoformat()
    except ValueError:
        pass
    for fmt in ("%d %B %Y", "%d-%B-%Y", "%d/%m/%Y", "%B %d, %Y", "%d %b %Y"):
        try:
            return _dt.datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            continue
    raise ValueError(f"unreadable date {s!r}")


def _float(v) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _int(v) -> int | None:
    f = _float(v)
    return None if f is None else int(f)


def _str(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return str(v).strip()


#: file rows an import reads, maps and stores at a time (:func:`reference_chunks`), in its one transaction: it holds
#: one chunk's cells and JSON whatever the file's size (``eventmap import ucdp`` of 100,000 rows, 57 MB: peak memory
#: 473 -> 252 MB; 52,000 -> 4,000-5,300 page faults, 0.4-1.8 s -> 0.3-1.1 s of system time on this machine)
CHUNK_ROWS = 10_000


def _frame(kind: str, source) -> pd.DataFrame:
    """The whole file (or a copy of the DataFrame) as one frame."""
    return next(_frames(kind, source, None))


def _frames(kind: str, source, rows: int | None) -> Iterator[pd.DataFrame]:
    """``source`` (a path or a DataFrame) ``rows`` rows at a time (None: at once), each frame with the header;
    at least one frame (a file of a header alone gives it with no row)."""
    if isinstance(source, pd.DataFrame):
        step = rows or max(len(source), 1)
        for i in range(0, max(len(source), 1), step):
            yield source.iloc[i:i + step].copy()
        return
    path = Path(source)
    if not path.exists():
        raise FileNotFoundError(f"no such file: {path}")
    sep = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    try:
        # object columns hold the parsed strings themselves (dtype=str made Arrow strings, then Python ones again:
        # twice the time of the read; the cells are the same, tests/test_bulk_writes.py compares)
        read = dict(sep=sep, dtype=object, keep_default_na=False, encoding="utf-8-sig")
        if rows is None:
            yield pd.read_csv(path, **read)
            return
        with pd.read_csv(path, chunksize=rows, **read) as reader:
            yield from reader
    except pd.errors.EmptyDataError as exc:
        raise ValueError(f"{path}: an empty file, not a {kind.upper()} CSV (no header row)") from exc
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not a UTF-8 CSV ({exc})") from exc
    except pd.errors.ParserError as exc:
        raise ValueError(f"{path}: not a readable {kind.upper()} CSV ({exc})") from exc


#: ``json.dumps(..., ensure_ascii=False)`` without building an encoder per row
_JSON = json.JSONEncoder(ensure_ascii=False)


def _records(df: pd.DataFrame):
    """The rows of ``df`` as dicts of stripped strings (``_str`` of each cell), column by column:
    ``to_dict("records")`` boxed every cell through pandas (most of an import's time, profiled)."""
    names = list(df.columns)
    columns = [df.iloc[:, j].tolist() for j in range(len(names))]
    for vals in zip(*columns):
        yield dict(zip(names, [v.strip() if type(v) is str else _str(v) for v in vals]))


#: the reference-layer columns :func:`reference_columns` gives, in table order
REFERENCE_COLUMNS = ("ref_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location",
                     "admin1", "admin2", "admin3", "latitude", "longitude", "geo_precision", "fatalities", "source",
                     "notes", "raw")


def _kind(kind: str) -> str:
    kind = kind.lower()
    if kind not in ("acled", "ucdp"):
        raise ValueError(f"unknown reference kind {kind!r}: 'acled' or 'ucdp'")
    return kind


def _checked(kind: str, df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with its column names stripped and lower-cased, if it has the codebook's required columns."""
    df.columns = [str(c).strip().lower() for c in df.columns]
    required = ACLED_REQUIRED if kind == "acled" else UCDP_REQUIRED
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise ValueError(f"not a {kind.upper()} file: missing codebook column(s) {', '.join(missing)}"
                         f" (found: {', '.join(df.columns[:12])}{' ...' if len(df.columns) > 12 else ''})")
    return df


def parse_reference(kind: str, source) -> list[dict]:
    """Rows of an ACLED export or UCDP GED CSV, mapped to the reference-layer columns."""
    cols = reference_columns(kind, source)
    return [dict(zip(REFERENCE_COLUMNS, row)) for row in zip(*(cols[c] for c in REFERENCE_COLUMNS))]


def reference_columns(kind: str, source) -> dict[str, list]:
    """:func:`parse_reference` as columns (``REFERENCE_COLUMNS``: one list each, a value per file row).

    Read a column at a time (one JSON encoder call for each column of ``raw``, each distinct date and
    number converted once); a file with a repeated column name or a row that :func:`parse_reference`
    refuses goes row by row (:func:`_parse_rows`), which says which row and why."""
    return next(reference_chunks(kind, source, None))


def reference_chunks(kind: str, source, rows: int | None) -> Iterator[dict[str, list]]:
    """:func:`reference_columns` of ``rows`` file rows at a time (None: all at once; an import passes
    :data:`CHUNK_ROWS`, read when it runs), in file order; at least one chunk (with no row for a file of a header
    alone). A row at fault is named by its row in the file (the header is row 1)."""
    kind = _kind(kind)
    start = 0
    for df in _frames(kind, source, rows):
        yield _columns(kind, _checked(kind, df), start)
        start += len(df)


def _columns(kind: str, df: pd.DataFrame, start: int) -> dict[str, list]:
    """:func:`reference_columns` of a frame of file rows, the first of them the file's row ``start``."""
    names = list(df.columns)
    if len(set(names)) != len(names) or not len(df):
        return _as_columns(_parse_rows(kind, df, start))
    cells = {n: _stripped(df.iloc[:, j].tolist()) for j, n in enumerate(names)}
    try:
        cols = _mapped(kind, cells, len(df))
    except (ValueError, TypeError, OverflowError):
        cols = None
    if cols is None or not all(cols["ref_id"]) or not _within(cols["latitude"], 90) \
            or not _within(cols["longitude"], 180):
        return _as_columns(_parse_rows(kind, df, start))   # raises, naming the first row at fault
    from eventmap.store.bulk import json_objects
    cols["raw"] = json_objects(names, [cells[n] for n in names], strings=True)
    return cols


def _within(values: list[float | None], bound: float) -> bool:
    """Every value None or within ``[-bound, bound]`` (none is NaN: ``_float`` made it None)."""
    located = [v for v in values if v is not None] if None in values else cast("list[float]", values)
    return not located or -bound <= min(located) and max(located) <= bound


def _stripped(values: list) -> list[str]:
    """``_str`` of each cell, always a ``str`` (a file's cells are all strings: ``str.strip`` alone, which refuses
    anything else with a ``TypeError``)."""
    try:
        return list(map(str.strip, values))
    except TypeError:
        return [v.strip() if type(v) is str else _str(v) for v in values]


def _as_columns(rows: list[dict]) -> dict[str, list]:
    return {c: [r[c] for r in rows] for c in REFERENCE_COLUMNS}


def _each(fn, values: list) -> list:
    """``[fn(v) for v in values]``, each distinct value converted once."""
    seen = {v: fn(v) for v in set(values)}
    return [seen[v] for v in values]


def _floats(values: list[str]) -> list[float | None]:
    """``[_float(v) for v in values]``: ``float`` of each at once when all are numbers, none of them NaN (their
    sum is NaN then, or when infinities of both signs meet: then NaN is looked for in each)."""
    try:
        floats = list(map(float, values))
    except (TypeError, ValueError):
        return [_float(v) for v in values]
    if not math.isnan(sum(floats)):
        return cast("list[float | None]", floats)
    return [None if math.isnan(v) else v for v in floats]


def _mapped(kind: str, cells: dict[str, list[str]], n: int) -> dict[str, list]:
    """The reference-layer columns of stripped cell columns (everything but ``raw``)."""
    empty = [""] * n

    def get(name: str) -> list[str]:
        return cells.get(name, empty)

    out: dict[str, list] = {"latitude": _floats(get("latitude")), "longitude": _floats(get("longitude"))}
    if kind == "acled":
        names = {"ref_id": "event_id_cnty", "event_type": "event_type", "sub_event_type": "sub_event_type",
                 "actor1": "actor1", "actor2": "actor2", "location": "location", "admin1": "admin1",
                 "admin2": "admin2", "admin3": "admin3", "source": "source", "notes": "notes"}
        out.update({c: get(name) for c, name in names.items()})
        out.update(event_date=_each(_date, get("event_date")), geo_precision=_each(_int, get("geo_precision")),
                   fatalities=_each(_int, get("fatalities")))
        return out
    names = {"ref_id": "id", "sub_event_type": "conflict_name", "actor1": "side_a", "actor2": "side_b",
             "location": "where_coordinates", "admin1": "adm_1", "admin2": "adm_2", "source": "source_office"}
    out.update({c: get(name) for c, name in names.items()})
    tv = _each(_int, get("type_of_violence"))
    out.update(event_date=_each(_date, get("date_start")), admin3=empty, geo_precision=_each(_int, get("where_prec")),
               fatalities=_each(_int, get("best")),
               event_type=[UCDP_VIOLENCE.get(t or 0, s) for t, s in zip(tv, get("type_of_violence"))],
               notes=[h or d for h, d in zip(get("source_headline"), get("where_description"))])
    return out


def _parse_rows(kind: str, df: pd.DataFrame, start: int = 0) -> list[dict]:
    """:func:`parse_reference` a row at a time (the reference for the column path, and what says which
    row of a file is at fault: the frame's first row is the file's row ``start``, counted from 0 after the
    header)."""
    out = []
    for i, r in enumerate(_records(df), start):
        raw = _JSON.encode(r)
        lat, lon = _float(r.get("latitude")), _float(r.get("longitude"))
        if lat is not None and not -90 <= lat <= 90 or lon is not None and not -180 <= lon <= 180:
            raise ValueError(f"row {i + 2}: coordinates out of range ({lat}, {lon})")
        if kind == "acled":
            rid = _str(r.get("event_id_cnty"))
            out.append({
                "ref_id": rid, "event_date": _date(r.get("event_date")),
                "event_type": _str(r.get("event_type")), "sub_event_type": _str(r.get("sub_event_type")),
                "actor1": _str(r.get("actor1")), "actor2": _str(r.get("actor2")),
                "location": _str(r.get("location")), "admin1": _str(r.get("admin1")),
                "admin2": _str(r.get("admin2")), "admin3": _str(r.get("admin3")),
                "latitude": lat, "longitude": lon, "geo_precision": _int(r.get("geo_precision")),
                "fatalities": _int(r.get("fatalities")), "source": _str(r.get("source")),
                "notes": _str(r.get("notes")), "raw": raw,
            })
        else:
            rid = _str(r.get("id"))
            tv = _int(r.get("type_of_violence"))
            out.append({
                "ref_id": rid, "event_date": _date(r.get("date_start")),
                "event_type": UCDP_VIOLENCE.get(tv or 0, _str(r.get("type_of_violence"))),
                "sub_event_type": _str(r.get("conflict_name")),
                "actor1": _str(r.get("side_a")), "actor2": _str(r.get("side_b")),
                "location": _str(r.get("where_coordinates")),
                "admin1": _str(r.get("adm_1")), "admin2": _str(r.get("adm_2")), "admin3": "",
                "latitude": lat, "longitude": lon, "geo_precision": _int(r.get("where_prec")),
                "fatalities": _int(r.get("best")), "source": _str(r.get("source_office")),
                "notes": _str(r.get("source_headline")) or _str(r.get("where_description")), "raw": raw,
            })
        if not rid:
            raise ValueError(f"row {i + 2}: empty {'event_id_cnty' if kind == 'acled' else 'id'}")
    return out
