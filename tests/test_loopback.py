"""The loopback-only guard of tests/conftest.py is on, and refuses before sending."""

from __future__ import annotations

import socket
import urllib.request

import pytest

from tests import loopback


def test_the_guard_is_installed_for_the_whole_session() -> None:
    assert socket.socket.connect is loopback._connect
    assert socket.getaddrinfo is loopback._getaddrinfo


@pytest.mark.parametrize("address", [("192.0.2.1", 80), ("2001:db8::1", 80, 0, 0), ("10.0.0.1", 443)])
def test_connections_elsewhere_are_refused(address: tuple) -> None:
    family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
    with socket.socket(family) as sock, pytest.raises(PermissionError, match=r"127\.0\.0\.1 only"):
        sock.connect(address)


def test_name_lookups_are_refused_and_say_why() -> None:
    with pytest.raises(OSError, match=r"127\.0\.0\.1 only"):
        urllib.request.urlopen("http://example.com/", timeout=5)


def test_loopback_is_allowed() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        with socket.create_connection(server.getsockname(), timeout=5):
            pass
    assert socket.getaddrinfo("localhost", 80)
