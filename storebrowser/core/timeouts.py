"""How long to wait for a silent connection: long enough for a part, no longer.

A read timeout is the longest silence between two reads of an answer. After the last
byte of an uploaded part, the service may only answer once it stored the part, which
grows with the part; while a download streams, gaps are short. So the timeout is the
time a part takes at a minimum throughput, never below a floor: a stalled connection is
given up (and the part retried) in seconds, not after a fixed minute.
"""

from __future__ import annotations

MiB = 1024 * 1024
#: Never less: a busy server may pause this long before answering a small request.
MIN_READ_TIMEOUT = 15.0
#: The slowest a service may store a part without being taken for stalled.
MIN_THROUGHPUT = 1 * MiB
#: Never more, however large the parts.
MAX_READ_TIMEOUT = 300.0
#: Seconds without progress after which a running item is shown as stalled.
STALL_NOTICE = 5.0


def read_timeout_for(part_size: int, *, floor: float = MIN_READ_TIMEOUT) -> float:
    """The read timeout for requests of up to ``part_size`` bytes."""
    return min(MAX_READ_TIMEOUT, max(floor, part_size / MIN_THROUGHPUT))
