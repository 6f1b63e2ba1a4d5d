"""Who holds what: a control layer derived from the stored events (see ``eventmap.control.model``)."""

from eventmap.control.model import (
    CONTESTED,
    CONTROL_SUB_TYPES,
    HOLDER_LABELS,
    HOLDERS,
    Change,
    Claim,
    ControlModel,
    PlaceControl,
    build_control,
    claimed,
    control_from_store,
    holder_of,
)

__all__ = [
    "CONTESTED",
    "CONTROL_SUB_TYPES",
    "HOLDERS",
    "HOLDER_LABELS",
    "Change",
    "Claim",
    "ControlModel",
    "PlaceControl",
    "build_control",
    "claimed",
    "control_from_store",
    "holder_of",
]
