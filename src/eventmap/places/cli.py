"""``eventmap gazetteer ...`` (and, later, ``eventmap places ...``) subcommands.

Layout: ``add_gazetteer_parser(sub)`` creates the ``gazetteer`` command and returns its
nested subparsers so other subcommands (``lookup``) can be added next to ``build``.
``register(subparsers)`` is what ``eventmap.cli`` calls.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _cmd_gazetteer_build(args: argparse.Namespace) -> int:
    from eventmap.places.build import build_gazetteer
    from eventmap.settings import gazetteer_dir

    src = Path(args.src)
    out = Path(args.out) if args.out else gazetteer_dir()
    if not src.is_dir():
        print(f"eventmap gazetteer build: source folder not found: {src}", file=sys.stderr)
        return 2
    try:
        stats = build_gazetteer(src, out, regions_csv=Path(args.regions) if args.regions else None)
    except (FileNotFoundError, ValueError) as exc:
        print(f"eventmap gazetteer build: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=1))
        return 0
    print(f"wrote {out}")
    print(f"places: {stats['rows']} rows  " + "  ".join(f"{k}={v}" for k, v in stats["by_source"].items()))
    print("kinds: " + "  ".join(f"{k}={v}" for k, v in stats["by_kind"].items()))
    print("flags: " + "  ".join(f"{k}={v}" for k, v in stats["by_flag"].items()))
    for pc, g in stats["by_governorate"].items():
        print(f"  {pc:6} {g['name_en']:16} {g['total']}")
    print("files:")
    for name, size in stats["file_bytes"].items():
        print(f"  {name:28} {size / 1024:8.1f} KiB")
    print(f"  south features (adm1-3 of {', '.join(stats['boundaries']['south_adm1'])}): "
          f"{stats['boundaries']['south_feature_bytes'] / 1024:.1f} KiB")
    return 0


def add_gazetteer_parser(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """Add ``gazetteer`` with its ``build`` subcommand; return the nested subparsers."""
    gz = sub.add_parser("gazetteer", help="build or query the gazetteer")
    gz_sub = gz.add_subparsers(dest="gazetteer_command", metavar="SUBCOMMAND")
    gz.set_defaults(func=lambda a: (gz.print_help(), 2)[1])

    b = gz_sub.add_parser("build", help="rebuild gazetteer/ (places.tsv, boundaries) from the source datasets")
    b.add_argument("--from", dest="src", required=True, metavar="DIR",
                   help="source data folder (with wof_sy/, ocha_cod_ab_syr/, opensyria_geography/)")
    b.add_argument("--out", metavar="DIR", default=None,
                   help="output folder (default: the gazetteer folder, EVENTMAP_GAZETTEER or the repo's gazetteer/)")
    b.add_argument("--regions", metavar="CSV", default=None,
                   help="curated regions file (default: OUT/regions.csv, else the repo's gazetteer/regions.csv)")
    b.add_argument("--json", action="store_true", help="print the full statistics as JSON")
    b.set_defaults(func=_cmd_gazetteer_build)
    return gz_sub


def register(subparsers: argparse._SubParsersAction) -> None:
    gz_sub = add_gazetteer_parser(subparsers)
    _add_lookup(gz_sub)
    _add_places(subparsers)


# --- more subcommands (gazetteer lookup, places ...) go below ---------------------------------


def _print_candidate(c: dict, indent: str = "  ") -> None:
    print(f"{indent}{c['score']:.3f}  {c['id']:<22} {c['name_ar'] or '-'} / {c['name_en'] or '-'}  "
          f"({c['lat']:.5f}, {c['lon']:.5f})  {c['kind']}  {c['admin1']} / {c['admin2']} / {c['admin3']}")


def _cmd_lookup(args: argparse.Namespace) -> int:
    from eventmap.places.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    try:
        near = [tuple(map(float, p.split(","))) for p in (args.near or [])]
        if any(len(n) != 2 for n in near):
            raise ValueError
    except ValueError:
        print(f"eventmap gazetteer lookup: --near takes LAT,LON (e.g. 32.87,35.88), got {args.near}", file=sys.stderr)
        return 2
    res = gaz.lookup(args.name, context=args.context or "", near=near, limit=args.limit)
    d = res.to_dict()
    for key in ("candidates", "suggestions"):  # a place listed once (its first, best-scored entry)
        kept: dict[str, dict] = {}
        for c in d.get(key) or []:
            kept.setdefault(c["id"], c)
        d[key] = list(kept.values())
    reason = _dedupe_nearest(res.reason)
    d["reason"] = reason
    if args.json:
        print(json.dumps(d, ensure_ascii=False, indent=1))
    else:
        print(f"{res.status}: {reason}")
        if res.qualifier and f"qualifier: {res.qualifier}" not in reason:
            print(f"qualifier: {res.qualifier}")
        for c in d["candidates"]:
            _print_candidate(c)
        if d["suggestions"]:
            print("suggestions (not used as the answer):")
            for c in d["suggestions"]:
                _print_candidate(c)
    return 0 if res.status in ("resolved", "ambiguous") else 1


def _dedupe_nearest(reason: str) -> str:
    """``nearest names: A (Aleppo), A (Aleppo), B (Dar'a)`` -> each name once."""
    head, sep, tail = reason.partition("nearest names: ")
    if not sep:
        return reason
    names = list(dict.fromkeys(x.strip() for x in tail.split(", ") if x.strip()))
    return head + sep + ", ".join(names)


def _add_lookup(gz_sub: argparse._SubParsersAction) -> None:
    lk = gz_sub.add_parser("lookup", help="resolve a place name (Arabic or Latin script)")
    lk.add_argument("name", help="the place name as written, e.g. صيدا or \"Nab' al-Sakhr\"")
    lk.add_argument("--context", default="", help="surrounding text used to choose among namesakes")
    lk.add_argument("--near", action="append", metavar="LAT,LON",
                    help="a place already resolved nearby (repeatable)")
    lk.add_argument("--limit", type=int, default=5, help="how many candidates to show (default 5)")
    lk.add_argument("--json", action="store_true", help="print JSON: status, reason, candidates")
    lk.set_defaults(func=_cmd_lookup)


def _store_cmd(name: str):
    """A handler of ``eventmap.store.fix_cli`` (analyst places live in the store; this layer never imports it)."""
    def run(args: argparse.Namespace) -> int:
        from eventmap.store import fix_cli
        return getattr(fix_cli, name)(args)
    return run


def _add_places(subparsers: argparse._SubParsersAction) -> None:
    pl = subparsers.add_parser("places", help="the names to fix, analyst places (pins), dismissals and undo")
    pl_sub = pl.add_subparsers(dest="places_command", metavar="SUBCOMMAND")
    pl.set_defaults(func=lambda a: (pl.print_help(), 2)[1])
    add_places_commands(pl_sub, _store_cmd)


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=None, metavar="URL",
                   help="store: a .gpkg path or postgresql://user@host/db (default: $EVENTMAP_DB or the per-user store)")


def add_places_commands(pl_sub: argparse._SubParsersAction, handler) -> None:
    """The ``places`` subcommands; ``handler(name)`` wraps a ``cmd_places_*`` function of ``store.fix_cli``."""
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
        sp.set_defaults(func=handler(f"cmd_places_{name}"))
