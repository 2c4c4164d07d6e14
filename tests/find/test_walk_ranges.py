"""The walk splits a large part by key ranges (where the listing can start after a key),
and still lists exactly what the service's own SDK lists in full: no key lost or doubled
at a range's ends, including keys that sort right at, before and after the split points
(``r/a5`` and ``r/b`` are points, ``r/a4~``, ``r/a5!`` and ``r/a~`` sit beside them)."""

from __future__ import annotations

from collections import Counter

import pytest

from storebrowser.core.types import ObjectInfo, Page
from storebrowser.core.walk import MIN_PAGES, MIN_PAGES_OPEN_END, Walk, split_points
from storebrowser.find.stats import folder_stats
from storebrowser.providers.base import Provider
from storebrowser.transfers import sending
from tests.find.sdk_listing import sdk_listing

#: A level of many objects and no sub-folder (``r/``), its names at the split points guessed
#: from the keys seen (``r/a1`` -> ``r/a5``, ``r/a9``, ``r/b`` ... ``r/z``) and around
#: them; and a few outside it, so that ``r/`` is also a sub-folder of the container.
RANGE_KEYS = [
    "r/ 1", "r/%2F", "r/+", "r/0", "r/A", "r/Z", "r/a", "r/a0", "r/a1", "r/a1~", "r/a1\U0010fffd",
    "r/a2", "r/a2!", "r/a20", "r/a3", "r/a4~", "r/a5", "r/a5!", "r/a9", "r/a9z", "r/a:", "r/a~", "r/b",
    "r/b0", "r/bé",
    "r/c d", "r/m", "r/y\U0001f600", "r/z", "r/z0", "r/zz", "r/z~", "r/{", "r/ü", "r/ö/deep/er",
    "r\u00e9", "a.txt", "s/1",
]  # fmt: skip
PAGE = 3


def test_split_points_step_through_the_characters_of_the_last_key() -> None:
    # A page of 1,000 keys over 000-999: a step of the 4th digit holds ~1 page, so ranges
    # take two (no range of less than MIN_PAGES), then whole steps of the 5th, and so on.
    assert split_points("", "file-000000", "file-000999", None, keys=1000, most=12) == [
        "file-002", "file-004", "file-006", "file-008", "file-01", "file-02", "file-03", "file-04",
        "file-05", "file-06", "file-07", "file-08",
    ]  # fmt: skip
    # Never inside the prefix, never at or past the end of the range.
    assert split_points("a9/", "a9/x10", "a9/x19", "a9/x5", keys=10) == ["a9/x3"]
    assert split_points("a9/", "a9/x10", "a9/x19", "a9/x3", keys=10) == []
    assert split_points("p/", "p/à", "p/é", None, keys=3) == []  # no character of a known kind: no guess
    # Not deeper than where the page's keys differ: no guess from a shared ending (.bin).
    assert split_points("d/", "d/f-0000.bin", "d/f-0999.bin", None, keys=1000, most=6) == [
        "d/f-2", "d/f-4", "d/f-6", "d/f-8", "d/g", "d/h",
    ]  # fmt: skip


def test_ranges_are_longer_where_the_service_cannot_end_one() -> None:
    # A range's last page is read to its end where the listing has no end (S3): ranges
    # of more pages waste less of it. Swift ends a range itself (end_marker).
    class Open:
        token_is_key, token_takes_end = True, False

    class Ending(Open):
        token_takes_end = True

    for lister, pages in ((Open(), MIN_PAGES_OPEN_END), (Ending(), MIN_PAGES)):
        assert Walk(lister, "c").min_pages == pages  # type: ignore[arg-type]  # no listing needed
    wide = split_points("", "file-000000", "file-000999", None, keys=1000, most=3, min_pages=8)
    assert wide == ["file-008", "file-01", "file-02"]  # 8 steps of ~1 page, then steps of ~10


@pytest.fixture
def ranges_box(provider: Provider, container: str) -> tuple[Provider, str]:
    for n, key in enumerate(RANGE_KEYS):
        sending.upload_bytes(provider, container, key, b"k" * n)
    return provider, container


@pytest.mark.parametrize("prefix", ["", "r/"])
def test_ranges_list_exactly_what_the_sdk_lists(
    ranges_box: tuple[Provider, str], prefix: str, request: pytest.FixtureRequest
) -> None:
    provider, container = ranges_box
    everything = sdk_listing(provider, container, request)
    reference = {key: size for key, size in everything.items() if key.startswith(prefix)}
    assert set(reference) == {k for k in RANGE_KEYS if k.startswith(prefix)}
    # Ranges as short as anywhere (MIN_PAGES), so that these few keys are cut on S3 too.
    walk = Walk(provider, container, prefix, connections=4, page_size=PAGE, min_pages=MIN_PAGES)
    listed = [pair for page in walk for pair in zip(page.entries.keys, page.entries.sizes, strict=True)]
    assert walk.complete
    doubled = [key for key, n in Counter(key for key, _ in listed).items() if n > 1]
    assert not doubled
    assert dict(listed) == reference
    splits = provider.start_after("x") is not None
    # Where the listing can start after a key, r/ was cut into ranges (more parts than
    # sub-folders); where it cannot (Azure), it was listed whole.
    folders = 2 if prefix == "" else 1  # r/ and s/; in r/, r/ö/ (after the split: in a range)
    assert (walk.parts > folders) == splits
    # Du on ranges: the same sums as the SDK's.
    stats = folder_stats(provider, container, prefix, connections=3, page_size=PAGE)
    assert (stats.total.objects, stats.total.bytes) == (len(reference), sum(reference.values()))


class _FailingAfter:
    """A lister whose ranges starting after ``r/a9`` keep failing (transient)."""

    def __init__(self, provider: Provider) -> None:
        self.provider = provider

    def start_after(self, key: str, upto: str | None = None) -> str | None:
        return self.provider.start_after(key, upto)

    def list_page(
        self, container: str, prefix: str = "", delimiter: str | None = "/", token: str | None = None,
        limit: int = 1000,
    ) -> Page[ObjectInfo]:  # fmt: skip
        if token is not None and token.startswith(self.provider.start_after("r/a9") or "?"):
            from storebrowser.core.errors import Transient

            raise Transient("503 Service Unavailable (injected)")
        return self.provider.list_page(container, prefix, delimiter, token, limit)


def test_a_range_that_keeps_failing_is_reported_with_its_ends(
    ranges_box: tuple[Provider, str], request: pytest.FixtureRequest
) -> None:
    provider, container = ranges_box
    if provider.start_after("x") is None:
        pytest.skip(f"{provider.kind} lists no ranges")
    from storebrowser.core.retry import RetryPolicy

    walk = Walk(_FailingAfter(provider), container, "r/", connections=3, page_size=PAGE,
                retry=RetryPolicy(attempts=2, base_delay=0.01), min_pages=MIN_PAGES)  # fmt: skip
    keys = {key for page in walk for key in page.entries.keys}
    [gap] = walk.missing
    assert (gap.prefix, gap.after, gap.upto) == ("r/", "r/a9", "r/b")
    assert "after 'r/a9' up to 'r/b'" in gap.describe() and "injected" in gap.describe()
    lost = {"r/a9z", "r/a:", "r/a~", "r/b"}  # the keys in (r/a9, r/b]
    assert keys == {k for k in RANGE_KEYS if k.startswith("r/")} - lost
