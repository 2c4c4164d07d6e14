"""The local side of a compare (``list_local``) and the local hashes (no server): what is
listed, skipped and reported as a gap, and the MD5s of files small and large."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from storebrowser.core.cancel import NEVER
from storebrowser.providers.base import Provider
from storebrowser.sync.compare import CompareOptions, Comparison, Verdict, _Decider, _hash_file
from storebrowser.sync.listing import Entry, Listing, list_local
from storebrowser.sync.places import SyncPlace


def _write(root: Path, key: str, data: bytes) -> Path:
    path = root.joinpath(*key.split("/"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_the_walk_lists_files_by_key_with_their_size_and_time(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    for key in ("a.txt", "b/c.txt", "b/d/e.txt", "b d/ü.txt", "empty/deeper/f.txt"):
        _write(root, key, key.encode())
    (root / "empty" / "nothing").mkdir()
    counted: list[int] = []
    listing = list_local(str(root), on_files=counted.append)
    assert sorted(listing.entries) == ["a.txt", "b d/ü.txt", "b/c.txt", "b/d/e.txt", "empty/deeper/f.txt"]
    entry = listing.entries["b/d/e.txt"]
    stat = os.stat(root / "b" / "d" / "e.txt")
    assert (entry.size, entry.mtime_ns) == (stat.st_size, stat.st_mtime_ns)
    assert entry.where == str(root / "b" / "d" / "e.txt")
    assert entry.mtime_exact and entry.local
    assert sum(counted) == 5
    assert listing.complete and not listing.skipped


def test_links_fifos_and_names_no_service_can_hold(tmp_path: Path) -> None:
    root, outside = tmp_path / "tree", tmp_path / "outside"
    _write(root, "real/kept.txt", b"kept")
    _write(outside, "secret.txt", b"secret")
    os.symlink(root / "real" / "kept.txt", root / "inner-link.txt")  # a file inside: its file
    os.symlink(outside / "secret.txt", root / "out-link.txt")
    os.symlink(outside, root / "linked-folder")  # not entered, not reported
    os.symlink(root / "real", root / "inner-folder-link")  # not entered either
    os.mkfifo(root / "pipe")
    _write(root, os.fsdecode(b"bad-\xff.txt"), b"x")
    listing = list_local(str(root))
    assert sorted(listing.entries) == ["inner-link.txt", "real/kept.txt"]
    assert listing.entries["inner-link.txt"].size == 4
    assert sorted(s.split(":")[0] for s in listing.skipped) == ["'bad-\\udcff.txt'", "out-link.txt", "pipe"]
    assert listing.complete


def test_a_dangling_link_inside_is_a_gap(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    _write(root, "ok.txt", b"ok")
    os.symlink(root / "gone.txt", root / "dangling.txt")
    listing = list_local(str(root))
    assert sorted(listing.entries) == ["ok.txt"]
    assert len(listing.gaps) == 1 and "dangling.txt" in listing.gaps[0] and not listing.complete


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_is_a_gap(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    _write(root, "ok.txt", b"ok")
    _write(root, "locked/x.txt", b"x")
    (root / "locked").chmod(0)
    try:
        listing = list_local(str(root))
    finally:
        (root / "locked").chmod(0o755)
    assert sorted(listing.entries) == ["ok.txt"]
    assert len(listing.gaps) == 1 and "locked" in listing.gaps[0]


def test_hashes_of_small_and_large_files_and_an_unreadable_one(tmp_path: Path) -> None:
    small, large = os.urandom(100), os.urandom(3 * 1024 * 1024 + 5)
    entries = [
        Entry("s", len(small), str(_write(tmp_path, "s", small)), local=True),
        Entry("l", len(large), str(_write(tmp_path, "l", large)), local=True),
        Entry("gone", 10, str(tmp_path / "gone"), local=True),
    ]
    for entry in entries:
        _hash_file(entry)
    assert [e.md5 for e in entries] == [hashlib.md5(small).hexdigest(), hashlib.md5(large).hexdigest(), None]


def test_many_small_files_are_hashed_in_batches_and_decided_by_md5(tmp_path: Path) -> None:
    """Pairs of a local file and an object with an MD5: every file hashed once, each pair
    decided by the MD5s (one file changed is the one difference)."""
    root = tmp_path / "tree"
    contents = {f"d{n % 7}/f{n}.bin": os.urandom(200 + n) for n in range(300)}
    for key, data in contents.items():
        _write(root, key, data)
    local = list_local(str(root))
    remote = Listing()
    for key, data in contents.items():
        digest = hashlib.md5(data if key != "d3/f10.bin" else b"other").hexdigest()
        # As an S3 or Swift listing has it: the stored time would need a HEAD.
        remote.entries[key] = Entry(key, len(data), key, md5=digest, details_pending=True)
    comparison = Comparison(SyncPlace(local=str(root)), SyncPlace(account="a", container="c"), local, remote)
    _Decider(comparison, _no_provider, CompareOptions(), NEVER).run()
    assert comparison.hashed == 300 and comparison.lookups == 0
    assert [p.key for p in comparison.pairs[Verdict.DIFFERENT]] == ["d3/f10.bin"]
    assert comparison.same_by() == {"md5": 299}


def _no_provider(name: str) -> Provider:
    raise AssertionError(f"asked for the provider of {name}: a lookup was not needed")
