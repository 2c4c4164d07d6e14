"""The pieces of download checking on their own: hashing segments of parts written in
any order, part checks in the journal, what of a ``.part`` file may be reused, clashes."""

from __future__ import annotations

import hashlib
import os
import random
import threading
from pathlib import Path

from storebrowser.core.digests import ContentProof, Segment, segments_of_sizes, uniform_segments
from storebrowser.core.types import ObjectInfo, PartRecord
from storebrowser.transfers.jobs import Item, JobKind, JobSpec, State
from storebrowser.transfers.kinds.download import DownloadPrefix
from storebrowser.transfers.landing import fail_clashes
from storebrowser.transfers.partial import PartLayout, adoptable_parts, proven_parts
from storebrowser.transfers.positional import reader
from storebrowser.transfers.stream import StreamHasher
from storebrowser.transfers.verify import PartCheck, SegmentHasher, crc32_of


def _md5(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()


def _file(tmp_path: Path, data: bytes) -> int:
    path = tmp_path / "f.part"
    path.write_bytes(data)
    return os.open(path, os.O_RDONLY)


def test_segments_are_hashed_in_order_whatever_order_parts_arrive(tmp_path: Path) -> None:
    data = os.urandom(1000 * 37 + 11)
    segments = segments_of_sizes([5000, 1, 13_000, 9999, len(data) - 28_000])
    part_size = 1000
    fd = _file(tmp_path, data)
    hasher = SegmentHasher(reader(fd), segments, "md5", part_size, written={3, 4})
    numbers = [n for n in range(1, -(-len(data) // part_size) + 1) if n not in (3, 4)]
    random.shuffle(numbers)
    threads = [threading.Thread(target=hasher.part_done, args=(n,)) for n in numbers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert hasher.hexdigests() == [_md5(data[s.start : s.end]) for s in segments]
    os.close(fd)


def test_a_stream_is_hashed_by_segments_whatever_its_chunks() -> None:
    data = os.urandom(50_000)
    segments = (Segment(0, 7000), Segment(7000, 7001), Segment(20_000, 50_000))  # one left out
    hasher = StreamHasher(segments, "sha256")
    position = 0
    while position < len(data):
        step = random.randint(1, 9000)
        hasher.update(data[position : position + step])
        position += step
    expected = [hashlib.sha256(data[s.start : s.end]).hexdigest() for s in segments]
    assert list(hasher.hashed().digests) == expected


def test_uniform_parts_are_guessed_only_when_they_can_make_the_size() -> None:
    assert uniform_segments(15, 5, 3) == (Segment(0, 5), Segment(5, 10), Segment(10, 15))
    assert uniform_segments(11, 5, 3) == (Segment(0, 5), Segment(5, 10), Segment(10, 11))
    assert uniform_segments(16, 5, 3) is None and uniform_segments(10, 5, 3) is None


def test_a_part_check_reads_back_as_written() -> None:
    for check in (
        PartCheck("0000abcd"),
        PartCheck("ffffffff", md5="a" * 32),
        PartCheck("12345678", unproven=True),
    ):
        assert PartCheck.decode(check.encode()) == check
    assert PartCheck.decode(None) is None and PartCheck.decode("") is None  # older journals


def test_only_journaled_parts_whose_bytes_still_match_are_reused(tmp_path: Path) -> None:
    data = os.urandom(4000)
    layout = PartLayout(len(data), 1000)
    fd = _file(tmp_path, data)
    read = reader(fd)
    good = {n: layout.record(n, PartCheck(crc32_of(read, *layout.bounds(n)))) for n in (1, 2, 3)}
    changed = PartRecord(2, 1000, "1000", PartCheck("00000000").encode())  # the disk says otherwise
    other_size = PartRecord(3, 1000, "0", good[3].checksum)  # journaled with another part size
    no_check = PartRecord(4, 1000, "3000", None)
    journaled = {1: good[1], 2: changed, 3: other_size, 4: no_check}
    assert proven_parts(read, journaled, layout) == {1: good[1]}
    os.close(fd)


def test_a_proof_by_each_read_reuses_only_parts_journaled_with_their_md5(tmp_path: Path) -> None:
    """A part journaled without the service's MD5 (read while a whole digest was the proof,
    or by a run from before) would be taken by its size alone where each read is proven."""
    data = os.urandom(2000)
    layout = PartLayout(len(data), 1000)
    fd = _file(tmp_path, data)
    read = reader(fd)
    crcs = [crc32_of(read, *layout.bounds(n)) for n in (1, 2)]
    with_md5 = layout.record(1, PartCheck(crcs[0], _md5(data[:1000])))
    without = layout.record(2, PartCheck(crcs[1]))
    journaled = {1: with_md5, 2: without}
    assert proven_parts(read, journaled, layout) == journaled
    assert proven_parts(read, journaled, layout, with_md5=True) == {1: with_md5}
    os.close(fd)


def test_a_part_file_without_journal_is_proven_or_not_taken(tmp_path: Path) -> None:
    data = os.urandom(4000)
    holed = data[:1000] + bytes(1000) + data[2000:]
    layout = PartLayout(len(data), 1000)
    info = ObjectInfo("k", len(data))
    fd = _file(tmp_path, holed)
    read = reader(fd)
    slo = ContentProof(
        info, "test", segments=tuple(Segment(s, s + 2000, _md5(data[s : s + 2000])) for s in (0, 2000))
    )
    assert sorted(adoptable_parts(read, len(holed), slo, layout)) == [3, 4]  # the first segment has the hole
    whole = ContentProof(info, "test", whole=_md5(data))
    taken = adoptable_parts(read, len(holed), whole, layout)
    assert sorted(taken) == [1, 3, 4]  # the zeros are not taken; the rest only unproven
    assert all(PartCheck.decode(part.checksum).unproven for part in taken.values())  # type: ignore[union-attr]
    azure = ContentProof(info, "test", range_md5_limit=4 * 1024 * 1024)
    assert adoptable_parts(read, len(holed), azure, layout) == {}
    os.close(fd)


def test_a_file_and_a_folder_of_one_name_keep_the_first() -> None:
    spec = JobSpec(JobKind.DOWNLOAD_PREFIX, "acct", "c", key="", local="/tmp/x")
    items = [
        Item("j", n, key) for n, key in enumerate(["a", "a/b.txt", "a/", "c/d", "c", "e/../f", "g", "g"])
    ]
    fail_clashes(items, lambda item: DownloadPrefix().strip_prefix(spec, item))
    failed = {item.key: item.error for item in items if item.state is State.FAILED}
    assert sorted(failed) == ["a/", "a/b.txt", "c", "g"]  # "e/../f" fails when it downloads
    assert "'a/b.txt' would be saved in a folder a, but 'a' is saved as the file a" in (
        failed["a/b.txt"] or ""
    )
    assert "'c' would be saved as the file c, but 'c/d' needs a folder c" in (failed["c"] or "")
    assert items[-2].state is State.QUEUED and "both be saved as g" in (items[-1].error or "")
