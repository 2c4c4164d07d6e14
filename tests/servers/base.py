"""Process handles shared by the test servers: spawn, readiness, logs, clean shutdown.

Every server process is started in its own session (``start_new_session=True``), so its
pid is also its process-group id and ``stop()`` can signal the whole group: nothing the
server forked survives the test session.
"""

from __future__ import annotations

import atexit
import contextlib
import http.client
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Self, TypeVar
from urllib.parse import urlsplit

from .ports import port_is_open

#: Set to 1 to keep the servers' temporary folders (configs, data, logs) for debugging.
KEEP_ENV = "STOREBROWSER_KEEP_SERVERS"
#: Seconds a server gets to exit after SIGTERM before it is SIGKILLed.
STOP_GRACE_SECONDS = 10.0
WATCHDOG = Path(__file__).resolve().parent / "_watchdog.py"


class ServerStartError(RuntimeError):
    """A test server did not come up; the message carries the tail of its logs."""


def keep_servers() -> bool:
    """True when the user asked to keep temporary folders (see ``KEEP_ENV``)."""
    return os.environ.get(KEEP_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def make_base_dir(name: str) -> Path:
    """A fresh temporary folder for one server run, with a ``log`` sub-folder."""
    base = Path(tempfile.mkdtemp(prefix=f"storebrowser-{name}-"))
    (base / "log").mkdir()
    return base


# --------------------------------------------------------------------------- processes


@dataclass
class ManagedProcess:
    """One child process, leader of its own process group, logging to ``log_path``."""

    name: str
    popen: subprocess.Popen[bytes]
    log_path: Path

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def signal_group(self, sig: signal.Signals) -> None:
        """Send ``sig`` to the whole process group; a group already gone is fine."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, sig)


def spawn(
    name: str,
    argv: Sequence[str | os.PathLike[str]],
    log_dir: Path,
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> ManagedProcess:
    """Start ``argv`` in a new session with stdout and stderr appended to ``log_dir/name.log``."""
    log_path = log_dir / f"{name}.log"
    with log_path.open("ab") as log:  # the child keeps its own copy of the descriptor
        popen = subprocess.Popen(
            [os.fspath(arg) for arg in argv],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=cwd,
            env=dict(env) if env is not None else None,
            start_new_session=True,
        )
    return ManagedProcess(name=name, popen=popen, log_path=log_path)


def group_pids(pgid: int) -> list[int]:
    """Pids of the live (non-zombie) processes whose process group is ``pgid`` (Linux /proc)."""
    pids: list[int] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # exited while we looked
        # Fields after the ")" that closes the command name: state ppid pgrp ...
        state, _ppid, pgrp = stat.rpartition(")")[2].split()[:3]
        if int(pgrp) == pgid and state != "Z":
            pids.append(int(entry.name))
    return pids


def rss_of(pids: Iterable[int]) -> int:
    """Sum of the resident set sizes of ``pids`` in bytes (processes gone meanwhile count 0)."""
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
    return total


def stop_processes(processes: Sequence[ManagedProcess], grace: float = STOP_GRACE_SECONDS) -> None:
    """SIGTERM every group at once, wait up to ``grace`` seconds, then SIGKILL what is left."""
    for proc in processes:
        proc.signal_group(signal.SIGTERM)
    deadline = time.monotonic() + grace
    for proc in processes:
        try:
            proc.popen.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.signal_group(signal.SIGKILL)
            proc.popen.wait(timeout=5)
    # The leaders are reaped; anything they forked that still sits in their group goes too.
    for proc in processes:
        if group_pids(proc.pid):
            proc.signal_group(signal.SIGKILL)


# --------------------------------------------------------------------------- HTTP probe


@dataclass(frozen=True)
class HttpReply:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes


def http_request(
    method: str,
    url: str,
    headers: Mapping[str, str] | None = None,
    body: bytes | None = None,
    timeout: float = 5.0,
) -> HttpReply:
    """One plain-HTTP request with the standard library (no proxies, no retries)."""
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.hostname is None:
        raise ValueError(f"only http:// URLs are supported here: {url}")
    conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=timeout)
    try:
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        conn.request(method, path, body=body, headers=dict(headers or {}))
        resp = conn.getresponse()
        data = resp.read()
        return HttpReply(resp.status, {k.lower(): v for k, v in resp.getheaders()}, data)
    finally:
        conn.close()


# --------------------------------------------------------------------------- handle

_LIVE_HANDLES: set[ServerHandle] = set()


@dataclass(kw_only=True, eq=False)
class ServerHandle:
    """A running server: its processes, its temporary folder, and how to stop it.

    Subclasses add the endpoint and credential fields. Use as a context manager, or call
    ``stop()``. Safety nets: an ``atexit`` hook stops what a script forgot, and a watchdog
    process stops everything if this process is killed outright.
    """

    name: str
    base_dir: Path
    processes: list[ManagedProcess] = field(default_factory=list, repr=False)
    #: Wall-clock seconds from ``start_*()`` to "ready" (filled in by ``boot``).
    start_seconds: float = 0.0
    stopped: bool = False
    #: Cleans up if this (the parent) process dies without calling stop(); see _watchdog.py.
    watchdog: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def log_dir(self) -> Path:
        return self.base_dir / "log"

    def spawn(
        self,
        name: str,
        argv: Sequence[str | os.PathLike[str]],
        *,
        cwd: Path | None = None,
        env: Mapping[str, str] | None = None,
    ) -> ManagedProcess:
        """Start a child process that belongs to this server (stopped with it)."""
        proc = spawn(name, argv, self.log_dir, cwd=cwd, env=env)
        self.processes.append(proc)
        self._tell_watchdog(f"{proc.pid}\n")
        return proc

    def _tell_watchdog(self, line: str) -> None:
        if self.watchdog is None:
            self.watchdog = subprocess.Popen(
                [sys.executable, WATCHDOG, self.base_dir, "1" if keep_servers() else "0"],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                # Its own session: whatever kills our process group must not take it along.
                start_new_session=True,
            )
        assert self.watchdog.stdin is not None
        with contextlib.suppress(BrokenPipeError):
            self.watchdog.stdin.write(line.encode())
            self.watchdog.stdin.flush()

    def _release_watchdog(self) -> None:
        if self.watchdog is None:
            return
        self._tell_watchdog("stopped\n")
        if self.watchdog.stdin is not None:
            with contextlib.suppress(BrokenPipeError):
                self.watchdog.stdin.close()
        self.watchdog.wait(timeout=5)

    def check_alive(self) -> None:
        """Raise if one of our processes has already exited (fail fast instead of timing out)."""
        for proc in self.processes:
            code = proc.popen.poll()
            if code is not None:
                raise RuntimeError(f"{proc.name} exited with code {code}")

    def wait_until(self, what: str, probe: Callable[[], bool], timeout: float) -> None:
        """Poll ``probe`` until it returns True; exceptions from it count as "not yet"."""
        deadline = time.monotonic() + timeout
        last_error: BaseException | None = None
        while True:
            self.check_alive()
            try:
                if probe():
                    return
            except Exception as exc:  # any failure means "not ready yet"
                last_error = exc
            if time.monotonic() >= deadline:
                detail = f" (last error: {last_error!r})" if last_error else ""
                raise TimeoutError(f"{what} not ready after {timeout:.0f}s{detail}")
            time.sleep(0.05)

    def wait_for_port(self, port: int, timeout: float) -> None:
        self.wait_until(f"port {port}", lambda: port_is_open(port), timeout)

    def log_tail(self, lines: int = 25) -> str:
        """The last ``lines`` lines of every log file, for error messages."""
        chunks: list[str] = []
        for path in sorted(self.log_dir.glob("*.log")):
            text = path.read_text(errors="replace").splitlines()[-lines:]
            chunks.append(f"--- {path.name} ---\n" + "\n".join(text))
        return "\n".join(chunks) or "(no logs)"

    def pids(self) -> list[int]:
        """Every live pid in our process groups (the leaders and anything they forked)."""
        return [pid for proc in self.processes for pid in group_pids(proc.pid)]

    def rss_bytes(self) -> int:
        """Resident memory of all our processes together, in bytes."""
        return rss_of(self.pids())

    def stop(self) -> None:
        """Stop every process (SIGTERM, then SIGKILL) and remove the temporary folder."""
        if self.stopped:
            return
        self.stopped = True
        _LIVE_HANDLES.discard(self)
        # Reverse start order: front ends (e.g. Swift's proxy) go before their back ends.
        stop_processes(list(reversed(self.processes)))
        self._release_watchdog()
        if keep_servers():
            print(f"[{self.name}] kept {self.base_dir} ({KEEP_ENV} is set)")
        else:
            shutil.rmtree(self.base_dir, ignore_errors=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


H = TypeVar("H", bound=ServerHandle)


def boot(handle: H, start: Callable[[H], None]) -> H:
    """Run ``start(handle)``; on any failure stop what started and raise with the logs' tail."""
    _LIVE_HANDLES.add(handle)
    began = time.monotonic()
    try:
        start(handle)
    except Exception as exc:
        kept = "" if keep_servers() else f", removed; set {KEEP_ENV}=1 to keep it"
        logs = f"logs ({handle.base_dir}{kept}):\n{handle.log_tail()}"
        message = f"{handle.name} failed to start: {exc}\n{logs}"
        handle.stop()
        raise ServerStartError(message) from exc
    except BaseException:  # Ctrl-C while starting: still leave no processes behind
        handle.stop()
        raise
    handle.start_seconds = time.monotonic() - began
    return handle


@atexit.register
def _stop_leftovers() -> None:
    """Safety net for scripts that forget ``stop()``; pytest fixtures stop their servers first."""
    for handle in list(_LIVE_HANDLES):
        handle.stop()
