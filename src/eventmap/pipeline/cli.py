"""Pipeline commands: ``ingest`` (read, extract, store), ``reprocess`` (extract the stored reports again)
and ``events`` (the stored events; an empty embedded store is first seeded with the sample report)."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable
from typing import Any

from eventmap.store.cli import _add_db, _is_embedded, _open

DEFAULT_EXTRACTOR = "eventmap.events.extract:extract_events"


def _load_extractor(spec: str | None) -> Callable:
    spec = spec or DEFAULT_EXTRACTOR
    mod, _, fn = spec.partition(":")
    try:
        return getattr(importlib.import_module(mod), fn or "extract_events")
    except (ImportError, AttributeError) as exc:
        print(f"eventmap: cannot load the extractor {spec!r}: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


def _extractor_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--extractor", default=None, metavar="MODULE:FUNCTION",
                   help=f"extraction function (default {DEFAULT_EXTRACTOR})")


def _positive_int(s: str) -> int:
    try:
        n = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {s!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("at least 1 worker")
    return n


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("ingest", help="extract events from report files and store them",
                              description="Ingest .txt, .html and .jsonl reports (folders recursively). "
                                          "Each report is stored with its events in one transaction; a report "
                                          "already stored is skipped as duplicate; one bad file never stops the batch.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--published", help="publication date (YYYY-MM-DD) for files that do not carry one")
    p.add_argument("--source", help="outlet name, e.g. SANA, Enab Baladi")
    p.add_argument("--url", help="URL of the report")
    p.add_argument("--progress", action="store_true", help="show the progress bar even when stderr is not a terminal")
    p.add_argument("--workers", type=_positive_int, default=None, metavar="N",
                   help="extract in N processes (default: the cores available; batches under "
                        "500 reports stay in one process); the store is written by one process, in order")
    p.add_argument("--dask", default=None, metavar="ADDRESS",
                   help="extract on an existing dask.distributed cluster (scheduler address, e.g. "
                        "tcp://10.0.0.5:8786); results are written to --db from this process")
    _extractor_arg(p)
    _add_db(p)
    p.set_defaults(func=cmd_ingest)

    p = subparsers.add_parser("events", help="list stored events (corrections applied, corroborated events merged)")
    from eventmap.store.filter_args import add_filter_arguments
    add_filter_arguments(p)
    p.add_argument("--limit", type=int)
    p.add_argument("--format", choices=("json", "csv", "geojson"), default="csv")
    p.add_argument("--no-sample", action="store_true", help="do not seed an empty store with the sample report")
    _add_db(p)
    p.set_defaults(func=cmd_events)

    p = subparsers.add_parser("reprocess", help="re-run the extractor over every stored report, keeping corrections")
    p.add_argument("--progress", action="store_true", help="show the progress bar even when stderr is not a terminal")
    p.add_argument("--workers", type=_positive_int, default=None, metavar="N",
                   help="extract in N processes (default: the cores available; stores under 500 reports stay in "
                        "one process); the store is written by one process, batch by batch")
    _extractor_arg(p)
    _add_db(p)
    p.set_defaults(func=cmd_reprocess)


# ---------------------------------------------------------------------- handlers
def cmd_ingest(args: argparse.Namespace) -> int:
    from eventmap.errors import InputError
    from eventmap.pipeline import ingest_paths

    extract_fn = _load_extractor(args.extractor)
    store = _open(args, write=True)
    try:
        summary = ingest_paths(store, args.paths, published=args.published, source=args.source, url=args.url,
                               extract_fn=extract_fn, progress=True if args.progress else None,
                               workers=getattr(args, "workers", 1), dask=getattr(args, "dask", None))
    except InputError as exc:
        print(f"eventmap ingest: {exc}", file=sys.stderr)
        return 2
    except (OSError, TimeoutError) as exc:  # the Dask scheduler cannot be reached
        print(f"eventmap ingest: cannot reach the Dask scheduler {args.dask!r}: {exc}" if getattr(args, "dask", None)
              else f"eventmap ingest: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    for line in summary.lines():
        print(line)
    if summary.failed:  # the rest is stored, but a batch with failures never looks like a success
        print(f"eventmap ingest: {len(summary.failed):,} of {summary.total:,} reports failed (listed above); "
              "the others are stored", file=sys.stderr)
        return 1
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    from eventmap.store.filter_args import FilterArgumentError, filter_from_args
    store = _open(args)
    try:
        if not args.no_sample and _is_embedded(store) and not len(store.reports()):
            from eventmap.pipeline import ensure_sample
            if ensure_sample(store):
                print("empty store: ingested the sample report", file=sys.stderr)
        try:
            cf = filter_from_args(args, store.facets(), limit=args.limit)
        except FilterArgumentError as exc:
            print(f"eventmap events: {exc}", file=sys.stderr)
            return 2
        for note in cf.notes:
            print(f"eventmap events: {note}", file=sys.stderr)
        df = store.query(cf.event_filter)
    finally:
        store.close()
    out = sys.stdout
    if args.format == "csv":
        from eventmap.csvsafe import neutralise_frame
        neutralise_frame(df).to_csv(out, index=False, lineterminator="\n")  # no formula reaches a spreadsheet
    elif args.format == "json":
        json.dump(_records(df), out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        json.dump(to_geojson(df), out, ensure_ascii=False)
        out.write("\n")
    return 0


def _records(df: Any) -> list[dict]:
    recs = json.loads(df.to_json(orient="records", force_ascii=False))
    return recs


def to_geojson(df: Any) -> dict:
    """Located events as a GeoJSON FeatureCollection (unresolved events are left out: no made-up points)."""
    feats = []
    for rec in _records(df):
        lat, lon = rec.get("latitude"), rec.get("longitude")
        if lat is None or lon is None:
            continue
        feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                      "properties": {k: v for k, v in rec.items() if k not in ("latitude", "longitude")}})
    return {"type": "FeatureCollection", "features": feats}


def cmd_reprocess(args: argparse.Namespace) -> int:
    from eventmap.pipeline import Progress, reprocess
    from eventmap.pipeline.summary import INDEXES_BUILDING

    extract_fn = _load_extractor(args.extractor)
    store = _open(args, write=True)
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = Progress(total, force=bool(getattr(args, "progress", False)))
        bar.update(done)
        if done == total and store.bulk_loading:  # the pause after a full bar, explained
            bar.close(INDEXES_BUILDING)

    try:
        res = reprocess(store, extract_fn, progress=progress, workers=args.workers)
    finally:
        if bar is not None:
            bar.close()
        store.close()
    print(f"reports: {res.reports}")
    print(f"events: {res.events_before} -> {res.events_after}")
    print(f"corrections kept: {len(res.kept)}")
    print(f"corrections that no longer apply: {len(res.stale)}")
    for c in res.stale:
        print(f"  stale #{c.correction_id} {c.kind} by {c.author} on {c.location!r} (report {c.report_id[:12]}): "
              f"{c.reason}")
    for rid, reason in res.failed:
        print(f"  failed report {rid[:12]}: {reason} (its previous events are kept)")
    return 1 if res.failed else 0


