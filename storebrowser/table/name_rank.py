"""The rank of every row's case-folded name, made once on a worker when a listing is
complete, so that a sort by name is an integer sort (``order.sort_ids``).

Python's sort of a million case-folded names takes 0.3 s in a listing's order and ~0.9 s
in random order (a local folder's), on the GUI thread. Here the names are ranked by
numpy, 8 bytes of their UTF-8 at a time (most significant first: only names still tied
go on to the next 8 bytes), and equal names get equal ranks, so a stable integer sort of
the ranks gives exactly Python's stable sort by ``str.casefold`` in either direction.
UTF-8 bytes sort as code points do (``surrogatepass`` too), and a name that is a prefix
of another comes first (the bytes after its end are read as zeros; names hold no NUL).

numpy's sorts release the GIL, so the GUI thread goes on painting meanwhile; and the
columns are read from copies taken under the GIL: a numpy view would lock the live
buffers, which the GUI thread extends with every page.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from storebrowser.table.columns import ObjectColumns

#: Dense ranks of case-folded names, indexed by row id.
Ranks = NDArray[np.uint32]
_WORD = 8
#: Bytes case-folded per call (each call holds the GIL).
_PIECE = 1 << 20


def name_ranks(columns: ObjectColumns, count: int) -> Ranks | None:
    """The rank of the case-folded name of each row ``0 .. count - 1`` (``None`` when a
    name holds a NUL: those are sorted by Python)."""
    if columns.has_odd_names:
        return None
    ends = np.array(columns.name_ends[: count + 1], dtype=np.int64)  # a copy, under the GIL
    blob = columns.name_blob[: int(ends[-1])]  # a copy too (a slice of a bytearray)
    folded, ends = _folded(blob, ends)
    starts, lengths = ends[:-1], ends[1:] - ends[:-1] - 1
    padded = np.frombuffer(folded + bytes(_WORD), dtype=np.uint8)
    windows = np.lib.stride_tricks.sliding_window_view(padded, _WORD)
    order, starts_group = _sorted_by_bytes(windows, starts, lengths)
    ranks = np.empty(count, dtype=np.uint32)
    ranks[order] = np.cumsum(starts_group, dtype=np.uint32) - 1
    return ranks


def _folded(blob: bytes | bytearray, ends: NDArray[np.int64]) -> tuple[bytes | bytearray, NDArray[np.int64]]:
    """The case-folded blob and its name ends (``casefold`` may change lengths: ß -> ss)."""
    if blob.isascii():  # casefold is lower() there, byte for byte; in pieces, as one
        # call on a million names holds the GIL for ~50 ms, which the GUI thread would wait
        pieces = range(0, len(blob), _PIECE)
        return b"".join([blob[start : start + _PIECE].lower() for start in pieces]), ends
    folded = blob.decode("utf-8", "surrogatepass").casefold().encode("utf-8", "surrogatepass")
    nuls = np.flatnonzero(np.frombuffer(folded, dtype=np.uint8) == 0) + 1
    return folded, np.concatenate((np.zeros(1, dtype=np.int64), nuls))


def _sorted_by_bytes(
    windows: NDArray[np.uint8], starts: NDArray[np.int64], lengths: NDArray[np.int64]
) -> tuple[NDArray[np.intp], NDArray[np.bool_]]:
    """Rows in name order (ties in row order), and where a new name starts in it."""
    count = len(starts)
    order = np.arange(count, dtype=np.intp)
    new_name = np.zeros(count, dtype=bool)
    if count:
        new_name[0] = True
    active = order.copy()  # positions in ``order`` whose group of equal prefixes is still tied
    depth = 0
    while len(active):
        rows = order[active]
        groups = np.cumsum(new_name)[active]
        words = _words(windows, starts[rows] + depth, lengths[rows] - depth)
        by = np.lexsort((words, groups))  # stable: tied names keep their row order
        order[active] = rows[by]
        words = words[by]
        new_name[active[1:]] |= words[1:] != words[:-1]
        depth += _WORD
        active = _still_tied(active, new_name, lengths[order[active]] > depth)
    return order, new_name


def _words(windows: NDArray[np.uint8], at: NDArray[np.int64], left: NDArray[np.int64]) -> NDArray[np.uint64]:
    """The 8 bytes at ``at`` as big-endian integers, zero past each name's ``left`` bytes."""
    raw: NDArray[Any] = windows[at].copy().view(">u8").ravel()
    words = raw.astype(np.uint64)
    kept = np.clip(left, 0, _WORD).astype(np.uint64) * np.uint64(8)  # bits of the name
    ones = np.uint64(0xFFFF_FFFF_FFFF_FFFF)
    mask = np.where(kept == 64, ones, ~(ones >> np.minimum(kept, np.uint64(63))))
    mask[kept == 0] = 0
    return words & mask


def _still_tied(
    active: NDArray[np.intp], new_name: NDArray[np.bool_], longer: NDArray[np.bool_]
) -> NDArray[np.intp]:
    """The positions of ``active`` in groups of two or more where some name goes on."""
    if not len(active):
        return active
    groups = np.cumsum(new_name)[active]
    first = np.concatenate(([True], groups[1:] != groups[:-1]))
    heads = np.flatnonzero(first)
    sizes = np.diff(np.append(heads, len(active)))
    goes_on = np.logical_or.reduceat(longer, heads)
    ids = np.cumsum(first) - 1
    keep: NDArray[np.bool_] = (sizes > 1)[ids] & goes_on[ids]
    return active[keep]
