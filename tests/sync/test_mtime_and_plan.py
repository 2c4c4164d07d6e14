"""The modification time as rclone writes it, and the plan a sync makes of a comparison
(no server: what is decided from listings already made)."""

from __future__ import annotations

import pytest

from storebrowser.core.mtime import MtimeStyle, format_mtime, parse_mtime, stored_mtime, with_mtime
from storebrowser.sync.compare import Comparison, Pair, Verdict
from storebrowser.sync.listing import Entry, Listing, plain_md5, rclone_md5
from storebrowser.sync.places import PlaceProblem, SyncPlace, overlap_problem, parse_place
from storebrowser.sync.plan import SyncOptions, make_plan, to_spec
from storebrowser.transfers.jobs import JobKind

NS = 1354040105123456789  # rclone's own example: 2012-11-27T18:15:05.123456789Z


def test_the_values_rclone_writes() -> None:
    # swift.TimeToFloatString (S3 X-Amz-Meta-Mtime, Swift X-Object-Meta-Mtime): trailing
    # zeros dropped, no point for whole seconds.
    assert format_mtime(NS, MtimeStyle.UNIX_SECONDS) == "1354040105.123456789"
    assert format_mtime(1354040105_500000000, MtimeStyle.UNIX_SECONDS) == "1354040105.5"
    assert format_mtime(1354040105_000000000, MtimeStyle.UNIX_SECONDS) == "1354040105"
    # azureblob's timeFormatOut: "2006-01-02T15:04:05.000000000Z07:00", nine decimals always.
    assert format_mtime(NS, MtimeStyle.RFC3339_NANO) == "2012-11-27T18:15:05.123456789Z"
    assert format_mtime(1354040105_000000000, MtimeStyle.RFC3339_NANO) == "2012-11-27T18:15:05.000000000Z"


@pytest.mark.parametrize(
    "text",
    ["1354040105.123456789", "2012-11-27T18:15:05.123456789Z", "2012-11-27T19:15:05.123456789+01:00"],
)
def test_either_style_reads_back_to_the_nanosecond(text: str) -> None:
    assert parse_mtime(text) == NS


def test_a_value_that_is_no_time_is_none_and_a_persons_own_mtime_wins() -> None:
    assert parse_mtime("yesterday") is None
    assert stored_mtime({"Mtime": "1354040105.123456789"}) == NS
    assert with_mtime({"mtime": "mine"}, NS, MtimeStyle.UNIX_SECONDS) == {"mtime": "mine"}
    assert with_mtime(None, NS, MtimeStyle.UNIX_SECONDS) == {"mtime": "1354040105.123456789"}


def test_trusted_md5s() -> None:
    assert plain_md5('"0123456789abcdef0123456789abcdef"') == "0123456789abcdef0123456789abcdef"
    assert plain_md5("0123456789abcdef0123456789abcdef-3") is None  # multipart
    assert plain_md5("0x8DC0FFEE") is None  # Azure's ETag
    assert rclone_md5({"md5chksum": "ASNFZ4mrze8BI0VniavN7w=="}) == "0123456789abcdef0123456789abcdef"
    assert rclone_md5({"md5chksum": "not base64!"}) is None


def _comparison(right_gaps: list[str]) -> Comparison:
    left, right = SyncPlace(local="/tmp/x"), SyncPlace(account="a", container="c", prefix="p/")
    comparison = Comparison(left, right, Listing(), Listing(gaps=right_gaps))
    only_left = Pair("new.txt", Entry("new.txt", 3, "/tmp/x/new.txt", local=True), None)
    only_right = Pair("old.txt", None, Entry("old.txt", 3, "p/old.txt"))
    comparison.pairs[Verdict.ONLY_LEFT].append(only_left)
    comparison.pairs[Verdict.ONLY_RIGHT].append(only_right)
    return comparison


def test_deletions_only_when_asked_and_every_listing_was_complete() -> None:
    assert make_plan(_comparison([]), SyncOptions()).deletes == []
    asked = make_plan(_comparison([]), SyncOptions(delete=True))
    assert (asked.sends, asked.deletes) == (["new.txt"], ["old.txt"])
    incomplete = make_plan(_comparison(["keys under 'p/x/' (timed out)"]), SyncOptions(delete=True))
    assert incomplete.deletes == [] and incomplete.sends == ["new.txt"]
    assert "withheld" in incomplete.deletions_withheld and "timed out" in incomplete.deletions_withheld
    spec = to_spec(asked)
    assert (spec.kind, spec.local, spec.dst_container, spec.dst_key) == (JobKind.SYNC, "/tmp/x", "c", "p/")
    assert (spec.sources, spec.keys) == (("new.txt",), ("old.txt",))


def test_places_and_overlaps() -> None:
    assert parse_place("acc:bucket/photos", None) == SyncPlace(
        account="acc", container="bucket", prefix="photos/"
    )
    assert parse_place("bucket", "dflt") == SyncPlace(account="dflt", container="bucket")
    with pytest.raises(PlaceProblem, match="name the account"):
        parse_place("bucket", None)
    a, b = (
        SyncPlace(account="x", container="c", prefix="p/"),
        SyncPlace(account="x", container="c", prefix="p/q/"),
    )
    assert overlap_problem(a, b) is not None
    assert overlap_problem(a, SyncPlace(account="y", container="c", prefix="p/")) is None
    assert overlap_problem(a, SyncPlace(account="x", container="c", prefix="pq/")) is None
