"""The write-transaction discipline both backends share: one lock, nested calls join the outer one."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Sequence


class NestedWrites:
    """Mixin: ``write()`` opens the backend's transaction (``_transaction``) once; a ``write()``
    inside another joins it, so a report and its events commit together or not at all.
    Subclasses set ``self._lock`` (an RLock) and ``self._depth = 0``."""

    _lock: threading.RLock
    _depth: int

    @contextlib.contextmanager
    def write(self, schema_lock: bool = False) -> Iterator[None]:
        """One write transaction (nested calls join the outer one)."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._depth = 1
            try:
                with self._transaction(schema_lock):
                    yield
            finally:
                self._depth = 0

    def _transaction(self, schema_lock: bool):  # pragma: no cover - each backend defines it
        raise NotImplementedError


def on_conflict(update: Sequence[str], geom: str | None) -> str:
    """The action of a bulk insert's ``ON CONFLICT``: nothing, or set ``update`` (and the geometry)."""
    if not update:
        return "DO NOTHING"
    sets = [f'"{c}" = excluded."{c}"' for c in update] + ([f"{geom} = excluded.{geom}"] if geom else [])
    return "DO UPDATE SET " + ", ".join(sets)
