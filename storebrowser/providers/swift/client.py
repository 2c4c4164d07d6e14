"""A small pool of swiftclient ``Connection`` objects sharing one sign-in.

A ``Connection`` holds one HTTP connection and is not thread-safe, and a streamed GET
keeps it busy until the body is read. So each call borrows a connection for exactly as
long as it needs it (a streamed read until the consumer stops) and gives it back; the
pool grows to the number of concurrent calls and keeps a few idle ones.

Retries: swiftclient's own (``retries``) cover dropped connections, 5xx, 408/498/429,
with exponential backoff from ``starting_backoff`` to ``max_backoff``, for calls nobody
retries above; under ``call_with_retry`` (the transfer engine's parts and requests, the
partitioned walk) a connection tries once (``core.retry.retried_by_caller``), so the
caller's policy is the only one. A 401 is raised to us (the connections have no
credentials of their own) and ``call`` signs in again once through the shared
``Authenticator``.
"""

from __future__ import annotations

import contextlib
import queue
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from storebrowser.core.errors import StorageError
from storebrowser.core.retry import retried_by_caller
from storebrowser.core.timeouts import MAX_READ_TIMEOUT
from storebrowser.providers.swift.auth import Authenticator, Credentials
from storebrowser.providers.swift.errors import status_of, swift_errors

T = TypeVar("T")

#: swiftclient retries a failed request this many times (so 1 + RETRIES attempts) ...
RETRIES = 3
#: ... after 0.5 s, 1 s, 2 s; none under a caller that retries (``run``).
STARTING_BACKOFF = 0.5
MAX_BACKOFF = 4.0
#: Seconds to connect / between bytes of an answer.
TIMEOUT = 60.0
IDLE_CONNECTIONS = 16


class SwiftClient:
    """Borrow connections that carry the account's current storage URL and token."""

    def __init__(self, auth: Authenticator, *, retries: int = RETRIES, timeout: float = TIMEOUT) -> None:
        self.auth = auth
        self._retries = retries
        self._timeout = timeout
        self._idle: queue.LifoQueue[Any] = queue.LifoQueue(IDLE_CONNECTIONS)
        #: Most entries Swift gives per listing request (``container_listing_limit``).
        self.listing_limit = 10_000

    @property
    def storage_url(self) -> str:
        return self.auth.current().storage_url

    def _new_connection(self) -> Any:
        from storebrowser.providers.swift.exact_path import ExactPathConnection

        return ExactPathConnection(
            retries=self._retries,
            starting_backoff=STARTING_BACKOFF,
            max_backoff=MAX_BACKOFF,
            timeout=self._timeout,
        )

    def fit(self, connections: int, timeout: float) -> None:
        """Keep up to ``connections`` idle connections, and give up on a silent one after
        ``timeout`` seconds (from the next call on each connection)."""
        with self._idle.mutex:  # LifoQueue reads maxsize under this lock
            self._idle.maxsize = max(self._idle.maxsize, connections)
        self._timeout = timeout

    def checkout(self) -> Any:
        try:
            connection = self._idle.get_nowait()
        except queue.Empty:
            return self._new_connection()
        if connection.timeout != self._timeout:
            connection.close()  # its HTTP connection has the old timeout; the next one not
            connection.timeout = self._timeout
        return connection

    def checkin(self, connection: Any) -> None:
        try:
            self._idle.put_nowait(connection)
        except queue.Full:
            connection.close()

    @staticmethod
    def discard(connection: Any) -> None:
        """Close a connection whose HTTP state is unknown (an error mid-request)."""
        with contextlib.suppress(Exception):
            connection.close()

    def release(self, connection: Any, error: BaseException) -> None:
        """Give back a connection after ``error``: reusable only after a full HTTP answer."""
        cause = error.__cause__ if error.__cause__ is not None else error
        if status_of(cause) is None:
            self.discard(connection)  # a dropped connection or a cancel mid-body
        else:
            self.checkin(connection)

    @contextlib.contextmanager
    def borrowed(self, *, slow: bool = False) -> Iterator[Any]:
        """A connection for one call; ``slow``: a connection of its own that waits
        ``MAX_READ_TIMEOUT`` for the answer (a server-side copy answers only when done)."""
        if slow:
            connection = self._new_connection()
            connection.timeout = MAX_READ_TIMEOUT
            try:
                yield connection
            finally:
                self.discard(connection)
            return
        connection = self.checkout()
        try:
            yield connection
        except BaseException as error:
            self.release(connection, error)
            raise
        self.checkin(connection)

    def run(self, connection: Any, func: Callable[[Any], T]) -> T:
        """``func(connection)`` with current credentials, signing in again once on 401."""
        credentials = self.auth.current()
        _use(connection, credentials)
        connection.retries = 0 if retried_by_caller() else self._retries  # one retry layer
        try:
            return func(connection)
        except Exception as error:
            if status_of(error) != 401 or not self.auth.can_refresh:
                raise
        _use(connection, self.auth.refresh(credentials.token))
        return func(connection)

    def call(
        self,
        what: str,
        func: Callable[[Any], T],
        *,
        container: str | None = None,
        key: str | None = None,
        conflict_means_not_empty: bool = False,
        slow: bool = False,
    ) -> T:
        """Run ``func`` on a borrowed connection (``slow``: see ``borrowed``); swiftclient
        errors become core errors."""
        with (
            swift_errors(
                what, container=container, key=key, conflict_means_not_empty=conflict_means_not_empty
            ),
            self.borrowed(slow=slow) as connection,
        ):
            return self.run(connection, func)

    def capabilities(self) -> dict[str, Any]:
        """The cluster's ``/info``; empty when the cluster hides it (``expose_info = false``)."""
        try:
            info: dict[str, Any] = self.call("Reading the cluster's /info", _get_info)
        except StorageError as error:  # a 404/401 here only means "not published"
            if error.retryable:
                raise
            return {}
        return info

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


def _use(connection: Any, credentials: Credentials) -> None:
    # Set before every call: after a 401 swiftclient clears url/token on the connection.
    if connection.url and connection.url != credentials.storage_url:
        connection.close()  # its HTTP connection points at the old storage host
    connection.url = credentials.storage_url
    connection.token = credentials.token
    connection.os_options["object_storage_url"] = credentials.storage_url


def _get_info(connection: Any) -> dict[str, Any]:
    info: dict[str, Any] = connection.get_capabilities()
    return info
