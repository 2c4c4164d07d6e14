"""Where opened objects are kept: ``<cache>/<account>/<container>/<key as a path>``.

The account and container names are percent-encoded into one safe folder name each; the
key goes through ``core.localpath.key_to_local_path`` (the one mapping every download
uses), so a hostile key (``../``, an absolute path, a link in the way) is refused before
anything is written, and nothing lands outside the cache.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from storebrowser.core.errors import StorageError
from storebrowser.core.localpath import key_to_local_path

#: Folders of the cache that are not an account's: the state file lives beside them.
STATE_FILE = "opened.json"


class NotEnoughSpace(StorageError):
    """The object is larger than the free space where its copy would go."""


def default_root() -> Path:
    import platformdirs

    return platformdirs.user_cache_path("StoreBrowser") / "opened"


def folder_name(name: str) -> str:
    """``name`` as one folder name no file system reads as a path: percent-encoded,
    with leading dots encoded so ``.`` and ``..`` stay names."""
    encoded = quote(name, safe=" @+,=-_()[]{}!~")
    stripped = encoded.lstrip(".")
    return "%2E" * (len(encoded) - len(stripped)) + stripped


class EditCache:
    def __init__(self, root: Path, *, free_space: Callable[[Path], int] | None = None) -> None:
        self.root = root
        self._free_space = free_space or _free_bytes

    @property
    def state_path(self) -> Path:
        return self.root / STATE_FILE

    def container_folder(self, account: str, container: str) -> Path:
        """The folder the engine downloads into (created); the key is mapped inside it."""
        folder = key_to_local_path(self.root, f"{folder_name(account)}/{folder_name(container)}")
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def local_path(self, account: str, container: str, key: str) -> Path:
        """Where ``key``'s copy goes; ``InvalidName`` for a key that cannot be a path here."""
        return key_to_local_path(self.container_folder(account, container), key)

    def check_room(self, size: int, container: str, key: str) -> None:
        """``NotEnoughSpace`` when ``size`` bytes do not fit on the cache's disk."""
        self.root.mkdir(parents=True, exist_ok=True)
        free = self._free_space(self.root)
        if size > free:
            raise NotEnoughSpace(
                f"{key!r} is {size:,} bytes; the disk of {self.root} has {free:,} bytes free. "
                "Free some space and open it again.",
                container=container,
                key=key,
            )


def _free_bytes(path: Path) -> int:
    return shutil.disk_usage(path).free
