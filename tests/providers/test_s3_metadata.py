"""S3-only: user metadata rules and encoding, system properties kept by a metadata change."""

from __future__ import annotations

import pytest

from storebrowser.core.errors import InvalidMetadata, NotFound
from storebrowser.core.metadiff import MetadataEdit
from storebrowser.providers.s3.provider import S3Provider
from storebrowser.transfers import sending
from tests.providers.s3_support import bucket_fixture, raw, s3_fixture  # noqa: F401


def test_upper_case_key_is_refused_naming_the_lower_case_form(s3: S3Provider, bucket: str) -> None:
    with pytest.raises(InvalidMetadata, match=r"'Owner' has upper-case letters.*'owner'"):
        sending.upload_bytes(s3, bucket, "a.txt", b"x", metadata={"Owner": "qa"})
    with pytest.raises(NotFound):
        s3.stat(bucket, "a.txt")


@pytest.mark.parametrize("key", ["with space", "ünï", "", "a:b"])
def test_keys_that_are_no_header_names_are_refused(s3: S3Provider, bucket: str, key: str) -> None:
    with pytest.raises(InvalidMetadata, match="HTTP header names"):
        sending.upload_bytes(s3, bucket, "a.txt", b"x", metadata={key: "v"})


@pytest.mark.parametrize(
    "value", ["Zoë Ångström", "文件", "=?UTF-8?B?bm90IG1pbmU=?=", " padded ", "plain ascii"]
)
def test_values_round_trip_exactly(s3: S3Provider, bucket: str, value: str) -> None:
    sending.upload_bytes(s3, bucket, "v.txt", b"x", metadata={"note": value})
    assert dict(s3.stat(bucket, "v.txt").metadata) == {"note": value}
    sent = raw(s3).head_object(Bucket=bucket, Key="v.txt")["Metadata"]["note"]
    assert sent.isascii()
    if not value.isascii():
        assert sent.startswith("=?UTF-8?B?")  # RFC 2047, as the AWS console writes it


def test_control_characters_are_refused(s3: S3Provider, bucket: str) -> None:
    with pytest.raises(InvalidMetadata, match="control character"):
        sending.upload_bytes(s3, bucket, "c.txt", b"x", metadata={"note": "two\nlines"})


def test_metadata_over_2_kb_is_refused_before_sending(s3: S3Provider, bucket: str) -> None:
    with pytest.raises(InvalidMetadata, match="at most 2048 bytes"):
        sending.upload_bytes(s3, bucket, "big.txt", b"x", metadata={"a": "x" * 1000, "b": "y" * 1100})


def test_set_metadata_keeps_system_properties(s3: S3Provider, bucket: str) -> None:
    raw(s3).put_object(
        Bucket=bucket,
        Key="page.html",
        Body=b"<p>hi</p>",
        ContentType="text/html",
        CacheControl="max-age=60",
        ContentDisposition='attachment; filename="page.html"',
        ContentLanguage="de",
        Metadata={"old": "1"},
    )
    s3.set_metadata(bucket, "page.html", {"new": "Zoë"})
    head = raw(s3).head_object(Bucket=bucket, Key="page.html")
    assert head["ContentType"] == "text/html"
    assert head["CacheControl"] == "max-age=60"
    assert head["ContentDisposition"] == 'attachment; filename="page.html"'
    assert head["ContentLanguage"] == "de"
    assert dict(s3.stat(bucket, "page.html").metadata) == {"new": "Zoë"}
    assert s3.read(bucket, "page.html") == b"<p>hi</p>"


def test_set_metadata_changes_content_type_when_asked(s3: S3Provider, bucket: str) -> None:
    sending.upload_bytes(s3, bucket, "t.txt", b"x", content_type="text/plain", metadata={"a": "1"})
    info = s3.set_metadata(bucket, "t.txt", {"a": "1"}, content_type="text/markdown")
    assert info.content_type == "text/markdown"
    assert dict(info.metadata) == {"a": "1"}


def test_set_metadata_of_a_missing_object_is_not_found(s3: S3Provider, bucket: str) -> None:
    with pytest.raises(NotFound):
        s3.set_metadata(bucket, "missing", {"a": "1"})


def test_content_type_is_guessed_from_the_name(s3: S3Provider, bucket: str) -> None:
    sending.upload_bytes(s3, bucket, "photo.png", b"x")
    assert s3.stat(bucket, "photo.png").content_type == "image/png"


def test_a_metadata_change_keeps_untouched_values_byte_for_byte(s3: S3Provider, bucket: str) -> None:
    """Another client stored values our encoder would write otherwise (trailing blanks,
    which moto keeps and s3api trims); setting one other key (``meta set``) or editing
    must send them back as they were, not RFC 2047-encoded."""
    raw(s3).put_object(Bucket=bucket, Key="m.txt", Body=b"x",
                       Metadata={"note": "value  ", "plain": "as is", "other": "x"})  # fmt: skip
    before = raw(s3).head_object(Bucket=bucket, Key="m.txt")["Metadata"]
    info = s3.stat(bucket, "m.txt")
    s3.set_metadata(bucket, "m.txt", {**info.metadata, "other": "y"})
    after = raw(s3).head_object(Bucket=bucket, Key="m.txt")["Metadata"]
    assert after == {**before, "other": "y"}
    s3.edit_properties(bucket, "m.txt", MetadataEdit(set_user={"added": "z"}))
    edited = raw(s3).head_object(Bucket=bucket, Key="m.txt")["Metadata"]
    assert edited == {**before, "other": "y", "added": "z"}
