"""Build hook: the wheel carries what the product reads at run time.

``gazetteer/``, ``sample/``, ``app.py`` and ``.streamlit/`` are committed at the top of the repository (where
analysts and ``streamlit run app.py`` expect them). A wheel copies them into ``eventmap/_data/`` so that
``pip install .`` works outside a checkout; ``eventmap.resources`` finds them there through
``importlib.resources``. An editable install reads them where they are committed. Everything else is in
``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
#: top-level paths copied into ``eventmap/_data/`` (the names are kept)
PACKAGE_DATA = ("gazetteer", "sample", "app.py", ".streamlit")


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        dest = Path(self.build_lib) / "eventmap" / "_data"
        for name in PACKAGE_DATA:
            src, out = HERE / name, dest / name
            if out.exists():
                shutil.rmtree(out) if out.is_dir() else out.unlink()
            out.parent.mkdir(parents=True, exist_ok=True)
            if src.is_dir():
                shutil.copytree(src, out, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            else:
                shutil.copy2(src, out)


setup(cmdclass={"build_py": BuildPyWithData})
