"""Extractors for process tests (importable by spawned workers: the test puts this folder on PYTHONPATH)."""

from __future__ import annotations

import os
import time
from pathlib import Path


def hang(text: str, published: str, **_: object) -> list:
    """Never returns: a worker stuck on a report (the state in which its parent may be killed).
    Each call leaves a file named by the worker's pid in ``$EVENTMAP_TEST_MARKERS``."""
    markers = os.environ.get("EVENTMAP_TEST_MARKERS")
    if markers:
        (Path(markers) / str(os.getpid())).touch()
    time.sleep(3600)
    return []
