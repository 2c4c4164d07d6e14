"""A distant service, simulated: ``tests.servers.fault_proxy.FaultProxy`` with a round-trip
delay on every request, in a process of its own so that forwarding costs the benchmark's
client no CPU. Prints its port on the first line, then forwards until its input closes.

    python -m bench.latency_proxy TARGET_PORT SECONDS
"""

from __future__ import annotations

import sys

from tests.servers.fault_proxy import FaultProxy


def main() -> None:
    target_port, seconds = int(sys.argv[1]), float(sys.argv[2])
    with FaultProxy(target_port) as proxy:
        proxy.latency(seconds)
        print(proxy.port, flush=True)
        sys.stdin.read()  # the benchmark closes our input when it is done


if __name__ == "__main__":
    main()
