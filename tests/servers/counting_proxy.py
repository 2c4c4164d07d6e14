"""A TCP forwarding proxy on 127.0.0.1 that counts what travels, for tests that prove
only the asked bytes came over the wire (measured on the socket, not in our code).

    with CountingProxy(server_port) as proxy:
        provider = ...  # pointed at proxy.port instead of server_port
        proxy.reset()
        provider.read(container, key, ByteRange(0, 65536))
        assert proxy.bytes_from_server <= 65536 + HEADER_ALLOWANCE

Bytes are counted as the proxy receives them, before it forwards them, so a count read
after the client has its answer includes the whole answer. Requests are counted by
parsing the client's HTTP/1.1 stream (request line, headers, a Content-Length or
chunked body), which is enough for the SDKs' requests; the request lines are kept for
messages (``request_lines``).
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Self

from .ports import LOOPBACK

#: What a few replies' status lines and headers may add to a ranged read's body.
HEADER_ALLOWANCE = 8 * 1024
_BUFFER = 64 * 1024
_CONTENT_LENGTH = re.compile(rb"^content-length:\s*(\d+)\s*$", re.IGNORECASE | re.MULTILINE)
_EXPECT_CONTINUE = re.compile(rb"^expect:\s*100-continue", re.IGNORECASE | re.MULTILINE)
_CHUNKED = re.compile(rb"^transfer-encoding:[^\r\n]*chunked", re.IGNORECASE | re.MULTILINE)


class _RequestCounter:
    """Follows one connection's client-to-server bytes and reports each request line."""

    def __init__(self, on_request: Callable[[str], None]) -> None:
        self._on_request = on_request
        self._buffer = b""
        self._body_left = 0  # bytes of a Content-Length body still to skip
        self._chunked = False

    def feed(self, data: bytes) -> None:
        self._buffer += data
        while self._buffer:
            if self._body_left:
                taken = min(self._body_left, len(self._buffer))
                self._buffer, self._body_left = self._buffer[taken:], self._body_left - taken
            elif self._chunked:
                if not self._skip_chunk():
                    return
            elif not self._read_head():
                return

    @property
    def between_requests(self) -> bool:
        """Every request seen so far was received whole (head and body)."""
        return not self._buffer and not self._body_left and not self._chunked

    def _read_head(self) -> bool:
        end = self._buffer.find(b"\r\n\r\n")
        if end < 0:
            return False
        head, self._buffer = self._buffer[:end], self._buffer[end + 4 :]
        line = head.split(b"\r\n", 1)[0].decode("latin-1")
        self.last_method = line.partition(" ")[0]
        self.expects_continue = _EXPECT_CONTINUE.search(head) is not None
        self._on_request(line)
        if _CHUNKED.search(head):
            self._chunked = True
        elif match := _CONTENT_LENGTH.search(head):
            self._body_left = int(match.group(1))
        return True

    def _skip_chunk(self) -> bool:
        line_end = self._buffer.find(b"\r\n")
        if line_end < 0:
            return False
        size = int(self._buffer[:line_end].split(b";")[0].strip() or b"0", 16)
        rest = self._buffer[line_end + 2 :]
        if size == 0:  # the last chunk, then trailers (usually none) and an empty line
            found = -2 if rest.startswith(b"\r\n") else rest.find(b"\r\n\r\n")
            if found == -1:
                return False
            self._buffer, self._chunked = rest[found + 4 :], False
            return True
        if len(rest) < size + 2:
            return False
        self._buffer = rest[size + 2 :]
        return True


@dataclass
class Link:
    """One client connection and the server connection it is forwarded to."""

    client: socket.socket
    server: socket.socket
    counter: _RequestCounter = field(init=False)
    #: Bytes forwarded so far each way on this connection.
    up: int = 0
    down: int = 0


class CountingProxy:
    """Forwards every connection to ``127.0.0.1:target_port``, counting both directions."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self._lock = threading.Lock()
        self._listener = socket.create_server((LOOPBACK, 0))
        self.port: int = self._listener.getsockname()[1]
        self._sockets: set[socket.socket] = set()
        self._closed = False
        self.bytes_from_server = 0
        self.bytes_to_server = 0
        self.connections = 0
        self.request_lines: list[str] = []
        self._thread = threading.Thread(target=self._accept_loop, name="counting-proxy", daemon=True)
        self._thread.start()

    # -- what the tests read --------------------------------------------------------------

    @property
    def requests(self) -> int:
        with self._lock:
            return len(self.request_lines)

    def reset(self) -> None:
        """Start counting afresh (open connections keep going, counted from now)."""
        with self._lock:
            self.bytes_from_server = self.bytes_to_server = self.connections = 0
            self.request_lines = []

    def url(self, path: str = "") -> str:
        return f"http://{LOOPBACK}:{self.port}{path}"

    def __repr__(self) -> str:
        return (f"<CountingProxy :{self.port} -> :{self.target_port}, {self.requests} requests, "
                f"{self.bytes_from_server} bytes back>")  # fmt: skip

    # -- forwarding -----------------------------------------------------------------------

    def _accept_loop(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # closed
            try:
                server = socket.create_connection((LOOPBACK, self.target_port))
            except OSError:
                client.close()
                continue
            with self._lock:
                if self._closed:
                    client.close()
                    server.close()
                    return
                self.connections += 1
                self._sockets.update((client, server))
            link = Link(client, server)
            link.counter = _RequestCounter(lambda line, lk=link: self._saw_request(line, lk))
            done = threading.Barrier(2, action=lambda c=client, s=server: self._close_pair(c, s))
            for upstream in (True, False):
                threading.Thread(target=self._pump, args=(link, upstream, done), daemon=True).start()

    def _saw_request(self, line: str, _link: Link) -> None:
        with self._lock:
            self.request_lines.append(line)

    def _pump(self, link: Link, upstream: bool, done: threading.Barrier) -> None:
        source, target = (link.client, link.server) if upstream else (link.server, link.client)
        try:
            while data := source.recv(self._buffer_size()):
                with self._lock:
                    if upstream:
                        self.bytes_to_server += len(data)
                    else:
                        self.bytes_from_server += len(data)
                if upstream:
                    link.counter.feed(data)
                self._forward(link, data, upstream)
        except OSError:
            pass  # one side went away; the other pump notices on its own
        finally:
            with contextlib.suppress(OSError):
                target.shutdown(socket.SHUT_WR)
            with contextlib.suppress(threading.BrokenBarrierError):
                done.wait()

    # -- hooks for proxies that do more than count (``fault_proxy.FaultProxy``) ----------

    def _buffer_size(self) -> int:
        return _BUFFER

    def _forward(self, link: Link, data: bytes, upstream: bool) -> None:
        """Pass ``data`` on, the client's to the server (``upstream``) or back."""
        (link.server if upstream else link.client).sendall(data)

    def _close_pair(self, *pair: socket.socket) -> None:
        with self._lock:
            for sock in pair:
                self._sockets.discard(sock)
                sock.close()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            sockets, self._sockets = list(self._sockets), set()
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the accept(); close() does not
        self._listener.close()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
