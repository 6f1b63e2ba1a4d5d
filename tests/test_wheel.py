"""The wheel carries the product: installed (not editable) into a fresh venv, run from a folder that is not a
checkout, ``eventmap extract`` finds the gazetteer and the sample and gives the checkout's answer, and
``eventmap app`` finds the dashboard's ``app.py`` inside the package.

One module-scoped build (~10-20 s on two cores): the wheel is built from a copy of the checkout's files, so
the checkout gets no ``build/`` or ``*.egg-info`` litter.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = "2018-07-25_southern-front.txt"
EXTRACT = ["extract", "--published", "2018-07-25", "--json"]

pytestmark = pytest.mark.slow

#: what the wheel must not be built from (caches, other builds, the tests themselves)
_NOT_SOURCES = shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__", "*.pyc", ".pytest_cache",
                                      ".hypothesis", ".mypy_cache", ".ruff_cache", "tests", "benchmarks",
                                      "test-artifacts", "_data", ".venv")


def _env() -> dict[str, str]:
    """The environment without overrides that would point the installed package back at the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("EVENTMAP_GAZETTEER", "PYTHONPATH", "PYTHONHOME",
                                                             "VIRTUAL_ENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _run(argv: list[str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(argv, cwd=cwd, env=_env(), capture_output=True, text=True, encoding="utf-8",
                          timeout=timeout)
    assert proc.returncode == 0, f"{' '.join(argv)} -> {proc.returncode}\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (system site-packages for the dependencies) with the wheel installed: its bin/ folder."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    shutil.copytree(REPO, src, ignore=_NOT_SOURCES)
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp / "dist"), str(src)], cwd=tmp)
    wheels = list((tmp / "dist").glob("eventmap-*.whl"))
    assert len(wheels) == 1, wheels
    # no pip of its own (ensurepip takes longer than the rest): this pip installs into it
    _run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(tmp / "venv")], cwd=tmp)
    bin_dir = tmp / "venv" / ("Scripts" if os.name == "nt" else "bin")
    if sys.prefix != sys.base_prefix:
        # the tests run inside a venv: its packages are the dependencies (system site-packages are the base
        # interpreter's); a plain path line adds them without running their .pth files (no editable checkout)
        import sysconfig

        purelib = Path(sysconfig.get_paths(vars={"base": str(tmp / "venv"), "platbase": str(tmp / "venv")})["purelib"])
        purelib.mkdir(parents=True, exist_ok=True)
        (purelib / "_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run([sys.executable, "-m", "pip", "--python", str(bin_dir / "python"), "install", "-q", "--no-deps",
          "--no-index", str(wheels[0])], cwd=tmp)
    return bin_dir


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working folder that is not a checkout (no gazetteer/, sample/ or app.py beside it)."""
    return tmp_path_factory.mktemp("elsewhere")


def test_wheel_carries_gazetteer_sample_and_app(installed: Path) -> None:
    whl = next((installed.parent.parent / "dist").glob("eventmap-*.whl"))
    names = set(zipfile.ZipFile(whl).namelist())
    for committed in ("gazetteer/places.tsv", "gazetteer/regions.csv", "gazetteer/boundaries/adm1.geojson",
                      "gazetteer/PROVENANCE.md", "gazetteer/LICENSE", f"sample/{SAMPLE}", "app.py",
                      ".streamlit/config.toml"):
        assert f"eventmap/_data/{committed}" in names, committed
        assert (REPO / committed).exists(), committed
    assert "eventmap/py.typed" in names


def test_installed_package_reads_its_own_data(installed: Path, elsewhere: Path) -> None:
    code = ("import eventmap, eventmap.settings as s, eventmap.views.cli as c; "
            "print(eventmap.__file__); print(s.gazetteer_dir()); print(s.sample_dir()); print(c.app_path())")
    out = _run([str(installed / "python"), "-c", code], cwd=elsewhere).stdout.splitlines()
    venv = installed.parent.resolve()
    for line in out:  # the installed copy, not the checkout the tests run from
        assert Path(line).resolve().is_relative_to(venv), (line, venv)
    assert Path(out[3]).read_bytes() == (REPO / "app.py").read_bytes()


def test_installed_extract_matches_the_checkout(installed: Path, elsewhere: Path) -> None:
    shutil.copy(REPO / "sample" / SAMPLE, elsewhere / SAMPLE)
    from_wheel = _run([str(installed / "eventmap"), EXTRACT[0], SAMPLE, *EXTRACT[1:]], cwd=elsewhere).stdout
    from_checkout = _run([sys.executable, "-m", "eventmap", EXTRACT[0], str(REPO / "sample" / SAMPLE),
                          *EXTRACT[1:]], cwd=REPO).stdout
    events = json.loads(from_wheel)
    assert len(events) >= 10 and all(e["place_id"] for e in events if e["resolution"] == "resolved")
    assert from_wheel == from_checkout


def test_installed_app_command(installed: Path, elsewhere: Path) -> None:
    out = _run([str(installed / "eventmap"), "app", "--help"], cwd=elsewhere).stdout
    assert "--port" in out


def test_checkout_tests_pass_against_the_installed_package(installed: Path, elsewhere: Path) -> None:
    """``python -m pytest`` from outside the checkout, importing the wheel's eventmap (the gazetteer tests read
    the default gazetteer, which a non-editable install used to miss)."""
    out = _run([str(installed / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider",
                str(REPO / "tests" / "test_gazetteer_lookup.py")], cwd=elsewhere).stdout
    assert " passed" in out and "failed" not in out
