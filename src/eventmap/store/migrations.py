"""Schema versions of the store and the steps between them.

The schema version lives in the ``meta`` table (key ``schema_version``), on both
backends: in the embedded store ``PRAGMA user_version`` already belongs to the
GeoPackage standard (10300).  ``V1_DDL`` is the first schema exactly as it
shipped, kept so tests can build a version-1 store and watch it upgrade.

DDL is written once with placeholders filled per backend:
``{pk}`` integer primary key, ``{real}`` float, ``{geom}`` point geometry, ``{ts}`` text timestamp.
"""

from __future__ import annotations

from collections.abc import Callable

CURRENT_VERSION = 6

DIALECT = {
    "sqlite": {"pk": "INTEGER PRIMARY KEY AUTOINCREMENT", "real": "REAL", "geom": "BLOB", "ts": "TEXT"},
    "postgis": {"pk": "BIGSERIAL PRIMARY KEY", "real": "DOUBLE PRECISION", "geom": "geometry(Point,4326)", "ts": "TEXT"},
}

#: version 1: reports, events (effective values + the original extraction as JSON), corrections
V1_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (
  fid {pk},
  report_id TEXT NOT NULL UNIQUE,
  text TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '',
  ingested_at {ts} NOT NULL,
  n_events INTEGER NOT NULL DEFAULT 0,
  extractor TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS events (
  fid {pk},
  event_id TEXT NOT NULL UNIQUE,
  report_id TEXT NOT NULL REFERENCES reports(report_id),
  event_date TEXT NOT NULL,
  time_precision INTEGER NOT NULL DEFAULT 1,
  event_type TEXT NOT NULL DEFAULT '',
  sub_event_type TEXT NOT NULL DEFAULT '',
  actor1 TEXT NOT NULL DEFAULT '',
  actor2 TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',
  place_id TEXT,
  place_name_ar TEXT NOT NULL DEFAULT '',
  place_name_en TEXT NOT NULL DEFAULT '',
  admin1 TEXT NOT NULL DEFAULT '',
  admin2 TEXT NOT NULL DEFAULT '',
  admin3 TEXT NOT NULL DEFAULT '',
  latitude {real},
  longitude {real},
  geo_precision INTEGER NOT NULL DEFAULT 1,
  resolution TEXT NOT NULL DEFAULT 'unresolved',
  source TEXT NOT NULL DEFAULT '',
  source_url TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  confidence {real} NOT NULL DEFAULT 0,
  evidence TEXT NOT NULL DEFAULT '{{}}',
  "trigger" TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  trigger_label TEXT NOT NULL DEFAULT '',
  alternatives TEXT NOT NULL DEFAULT '[]',
  resolution_note TEXT NOT NULL DEFAULT '',
  uncertainty_km {real} NOT NULL DEFAULT 0,
  admin1_pcode TEXT NOT NULL DEFAULT '',
  admin2_pcode TEXT NOT NULL DEFAULT '',
  admin3_pcode TEXT NOT NULL DEFAULT '',
  extractor TEXT NOT NULL DEFAULT '',
  mention_start INTEGER,
  mention_end INTEGER,
  extracted TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'ok',
  merged_into TEXT,
  corrected INTEGER NOT NULL DEFAULT 0,
  geom {geom}
);
CREATE INDEX IF NOT EXISTS events_report ON events (report_id);
CREATE INDEX IF NOT EXISTS events_date ON events (event_date);
CREATE TABLE IF NOT EXISTS corrections (
  correction_id {pk},
  kind TEXT NOT NULL,
  event_id TEXT NOT NULL,
  report_id TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',
  mention_start INTEGER,
  mention_end INTEGER,
  author TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  created_at {ts} NOT NULL,
  args TEXT NOT NULL DEFAULT '{{}}',
  status TEXT NOT NULL DEFAULT 'active'
);
CREATE INDEX IF NOT EXISTS corrections_event ON corrections (event_id);
CREATE INDEX IF NOT EXISTS corrections_report ON corrections (report_id);
"""

#: version 2: search + corroboration keys on events, more indexes, analyst places, reference layers
V2_DDL = """
ALTER TABLE events ADD COLUMN place_key TEXT;
ALTER TABLE events ADD COLUMN search TEXT NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS events_status_date ON events (status, event_date);
CREATE INDEX IF NOT EXISTS events_type_date ON events (event_type, event_date);
CREATE INDEX IF NOT EXISTS events_admin1 ON events (admin1, event_date);
CREATE INDEX IF NOT EXISTS events_admin2 ON events (admin2);
CREATE INDEX IF NOT EXISTS events_admin3 ON events (admin3);
CREATE INDEX IF NOT EXISTS events_source ON events (source);
CREATE INDEX IF NOT EXISTS events_lat ON events (latitude);
CREATE INDEX IF NOT EXISTS events_place_key ON events (place_key, event_date);
CREATE INDEX IF NOT EXISTS events_merged ON events (merged_into);
CREATE TABLE IF NOT EXISTS analyst_places (
  fid {pk},
  place_id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_ar TEXT NOT NULL DEFAULT '',
  name_en TEXT NOT NULL DEFAULT '',
  variants TEXT NOT NULL DEFAULT '',
  latitude {real} NOT NULL,
  longitude {real} NOT NULL,
  admin1 TEXT NOT NULL DEFAULT '',
  admin2 TEXT NOT NULL DEFAULT '',
  admin3 TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at {ts} NOT NULL,
  geom {geom}
);
CREATE TABLE IF NOT EXISTS reference_events (
  fid {pk},
  kind TEXT NOT NULL,
  ref_id TEXT NOT NULL,
  event_date TEXT NOT NULL DEFAULT '',
  event_type TEXT NOT NULL DEFAULT '',
  sub_event_type TEXT NOT NULL DEFAULT '',
  actor1 TEXT NOT NULL DEFAULT '',
  actor2 TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',
  admin1 TEXT NOT NULL DEFAULT '',
  admin2 TEXT NOT NULL DEFAULT '',
  admin3 TEXT NOT NULL DEFAULT '',
  latitude {real},
  longitude {real},
  geo_precision INTEGER,
  fatalities INTEGER,
  source TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  raw TEXT NOT NULL DEFAULT '{{}}',
  imported_at {ts} NOT NULL,
  geom {geom},
  UNIQUE (kind, ref_id)
);
CREATE INDEX IF NOT EXISTS reference_kind_date ON reference_events (kind, event_date);
"""

#: version 3: the analyst's loop. Corrections carry the batch (one analyst action: a pin, or the fixes
#: saved together) they belong to, and when and by whom they were undone or replaced; analyst places get
#: their OCHA pcodes and a status (an undone pin stays listed as "removed"); every pin / unpin / dismissal
#: is an action in ``analyst_actions`` (with the state before it, so one click undoes it); names that are
#: not places are dismissed once for the whole store.
V3_DDL = """
ALTER TABLE corrections ADD COLUMN batch TEXT NOT NULL DEFAULT '';
ALTER TABLE corrections ADD COLUMN undone_at {ts};
ALTER TABLE corrections ADD COLUMN undone_by TEXT NOT NULL DEFAULT '';
ALTER TABLE corrections ADD COLUMN replaced_by TEXT NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS corrections_batch ON corrections (batch);
CREATE INDEX IF NOT EXISTS corrections_status ON corrections (status);
ALTER TABLE analyst_places ADD COLUMN kind TEXT NOT NULL DEFAULT 'village';
ALTER TABLE analyst_places ADD COLUMN admin1_pcode TEXT NOT NULL DEFAULT '';
ALTER TABLE analyst_places ADD COLUMN admin2_pcode TEXT NOT NULL DEFAULT '';
ALTER TABLE analyst_places ADD COLUMN admin3_pcode TEXT NOT NULL DEFAULT '';
ALTER TABLE analyst_places ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
ALTER TABLE analyst_places ADD COLUMN batch TEXT NOT NULL DEFAULT '';
ALTER TABLE analyst_places ADD COLUMN updated_at {ts};
CREATE TABLE IF NOT EXISTS analyst_actions (
  fid {pk},
  batch TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  target TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL DEFAULT '',
  before_json TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  created_at {ts} NOT NULL,
  n_events INTEGER NOT NULL DEFAULT 0,
  undone_at {ts},
  undone_by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS dismissed_names (
  fid {pk},
  name_key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  author TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  created_at {ts} NOT NULL,
  status TEXT NOT NULL DEFAULT 'active',
  batch TEXT NOT NULL DEFAULT ''
);
"""

#: version 4: the number killed per event (ACLED's ``fatalities``); NULL where the report gives no figure.
#: Events stored before it keep NULL until ``eventmap reprocess`` re-extracts them.
V4_DDL = """
ALTER TABLE events ADD COLUMN fatalities INTEGER;
"""

#: version 5: the dashboard of a store too large to load (over ``views.bins.BIN_ABOVE`` events) reads counts,
#: not rows: events per (day, type, point) under the filters, and the filters' distinct values. One index
#: holds every column those grouped queries filter, group or list (all but the text search), in the order
#: of the grouping, so SQLite answers them from the index alone, in index order (no sort, no read of the
#: 3.5 GB table of a million events: 0.5-1.5 s instead of 8-30 s). The control layer reads the events of a few
#: sub-event types (``control_tuples``): an index on them reads those rows in table order (4 s instead of 10 s
#: at a million events, a third of them of those types).
V5_DDL = """
CREATE INDEX IF NOT EXISTS events_overview ON events (status, event_date, event_type, latitude, longitude,
  geo_precision, admin1, admin2, admin3, resolution, sub_event_type, source, actor1, actor2);
CREATE INDEX IF NOT EXISTS events_sub_type ON events (sub_event_type, status);
"""

#: version 6: an event's ``extracted`` may be empty: its columns are then the event as extracted (no correction
#: has rewritten the row; ``store.bulk.event_from_row`` reads it back), where every row used to repeat itself
#: there as JSON (1.6 KB of its 2.3 KB). No DDL: rows stored before keep their JSON, which is still read; the
#: version tells an older eventmap, which would fail on an empty value at the next correction, to stop.
V6_DDL = ""

#: PostGIS-only extras per version (spatial indexes)
POSTGIS_EXTRA = {
    1: "CREATE INDEX IF NOT EXISTS events_geom ON events USING GIST (geom);",
    2: "CREATE INDEX IF NOT EXISTS reference_geom ON reference_events USING GIST (geom);",
    3: "CREATE INDEX IF NOT EXISTS analyst_places_geom ON analyst_places USING GIST (geom);",
}

DDL_BY_VERSION = {1: V1_DDL, 2: V2_DDL, 3: V3_DDL, 4: V4_DDL, 5: V5_DDL, 6: V6_DDL}


def render(ddl: str, dialect: str) -> list[str]:
    """DDL template -> list of statements for ``dialect`` ("sqlite" | "postgis")."""
    sql = ddl.format(**DIALECT[dialect])
    return [s.strip() for s in sql.split(";") if s.strip()]


def statements(version: int, dialect: str) -> list[str]:
    """Statements that take a store from ``version - 1`` to ``version``."""
    out = render(DDL_BY_VERSION[version], dialect)
    if dialect == "postgis" and version in POSTGIS_EXTRA:
        out += render(POSTGIS_EXTRA[version], dialect)
    return out


#: Python steps run after a version's DDL (data backfills); set by the store (it knows how to compute keys)
BACKFILL: dict[int, Callable] = {}
