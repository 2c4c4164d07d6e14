"""The house rule "tests talk to 127.0.0.1 only", enforced inside the test process.

``install()`` (from tests/conftest.py) makes every socket connect to a non-loopback address,
and every name lookup of a host other than ``localhost``, fail at once with a message, before
a packet leaves. The test servers and the CLI run in subprocesses, which this does not reach:
they are pointed at 127.0.0.1 by the fixtures.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
from typing import Any

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _refuse(what: str) -> PermissionError:
    return PermissionError(errno.EPERM, f"tests talk to 127.0.0.1 only (tests/loopback.py); refused {what}")


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True


def check_address(address: object) -> None:
    """Refuse an address tuple whose host is not a loopback address."""
    if not isinstance(address, tuple) or not address:
        return  # AF_UNIX paths
    host = str(address[0])
    if host == "localhost" or (_is_ip(host) and ipaddress.ip_address(host.split("%", 1)[0]).is_loopback):
        return
    raise _refuse(f"a connection to {host}")


def _connect(self: socket.socket, address: Any) -> None:
    check_address(address)
    _real_connect(self, address)


def _connect_ex(self: socket.socket, address: Any) -> int:
    check_address(address)
    return _real_connect_ex(self, address)


def _getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    name = host.decode() if isinstance(host, bytes) else host
    if name not in (None, "", "localhost") and not _is_ip(str(name)):
        raise _refuse(f"a look-up of {name!r}")  # a DNS query already leaves the machine
    return _real_getaddrinfo(host, *args, **kwargs)


def install() -> None:
    socket.socket.connect = _connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = _getaddrinfo
