"""The analyst's commands on a store: ``eventmap places ...`` (the queue of names, pins, dismissals, undo,
sharing analyst places) and ``eventmap correct EVENT_ID ...``.

``register`` adds the ``places`` group (its commands live here, with the analyst places they work on:
the places layer itself never imports the store) and ``correct``.  Every change records its author
(``--author``, else ``EVENTMAP_AUTHOR``, else the login name), time and reason, and prints the
command that undoes it.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

from eventmap.store.cli import _add_db, _open


def _author(args: argparse.Namespace) -> str:
    from eventmap.settings import default_author

    a = (getattr(args, "author", None) or "").strip() or default_author()
    if not a:
        raise SystemExit("eventmap: say who you are with --author NAME (or set EVENTMAP_AUTHOR)")
    return a


def _fail(cmd: str, exc: Exception) -> int:
    print(f"eventmap {cmd}: {exc}", file=sys.stderr)
    return 2


# --------------------------------------------------------------------------- places

def cmd_places_unresolved(args: argparse.Namespace) -> int:
    """The queue of names to fix, most events first."""
    from eventmap.store import analyst

    store = _open(args)
    try:
        q = analyst.name_queue(store, limit=getattr(args, "limit", None) or None, suggest=True)
    finally:
        store.close()
    if getattr(args, "json", False):
        json.dump(q, sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
        return 0
    if getattr(args, "format", None) == "csv":
        from eventmap.csvsafe import neutralise

        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["name", "status", "count", "reports", "area", "estimate", "latitude", "longitude",
                    "suggestions", "examples"])
        for r in q:  # report text never reaches a spreadsheet as a formula (OWASP: a leading ')
            w.writerow([neutralise(v) for v in (
                r["name"], r["status"], r["count"], r["reports"], r["area"], r["estimate"], r["latitude"],
                r["longitude"], " | ".join(_suggestion(s) for s in r["suggestions"]), " | ".join(r["examples"]))])
        return 0
    if not q:
        print("no names to fix: every place name in the store is resolved (or dismissed)")
    for r in q:
        _print_queue_row(r)
    return 0


def _suggestion(s: dict[str, Any]) -> str:
    names = " · ".join(x for x in (s.get("name_ar"), s.get("name_en")) if x)
    far = f", {s['km']:.0f} km from the estimate" if s.get("km") is not None else ""
    return f"{names} ({s.get('admin1') or '?'}) {float(s['lat']):.5f}, {float(s['lon']):.5f}{far}"


def _print_queue_row(r: dict[str, Any]) -> None:
    other = ", ".join(f"{n} {k}" for k, n in r["statuses"].items() if k != r["status"])
    print(f"{r['name']}\t{r['status']}{f' ({other})' if other else ''}\t{r['count']} event(s) in "
          f"{r['reports']} report(s)" + (f"\t{r['area']}" if r["area"] else ""))
    where = f" at {r['latitude']:.5f}, {r['longitude']:.5f}" if r["latitude"] is not None else ""
    print(f"    now: {r['estimate']}{where}")
    if len(r["spellings"]) > 1:
        print(f"    spellings: {' · '.join(r['spellings'])}")
    for s in r["suggestions"][:3]:
        print(f"    suggestion: {_suggestion(s)}")
    for ex in r["examples"]:
        print(f"    « {snippet(ex, r['spellings'])} »")


def snippet(sentence: str, names: list[str], width: int = 90) -> str:
    """The part of a long sentence around the first of ``names`` it contains (``…`` where cut)."""
    s = " ".join((sentence or "").split())
    i = next((s.find(n) for n in names if n and n in s), -1)
    if len(s) <= 2 * width or i < 0:
        return s if len(s) <= 2 * width else s[:2 * width] + "…"
    a, b = max(0, i - width), min(len(s), i + width)
    if a:
        a = s.find(" ", a) + 1 or a  # whole words
    if b < len(s):
        b = s.rfind(" ", a, b) if s.rfind(" ", a, b) > i else b
    return ("…" if a else "") + s[a:b] + ("…" if b < len(s) else "")


def cmd_places_pin(args: argparse.Namespace) -> int:
    """Pin a name; every stored event naming it in that area is re-resolved now, in one transaction."""
    author = _author(args)
    admin = {k: (v[0] if isinstance(v, (list, tuple)) and v else v) or ""
             for k, v in (("admin1", getattr(args, "admin1", "")), ("admin2", getattr(args, "admin2", "")),
                          ("admin3", getattr(args, "admin3", "")))}
    store = _open(args)
    try:
        res = store.pin(args.name, args.lat, args.lon, author=author,
                        reason=getattr(args, "reason", None) or getattr(args, "note", None) or "",
                        name_en=getattr(args, "name_en", "") or "", variants=list(getattr(args, "variant", None) or []),
                        everywhere=bool(getattr(args, "everywhere", False)), admin=admin)
    except ValueError as exc:
        return _fail("places pin", exc)
    finally:
        store.close()
    verb = "moved" if res.moved else "pinned"
    print(f"{verb} {res.name} as {res.place_id} at {res.lat}, {res.lon}" + (f" ({res.where})" if res.where else
                                                                            " (outside the OCHA units)"))
    print(f"re-resolved {res.events} stored event(s)")
    print(f"undo: eventmap places undo {res.batch}")
    return 0


def cmd_places_unpin(args: argparse.Namespace) -> int:
    author = _author(args)
    store = _open(args)
    try:
        batch, n = store.unpin(args.place, author=author, reason=args.reason or "")
    except ValueError as exc:
        return _fail("places unpin", exc)
    finally:
        store.close()
    print(f"removed {args.place}; {n} event(s) wait for a place again")
    print(f"undo: eventmap places undo {batch}")
    return 0


def cmd_places_undo(args: argparse.Namespace) -> int:
    author = _author(args)
    store = _open(args)
    try:
        n = store.undo(args.batch, author=author)
    except ValueError as exc:
        return _fail("places undo", exc)
    finally:
        store.close()
    print(f"undid {args.batch}: {n} event(s) changed back")
    return 0


def cmd_places_dismiss(args: argparse.Namespace) -> int:
    author = _author(args)
    store = _open(args)
    try:
        batch = store.dismiss_name(args.name, author=author, reason=args.reason or "")
    except ValueError as exc:
        return _fail("places dismiss", exc)
    finally:
        store.close()
    print(f"dismissed {args.name} as not a place, for everyone using this store")
    print(f"undo: eventmap places undo {batch}")
    return 0


def cmd_places_dismissed(args: argparse.Namespace) -> int:
    from eventmap.store import analyst

    store = _open(args)
    try:
        rows = analyst.dismissed(store)
    finally:
        store.close()
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for r in rows:
        print(f"{r['name']}\tby {r['author']} {r['created_at']}: {r['reason']}")
    print(f"{len(rows)} name(s) dismissed as not a place")
    return 0


def cmd_places_list(args: argparse.Namespace) -> int:
    from eventmap.store import analyst

    store = _open(args)
    try:
        rows = analyst.place_rows(store)
        where = store._db.display_url
    finally:
        store.close()
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
        return 0
    for r in rows:
        names = " / ".join(x for x in (r["name_ar"], r["name_en"]) if x) or r["name"]
        other = f" also {r['variants'].replace('|', ', ')}" if r.get("variants") else ""
        print(f"{r['place_id']:<16} {names}{other} ({float(r['latitude']):.5f}, {float(r['longitude']):.5f}) "
              f"{r['admin3'] or '-'} / {r['admin1'] or '-'} by {r['author'] or '?'}: {r['note']}")
    print(f"{len(rows)} analyst place(s) in {where}")
    return 0


def cmd_places_history(args: argparse.Namespace) -> int:
    from eventmap.store import analyst

    store = _open(args)
    try:
        rows = analyst.actions(store, limit=args.limit)
    finally:
        store.close()
    for r in rows:
        undone = f"  (undone by {r['undone_by']} {r['undone_at']})" if r["undone_at"] else ""
        print(f"{r['created_at']}  {r['batch']:<20} {r['kind']:<8} {r['name']}  {r['n_events']} event(s) by "
              f"{r['author']}: {r['reason']}{undone}")
    return 0


def cmd_places_export(args: argparse.Namespace) -> int:
    from eventmap.store import analyst

    store = _open(args)
    try:
        n = analyst.export_places(store, args.output)
    finally:
        store.close()
    print(f"wrote {n} analyst places to {args.output}")
    return 0


def cmd_places_import(args: argparse.Namespace) -> int:
    from eventmap.store import analyst

    if not Path(args.file).is_file():  # a missing file is an error, not "imported 0 places"
        print(f"eventmap places import: {args.file}: no such file", file=sys.stderr)
        return 2
    store = _open(args)
    try:
        added, events, errors = analyst.import_places(store, args.file, author=_author(args))
    except OSError as exc:
        return _fail("places import", exc)
    finally:
        store.close()
    print(f"imported {added} analyst places from {args.file}; re-resolved {events} stored event(s)")
    for e in errors:
        print(f"  skipped {e}", file=sys.stderr)
    return 0 if not errors else 1


# --------------------------------------------------------------------------- the commands

def register(subparsers: argparse._SubParsersAction) -> None:
    """``places ...`` and ``correct``."""
    pl = subparsers.add_parser("places", help="the names to fix, analyst places (pins), dismissals and undo")
    pl_sub = pl.add_subparsers(dest="places_command", metavar="SUBCOMMAND")
    pl.set_defaults(func=lambda a: (pl.print_help(), 2)[1])
    add_places_commands(pl_sub)
    _add_correct(subparsers)


def add_places_commands(pl_sub: argparse._SubParsersAction) -> None:
    """The ``places`` subcommands, each handled by this module's ``cmd_places_*`` function."""
    un = pl_sub.add_parser("unresolved", help="the queue of names to fix: unresolved, ambiguous and approximate "
                                              "names with counts, sentences, the estimate and suggestions")
    un.add_argument("--limit", type=int, default=50, help="names to show (default 50, most events first)")
    un.add_argument("--json", action="store_true")
    un.add_argument("--format", choices=("text", "csv"), default="text")
    p = pl_sub.add_parser("pin", help="pin a name: every stored event naming it in that area is re-resolved now")
    p.add_argument("name", help="the name as the reports write it, e.g. المهير")
    p.add_argument("--lat", type=float, required=True)
    p.add_argument("--lon", type=float, required=True)
    p.add_argument("--name-en", default="", help="its Latin spelling (reports in English resolve too)")
    p.add_argument("--variant", action="append", default=[], help="another spelling, Arabic or Latin (repeatable)")
    p.add_argument("--reason", default="", help="why you put it there (your source)")
    p.add_argument("--note", default="", help=argparse.SUPPRESS)
    p.add_argument("--everywhere", action="store_true",
                   help="also events whose reports put the name in another area (default: within "
                        "40 km, or the same governorate)")
    for a in ("--admin1", "--admin2", "--admin3"):
        p.add_argument(a, default="", help=argparse.SUPPRESS)  # taken from the OCHA polygons
    up = pl_sub.add_parser("unpin", help="remove an analyst place (by name or id); its events wait again")
    up.add_argument("place")
    up.add_argument("--reason", default="")
    ud = pl_sub.add_parser("undo", help="undo a pin, unpin, dismissal or batch of corrections (its id is printed)")
    ud.add_argument("batch")
    dm = pl_sub.add_parser("dismiss", help="a name that is not a place: leave it out of the queue, for everyone")
    dm.add_argument("name")
    dm.add_argument("--reason", default="")
    ds = pl_sub.add_parser("dismissed", help="names dismissed as not a place")
    ds.add_argument("--json", action="store_true")
    ls = pl_sub.add_parser("list", help="the analyst places of the store")
    ls.add_argument("--json", action="store_true")
    hi = pl_sub.add_parser("history", help="the latest pins, unpins and dismissals, with their undo ids")
    hi.add_argument("--limit", type=int, default=30)
    ex = pl_sub.add_parser("export", help="write the store's analyst places to a CSV to share")
    ex.add_argument("-o", "--output", required=True)
    im = pl_sub.add_parser("import", help="pin every valid row of a colleague's analyst places CSV")
    im.add_argument("file")
    for name, sp in (("unresolved", un), ("pin", p), ("unpin", up), ("undo", ud), ("dismiss", dm),
                     ("dismissed", ds), ("list", ls), ("history", hi), ("export", ex), ("import", im)):
        if name in ("pin", "unpin", "undo", "dismiss", "import"):
            sp.add_argument("--author", default="", help="your name (default: $EVENTMAP_AUTHOR or your login)")
        _add_db(sp)
        sp.set_defaults(func=globals()[f"cmd_places_{name}"])


# --------------------------------------------------------------------------- correct

def _add_correct(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "correct", help="correct a stored event: type, date, place, actors, not an event, merge; or undo",
        description="Correct one stored event. Each change keeps your name, the time and your reason, survives "
                    "`eventmap reprocess`, and is undone with --undo.")
    p.add_argument("event_id", metavar="EVENT_ID")
    p.add_argument("--type", dest="event_type", help="ACLED event type, e.g. Battles")
    p.add_argument("--sub-type", dest="sub_event_type", default="", help="ACLED sub-event type")
    p.add_argument("--date", dest="event_date", help="the event's date (YYYY-MM-DD)")
    p.add_argument("--lat", type=float, help="re-pin at this latitude (with --lon)")
    p.add_argument("--lon", type=float, help="re-pin at this longitude (with --lat)")
    p.add_argument("--place", dest="place_id", help="re-pin at a gazetteer or analyst place id (wof:..., user:...)")
    p.add_argument("--actor1", help="first actor (ACLED name); '' clears it")
    p.add_argument("--actor2", help="second actor; '' clears it")
    p.add_argument("--not-an-event", action="store_true", help="a false positive: hide it everywhere")
    p.add_argument("--merge", dest="into", metavar="OTHER_ID", help="the same event as OTHER_ID: count it there")
    p.add_argument("--reason", default="", help="why (kept with the correction; required for a change)")
    p.add_argument("--author", default="", help="your name (default: $EVENTMAP_AUTHOR or your login)")
    p.add_argument("--undo", action="store_true", help="undo the latest correction of this event")
    p.add_argument("--history", action="store_true", help="list the corrections of this event")
    _add_db(p)
    p.set_defaults(func=cmd_correct)


def corrections_from_args(args: argparse.Namespace, author: str) -> list:
    """The ``Correction`` records a ``correct`` command line asks for (``ValueError`` when it asks for none)."""
    from eventmap.store import Correction

    eid, why = args.event_id, args.reason or ""
    out = []
    if args.not_an_event:
        out.append(Correction("false_positive", eid, author=author, reason=why))
    if args.into:
        out.append(Correction("merge", eid, author=author, reason=why, into_event_id=args.into))
    if args.event_type:
        out.append(Correction("set_type", eid, author=author, reason=why, event_type=args.event_type,
                              sub_event_type=args.sub_event_type or ""))
    if args.event_date:
        out.append(Correction("set_date", eid, author=author, reason=why, event_date=args.event_date))
    if (args.lat is None) != (args.lon is None):
        raise ValueError("--lat and --lon go together")
    if args.lat is not None:
        out.append(Correction("repin_coords", eid, author=author, reason=why, lat=args.lat, lon=args.lon))
    elif args.place_id:
        out.append(Correction("repin_place", eid, author=author, reason=why, place_id=args.place_id))
    if args.actor1 is not None or args.actor2 is not None:
        out.append(Correction("set_actors", eid, author=author, reason=why, actor1=args.actor1, actor2=args.actor2))
    if not out:
        raise ValueError("nothing to correct: give --type, --date, --lat/--lon, --place, --actor1/--actor2, "
                         "--not-an-event or --merge (or --undo, --history)")
    if not why.strip():
        raise ValueError("say why with --reason (it is kept with the correction)")
    return out


def cmd_correct(args: argparse.Namespace) -> int:
    store = _open(args)
    try:
        if store.get_event(args.event_id) is None:
            return _fail("correct", ValueError(f"no event {args.event_id!r} in {store._db.display_url} "
                                               "(event ids are in `eventmap events`)"))
        if args.history:
            return _history(store, args.event_id)
        if args.undo:
            return _undo_latest(store, args.event_id, _author(args))
        try:
            cs = store.add_corrections(corrections_from_args(args, _author(args)))
        except ValueError as exc:
            return _fail("correct", exc)
        _print_event(store, args.event_id)
        print(f"{len(cs)} correction(s) by {cs[0].author}: {', '.join(c.kind for c in cs)}")
        print(f"undo: eventmap correct {args.event_id} --undo")
        return 0
    finally:
        store.close()


def _print_event(store, event_id: str) -> None:
    e = store.get_event(event_id)
    status = store.event_status(event_id)
    where = f"{e.latitude:.5f}, {e.longitude:.5f}" if e.latitude is not None else "not on the map"
    place = " · ".join(x for x in (e.place_name_ar, e.place_name_en) if x) or e.location
    print(f"{e.event_id}  {e.event_date}  {e.event_type} / {e.sub_event_type}  {place} ({where}, {e.resolution})  "
          f"{e.actor1 or '?'} / {e.actor2 or '-'}  [{status}]")


def _history(store, event_id: str) -> int:
    _print_event(store, event_id)
    for c in store.corrections(event_id=event_id):
        extra = f" by {c.undone_by} {c.undone_at}" if c.status == "undone" else ""
        print(f"  #{c.correction_id} {c.created_at} {c.kind:<14} {c.status}{extra}  {c.author}: {c.reason}  "
              f"({c.batch or 'no batch'})")
    return 0


def _undo_latest(store, event_id: str, author: str) -> int:
    live = [c for c in store.corrections(event_id=event_id) if c.status in ("active", "stale")]
    if not live:
        return _fail("correct", ValueError(f"{event_id} has no correction to undo"))
    c = live[-1]
    if not c.batch.startswith("fix:") and c.batch:
        print(f"eventmap correct: the latest change to {event_id} is part of {c.batch} (a pin of "
              f"{c.location!r}): undo it with `eventmap places undo {c.batch}`", file=sys.stderr)
        return 2
    if not c.batch:  # a correction made before batches existed
        with store._db.write():
            store._db.execute("UPDATE corrections SET batch = ? WHERE correction_id = ?",
                              (f"fix:legacy-{c.correction_id}", c.correction_id))
        c = next(x for x in store.corrections(event_id=event_id) if x.correction_id == c.correction_id)
    store.undo(c.batch, author=author)
    _print_event(store, event_id)
    print(f"undid {c.kind} by {c.author} ({c.created_at})")
    return 0
