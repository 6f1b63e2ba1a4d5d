"""The README's promises: CI runs its test command verbatim; documented settings and commands exist."""

from __future__ import annotations

import re
from pathlib import Path

from eventmap.cli import build_parser
from eventmap.settings import SETTINGS

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
    for s in SETTINGS:
        assert s.env in readme, f"{s.env} is not in the README"


def test_documented_commands_exist():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for cmd in ("gazetteer", "extract", "ingest", "events", "reprocess", "places", "import", "export", "app"):
        assert cmd in sub.choices, f"`eventmap {cmd}` is documented but not registered"
