"""Cooperative cancellation, checked once per chunk (Cyberduck's habit)."""

from __future__ import annotations

import threading

from storebrowser.core.errors import Cancelled


class CancelToken:
    """A flag a worker checks between chunks; ``cancel()`` may come from any thread."""

    __slots__ = ("_event",)

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; return True early when cancelled (for retry backoff)."""
        return self._event.wait(seconds)


class _NeverCancelled(CancelToken):
    __slots__ = ()

    def cancel(self) -> None:
        raise RuntimeError("NEVER is shared by every caller; make your own CancelToken")


#: A token that is never cancelled, for callers that do not need one.
NEVER: CancelToken = _NeverCancelled()
