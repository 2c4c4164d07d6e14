"""What only the local-folder provider has to get right: it writes to the user's disk."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import Cancelled, InvalidName, NotFound, Unsupported
from storebrowser.providers.base import Provider
from storebrowser.providers.local.walk import TEMP_PREFIX
from storebrowser.providers.registry import open_provider
from storebrowser.transfers import sending


@pytest.fixture
def local(tmp_path: Path) -> Provider:
    provider = open_provider("local", {"root": str(tmp_path / "root")})
    provider.connect()
    provider.create_container("box")
    return provider


def _all_files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.mark.parametrize("key", ["../../x", "../x", "/etc/x", "C:\\x", "a/../../x"])
def test_hostile_keys_write_nothing_anywhere(tmp_path: Path, local: Provider, key: str) -> None:
    before = _all_files(tmp_path)
    with pytest.raises(InvalidName):
        sending.upload_bytes(local, "box", key, b"evil")
    assert _all_files(tmp_path) == before


def test_a_cancelled_upload_leaves_no_temp_file(tmp_path: Path, local: Provider) -> None:
    token = CancelToken()

    class CancelAfterFirstRead(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            token.cancel()
            return super().read(size)

    with pytest.raises(Cancelled):
        sending.upload(local, "box", "a/b.bin", CancelAfterFirstRead(b"x" * 3_000_000), size=3_000_000,
                       cancel=token)
    leftovers = [p for p in (tmp_path / "root").rglob("*") if p.name.startswith(TEMP_PREFIX)]
    assert leftovers == []
    assert not (tmp_path / "root" / "box" / "a" / "b.bin").exists()


def test_a_short_source_stores_nothing(local: Provider) -> None:
    with pytest.raises(Exception, match="expected 10 bytes"):
        sending.upload(local, "box", "short.bin", io.BytesIO(b"123"), size=10)
    assert [e.key for e in local.list_page("box").entries] == []


def test_a_file_in_the_way_of_a_folder_is_a_clear_error(local: Provider) -> None:
    sending.upload_bytes(local, "box", "x", b"file")
    with pytest.raises(InvalidName, match="same name"):
        sending.upload_bytes(local, "box", "x/y", b"nested")
    assert local.read("box", "x") == b"file"


def test_upload_replaces_atomically(tmp_path: Path, local: Provider) -> None:
    sending.upload_bytes(local, "box", "doc.txt", b"old")
    inode_dir = os.listdir(tmp_path / "root" / "box")
    sending.upload_bytes(local, "box", "doc.txt", b"new content")
    assert local.read("box", "doc.txt") == b"new content"
    assert os.listdir(tmp_path / "root" / "box") == inode_dir


def test_paging_through_a_big_flat_folder(local: Provider) -> None:
    keys = [f"k{i:05}" for i in range(2500)]
    for key in keys:
        sending.upload_bytes(local, "box", key, b"")
    seen: list[str] = []
    token: str | None = None
    while True:
        page = local.list_page("box", "", "/", token, 1000)
        seen += [e.key for e in page.entries]
        token = page.next_token
        if token is None:
            break
    assert seen == keys


def test_container_names_are_checked(local: Provider) -> None:
    with pytest.raises(InvalidName, match=r"'\.\.'"):
        local.create_container("..")


def test_no_content_md5_its_etag_is_size_and_mtime(local: Provider) -> None:
    local.create_container("m")
    sending.upload_bytes(local, "m", "a.txt", b"abc")
    assert local.stat("m", "a.txt").content_md5 is None


def test_a_pipe_in_a_container_is_no_object(tmp_path: Path, local: Provider) -> None:
    os.mkfifo(tmp_path / "root" / "box" / "pipe")
    assert [e.key for e in local.list_page("box").entries] == []
    with pytest.raises(NotFound):
        local.stat("box", "pipe")  # and so read() never opens it (it would wait for a writer)
    with pytest.raises(NotFound):
        local.read("box", "pipe")


def test_without_extended_attributes_metadata_is_off_and_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As on Windows and macOS, where os.setxattr does not exist (or a file system without
    # user xattrs): the capabilities say so, and metadata is refused, never dropped.
    from storebrowser.providers.local import xattrs

    monkeypatch.setattr(xattrs, "HAVE_XATTR_API", False)
    provider = open_provider("local", {"root": str(tmp_path / "plain")})
    provider.connect()
    assert not provider.capabilities.user_metadata and not provider.capabilities.content_type
    provider.create_container("box")
    with pytest.raises(Unsupported, match="extended attributes"):
        sending.upload_bytes(provider, "box", "a.txt", b"x", metadata={"k": "v"})
    with pytest.raises(Unsupported):
        sending.upload_bytes(provider, "box", "a.txt", b"x", content_type="text/x-mine")
    with pytest.raises(NotFound):
        provider.stat("box", "a.txt")
    sending.upload_bytes(provider, "box", "a.txt", b"x")
    assert provider.stat("box", "a.txt").content_type == "text/plain"  # from the name
