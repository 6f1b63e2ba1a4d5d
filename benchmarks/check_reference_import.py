"""The reference layer an import stores, with this tree's code and with another's (issue 15: a speed change of
``import ucdp|acled`` must store the same rows).

    python benchmarks/check_reference_import.py --base /path/to/other/src [--pg postgresql://...] [--rows 20000]

Writes the benchmark's UCDP GED CSV and ACLED export (``bench_bulk.write_ucdp`` / ``write_acled``, ``--rows`` rows
each), the tests' small CSVs with what real files hold (``tests/test_bulk_columns._tricky_csv``) and the tests'
samples; imports each into a new store (a file, or a new schema of ``--pg``) twice, in a process of its own with
``PYTHONPATH`` set to this tree's ``src``, then to ``--base``. The second import of a file must change no row
(idempotent), and every stored column but ``imported_at`` (the import's time), ``fid`` and the geometry included,
in ``fid`` order, must be the same with both trees. Prints one line per file and exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
COLUMNS = ("fid, kind, ref_id, event_date, event_type, sub_event_type, actor1, actor2, location, admin1, admin2, "
           "admin3, latitude, longitude, geo_precision, fatalities, source, notes, raw")


def write_files(folder: Path, rows: int) -> list[tuple[str, Path]]:
    """The files to import: ``(kind, path)``."""
    sys.path[:0] = [str(HERE), str(ROOT / "tests")]
    import bench_bulk
    import test_bulk_columns
    bench_bulk.write_ucdp(folder / "ged.csv", rows)
    bench_bulk.write_acled(folder / "acled.csv", rows)
    test_bulk_columns._tricky_csv(folder / "tricky-ucdp.csv", "ucdp")
    test_bulk_columns._tricky_csv(folder / "tricky-acled.csv", "acled")
    data = ROOT / "tests" / "data"
    return [("ucdp", folder / "ged.csv"), ("acled", folder / "acled.csv"), ("ucdp", folder / "tricky-ucdp.csv"),
            ("acled", folder / "tricky-acled.csv"), ("ucdp", data / "ucdp_sample.csv"),
            ("acled", data / "acled_sample.csv")]


def _rows(store) -> list[tuple]:
    geom = "ST_AsBinary(geom)" if store.dialect == "postgis" else "geom"
    rows = store._db.fetchall(f"SELECT {COLUMNS}, {geom} FROM reference_events ORDER BY fid")
    return [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in rows]


def dump(files: list[tuple[str, Path]], pg: str | None, out: Path) -> None:
    """Import each file twice into a new store with the ``eventmap`` on ``sys.path``; pickle the stored rows."""
    from eventmap.store import open_store
    from eventmap.store.testing import backend_url
    got = {}
    with tempfile.TemporaryDirectory(prefix="eventmap-refcheck-") as td:
        if pg:
            os.environ["EVENTMAP_TEST_PG"] = pg
        for i, (kind, path) in enumerate(files):
            (Path(td) / str(i)).mkdir()
            with backend_url("postgis" if pg else "sqlite", Path(td) / str(i)) as url, open_store(url) as s:
                counts = [s.import_reference(kind, path)]
                first = _rows(s)
                counts.append(s.import_reference(kind, path))
                again = _rows(s)
            got[f"{kind}:{path.name}"] = (counts, first, again)
    out.write_bytes(pickle.dumps(got))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, help="the other tree's src folder (the one holding eventmap/)")
    ap.add_argument("--pg", help="a PostgreSQL + PostGIS URL: compare PostGIS stores instead of files")
    ap.add_argument("--rows", type=int, default=20_000)
    ap.add_argument("--dump", help=argparse.SUPPRESS)
    ap.add_argument("--files", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.dump:   # the child: import with whichever eventmap PYTHONPATH gives
        dump(pickle.loads(Path(args.files).read_bytes()), args.pg, Path(args.dump))
        return 0
    with tempfile.TemporaryDirectory(prefix="eventmap-refcheck-") as td:
        root = Path(td)
        files = write_files(root, args.rows)
        (root / "files.pkl").write_bytes(pickle.dumps(files))
        got = []
        for src in (ROOT / "src", Path(args.base)):   # this tree, then the base
            out = root / f"{len(got)}.pkl"
            cmd = [sys.executable, __file__, "--base", str(args.base), "--dump", str(out), "--files",
                   str(root / "files.pkl")] + (["--pg", args.pg] if args.pg else [])
            subprocess.run(cmd, check=True, env={**os.environ, "PYTHONPATH": str(src)}, cwd=ROOT)
            got.append(pickle.loads(out.read_bytes()))
    ok = True
    for key, (counts, first, again) in got[0].items():
        same = got[1][key] == (counts, first, again)
        ok = ok and same and first == again
        digest = hashlib.sha1(repr(first).encode()).hexdigest()[:12]
        print(f"{key:<28} imported {counts} rows, stored {len(first):>6}; second import the same: {first == again}; "
              f"same as base: {same} (sha1 {digest})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
