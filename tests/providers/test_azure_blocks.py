"""Staged-block uploads on Azurite: parallel blocks, resume, abort."""

from __future__ import annotations

import hashlib
import io
from concurrent.futures import ThreadPoolExecutor

import pytest
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError

from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import Cancelled, DamagedOnTheWay, NotFound
from storebrowser.providers.azure.blocks import BlockUpload
from storebrowser.providers.azure.errors import azure_errors
from storebrowser.providers.azure.provider import AzureProvider
from storebrowser.transfers import sending

PART = AzureProvider.min_part_size


@pytest.fixture
def small_parts(azure: AzureProvider, monkeypatch: pytest.MonkeyPatch) -> AzureProvider:
    """Parts of 1 MiB above a 1 MiB threshold, so a few MiB go as staged blocks."""
    monkeypatch.setattr(azure, "multipart_threshold", PART)
    monkeypatch.setattr(azure, "part_size", PART)
    monkeypatch.setattr(azure, "part_concurrency", 3)
    return azure


def _blob(azure: AzureProvider, container: str, key: str):
    return azure.service.get_blob_client(container, key)


def test_upload_above_threshold_commits_one_block_per_part(
    small_parts: AzureProvider, azure_box: str
) -> None:
    data = bytes(range(256)) * (4 * PART // 256) + b"tail"
    info = sending.upload(small_parts, azure_box, "big.bin", io.BytesIO(data), size=len(data),
                              content_type="application/x-test", metadata={"kind": "blocks"})  # fmt: skip
    committed, uncommitted = _blob(small_parts, azure_box, "big.bin").get_block_list("all")
    assert [block.size for block in committed] == [PART] * 4 + [4]
    assert len({len(block.id) for block in committed}) == 1  # Azure wants equal widths
    assert uncommitted == []
    assert info.size == len(data)
    stat = small_parts.stat(azure_box, "big.bin")
    assert (stat.content_type, dict(stat.metadata)) == ("application/x-test", {"kind": "blocks"})
    assert small_parts.read(azure_box, "big.bin") == data


def test_below_threshold_is_a_single_put(small_parts: AzureProvider, azure_box: str) -> None:
    sending.upload(small_parts, azure_box, "small.bin", io.BytesIO(b"x" * 10), size=10)
    committed, _ = _blob(small_parts, azure_box, "small.bin").get_block_list("all")
    assert committed == []  # Put Blob keeps no block list


def test_content_md5_of_a_single_put_and_of_the_bytes_sent_in_blocks(small_parts: AzureProvider,
                                                                      azure_box: str) -> None:  # fmt: skip
    sending.upload(small_parts, azure_box, "small.bin", io.BytesIO(b"x" * 10), size=10)
    right = hashlib.md5(b"x" * 10).hexdigest()
    assert small_parts.stat(azure_box, "small.bin").content_md5 == right  # Put Blob computes it
    assert [e.content_md5 for e in small_parts.list_page(azure_box, "", None).entries] == [right]
    data = b"b" * (2 * PART + 1)
    sending.upload(small_parts, azure_box, "blocks.bin", io.BytesIO(data), size=len(data))
    # Azure computes none for a block list: our commit sets the MD5 of the bytes sent.
    assert small_parts.stat(azure_box, "blocks.bin").content_md5 == hashlib.md5(data).hexdigest()


def test_resume_finds_the_staged_blocks_and_completes(azure: AzureProvider, azure_box: str) -> None:
    upload = azure.start_multipart(azure_box, "resumed.bin", part_size=PART, metadata={"step": "two"})
    first = upload.upload_part(1, b"a" * PART)
    with ThreadPoolExecutor(2) as pool:  # parts may arrive out of order
        pool.submit(upload.upload_part, 3, b"c" * 10).result()
    state = upload.state()

    resumed = azure.resume_multipart(state)
    assert [(p.number, p.size) for p in resumed.uploaded_parts()] == [(1, PART), (3, 10)]
    second = resumed.upload_part(2, b"b" * PART)
    third = next(p for p in resumed.uploaded_parts() if p.number == 3)
    info = resumed.complete([third, first, second])
    assert info.size == 2 * PART + 10
    assert (
        azure.read(
            azure_box,
            "resumed.bin",
        )
        == b"a" * PART + b"b" * PART + b"c" * 10
    )
    assert dict(azure.stat(azure_box, "resumed.bin").metadata) == {"step": "two"}


def test_abort_discards_blocks_of_a_new_blob(azure: AzureProvider, azure_box: str) -> None:
    upload = azure.start_multipart(azure_box, "never.bin", part_size=PART)
    upload.upload_part(1, b"z" * 100)
    state = upload.state()
    upload.abort()
    upload.abort()  # twice is fine
    with pytest.raises(NotFound):
        azure.stat(azure_box, "never.bin")
    with pytest.raises(NotFound, match="start the upload again"):
        azure.resume_multipart(state)
    assert azure.list_page(azure_box).entries == []


def test_abort_leaves_an_existing_blob_untouched(azure: AzureProvider, azure_box: str) -> None:
    sending.upload_bytes(azure, azure_box, "kept.txt", b"old content", metadata={"v": "1"})
    before = azure.stat(azure_box, "kept.txt")
    upload = azure.start_multipart(azure_box, "kept.txt", part_size=PART)
    upload.upload_part(1, b"new" * 1000)
    upload.abort()
    after = azure.stat(azure_box, "kept.txt")
    assert (after.etag, dict(after.metadata)) == (before.etag, {"v": "1"})
    assert azure.read(azure_box, "kept.txt") == b"old content"


def test_block_ids_of_another_upload_are_not_ours(azure: AzureProvider, azure_box: str) -> None:
    one = azure.start_multipart(azure_box, "shared.bin", part_size=PART)
    two = azure.start_multipart(azure_box, "shared.bin", part_size=PART)
    assert isinstance(one, BlockUpload) and isinstance(two, BlockUpload)
    one.upload_part(1, b"1")
    two.upload_part(1, b"2")
    two.upload_part(2, b"2")
    assert [p.number for p in one.uploaded_parts()] == [1]
    assert [p.number for p in two.uploaded_parts()] == [1, 2]
    two.abort()


def test_cancel_during_a_block_upload_leaves_nothing(small_parts: AzureProvider, azure_box: str) -> None:
    token = CancelToken()
    seen = [0]

    def cancel_after_first_megabyte(delta: int) -> None:
        seen[0] += delta
        if seen[0] >= PART:
            token.cancel()

    data = b"q" * (5 * PART)
    with pytest.raises(Cancelled):
        sending.upload(small_parts, azure_box, "cancelled.bin", io.BytesIO(data), size=len(data),
                           progress=cancel_after_first_megabyte, cancel=token)  # fmt: skip
    with pytest.raises(NotFound):
        small_parts.stat(azure_box, "cancelled.bin")
    with pytest.raises(ResourceNotFoundError):  # the staged blocks went with the abort
        _blob(small_parts, azure_box, "cancelled.bin").get_block_list("uncommitted")


def test_blocks_carry_their_md5(azure: AzureProvider, azure_box: str) -> None:
    upload = azure.start_multipart(azure_box, "md5.bin", part_size=PART)
    part = upload.upload_part(1, b"checked")
    assert part.checksum == hashlib.md5(b"checked").hexdigest()
    # The service checks Content-MD5: a block whose bytes do not match it is refused.
    blob = _blob(azure, azure_box, "md5.bin")
    with pytest.raises(HttpResponseError, match=r"Md5Mismatch|MD5"):
        blob.stage_block("x" * 21, b"changed", transactional_content_md5=bytes.fromhex(part.checksum or ""))
    # ... and the provider calls it damage on the way: a part's retry sends it again.
    with pytest.raises(DamagedOnTheWay) as refused, azure_errors("Uploading a block"):
        blob.stage_block("x" * 21, b"changed", transactional_content_md5=bytes.fromhex(part.checksum or ""))
    assert refused.value.retryable
    upload.abort()
