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
    add_gazetteer_parser(subparsers)


# --- more subcommands (gazetteer lookup, places ...) go below ---------------------------------
