"""Child process of the killed class-change test: run one SET_CLASS job with the engine
and its journal, each object a little slowed so the parent can SIGKILL it halfway.

Run as ``python -m tests.transfers.tiering_child '<json>'`` from the project root.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from storebrowser.providers.registry import open_provider
from storebrowser.transfers import JobKind, Journal, TransferEngine
from storebrowser.transfers.jobs import JobSpec
from tests.transfers.helpers import FAST_RETRY


class Slowed:
    """Our provider, each class change a little later (nothing of the SDK is replaced)."""

    def __init__(self, inner: Any, delay: float) -> None:
        self._inner, self._delay = inner, delay

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def set_storage_class(self, *args: Any, **kwargs: Any) -> Any:
        time.sleep(self._delay)
        return self._inner.set_storage_class(*args, **kwargs)


def main(config: dict[str, Any]) -> None:
    provider = open_provider(config["kind"], config["settings"])
    provider.connect()
    engine = TransferEngine({"acct": Slowed(provider, config["delay"])}, Journal(config["journal"]),  # type: ignore[dict-item]
                            concurrency=4, retry=FAST_RETRY)  # fmt: skip
    engine.submit(JobSpec(JobKind.SET_CLASS, "acct", config["container"], sources=tuple(config["sources"]),
                          storage_class=config["storage_class"]))  # fmt: skip
    engine.wait_idle()
    sys.exit(3)  # the parent kills us before this; finishing means the test is broken


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))
