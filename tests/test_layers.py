"""The package's files import each other one way (docs/ARCHITECTURE.md): no circle between two files, and no
library stage imports a later one (text -> places -> events -> store -> pipeline -> control -> views ->
exports -> ui). Imports inside functions count too: hiding a circle in a function does not remove it.
Imports under ``if TYPE_CHECKING:`` are annotations only and are left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

#: stages in the order data flows; a module may import its own stage and earlier ones. The foundation
#: modules (records, text, settings, resources, ...) sit below all of them. Command modules (``cli``,
#: ``*/cli.py``) are entry points above every stage.
STAGES = ("places", "events", "store", "pipeline", "control", "views", "exports", "ui")


def _modules() -> dict[str, Path]:
    mods = {}
    for p in (SRC / "eventmap").rglob("*.py"):
        parts = list(p.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods[".".join(parts)] = p
    return mods


def _imports(path: Path, mods: dict[str, Path]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                   and "TYPE_CHECKING" in ast.unparse(node.test) for n in ast.walk(node)}
    out: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                if sub in mods:
                    out.add(sub)
                elif node.module in mods:
                    out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name in mods)
    return out


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    return {m: {t for t in _imports(p, mods) if t != m} for m, p in mods.items()}


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _stage(module: str) -> int | None:
    parts = module.split(".")
    if parts[-1] == "cli" or (len(parts) > 2 and parts[-1].endswith("_cli")):
        return None  # a command: above every stage
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[1] in STAGES else -1


def test_no_import_circle_between_files() -> None:
    circles = _circles(_graph())
    assert circles == [], f"files importing each other: {circles}"


def test_no_stage_imports_a_later_one() -> None:
    upward = []
    for module, targets in _graph().items():
        here = _stage(module)
        if here is None:
            continue
        for t in targets:
            there = _stage(t)
            if there is not None and there > here:
                upward.append(f"{module} -> {t}")
    assert upward == [], "imports against the data flow:\n" + "\n".join(sorted(upward))


def test_the_checks_see_a_circle_and_an_upward_import() -> None:
    """The two checks above are not vacuous: a made-up graph with both is caught."""
    graph = {"eventmap.places.a": {"eventmap.store.b"}, "eventmap.store.b": {"eventmap.places.a"}}
    assert _circles(graph) == [["eventmap.places.a", "eventmap.store.b"]]
    assert _stage("eventmap.places.a") < _stage("eventmap.store.b")  # type: ignore[operator]
    assert _stage("eventmap.store.cli") is None and _stage("eventmap.text") == -1
    assert len(_modules()) > 50 and _graph()["eventmap.store.base"], "the real graph was read"
