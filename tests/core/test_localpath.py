from __future__ import annotations

import os
from pathlib import Path

import pytest

from storebrowser.core.errors import InvalidName
from storebrowser.core.localpath import key_to_local_path
from storebrowser.core.names import local_name_problem

HOSTILE = [
    "../../x",
    "../x",
    "a/../../x",
    "/etc/x",
    "\\etc\\x",
    "C:\\x",
    "c:x",
    "a\\..\\x",
    "a/\x00b",
    "",
    "/",
    "a//b",
    "./x",
    "a/./b",
    "..",
    "x" * 300,
]


@pytest.mark.parametrize("key", HOSTILE)
def test_hostile_keys_are_refused_with_a_message(tmp_path: Path, key: str) -> None:
    with pytest.raises(InvalidName, match="cannot be saved as a local file"):
        key_to_local_path(tmp_path, key)


@pytest.mark.parametrize("key", ["a", "a/b/c.txt", "with space", "ünï/文件", "100%+#?", "dir/"])
def test_ordinary_keys_map_inside_the_folder(tmp_path: Path, key: str) -> None:
    path = key_to_local_path(tmp_path, key)
    assert Path(os.path.realpath(tmp_path)) in path.parents
    assert path.name == key.rstrip("/").rsplit("/", 1)[-1]


def test_strip_prefix(tmp_path: Path) -> None:
    assert key_to_local_path(tmp_path, "photos/2024/a.jpg", strip_prefix="photos/") == (
        Path(os.path.realpath(tmp_path)) / "2024" / "a.jpg"
    )


def test_a_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "root"
    root.mkdir()
    (root / "link").symlink_to(outside)
    with pytest.raises(InvalidName, match="points outside"):
        key_to_local_path(root, "link/file.txt")


def test_windows_rules_apply_on_request() -> None:
    assert local_name_problem("a:b", windows=False) is None
    assert local_name_problem("a:b", windows=True)
    assert local_name_problem("CON.txt", windows=True)
    assert local_name_problem("trailing.", windows=True)
