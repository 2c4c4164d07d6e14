"""Retry with exponential backoff and full jitter, for ``Transient`` errors only.

One retry policy, one place: while ``call_with_retry`` runs a call it will try again
itself, ``retried_by_caller()`` is true in that thread, and the providers' SDK clients
then make a single attempt per request (botocore's ``retries``, azure-core's retry
policy, swiftclient's ``retries``). A failing request is so tried as often as the
caller's policy says, not the SDK's attempts times the caller's. Calls nobody retries
above (the window's listing of a page, a properties read) keep the SDK's own retries.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.errors import StorageError

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 5
    base_delay: float = 0.25
    max_delay: float = 15.0

    def delay(self, attempt: int, rng: random.Random | None = None) -> float:
        """Full jitter (AWS architecture blog): uniform in [0, min(cap, base * 2**n)]."""
        ceiling = min(self.max_delay, self.base_delay * (2**attempt))
        return (rng or random).uniform(0, ceiling)


NO_RETRY = RetryPolicy(attempts=1)

#: True while a ``call_with_retry`` with more than one attempt runs its call (per thread:
#: a context variable, which a worker thread does not inherit).
_RETRIED_ABOVE: ContextVar[bool] = ContextVar("storebrowser_retried_above", default=False)


def retried_by_caller() -> bool:
    """Whether the running call is retried by ``call_with_retry`` above it: an SDK client
    should then try its request once (see the module's docstring)."""
    return _RETRIED_ABOVE.get()


def call_with_retry(
    func: Callable[[], T],
    policy: RetryPolicy,
    *,
    cancel: CancelToken = NEVER,
    on_retry: Callable[[int, StorageError], None] | None = None,
) -> T:
    """Call ``func``; on a retryable ``StorageError`` wait and call again.

    ``on_retry(attempt, error)`` runs before each new attempt, e.g. to rewind progress.
    The last error is raised when attempts run out; other exceptions pass at once.
    """
    token = _RETRIED_ABOVE.set(True) if policy.attempts > 1 else None
    try:
        attempt = 0
        while True:
            try:
                return func()
            except StorageError as error:
                attempt += 1
                if not error.retryable or attempt >= policy.attempts:
                    raise
                if on_retry is not None:
                    on_retry(attempt, error)
                if cancel.wait(policy.delay(attempt)):
                    cancel.raise_if_cancelled()
    finally:
        if token is not None:
            _RETRIED_ABOVE.reset(token)
