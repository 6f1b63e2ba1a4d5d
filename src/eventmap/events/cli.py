"""``eventmap extract FILE|- [--published YYYY-MM-DD] [--source NAME] [--url URL] [--title T] [--lang auto|ar|en] [--json]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eventmap.events.reader import MAX_BYTES, InputError, read_report


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "extract", help="extract dated, typed, located events from one news report (.txt or saved .html)",
        description="Extract events from one Arabic or English news report. The publication date is required: "
                    "reports rarely state their own date, and relative dates (أمس, yesterday) depend on it.")
    p.add_argument("file", metavar="FILE|-", help="report file (.txt or .html), or - for standard input")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of the report (required)")
    p.add_argument("--source", default="", metavar="NAME", help="outlet name, e.g. SANA")
    p.add_argument("--url", default="", metavar="URL", help="address of the report")
    p.add_argument("--title", default="", metavar="T", help="title of the report")
    p.add_argument("--lang", default="auto", choices=("auto", "ar", "en"), help="language (default: detect)")
    p.add_argument("--json", action="store_true", help="print a JSON array of events instead of a table")
    p.add_argument("--area", default=None, metavar="PCODES|all",
                   help="governorates whose events are kept, as OCHA p-codes (default: EVENTMAP_AREA or "
                        "SY12,SY14 = Dar'a and Quneitra); 'all' for the whole of Syria")
    p.set_defaults(func=run_extract)


def _read_stdin() -> bytes:
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    return data


def run_extract(args: argparse.Namespace) -> int:
    from eventmap.events.dates import parse_published
    from eventmap.events.extract import extract_report_split
    from eventmap.settings import area_of_interest, parse_area

    if not args.published:
        print("error: no publication date. Pass it with --published YYYY-MM-DD "
              "(for example: eventmap extract report.txt --published 2018-07-25)", file=sys.stderr)
        return 2
    try:
        parse_published(args.published)
    except ValueError as exc:
        print(f"error: {exc}; pass --published YYYY-MM-DD", file=sys.stderr)
        return 2
    try:
        src: bytes | Path
        if args.file == "-":
            src = _read_stdin()
        else:
            src = Path(args.file)
            if not src.exists():
                print(f"error: {args.file}: no such file", file=sys.stderr)
                return 2
        report = read_report(src, published=args.published, title=args.title, source=args.source, url=args.url,
                             language=args.lang)
        for w in report.warnings:
            print(f"warning: {w}", file=sys.stderr)
        try:
            area = parse_area(args.area) if args.area is not None else area_of_interest()
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        events, outside = extract_report_split(report, area=area)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if outside:
        where = sorted({e.admin1 or e.location for e in outside})
        print(f"note: {len(outside)} event(s) outside the area of interest ({', '.join(where[:5])}) not shown; "
              "--area all includes them", file=sys.stderr)
    if args.json:
        json.dump([e.to_dict() for e in events], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if not events:
        print("no events found")
        return 0
    print(format_table(events))
    print(f"{len(events)} events")
    return 0


def format_table(events) -> str:
    cols = [("date", lambda e: e.event_date + ("" if e.time_precision == 1 else f"~{e.time_precision}")),
            ("sub-event type", lambda e: e.sub_event_type),
            ("killed", lambda e: "" if e.fatalities is None else e.fatalities),
            ("actor1", lambda e: e.actor1), ("actor2", lambda e: e.actor2),
            ("location", lambda e: e.location), ("place", lambda e: e.place_name_en or e.place_id or ""),
            ("resolution", lambda e: f"{e.resolution}/{e.geo_precision}"),
            ("lat,lon", lambda e: f"{e.latitude:.4f},{e.longitude:.4f}" if e.latitude is not None else "-"),
            ("conf", lambda e: f"{e.confidence:.2f}"), ("trigger", lambda e: e.evidence.trigger)]
    rows = [[str(f(e)).replace("\n", " ") for _, f in cols] for e in events]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, (h, _) in enumerate(cols)]
    # names and sentences are cut at 32 characters; ACLED's sub-event types are shown whole
    # (the longest, "Non-violent transfer of territory", is 33)
    widths = [w if h in ("date", "sub-event type", "resolution", "lat,lon", "conf") else min(w, 32)
              for w, (h, _) in zip(widths, cols)]
    lines = ["  ".join(h.ljust(widths[i]) for i, (h, _) in enumerate(cols))]
    for r in rows:
        lines.append("  ".join(c[:widths[i]].ljust(widths[i]) for i, c in enumerate(r)))
    return "\n".join(lines)
