"""What a batch did (:class:`BatchSummary`) and a progress bar for it (:class:`Progress`)."""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from eventmap.model import Report

if TYPE_CHECKING:
    from eventmap.store.records import IngestResult


@dataclass
class BatchSummary:
    new: int = 0
    duplicate: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file or file:line, reason)
    events: int = 0
    unresolved: Counter = field(default_factory=Counter)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # stored, but something was repaired

    def warn(self, label: str, report: Report) -> None:
        """Note what reading ``report`` repaired (invalid bytes replaced ...): stored, but said."""
        self.warnings.extend((label, w) for w in report.warnings)

    @property
    def total(self) -> int:
        return self.new + self.duplicate + len(self.failed)

    def count(self, res: IngestResult) -> None:
        """Add one stored report's result to the totals."""
        if res.status == "duplicate":
            self.duplicate += 1
        else:
            self.new += 1
            self.events += res.events
            self.unresolved.update(res.unresolved)

    def lines(self) -> list[str]:
        out = [f"new: {self.new}", f"duplicate: {self.duplicate}", f"failed: {len(self.failed)}",
               f"events: {self.events}", f"unresolved names: {len(self.unresolved)}"]
        for label, reason in self.failed:
            out.append(f"  failed {label}: {reason}")
        if self.warnings:
            out.append(f"warnings: {len(self.warnings)}")
        for label, reason in self.warnings:
            out.append(f"  warning {label}: {reason}")
        for name, n in self.unresolved.most_common(15):
            out.append(f"  unresolved {name} ({n})")
        if len(self.unresolved) > 15:
            out.append(f"  ... {len(self.unresolved) - 15} more: eventmap places unresolved")
        return out


#: printed when a run's progress bar is full and the store builds the indexes it deferred (``EventStore.bulk_load``)
INDEXES_BUILDING = "building the events' indexes (deferred for this large load)..."


class Progress:
    """A one-line progress bar on stderr (no dependency); silent when not a terminal unless forced."""

    def __init__(self, total: int, stream: TextIO | None = None, force: bool = False, width: int = 30) -> None:
        self.total, self.width = total, width
        self.stream = stream or sys.stderr
        self.enabled = total > 1 and (force or getattr(self.stream, "isatty", lambda: False)())
        self.start = time.monotonic()

    @classmethod
    def for_batch(cls, total: int, stream: TextIO | None, progress: bool | None) -> Progress:
        """``progress``: ``True`` always shown, ``None`` on a terminal, ``False`` never."""
        return cls(total, stream, force=bool(progress)) if progress is not False else cls(0)

    def update(self, done: int, label: str = "") -> None:
        if not self.enabled:
            return
        frac = done / self.total if self.total else 1.0
        bar = "#" * int(frac * self.width) + "-" * (self.width - int(frac * self.width))
        rate = done / max(time.monotonic() - self.start, 1e-6)
        label = label[-40:]
        self.stream.write(f"\r[{bar}] {done}/{self.total} {rate:5.1f}/s {label:<40}")
        self.stream.flush()

    def close(self, note: str = "") -> None:
        """End the bar's line (once: a closed bar writes nothing more), then ``note`` on a line of its own."""
        if self.enabled:
            self.stream.write("\n" + (note + "\n" if note else ""))
            self.stream.flush()
            self.enabled = False


__all__ = ["INDEXES_BUILDING", "BatchSummary", "Progress"]
