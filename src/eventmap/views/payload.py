"""A map layer's data as the page carries it: JSON, gzip+base64 encoded when large (decoded in the browser by
``EM.decode``, ``views.map``). The events layer and the control layer both go through :func:`encode_payload`."""

from __future__ import annotations

import base64
import gzip
import json
from typing import Any

import numpy as np
import pandas as pd

from eventmap.views.escape import js_safe_json, js_safe_text

#: payloads above this many bytes of JSON are gzip+base64 encoded in the page
COMPRESS_ABOVE = 250_000


class _Numbers(list):
    """A payload column of numbers made from a numpy array: an ordinary list (tests, ``json.dumps``), which
    also keeps the array, so ``encode_payload`` writes each distinct number's text once (``_numbers_json``)."""

    __slots__ = ("array",)

    def __init__(self, array: np.ndarray) -> None:
        super().__init__(array.tolist())
        self.array = array


def _numbers_json(a: np.ndarray) -> str | None:
    """``json.dumps(a.tolist())`` (None when ``a`` is not a finite int or float column): the text of each
    distinct number (``repr``, as json writes it; floats told apart by their bits, so -0.0 stays) made once,
    and picked per row by numpy."""
    if a.ndim != 1 or a.dtype.kind not in "iuf" or (a.dtype.kind == "f" and not np.isfinite(a).all()):
        return None
    key = a.astype(np.float64).view(np.int64) if a.dtype.kind == "f" else a
    codes, uniques = pd.factorize(key)
    values = uniques.view(np.float64) if a.dtype.kind == "f" else uniques
    texts = np.asarray([repr(v) for v in values.tolist()], dtype=object)
    return "[" + ",".join(texts[codes].tolist()) + "]"


def payload_json(payload: dict[str, Any]) -> str:
    """``json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)``, the same text, with
    the long numeric columns (``_Numbers``) written per distinct number."""
    def value(v: Any) -> str:
        text = _numbers_json(v.array) if type(v) is _Numbers and len(v) >= 256 else None
        return text if text is not None else json.dumps(v, ensure_ascii=False, separators=(",", ":"),
                                                        allow_nan=False)
    return "{" + ",".join(f"{json.dumps(k, ensure_ascii=False)}:{value(v)}" for k, v in payload.items()) + "}"


def _combined(*codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes of the distinct combinations of several coded columns (in order of first appearance), and the
    first row of each combination."""
    key = codes[0]
    for c in codes[1:]:
        key = pd.factorize(key * (int(c.max()) + 1 if len(c) else 1) + c)[0]
    return key, np.unique(key, return_index=True)[1]


def factored(payload: dict[str, Any], columns: tuple[str, ...]) -> dict[str, Any]:
    """``payload`` with ``columns`` (per-row lists of ``payload["n"]`` values, e.g. those that follow from an
    event's place) written once per distinct combination: ``F`` holds the table, ``fi`` each row's index into
    it, and ``EM.decode`` (``views.map``) rebuilds the columns exactly. Only when that table has at most half as
    many rows as the payload; anything else comes back as it is."""
    n = payload.get("n")
    cols = [c for c in columns if isinstance(payload.get(c), list) and len(payload[c]) == n]
    if not isinstance(n, int) or n < 256 or len(cols) < 2:
        return payload
    codes = []
    for c in cols:
        v = payload[c]
        arr = v.array if type(v) is _Numbers else np.asarray(v)
        codes.append(pd.factorize(arr if arr.dtype.kind in "iuf" else np.asarray(v, dtype=object),
                                  use_na_sentinel=False)[0])
    key, first = _combined(*codes)
    if len(first) > n // 2:
        return payload
    out = {k: v for k, v in payload.items() if k not in cols}
    out["F"] = {c: [payload[c][i] for i in first.tolist()] for c in cols}
    out["fi"] = _Numbers(key)
    return out


def encode_payload(payload: dict[str, Any], compress_above: int = COMPRESS_ABOVE) -> str:
    """The payload as a JavaScript expression: a JSON literal, or ``{"z": base64(gzip(json))}``."""
    raw = payload_json(payload)
    if len(raw) <= compress_above:
        return js_safe_text(raw)
    z = base64.b64encode(gzip.compress(raw.encode("utf-8"), compresslevel=5, mtime=0)).decode("ascii")
    return js_safe_json({"z": z})


__all__ = ["COMPRESS_ABOVE", "encode_payload", "factored", "payload_json"]
