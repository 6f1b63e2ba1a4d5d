"""``eventmap gazetteer build|lookup``: the commands on the gazetteer alone (no store).

Layout: ``add_gazetteer_parser(sub)`` creates the ``gazetteer`` command and returns its
nested subparsers so other subcommands (``lookup``) can be added next to ``build``.
``register(subparsers)`` is what ``eventmap.cli`` calls.  The ``places ...`` commands work on the
analyst places kept in a store, so they live with them in ``eventmap.store.fix_cli`` (the places
layer never imports the store).
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


# --- gazetteer lookup ---------------------------------------------------------------------------


def _print_candidate(c: dict, indent: str = "  ") -> None:
    print(f"{indent}{c['score']:.3f}  {c['id']:<22} {c['name_ar'] or '-'} / {c['name_en'] or '-'}  "
          f"({c['lat']:.5f}, {c['lon']:.5f})  {c['kind']}  {c['admin1']} / {c['admin2']} / {c['admin3']}")


def _cmd_lookup(args: argparse.Namespace) -> int:
    from eventmap.places.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    try:
        pairs = [tuple(map(float, p.split(","))) for p in (args.near or [])]
        if any(len(n) != 2 for n in pairs):
            raise ValueError
        near = [(n[0], n[1]) for n in pairs]
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
