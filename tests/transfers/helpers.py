"""Test helpers for the engine: a serial executor and counting and damaging wrappers around
OUR provider (the SDKs underneath are real; nothing is mocked); a backend's settings."""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from typing import Any

import pytest

from storebrowser.core.errors import StorageError
from storebrowser.core.ranges import ByteRange
from storebrowser.core.retry import RetryPolicy
from storebrowser.providers.base import MultipartUpload, Provider
from storebrowser.providers.registry import open_provider
from tests.providers.backends import s3_moto_settings, s3_swift_settings

WHOLE = ByteRange()
FAST_RETRY = RetryPolicy(attempts=3, base_delay=0.0, max_delay=0.0)


class SerialExecutor(Executor):
    """Runs each task at once in the caller's thread: deterministic tests."""

    def __init__(self, _workers: int = 1) -> None:
        pass

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # handed to the future
            future.set_exception(error)
        return future


class CountingUpload:
    def __init__(self, inner: MultipartUpload, owner: Counting) -> None:
        self._inner = inner
        self._owner = owner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def upload_part(self, number: int, data: bytes, **kwargs: Any) -> Any:
        with self._owner.lock:
            self._owner.parts_sent.append(number)
        if self._owner.before_part is not None:
            self._owner.before_part(number)
        return self._inner.upload_part(number, data, **kwargs)


class Counting:
    """Wraps a provider; counts ranged reads and parts sent; optional hooks per call."""

    def __init__(self, inner: Provider) -> None:
        self._inner = inner
        self.lock = threading.Lock()
        self.reads: list[ByteRange] = []
        self.parts_sent: list[int] = []
        self.before_read: Callable[[ByteRange], None] | None = None
        self.before_part: Callable[[int], None] | None = None
        #: Keys stored in one request (``put_object``), and a hook before each.
        self.puts: list[str] = []
        self.before_put: Callable[[str], None] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def iter_read(
        self, container: str, key: str, byte_range: ByteRange = WHOLE, **kwargs: Any
    ) -> Iterator[bytes]:
        with self.lock:
            self.reads.append(byte_range)
        if self.before_read is not None:
            self.before_read(byte_range)
        return self._inner.iter_read(container, key, byte_range, **kwargs)

    def put_object(self, container: str, key: str, *args: Any, **kwargs: Any) -> Any:
        with self.lock:
            self.puts.append(key)
        if self.before_put is not None:
            self.before_put(key)
        return self._inner.put_object(container, key, *args, **kwargs)

    def start_multipart(self, *args: Any, **kwargs: Any) -> CountingUpload:
        return CountingUpload(self._inner.start_multipart(*args, **kwargs), self)

    def resume_multipart(self, state: Any) -> CountingUpload:
        return CountingUpload(self._inner.resume_multipart(state), self)

    def bytes_read(self, size: int) -> int:
        return sum(r.length(size) for r in self.reads)


def flip_first_byte(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """``chunks`` with one bit of its first byte flipped: bytes damaged on the way."""
    first = True
    for chunk in chunks:
        if first and chunk:
            chunk, first = bytes([chunk[0] ^ 1]) + chunk[1:], False
        yield chunk


class Damaging(Counting):
    """Flips one bit of the first chunk of every read (``times`` reads; ``None``: all)."""

    def __init__(self, inner: Provider, times: int | None = None) -> None:
        super().__init__(inner)
        self.times = times
        self.damaged = 0

    def iter_read(
        self, container: str, key: str, byte_range: ByteRange = WHOLE, **kwargs: Any
    ) -> Iterator[bytes]:
        chunks = super().iter_read(container, key, byte_range, **kwargs)
        if self.times is not None and self.damaged >= self.times:
            return chunks
        self.damaged += 1
        return flip_first_byte(chunks)


def backend_settings(name: str, request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    """(kind, settings) of one of s3_moto, s3_swift, swift, azure on its test server."""
    if name == "s3_moto":
        return "s3", s3_moto_settings(request.getfixturevalue("moto_server"))
    if name == "s3_swift":
        return "s3", s3_swift_settings(request.getfixturevalue("swift_server"))
    if name == "swift":
        server = request.getfixturevalue("swift_server")
        return "swift", {"auth_url": server.auth_url, "username": server.user, "api_key": server.key}
    return "azure", {"connection_string": request.getfixturevalue("azurite_server").connection_string}


@contextlib.contextmanager
def opened_box(name: str, request: pytest.FixtureRequest, prefix: str) -> Iterator[tuple[Provider, str]]:
    """A connected provider of backend ``name`` and a new container of its own (named
    ``prefix`` + a random suffix), deleted with what it holds afterwards."""
    kind, settings = backend_settings(name, request)
    provider = open_provider(kind, settings)
    provider.connect()
    container = f"{prefix}{uuid.uuid4().hex[:12]}"
    provider.create_container(container)
    try:
        yield provider, container
    finally:
        with contextlib.suppress(StorageError):
            provider.delete_container(container, force=True)
        provider.close()
