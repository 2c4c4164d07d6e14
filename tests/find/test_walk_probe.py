"""A probing walk (``Walk(probe=N)``) lists the place flat first: a place that fits that
page is listed in one request; a larger one is split as before, without listing again the
sub-folders the first page listed whole, and without a key lost or doubled (against the
service's own SDK)."""

from __future__ import annotations

from collections import Counter

import pytest

from storebrowser.core.walk import Walk
from storebrowser.core.walk_probe import Probed
from storebrowser.providers.base import Provider
from storebrowser.transfers import sending
from tests.find.sdk_listing import sdk_listing

#: Objects at the top and in folders, names of one, two and four UTF-8 bytes.
KEYS = ["a/1", "a/2", "b", "c/1", "c/2", "c/3", "d/1", "e", "f/1", "f/2", "é/1", "z\U0001f600/1"]
FOLDERS = {"a/", "c/", "d/", "f/", "é/", "z\U0001f600/"}


@pytest.fixture
def probe_box(provider: Provider, container: str) -> tuple[Provider, str]:
    for n, key in enumerate(KEYS):
        sending.upload_bytes(provider, container, key, b"p" * n)
    return provider, container


def _walked(walk: Walk) -> dict[str, int]:
    listed = [pair for page in walk for pair in zip(page.entries.keys, page.entries.sizes, strict=True)]
    doubled = [key for key, n in Counter(key for key, _ in listed).items() if n > 1]
    assert not doubled
    assert walk.complete
    return dict(listed)


def test_a_place_that_fits_the_first_page_takes_one_request(
    probe_box: tuple[Provider, str], request: pytest.FixtureRequest
) -> None:
    provider, container = probe_box
    reference = sdk_listing(provider, container, request)
    walk = Walk(provider, container, connections=4, page_size=3, probe=100)
    assert _walked(walk) == reference
    assert walk.requests == 1  # without the probe: the level, then each of 6 folders
    assert all(page.flat for page in Walk(provider, container, connections=4, probe=100))


def test_a_larger_place_is_split_without_listing_again_what_the_first_page_held(
    probe_box: tuple[Provider, str], request: pytest.FixtureRequest
) -> None:
    provider, container = probe_box
    reference = sdk_listing(provider, container, request)
    # The first page: a/1 a/2 b c/1; a/ is whole (b follows it), c/ is not. (No key
    # ranges: the count of parts is then the count of folders listed.)
    walk = Walk(provider, container, connections=4, page_size=2, probe=4, ranges=False)
    assert _walked(walk) == reference
    assert walk.parts == len(FOLDERS) - 1  # every folder but a/
    plain = Walk(provider, container, connections=4, page_size=2, ranges=False)
    assert _walked(plain) == reference
    assert plain.parts == len(FOLDERS)
    # With key ranges as short as they come (S3, Swift): nothing lost or doubled either.
    ranged = Walk(provider, container, connections=4, page_size=2, probe=4, min_pages=1)
    assert _walked(ranged) == reference


def test_the_folders_a_first_page_holds_whole() -> None:
    probed = Probed(["p/a/1", "p/a/2", "p/b", "p/c/1", "p/c/2", "p/d/1"], "p/")
    assert probed.complete == {"p/a/", "p/c/"}  # p/d/ may go on in the next page
    assert Probed(["p/a/1"], "p/").complete == frozenset()
