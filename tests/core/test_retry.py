from __future__ import annotations

import pytest

from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import Cancelled, NotFound, Transient
from storebrowser.core.retry import RetryPolicy, call_with_retry

FAST = RetryPolicy(attempts=3, base_delay=0.0, max_delay=0.0)


def test_transient_errors_are_retried_then_succeed() -> None:
    calls: list[int] = []
    retried: list[int] = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise Transient("busy")
        return "ok"

    assert call_with_retry(flaky, FAST, on_retry=lambda n, _e: retried.append(n)) == "ok"
    assert retried == [1, 2]


def test_attempts_are_bounded() -> None:
    calls: list[int] = []

    def always() -> None:
        calls.append(1)
        raise Transient("busy")

    with pytest.raises(Transient):
        call_with_retry(always, FAST)
    assert len(calls) == 3


def test_other_errors_are_not_retried() -> None:
    calls: list[int] = []

    def missing() -> None:
        calls.append(1)
        raise NotFound("gone")

    with pytest.raises(NotFound):
        call_with_retry(missing, FAST)
    assert len(calls) == 1


def test_cancel_stops_the_backoff() -> None:
    token = CancelToken()

    def busy() -> None:
        token.cancel()
        raise Transient("busy")

    with pytest.raises(Cancelled):
        call_with_retry(busy, RetryPolicy(attempts=5, base_delay=60, max_delay=60), cancel=token)


def test_the_shared_never_token_cannot_be_cancelled() -> None:
    from storebrowser.core.cancel import NEVER

    with pytest.raises(RuntimeError):
        NEVER.cancel()
