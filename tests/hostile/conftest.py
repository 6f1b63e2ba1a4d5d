"""Fixtures of the hostile-input suite (helpers and sentences: ``hostile_helpers.py``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventmap.cli import main


@pytest.fixture
def cli(capsys) -> Callable[..., tuple[int, str, str]]:
    """Run ``eventmap ARGS`` in this process: ``(exit code, stdout, stderr)``; a traceback fails the test."""
    def run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:  # argparse
            code = exc.code if isinstance(exc.code, int) else 2
        out, err = capsys.readouterr()
        return code, out, err
    return run
