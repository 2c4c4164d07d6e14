"""Find, du and the partitioned walk against the real servers, compared with a plain
reference: the keys and sizes we uploaded, the dates our sequential flat listing gives,
and each filter applied one object at a time (tests/find/reference.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import Cancelled, NotFound, Transient
from storebrowser.core.listing import iter_objects
from storebrowser.core.types import ObjectInfo, Page
from storebrowser.core.walk import Walk, walked_keys, walked_objects
from storebrowser.find.criteria import Criteria
from storebrowser.find.search import Search
from storebrowser.find.stats import folder_stats
from storebrowser.providers.base import Provider
from storebrowser.transfers import sending
from tests.find.reference import Wanted, matching

#: Keys that sort on both sides of the partition boundaries ("a.b" and "a0" around "a/"),
#: unicode, spaces, %, +, deep nesting; sizes and types to filter on.
KEYS: dict[str, tuple[int, str]] = {
    "a.b": (3, "text/plain"),
    "a0": (4, "text/plain"),
    "a/x.PSD": (2000, "image/vnd.adobe.photoshop"),
    "a/y/z/deep/er/f.psd": (50, "image/vnd.adobe.photoshop"),
    "a b/c+d%e.txt": (7, "text/plain"),
    "ünï/çødé.psd": (3000, "image/vnd.adobe.photoshop"),
    "top.txt": (1, "text/plain"),
    "%2F/x": (9, "application/octet-stream"),
    "b/1.png": (100, "image/png"),
    "b/2.png": (200, "image/png"),
    "b/3.png": (300, "image/png"),
    "b/sub/4.png": (400, "image/png"),
    "b+/5.png": (500, "image/png"),
    "b-/6.png": (600, "image/png"),
}
#: Not on the local provider: a key with a trailing slash holds data there only as a folder.
MARKERS: dict[str, tuple[int, str]] = {"b/sub/": (0, "application/x-directory")}
#: A page this small makes every part several pages long.
SMALL_PAGE = 2


def _fill(provider: Provider, container: str) -> dict[str, tuple[int, str]]:
    keys = dict(KEYS) if provider.kind == "local" else {**KEYS, **MARKERS}
    for key, (size, content_type) in keys.items():
        sending.upload_bytes(provider, container, key, b"x" * size, content_type=content_type)
    return keys


def _sequential(provider: Provider, container: str, prefix: str = "") -> list[ObjectInfo]:
    return list(iter_objects(provider, container, prefix, None))


def _walked(provider: Provider, container: str, prefix: str, connections: int) -> list[str]:
    walk = Walk(provider, container, prefix, connections=connections, page_size=SMALL_PAGE)
    keys = [key for scanned in walk for key in scanned.entries.keys]
    assert walk.complete
    return keys


@pytest.mark.parametrize("prefix", ["", "b/", "a"])
def test_partitioned_walk_lists_exactly_the_sequential_set(
    provider: Provider, container: str, prefix: str
) -> None:
    keys = _fill(provider, container)
    expected = [info.key for info in _sequential(provider, container, prefix)]
    assert sorted(expected) == sorted(k for k in keys if k.startswith(prefix))
    for connections in (1, 2, 5):
        walked = _walked(provider, container, prefix, connections)
        assert len(walked) == len(set(walked)), f"doubled with {connections} connections"
        assert sorted(walked) == sorted(expected), f"{connections} connections"
    assert _walked(provider, container, prefix, 1) == expected  # one connection keeps key order


@pytest.mark.parametrize("prefix", ["", "b/", "a"])
def test_walked_objects_come_in_the_order_of_the_sequential_listing(
    provider: Provider, container: str, prefix: str
) -> None:
    _fill(provider, container)
    expected = [(info.key, info.size) for info in _sequential(provider, container, prefix)]
    for connections in (1, 3):
        walked = walked_objects(provider, container, prefix, connections=connections, page_size=SMALL_PAGE)
        assert [(info.key, info.size) for info in walked] == expected, f"{connections} connections"
        keys = walked_keys(provider, container, prefix, connections=connections, page_size=SMALL_PAGE)
        assert keys == [key for key, _size in expected]


def _found(provider: Provider, container: str, prefix: str, criteria: Criteria) -> list[str]:
    search = Search(provider, container, prefix, criteria, connections=3, page_size=SMALL_PAGE)
    keys = [key for matches in search for key in matches.entries.keys]
    assert not search.missing
    assert search.found == len(keys) and search.scanned >= len(keys)
    return keys


def test_find_matches_the_reference_for_every_filter(provider: Provider, container: str) -> None:
    _fill(provider, container)
    listed = _sequential(provider, container)
    moments = sorted(info.modified for info in listed if info.modified is not None)
    middle = moments[len(moments) // 2] if moments else None
    cases: list[tuple[dict[str, str], Wanted]] = [
        ({}, Wanted()),
        ({"glob": "*.psd"}, Wanted(glob="*.psd")),
        ({"glob": "b/*.png"}, Wanted(glob="b/*.png")),
        ({"glob": "sub/"}, Wanted(glob="sub/")),
        ({"contains": "+d%"}, Wanted(contains="+d%")),
        ({"contains": "ÇØ"}, Wanted(contains="çø")),
        ({"regex": r"^b[+-]/"}, Wanted(regex=r"^b[+-]/")),
        ({"regex": r"deep/.*\.PSD$"}, Wanted(regex=r"deep/.*\.PSD$")),
        ({"min_size": "1K"}, Wanted(min_size=1024)),
        ({"max_size": "9", "contains": "a"}, Wanted(max_size=9, contains="a")),
        ({"min_size": "100", "max_size": "300"}, Wanted(min_size=100, max_size=300)),
        ({"storage_class": "standard"}, Wanted(storage_class="standard")),
        ({"content_type": "image/png"}, Wanted(content_type="image/png")),
    ]
    if middle is not None:
        cases += [
            ({"newer": middle.isoformat()}, Wanted(newer=middle)),
            ({"older": middle.isoformat()}, Wanted(older=middle)),
            ({"older": (middle + timedelta(days=1)).isoformat()}, Wanted(older=middle + timedelta(days=1))),
        ]
    for typed, want in cases:
        found = _found(provider, container, "", Criteria.parse(**typed))
        assert len(found) == len(set(found)), typed
        assert set(found) == matching(listed, want), typed
    assert set(_found(provider, container, "b/", Criteria.parse(glob="*.png"))) == {
        "b/1.png", "b/2.png", "b/3.png", "b/sub/4.png"
    }  # fmt: skip


def test_du_matches_the_reference(provider: Provider, container: str) -> None:
    keys = _fill(provider, container)
    stats = folder_stats(provider, container, "", connections=3, page_size=SMALL_PAGE)
    assert stats.complete
    assert (stats.total.objects, stats.total.bytes) == (len(keys), sum(size for size, _ in keys.values()))
    folders: dict[str, int] = {}
    for key, (size, _) in keys.items():
        top = key.split("/")[0] + "/" if "/" in key else ""
        folders[top] = folders.get(top, 0) + size
    assert {name: tally.bytes for name, tally in stats.by_folder.items()} == folders
    listed = _sequential(provider, container)
    classes: dict[str, int] = {}
    for info in listed:
        classes[info.storage_class or ""] = classes.get(info.storage_class or "", 0) + 1
    assert {name: tally.objects for name, tally in stats.by_class.items()} == classes
    below = folder_stats(provider, container, "b/", depth=2)
    assert below.total.bytes == sum(size for key, (size, _) in keys.items() if key.startswith("b/"))
    assert set(below.by_folder) == {"", "sub/"}


def test_a_missing_container_ends_the_walk(provider: Provider) -> None:
    with pytest.raises(NotFound):
        list(Walk(provider, "sbtest-no-such-container-here", "", connections=3))


def test_cancel_stops_a_walk(provider: Provider, container: str) -> None:
    _fill(provider, container)
    cancel = CancelToken()
    walk = Walk(provider, container, "", connections=3, cancel=cancel, page_size=SMALL_PAGE)
    seen = 0
    with pytest.raises(Cancelled):
        for _ in walk:
            seen += 1
            cancel.cancel()
    assert seen == 1


class _FailingUnder:
    """A provider whose flat listing of one sub-folder keeps failing with a transient error
    after its first page (a server error that retries do not cure)."""

    def __init__(self, provider: Provider, prefix: str) -> None:
        self.provider = provider
        self.prefix = prefix

    def list_page(
        self, container: str, prefix: str = "", delimiter: str | None = "/", token: str | None = None,
        limit: int = 1000,
    ) -> Page[ObjectInfo]:  # fmt: skip
        if prefix == self.prefix and token is not None:
            raise Transient("503 Service Unavailable (injected)")
        return self.provider.list_page(container, prefix, delimiter, token, limit)


def test_a_part_that_keeps_failing_is_reported_missing_not_silently_left_out(
    provider: Provider, container: str
) -> None:
    _fill(provider, container)
    from storebrowser.core.retry import RetryPolicy

    walk = Walk(
        _FailingUnder(provider, "b/"), container, "", connections=3, page_size=SMALL_PAGE,
        retry=RetryPolicy(attempts=2, base_delay=0.01),
    )  # fmt: skip
    keys = {key for scanned in walk for key in scanned.entries.keys}
    assert not walk.complete
    [gap] = walk.missing
    assert gap.prefix == "b/" and gap.after  # the first page came, the rest is missing
    assert "injected" in gap.describe() and "b/" in gap.describe()
    assert {k for k in keys if not k.startswith("b/")} == {
        info.key for info in _sequential(provider, container) if not info.key.startswith("b/")
    }
