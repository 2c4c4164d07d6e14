"""Retry with exponential backoff and full jitter, for ``Transient`` errors only."""

from __future__ import annotations

import random
from collections.abc import Callable
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
