"""Start test servers by hand: ``python -m tests.servers [swift] [azurite] [moto] [--hold]``.

Prints each server's endpoints, start time and memory. With ``--hold`` the servers keep
running until Ctrl-C (for benches or poking with other clients); otherwise they stop at once.
"""

from __future__ import annotations

import argparse
import signal
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import fields

from .azurite import start_azurite
from .base import ServerHandle
from .moto_s3 import start_moto
from .swift_aio import start_swift

STARTERS: dict[str, Callable[[], ServerHandle]] = {
    "swift": start_swift,
    "azurite": start_azurite,
    "moto": start_moto,
}
HIDDEN = {"processes", "stopped", "name", "ports", "watchdog"}


def describe(server: ServerHandle) -> str:
    rss_mib = server.rss_bytes() / 2**20
    lines = [f"{server.name}: ready in {server.start_seconds:.2f}s, RSS {rss_mib:.0f} MiB"]
    for f in fields(server):
        if f.name not in HIDDEN:
            lines.append(f"  {f.name} = {getattr(server, f.name)}")
    connection_string = getattr(server, "connection_string", None)
    if connection_string:
        lines.append(f"  connection_string = {connection_string}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.servers", description=__doc__)
    parser.add_argument("servers", nargs="*", help=f"any of {', '.join(STARTERS)} (default: all)")
    parser.add_argument("--hold", action="store_true", help="keep running until Ctrl-C")
    args = parser.parse_args()
    unknown = set(args.servers) - set(STARTERS)
    if unknown:
        parser.error(f"unknown server(s): {', '.join(sorted(unknown))}")
    with ExitStack() as stack:
        for name in args.servers or STARTERS:
            server = stack.enter_context(STARTERS[name]())
            print(describe(server), flush=True)
        if args.hold:
            # Blocked only now: children inherit the signal mask, and the servers must
            # still see the SIGTERM that stop() sends them.
            stop_signals = {signal.SIGINT, signal.SIGTERM}
            signal.pthread_sigmask(signal.SIG_BLOCK, stop_signals)
            print("running; Ctrl-C stops them", flush=True)
            signal.sigwait(stop_signals)


if __name__ == "__main__":
    main()
