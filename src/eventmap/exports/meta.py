"""What every export carries: title, filters, time window, generated at, version, attribution."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

import pandas as pd


class EmptySelectionError(ValueError):
    """Raised when there is nothing to export; the message says what to change."""

    def __init__(self, meta: ExportMeta | None = None, fmt: str = "") -> None:
        what = []
        if meta is not None:
            if meta.since or meta.until:
                what.append(f"time window {meta.since or '…'} to {meta.until or '…'}")
            f = meta.filters_text()
            if f:
                what.append(f"filters {f}")
        sel = " and ".join(what) if what else "the current selection"
        super().__init__(
            f"No events to export{' as ' + fmt.upper() if fmt else ''}: {sel} matched no event. "
            "Widen the time window (--since/--until) or remove filters (--type, --admin1, ...), "
            "or check that the store has events (`eventmap events`).")


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _version() -> str:
    from eventmap import __version__

    return __version__


def _attribution() -> str:
    from eventmap.views.map import data_attribution

    return data_attribution()


DEFAULT_TITLE = "Events in southern Syria"
#: filter names (``EventFilter`` fields, as the CLI and the dashboard record them) as a reader says them
FILTER_LABELS = {
    "event_types": "type", "event_type": "type", "sub_event_types": "sub-type", "admin1": "governorate",
    "admin2": "district", "admin3": "sub-district", "actors": "actor", "sources": "outlet",
    "resolutions": "place resolution", "bbox": "box", "text": "text", "hide_approximate": "exact places only",
}


@dataclass
class ExportMeta:
    title: str = ""
    filters: dict[str, Any] = field(default_factory=dict)
    since: str | None = None
    until: str | None = None
    generated_at: str = field(default_factory=_now)
    version: str = field(default_factory=_version)
    attribution: str = field(default_factory=_attribution)

    def filters_text(self) -> str:
        """``type: Battles, Protests; governorate: Quneitra`` (empty filters left out), as a brief says it."""
        parts = []
        for k, v in self.filters.items():
            if v in (None, "", [], (), {}, False):
                continue
            if k == "bbox" and isinstance(v, (list, tuple)) and len(v) == 4:
                vals = "W {} S {} E {} N {}".format(*v)
            elif v is True:
                vals = "yes"
            else:
                vals = ", ".join(str(x) for x in v) if isinstance(v, (list, tuple, set)) else str(v)
            parts.append(f"{FILTER_LABELS.get(k, k)}: {vals}")
        return "; ".join(parts)

    def resolved(self, frame: pd.DataFrame | None = None) -> ExportMeta:
        """A copy with the title and the time window filled from the data where not given."""
        since, until = self.since, self.until
        if frame is not None and len(frame) and (not since or not until):
            dates = frame["event_date"].astype(str).str[:10]
            dates = dates[dates.str.len() > 0]
            if len(dates):
                since = since or dates.min()
                until = until or dates.max()
        return ExportMeta(title=self.title or DEFAULT_TITLE, filters=dict(self.filters), since=since,
                          until=until, generated_at=self.generated_at, version=self.version,
                          attribution=self.attribution)

    def window_text(self) -> str:
        if self.since and self.until:
            return self.since if self.since == self.until else f"{self.since} – {self.until}"
        if self.since:
            return f"from {self.since}"
        if self.until:
            return f"until {self.until}"
        return "all dates"

    def to_dict(self, frame: pd.DataFrame | None = None) -> dict[str, Any]:
        d = asdict(self)
        d["filters"] = {k: (list(v) if isinstance(v, (list, tuple, set)) else v) for k, v in self.filters.items()}
        d["tool"] = "eventmap"
        if frame is not None:
            from eventmap.views.map import has_coords

            d["count"] = int(len(frame))
            d["count_located"] = int(has_coords(frame).sum())
        return d
