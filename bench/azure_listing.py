"""Client CPU of an Azure listing page: the XML read straight into columns
(``providers/azure/listing_xml.py``) against the SDK's models (``listing.sdk_page``, the
path every page took before), side by side on Azurite started on 127.0.0.1.

Seeds ``--objects`` blobs (5,000 by default: one full page) with an ``mtime`` metadata
entry each, as our uploads write it, laid out so that both kinds of listing fill a page:
the flat listing (with metadata: what compare and sync read) has them all, and the listing
with ``/`` at the top shows 4/5 of them as blobs and the rest as one folder each. Then, in
turns (``--rounds``), lists every page both ways and makes the page's columns
(``entry_columns``: what the object table's packing worker does next; the fast path has
them already). Prints per page: client CPU ms (this process's CPU time, ``time.process_time``:
load on the machine barely moves it) and wall ms, medians over the rounds, and the load
average. Azurite's own CPU is not counted.

Run from the project root: ``python -m bench.azure_listing [--objects 5000] [--rounds 5]``.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from storebrowser.core.types import ObjectInfo, Page, entry_columns
from storebrowser.providers.azure import listing, listing_xml
from storebrowser.providers.azure.provider import AzureProvider
from storebrowser.providers.registry import open_provider
from tests.servers.azurite import start_azurite

PAGE = listing.MAX_PAGE
ListPage = Callable[[Any, str, str | None, str | None, int], Page[ObjectInfo] | None]


def seed(client: Any, objects: int) -> None:
    """Every fifth blob in a folder of its own, the rest at the top; 16 uploads at a time."""

    def put(number: int) -> None:
        name = f"dir-{number:07d}/inside.txt" if number % 5 == 4 else f"file-{number:07d}.txt"
        client.upload_blob(name, b"x", metadata={"mtime": f"{1733300000 + number}.5"})

    with ThreadPoolExecutor(16) as pool:
        list(pool.map(put, range(objects)))


def measure(read: ListPage, client: Any, delimiter: str | None) -> tuple[list[float], list[float], int]:
    """(CPU ms per page, wall ms per page, entries) over the whole listing."""
    cpu, wall, entries, token = [], [], 0, None
    while True:
        gc.collect()
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        page = read(client, "", delimiter, token, PAGE)
        assert page is not None, "the fast path left a page to the SDK"
        columns = entry_columns(page.entries)
        cpu.append((time.process_time() - cpu_start) * 1000)
        wall.append((time.perf_counter() - wall_start) * 1000)
        entries += len(columns.keys)
        if page.next_token is None:
            return cpu, wall, entries
        token = page.next_token


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--objects", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    variants: dict[str, ListPage] = {"sdk (before)": listing.sdk_page, "xml (after)": listing_xml.read_page}
    with start_azurite(timeout=120) as azurite:
        provider = open_provider("azure", {"connection_string": azurite.connection_string})
        assert isinstance(provider, AzureProvider)
        provider.connect()
        provider.create_container("bench")
        client = provider.service.get_container_client("bench")
        started = time.perf_counter()
        seed(client, args.objects)
        print(f"seeded {args.objects:,} blobs in {time.perf_counter() - started:.0f} s", flush=True)
        figures: dict[tuple[str, str], tuple[list[float], list[float], int]] = {}
        for _ in range(args.rounds):
            for kind, delimiter in (("flat + metadata", None), ("delimiter /", "/")):
                for name, read in variants.items():
                    cpu, wall, entries = measure(read, client, delimiter)
                    before = figures.get((kind, name), ([], [], 0))
                    figures[kind, name] = (before[0] + cpu, before[1] + wall, entries)
        print(f"load average: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
        print(f"{'listing':<16} {'path':<13} {'pages':>5} {'CPU ms/page':>12} {'wall ms/page':>13} "
              f"{'CPU us/entry':>13}")  # fmt: skip
        for (kind, name), (cpu, wall, entries) in figures.items():
            pages = len(cpu) // args.rounds
            per_entry = statistics.median(cpu) * 1000 * pages / max(1, entries)
            print(f"{kind:<16} {name:<13} {pages:>5} {statistics.median(cpu):>12.1f} "
                  f"{statistics.median(wall):>13.1f} {per_entry:>13.1f}")  # fmt: skip
        provider.close()


if __name__ == "__main__":
    main()
