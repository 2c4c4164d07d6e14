"""moto's S3 server in a subprocess on 127.0.0.1.

A subprocess rather than ``ThreadedMotoServer``: moto does real work per request (parsing,
hashing, copying bodies) and in-process it would compete with the tests for our GIL.

Known gaps of moto as an S3 stand-in (do not test these against it):
- it checks no credentials at all: any access key and any secret are accepted;
- a PUT sent with ``Content-Type: application/x-www-form-urlencoded`` is stored with an
  empty body (the server side reads it as a form);
- ranged GETs cost time proportional to the whole object's size, so big ranged reads are slow.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .base import ServerHandle, boot, http_request, make_base_dir
from .ports import LOOPBACK, free_port


@dataclass(kw_only=True, eq=False)
class MotoServer(ServerHandle):
    """A running moto server; credentials are dummies (moto accepts anything)."""

    port: int
    endpoint_url: str
    access_key: str = "testing"
    secret_key: str = "testing"
    region: str = "us-east-1"


def moto_command(port: int) -> list[str]:
    script = Path(sys.executable).parent / "moto_server"
    head = [str(script)] if script.exists() else [sys.executable, "-m", "moto.server"]
    return [*head, "-H", LOOPBACK, "-p", str(port)]


def _answers(server: MotoServer) -> bool:
    # moto's own API answers without credentials; 200 means the WSGI app is loaded.
    return http_request("GET", f"{server.endpoint_url}/moto-api/data.json").status == 200


def _start(server: MotoServer, timeout: float) -> None:
    env = {
        **_clean_env(),
        # moto reads these for its defaults; keep them local and harmless.
        "AWS_ACCESS_KEY_ID": server.access_key,
        "AWS_SECRET_ACCESS_KEY": server.secret_key,
        "AWS_DEFAULT_REGION": server.region,
    }
    server.spawn("moto", moto_command(server.port), env=env)
    server.wait_until("moto server", lambda: _answers(server), timeout)


def _clean_env() -> dict[str, str]:
    # A developer's real AWS profile must never leak into the fake server.
    return {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}


def start_moto(timeout: float = 30.0) -> MotoServer:
    """Start a moto server and return it once it answers HTTP."""
    port = free_port()
    server = MotoServer(
        name="moto",
        base_dir=make_base_dir("moto"),
        port=port,
        endpoint_url=f"http://{LOOPBACK}:{port}",
    )
    return boot(server, lambda s: _start(s, timeout))


__all__ = ["MotoServer", "start_moto"]
