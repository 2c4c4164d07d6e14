"""Types from names: a compressed file is its compressed format."""

from __future__ import annotations

import pytest

from storebrowser.core.mime import guess_type


@pytest.mark.parametrize(
    ("name", "wanted"),
    [
        ("backup.tar.gz", "application/gzip"),  # not application/x-tar without Content-Encoding
        ("dump.sql.gz", "application/gzip"),
        ("logs.tgz", "application/gzip"),
        ("plain.gz", "application/gzip"),
        ("src.tar.bz2", "application/x-bzip2"),
        ("src.tar.xz", "application/x-xz"),
        ("src.tar", "application/x-tar"),
        ("notes.txt", "text/plain"),
        ("no-extension", "application/octet-stream"),
    ],
)
def test_guessed_types(name: str, wanted: str) -> None:
    assert guess_type(name) == wanted
