"""Accuracy on real reports: the development corpus in ``../shared/dev`` (when it is there).

    python benchmarks/real_corpus.py            # extract every report in-process, then the corpus's score.py
    python benchmarks/real_corpus.py --json     # the scores as JSON

The corpus (real news reports with hand annotations, ``ANNOTATION.md``) is not part of the product and is
not on a user's machine: when ``../shared/dev`` is missing this says so and exits 0.  The extractor runs in
this process with the committed gazetteer (the same events ``eventmap extract --json`` prints), and the
corpus's own ``score.py`` scores them, so the figures are the ones the issue quotes.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev"
METRICS = ("place recall", "place precision", "within 5 km", "type", "date", "fatalities")


def available(dev: Path = DEV) -> bool:
    return (dev / "articles.jsonl").exists() and (dev / "score.py").exists()


def reports(dev: Path = DEV) -> list:
    """The corpus's reports as ``eventmap`` reads them (``events.reader.read_report``), in the corpus's order,
    each with its ``id`` from ``articles.jsonl``: [(id, Report)]."""
    from eventmap.events.reader import read_report

    rows = [json.loads(line) for line in (dev / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["id"], read_report(dev / "articles" / f"{r['id']}.txt", published=r["published"])) for r in rows]


def run(dev: Path = DEV) -> dict:
    """Extract every report of the corpus and score the output: {metric: value, "reports": n, "seconds": s}."""
    from eventmap.events.extract import extract_report
    from eventmap.places.gazetteer import default_gazetteer

    g = default_gazetteer()
    reps = reports(dev)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        for rid, rep in reps:
            events = extract_report(rep, gazetteer=g)
            Path(tmp, f"{rid}.json").write_text(json.dumps([e.to_dict() for e in events], ensure_ascii=False),
                                                encoding="utf-8")
        seconds = time.perf_counter() - t0
        p = subprocess.run([sys.executable, str(dev / "score.py"), "--runs", tmp], capture_output=True, text=True,
                           timeout=600)
    last = p.stdout.strip().splitlines()[-1] if p.stdout.strip() else ""
    out: dict = {"reports": len(reps), "seconds": round(seconds, 2), "line": last}
    for name in METRICS:
        m = re.search(re.escape(name) + r"\s+([0-9.]+|nan)", last)
        if m:
            out[name] = float(m.group(1))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dev", type=Path, default=DEV, help="the corpus folder (default ../shared/dev)")
    a = ap.parse_args(argv)
    if not available(a.dev):
        print(f"real-report corpus not found at {a.dev}: nothing to score (it is not shipped with eventmap)")
        return 0
    res = run(a.dev)
    print(json.dumps(res, indent=1) if a.json else res["line"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
