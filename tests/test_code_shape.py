"""House rules a reader relies on (issue 14): no function in the package or app.py is longer than 80 lines."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 80


def _long_functions(path: Path, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [f"{path.relative_to(root)}:{n.lineno} {n.name} ({n.end_lineno - n.lineno + 1} lines)"
            for n in ast.walk(tree)
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > MAX_LINES]


def test_no_function_is_longer_than_80_lines():
    files = sorted((ROOT / "src" / "eventmap").rglob("*.py")) + [ROOT / "app.py"]
    assert len(files) > 50
    assert [f for p in files for f in _long_functions(p)] == []


def test_the_check_sees_a_long_function(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(90))
    p = tmp_path / "probe.py"
    p.write_text(f"def long_one():\n{body}\n\n\ndef short_one():\n    return 1\n", encoding="utf-8")
    assert _long_functions(p, tmp_path) == ["probe.py:1 long_one (91 lines)"]
