"""A ``CountingProxy`` that also breaks things on purpose, for fault-injection tests.

    with FaultProxy(server_port) as proxy:
        provider = ...                      # pointed at proxy.port
        proxy.reset_after(300_000)          # the connection carrying byte 300,000 is reset
        proxy.stall(3.0, after=1)           # the next answer stops for 3 s after its 1st byte
        proxy.fail_next(2, status=503)      # the next 2 requests get a canned 503
        proxy.throttle(512 * 1024)          # a slow link: 512 KiB/s each way, per connection
        proxy.fail_matching("prefix=d%2Fbad")  # every request whose line holds that gets a 503
        proxy.latency(0.05)                 # every request waits 50 ms: a distant service

Faults are armed for a number of times and disarm themselves; ``faults_done`` counts what
happened, so a test can check its faults were really met. A reset is a real TCP RST to
both sides (SO_LINGER 0), not a polite close.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from collections import Counter
from dataclasses import dataclass
from http import HTTPStatus

from .counting_proxy import CountingProxy, Link

_SLOW_BUFFER = 16 * 1024  # smaller reads when throttled: a smoother slow link


@dataclass
class _Reset:
    after: int  # bytes still to pass (counted over every connection) before the reset
    every: int
    times: int
    upstream: bool


@dataclass
class _Stall:
    seconds: float
    after: int  # bytes of an answer that pass before it stops
    times: int


class FaultProxy(CountingProxy):
    def __init__(self, target_port: int) -> None:
        self._reset: _Reset | None = None
        self._stall: _Stall | None = None
        self._canned: list[int] = []  # statuses for the next requests
        self._failing: tuple[str, int] | None = None  # (text in the request line, status)
        self._failing_left: int | None = None  # how many more to fail; None: until cleared
        self._rate: int | None = None
        self._latency = 0.0
        self._stopping = threading.Event()
        self._canned_links: dict[int, int] = {}  # id(link) -> status being answered
        self.faults_done: Counter[str] = Counter()
        super().__init__(target_port)

    # -- arming -----------------------------------------------------------------------------

    def reset_after(self, nbytes: int, *, times: int = 1, upstream: bool = False) -> None:
        """Reset the connection that carries byte ``nbytes`` from now (server to client, or
        client to server with ``upstream``); then again every ``nbytes``, ``times`` in all."""
        with self._lock:
            self._reset = _Reset(nbytes, nbytes, times, upstream)

    def stall(self, seconds: float, *, after: int = 1, times: int = 1) -> None:
        """The next ``times`` answers stop for ``seconds`` once ``after`` bytes passed."""
        with self._lock:
            self._stall = _Stall(seconds, after, times)

    def fail_next(self, count: int, *, status: int = 503) -> None:
        """Answer the next ``count`` requests with ``status`` (the server never sees them)."""
        with self._lock:
            self._canned = [status] * count

    def fail_matching(self, text: str, *, status: int = 503, times: int | None = None) -> None:
        """Answer every request whose request line holds ``text`` with ``status``, until
        cleared (a part of a listing that keeps failing, whatever the retries), or only the
        next ``times`` of them."""
        with self._lock:
            self._failing, self._failing_left = (text, status), times

    def latency(self, seconds: float) -> None:
        """Every request waits ``seconds`` before it goes on to the server, as a distant
        service's round trip does (each connection waits on its own)."""
        self._latency = seconds

    def throttle(self, bytes_per_second: int | None) -> None:
        """A slow link each way, per connection; ``None`` for full speed."""
        with self._lock:
            self._rate = bytes_per_second

    def clear(self) -> None:
        with self._lock:
            self._reset, self._stall, self._canned, self._rate = None, None, [], None
            self._failing, self._latency = None, 0.0

    def close(self) -> None:
        self._stopping.set()  # wakes stalls
        super().close()

    # -- hooks ------------------------------------------------------------------------------

    def _buffer_size(self) -> int:
        return _SLOW_BUFFER if self._rate else super()._buffer_size()

    def _saw_request(self, line: str, link: Link) -> None:
        super()._saw_request(line, link)
        if self._latency:
            self._stopping.wait(self._latency)  # before the request's bytes go on
        with self._lock:
            if id(link) in self._canned_links:
                return
            if self._failing is not None and self._failing[0] in line:
                self._canned_links[id(link)] = self._failing[1]
                if self._failing_left is not None:
                    self._failing_left -= 1
                    if self._failing_left <= 0:
                        self._failing = None
            elif self._canned:
                self._canned_links[id(link)] = self._canned.pop(0)

    def _forward(self, link: Link, data: bytes, upstream: bool) -> None:
        if upstream and id(link) in self._canned_links:
            self._answer_canned(link)
            return
        keep = self._bytes_before_reset(len(data), upstream)
        if keep is not None:
            with contextlib.suppress(OSError):
                super()._forward(link, data[:keep], upstream)
            self._reset_link(link)
            return
        if not upstream:
            self._maybe_stall(link, len(data))
        super()._forward(link, data, upstream)
        self._count(link, len(data), upstream)
        self._slow_down(len(data))

    def _count(self, link: Link, size: int, upstream: bool) -> None:
        if upstream:
            link.up += size
        else:
            link.down += size

    def _bytes_before_reset(self, size: int, upstream: bool) -> int | None:
        """How much of ``size`` bytes passes before a reset is due; ``None``: no reset."""
        with self._lock:
            reset = self._reset
            if reset is None or reset.upstream != upstream:
                return None
            if reset.after >= size:
                reset.after -= size
                return None
            keep = reset.after
            reset.times -= 1
            if reset.times <= 0:
                self._reset = None
            else:
                reset.after = reset.every
            self.faults_done["reset"] += 1
            return keep

    def _reset_link(self, link: Link) -> None:
        for sock in (link.client, link.server):
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                sock.shutdown(socket.SHUT_RD)  # wakes the other pump blocked on it; sends nothing
            sock.close()  # linger 0: an RST, no FIN
        raise ConnectionResetError("reset by the fault proxy")  # ends this pump

    def _maybe_stall(self, link: Link, size: int) -> None:
        with self._lock:
            stall = self._stall
            if stall is None or link.down + size < stall.after:
                return
            stall.times -= 1
            if stall.times <= 0:
                self._stall = None
            self.faults_done["stall"] += 1
        self._stopping.wait(stall.seconds)

    def _slow_down(self, size: int) -> None:
        rate = self._rate
        if rate:
            self._stopping.wait(size / rate)

    def _answer_canned(self, link: Link) -> None:
        """Swallow the request (its body too, unless it waits for ``100-continue``), then
        answer with the canned status and close, as an overloaded front end would."""
        if not link.counter.between_requests and not link.counter.expects_continue:
            return  # more of the body to come
        with self._lock:
            status = self._canned_links.pop(id(link))
            self.faults_done[f"status {status}"] += 1
        phrase = HTTPStatus(status).phrase
        body = b"" if link.counter.last_method == "HEAD" else f"{status} {phrase} (fault proxy)\n".encode()
        head = (f"HTTP/1.1 {status} {phrase}\r\nContent-Type: text/plain\r\nRetry-After: 0\r\n"
                f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n")  # fmt: skip
        with contextlib.suppress(OSError):
            link.client.sendall(head.encode() + body)
            link.server.shutdown(socket.SHUT_RDWR)
        raise ConnectionAbortedError("answered by the fault proxy")  # ends this pump
