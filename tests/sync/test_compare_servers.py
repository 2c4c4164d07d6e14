"""The comparison on a real server, in process: what it asks the service for."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from storebrowser.core.mtime import with_mtime
from storebrowser.providers.base import Provider
from storebrowser.sync.compare import CompareOptions, Verdict, compare
from storebrowser.sync.places import SyncPlace
from tests.providers.conftest import unique_container_name


def _objects_and_files(provider: Provider, tmp_path: Path) -> tuple[SyncPlace, SyncPlace]:
    container = unique_container_name()
    provider.create_container(container)
    local = tmp_path / "tree"
    local.mkdir()
    for name, data in (("a.txt", b"alpha"), ("b.txt", b"bravo")):
        (local / name).write_bytes(data)
        # Put without a stored mtime (as another tool would): only the MD5 can say "same".
        provider.put_object(container, f"p/{name}", io.BytesIO(data), size=len(data))
    return SyncPlace(local=str(local)), SyncPlace(account="a", container=container, prefix="p/")


def test_times_first_then_the_md5_when_they_differ(s3_moto_provider: Provider, tmp_path: Path) -> None:
    left, right = _objects_and_files(s3_moto_provider, tmp_path)
    comparison = compare(left, right, lambda _name: s3_moto_provider, CompareOptions(hash_up_to=0))
    assert comparison.identical and comparison.same_by() == {"md5 (times differ)": 2}
    assert (comparison.lookups, comparison.hashed) == (2, 2)


def test_small_files_hashed_first_ask_no_time(s3_moto_provider: Provider, tmp_path: Path) -> None:
    left, right = _objects_and_files(s3_moto_provider, tmp_path)
    comparison = compare(left, right, lambda _name: s3_moto_provider, CompareOptions(hash_up_to=1024))
    assert comparison.identical and comparison.same_by() == {"md5": 2}
    assert (comparison.lookups, comparison.hashed) == (0, 2)


def _files_with_their_times(provider: Provider, tmp_path: Path) -> tuple[SyncPlace, SyncPlace, Path]:
    """Small files and their objects, each with its file's time stored (``mtime``, as a
    sync of ours or rclone's stores it)."""
    container = unique_container_name()
    provider.create_container(container)
    local = tmp_path / "tree"
    local.mkdir()
    style = provider.mtime_style
    assert style is not None
    for name, data in (("a.txt", b"alpha"), ("b.txt", b"bravo"), ("c.txt", b"charlie")):
        (local / name).write_bytes(data)
        stored = with_mtime(None, (local / name).stat().st_mtime_ns, style)
        provider.put_object(container, f"p/{name}", io.BytesIO(data), size=len(data), metadata=stored)
    return SyncPlace(local=str(local)), SyncPlace(account="a", container=container, prefix="p/"), local


def test_listed_times_decide_small_files_and_their_hash_only_when_they_differ(
    azure_provider: Provider, tmp_path: Path
) -> None:
    # Azure lists each blob's metadata: its stored time costs no request, so hashing a
    # small file first would save nothing; it is hashed only when the times differ.
    left, right, local = _files_with_their_times(azure_provider, tmp_path)
    unchanged = compare(left, right, lambda _name: azure_provider)
    assert unchanged.identical and unchanged.same_by() == {"mtime": 3}
    assert (unchanged.lookups, unchanged.hashed) == (0, 0)
    (local / "a.txt").write_bytes(b"ALPHA")  # same size, new content and a new time
    later = (local / "b.txt").stat().st_mtime_ns + 10**9
    os.utime(local / "a.txt", ns=(later, later))
    changed = compare(left, right, lambda _name: azure_provider)
    assert [(p.key, p.basis) for p in changed.pairs[Verdict.DIFFERENT]] == [("a.txt", "md5 (times differ)")]
    assert (changed.lookups, changed.hashed) == (0, 1)
    # With --checksum every file is hashed; it alone sees a change whose time was put back
    # (the blind spot of deciding by size and time, rclone's and rsync's too).
    kept = (local / "b.txt").stat().st_mtime_ns
    (local / "b.txt").write_bytes(b"BRAVO")
    os.utime(local / "b.txt", ns=(kept, kept))
    assert compare(left, right, lambda _name: azure_provider).counts()["different"] == 1
    by_content = compare(left, right, lambda _name: azure_provider, CompareOptions(checksum=True))
    found = [(p.key, p.basis) for p in by_content.pairs[Verdict.DIFFERENT]]
    assert found == [("a.txt", "md5"), ("b.txt", "md5")]
    assert (by_content.lookups, by_content.hashed) == (0, 3) and by_content.same_by() == {"md5": 1}


def test_deletions_are_withheld_when_a_listing_stays_incomplete(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    from storebrowser.sync.plan import SyncOptions, make_plan
    from tests.providers.backends import open_counted
    from tests.servers.fault_proxy import FaultProxy

    with open_counted("s3_moto", request, FaultProxy) as counted:
        provider, proxy = counted.provider, counted.proxy
        assert isinstance(proxy, FaultProxy)
        container = unique_container_name()
        provider.create_container(container)
        for key in ("p/keep.txt", "p/sub/extra.txt"):
            provider.put_object(container, key, io.BytesIO(b"x"), size=1)
        local = tmp_path / "tree"
        local.mkdir()
        (local / "keep.txt").write_bytes(b"x")
        left, right = SyncPlace(local=str(local)), SyncPlace(account="a", container=container, prefix="p/")
        complete = make_plan(compare(left, right, lambda _name: provider), SyncOptions(delete=True))
        assert complete.deletes == ["sub/extra.txt"]
        proxy.fail_next(
            1000, status=503
        )  # every listing answers 503 (after the SDK's and the walk's retries)
        comparison = compare(left, right, lambda _name: provider)
        proxy.clear()
        assert not comparison.complete
        plan = make_plan(comparison, SyncOptions(delete=True))
        assert plan.deletes == [] and "nothing deleted" in plan.deletions_withheld


@pytest.mark.parametrize("backend", ["s3_moto_provider", "azure_provider"])
def test_a_place_that_fits_a_page_is_listed_in_one_request(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    # Listed flat first (Walk's probe): not the place's level and then each folder.
    provider: Provider = request.getfixturevalue(backend)
    container = unique_container_name()
    provider.create_container(container)
    local = tmp_path / "tree"
    for name in ("top.txt", "a/1.txt", "a/2.txt", "b/1.txt", "c/d/1.txt"):
        (local / name).parent.mkdir(parents=True, exist_ok=True)
        (local / name).write_bytes(name.encode())
        provider.put_object(container, f"p/{name}", io.BytesIO(name.encode()), size=len(name))
    left, right = SyncPlace(local=str(local)), SyncPlace(account="a", container=container, prefix="p/")
    comparison = compare(left, right, lambda _name: provider, CompareOptions(hash_up_to=0))
    assert comparison.right_listing.requests == 1  # 4 without: the level, a/, b/, c/
    assert comparison.identical, comparison.counts()
    # Azure's flat listing carries the metadata: no HEAD asked (S3's does not: one each).
    assert comparison.lookups == (5 if provider.kind == "s3" else 0)
