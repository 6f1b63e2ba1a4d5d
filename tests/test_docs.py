"""The README's promises: CI runs its test command verbatim; documented settings and commands exist."""

from __future__ import annotations

import re
from pathlib import Path

from eventmap.cli import build_parser
from eventmap.settings import VARIABLES

ROOT = Path(__file__).resolve().parents[1]


def _quickstart_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", quick)


def test_quick_start_is_two_commands_and_ci_runs_the_test_one_verbatim():
    cmds = _quickstart_commands()
    assert len(cmds) == 2, cmds
    assert "eventmap app" in cmds[0]
    assert "pytest" in cmds[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert cmds[1] in ci, "the last step of .ci/run must be the README's test command, verbatim"


def test_every_setting_is_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(EVENTMAP_\w+)` \|", table, flags=re.M)
    assert rows == [v.env for v in VARIABLES], "the README's configuration table and settings.VARIABLES differ"


#: variables a test hands to the worker processes it starts (private to that test, not settings)
TEST_HOOKS = {"EVENTMAP_TEST_MARKERS", "EVENTMAP_TEST_DIE_ONCE", "EVENTMAP_TEST_POISON"}


def test_only_the_settings_module_reads_the_environment():
    """Every EVENTMAP_* name in the code is a documented setting, and no module but settings.py reads one from
    the environment itself (os.environ / getenv next to an EVENTMAP_ name)."""
    known = {v.env for v in VARIABLES}
    product = [*(ROOT / "src" / "eventmap").rglob("*.py"), ROOT / "app.py"]
    everything = [*product, *(ROOT / "tests").rglob("*.py"), *(ROOT / "benchmarks").rglob("*.py"),
                  *(ROOT / ".ci").iterdir()]
    names = set()
    for path in everything:
        if path.is_file():
            names |= set(re.findall(r"EVENTMAP_[A-Z_]+[A-Z]", path.read_text(encoding="utf-8", errors="replace")))
    assert names - TEST_HOOKS <= known, f"undocumented: {sorted(names - TEST_HOOKS - known)}"
    reads = re.compile(r"(environ\.get\(|environ\[|getenv\()\s*[\"']EVENTMAP_")
    readers = [p.relative_to(ROOT).as_posix() for p in product if reads.search(p.read_text(encoding="utf-8"))]
    assert readers == [], f"read the environment through eventmap.settings: {readers}"


def test_documented_commands_exist():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for cmd in ("gazetteer", "extract", "ingest", "events", "reprocess", "places", "import", "export", "app"):
        assert cmd in sub.choices, f"`eventmap {cmd}` is documented but not registered"


def test_the_extract_example_counts_what_extract_prints_for_the_sample():
    """The README's `eventmap extract` example ends with the number of events the sample gives today."""
    from eventmap.events.extract import extract_report
    from eventmap.events.reader import read_report
    from eventmap.settings import area_of_interest

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("$ eventmap extract sample/", 1)[1].split("```", 1)[0]
    told = int(re.findall(r"^(\d+) events$", example, flags=re.M)[-1])
    sample = ROOT / "sample" / "2018-07-25_southern-front.txt"
    events = extract_report(read_report(sample, published="2018-07-25"), area=area_of_interest())
    assert told == len(events), f"the README says {told} events, extract gives {len(events)}"
