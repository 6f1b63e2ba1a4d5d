"""An embedded store's rows read into Arrow by GDAL (``pyogrio.read_arrow``): no Python object per value.

Reading the 100,000 rows of the dashboard's default view through Python's ``sqlite3`` takes 2 s, nearly all of
it making a Python object of each of their 3.8 million values (SQLite's own walk of them: 0.27 s), and 1.25 s more
to turn those objects into a frame's columns; GDAL hands the same values over as Arrow columns in 0.65 s.

Only for a process that has no connection of its own open on the file while GDAL reads it (the dashboard's
helper processes, ``ui.prefetch``, which close their store first and open it again after): GDAL carries its own
copy of SQLite, and two SQLite libraries with one file open in the same process release each other's POSIX locks
when either closes it (https://sqlite.org/howtocorrupt.html, 2.2.1). Never in the dashboard's server process,
which writes analysts' corrections.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyogrio   # imported with this module: the dashboard's helpers import it once, before they fork (ui.prefetch)


def read_table(path: str | Path, sql: str, names: Sequence[str]) -> Any:
    """The rows of ``sql`` (SQLite's own SQL, no parameters) as a ``pyarrow.Table`` of the ``names`` columns, in
    that order. The table's primary key (``fid``) is GDAL's feature id: it comes back as a column only when asked.
    Raises ``ValueError`` when a column is missing."""
    _meta, table = pyogrio.read_arrow(str(path), sql=sql, read_geometry=False, return_fids=True)
    missing = [c for c in names if c not in table.column_names]
    if missing:
        raise ValueError(f"GDAL's read lacks the columns {missing}")
    return table.select(list(names))
