"""Azurite's blob service (npm ``azurite``, pinned in ``tests/servers/package.json``) on 127.0.0.1.

Install once with ``npm ci --prefix tests/servers``. Each run gets a fresh workspace: Azurite
keeps everything written in it, so reusing one would leak state between sessions.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .base import ServerHandle, boot, http_request, make_base_dir
from .ports import LOOPBACK, free_port

HERE = Path(__file__).resolve().parent
AZURITE_BLOB = HERE / "node_modules" / ".bin" / "azurite-blob"
ACCOUNT_NAME = "devstoreaccount1"
#: Azurite's published development key (the same for every Azurite install; not a secret).
ACCOUNT_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="


@dataclass(kw_only=True, eq=False)
class AzuriteServer(ServerHandle):
    """A running Azurite blob service."""

    port: int
    blob_endpoint: str  # http://127.0.0.1:PORT/devstoreaccount1
    account_name: str = ACCOUNT_NAME
    account_key: str = ACCOUNT_KEY

    @property
    def connection_string(self) -> str:
        return (
            f"DefaultEndpointsProtocol=http;AccountName={self.account_name};"
            f"AccountKey={self.account_key};BlobEndpoint={self.blob_endpoint};"
        )


def azurite_command() -> Path:
    if shutil.which("node") is None:
        raise FileNotFoundError("node not found on PATH: Azurite needs Node.js (apt-get install nodejs)")
    if not AZURITE_BLOB.exists():
        raise FileNotFoundError(f"{AZURITE_BLOB} not found: run `npm ci --prefix tests/servers`")
    return AZURITE_BLOB


def _answers(server: AzuriteServer) -> bool:
    # Unauthenticated, so Azurite answers 4xx; any answer from it means it serves requests.
    reply = http_request("GET", f"{server.blob_endpoint}?comp=list")
    return reply.status < 500


def _start(server: AzuriteServer, timeout: float) -> None:
    workspace = server.base_dir / "workspace"
    workspace.mkdir()
    server.spawn(
        "azurite",
        [
            azurite_command(),
            "--blobHost",
            LOOPBACK,
            "--blobPort",
            str(server.port),
            "--location",
            workspace,
            # The current azure-storage-blob sends an API version newer than Azurite knows.
            "--skipApiVersionCheck",
            "--loose",  # ignore headers Azurite does not implement instead of failing
            "--disableTelemetry",
            "--silent",  # no access log
        ],
    )
    server.wait_until("Azurite blob service", lambda: _answers(server), timeout)


def start_azurite(timeout: float = 30.0) -> AzuriteServer:
    """Start Azurite's blob service and return it once it answers HTTP."""
    azurite_command()  # fail before creating anything when it is not installed
    port = free_port()
    server = AzuriteServer(
        name="azurite",
        base_dir=make_base_dir("azurite"),
        port=port,
        blob_endpoint=f"http://{LOOPBACK}:{port}/{ACCOUNT_NAME}",
    )
    return boot(server, lambda s: _start(s, timeout))


__all__ = ["ACCOUNT_KEY", "ACCOUNT_NAME", "AzuriteServer", "start_azurite"]
