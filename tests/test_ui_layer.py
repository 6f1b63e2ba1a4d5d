"""The dashboard's layers: ``app.py`` (Streamlit) -> ``eventmap.ui`` (the session's services) -> ``eventmap.views``
(drawing) and ``eventmap.exports``. Views draw: they never import the service layer nor the exports."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "eventmap"


def _imports(path: Path) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
            out |= {f"{node.module}.{a.name}" for a in node.names}
    return out


def _under(names: set[str], *packages: str) -> list[str]:
    return sorted(n for n in names if any(n == p or n.startswith(p + ".") for p in packages))


def test_views_import_neither_the_service_layer_nor_the_exports():
    # ``views/cli.py`` is the ``eventmap app`` command: an entry point above every layer (tests/test_layers.py),
    # which starts the server's warm-up (``ui.warm``)
    bad = {p.name: _under(_imports(p), "eventmap.ui", "eventmap.exports") for p in (SRC / "views").glob("*.py")
           if p.name != "cli.py"}
    assert {k: v for k, v in bad.items() if v} == {}
    assert (SRC / "views" / "cli.py").is_file()


def test_the_service_layer_never_imports_streamlit():
    bad = {p.name: _under(_imports(p), "streamlit", "streamlit_folium") for p in (SRC / "ui").glob("*.py")}
    assert {k: v for k, v in bad.items() if v} == {}
    assert (SRC / "views" / "dashboard.py").exists() is False      # the controller moved to ui/


def test_imports_are_read_from_the_code():
    # the check above would pass on files it cannot read: it must see the imports that are there
    assert "eventmap.store.filters.EventFilter" in _imports(SRC / "ui" / "state.py")
    assert {"eventmap.exports", "eventmap.exports.export_bytes"} <= set(_under(_imports(SRC / "ui" / "downloads.py"),
                                                                                "eventmap.exports"))
