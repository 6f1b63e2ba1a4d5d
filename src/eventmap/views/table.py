"""The tables of the dashboard as plain-text frames (``st.dataframe`` shows cells as text, never as HTML
or Markdown): the events table under the map, the events without a place beside it, and what changed
hands in the time window.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from eventmap.views.bidi import isolate_text
from eventmap.views.escape import clean_text

TABLE_COLUMNS = ("event_date", "event_type", "sub_event_type", "place", "admin1", "admin2", "actor1", "actor2",
                 "fatalities", "source", "number_of_sources", "resolution", "location", "event_id")


def table_frame(frame: pd.DataFrame, limit: int | None = 2000) -> pd.DataFrame:
    """The events table: readable columns, newest first, at most ``limit`` rows."""
    if frame is None or not len(frame):
        return pd.DataFrame(columns=list(TABLE_COLUMNS))
    if frame["event_date"].astype(str).is_monotonic_increasing:  # the store's order: newest rows at the end
        f = frame.iloc[::-1] if limit is None else frame.iloc[: -limit - 1: -1] if limit else frame.iloc[0:0]
    else:
        f = frame.sort_values(["event_date", "event_id"], ascending=[False, True])
        if limit is not None:
            f = f.head(limit)
    ar, en = f["place_name_ar"].astype(str), f["place_name_en"].astype(str)
    loc = f["location"].astype(str)
    # the grid draws left to right: each Arabic name is an isolate, so "Ar Rafid · الرفيد" keeps its order
    a_iso = [isolate_text(a) for a in ar]
    place = [(f"{e} · {a}" if a and e else (a or e or (f"({isolate_text(w)})" if w else "")))
             for a, e, w in zip(a_iso, en, loc)]
    if "resolution" in f:  # the table says what the map says: an approximate name is not located
        place = [f"{p} · approximate: not located" if r == "approximate" else p
                 for p, r in zip(place, f["resolution"].astype(str))]
    out = pd.DataFrame({c: f[c] for c in TABLE_COLUMNS if c in f.columns and c != "place"})
    out.insert(3, "place", place)
    if "location" in out:
        out["location"] = out["location"].astype(str).map(isolate_text)
    return out[list(TABLE_COLUMNS)].reset_index(drop=True)


def unresolved_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The events without a place as the side panel lists them (newest first; names and sentences isolated)."""
    cols = ["location", "event_date", "notes"]
    if frame is None or not len(frame):
        return pd.DataFrame(columns=cols)
    f = frame[cols].iloc[::-1].copy()
    for c in ("location", "notes"):
        f[c] = f[c].astype(str).map(isolate_text)
    return f.reset_index(drop=True)


def unresolved_events(frame: pd.DataFrame) -> pd.DataFrame:
    """Events with no coordinates (listed beside the map, never drawn)."""
    if frame is None or not len(frame):
        return frame
    lat = pd.to_numeric(frame["latitude"], errors="coerce")
    lon = pd.to_numeric(frame["longitude"], errors="coerce")
    return frame[lat.isna() | lon.isna()]


# --------------------------------------------------------------------------- control: what changed hands
CHANGES_CONFIG = {"date": "date", "place": "place", "change": "from → to", "how": "how",
                  "sources": "outlets", "reports": "reports", "sentence": "what the report says"}


def changes_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Change rows (``eventmap.control.tables.change_rows``) as the dashboard's table (plain text cells:
    st.dataframe shows them as text, never as HTML or Markdown)."""
    from eventmap.control.model import HOLDER_LABELS

    def label(h: str) -> str:
        return HOLDER_LABELS.get(h, h)

    out = []
    for r in rows:
        to = label(r["holder"]) if r["holder"] != "contested" else \
            "contested: " + " vs ".join(label(h) for h in r["contenders"])
        how = ", ".join(r["how"]) + (f" (from {', '.join(label(h) for h in r['taken_from'])})" if r["taken_from"] else "")
        place = r["name_en"] or r["location"]
        if r["location"] and r["location"] != place:
            place += f" · {r['location']}"
        out.append({"date": r["date"], "place": clean_text(place), "change": f"{label(r['previous'])} → {to}",
                    "how": how, "sources": clean_text(", ".join(r["sources"])), "reports": len(r["report_ids"]),
                    "sentence": clean_text((r["evidence"] or [""])[0])})
    return pd.DataFrame(out, columns=list(CHANGES_CONFIG))
