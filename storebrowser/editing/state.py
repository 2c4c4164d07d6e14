"""What was opened, kept in a small JSON file beside the copies (no secrets: names,
ETags, sizes, hashes, metadata and content settings), so that watching resumes after a
restart and a copy whose upload failed is never forgotten."""

from __future__ import annotations

import contextlib
import enum
import hashlib
import json
import os
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storebrowser.core.properties import ObjectProperties
from storebrowser.core.types import ObjectInfo


class EditState(enum.Enum):
    OPEN = "open"
    UPLOADING = "uploading"
    UPLOADED = "uploaded"
    CONFLICT = "conflict"
    FAILED = "failed"

    @property
    def holds_changes(self) -> bool:
        """The copy may hold changes that are not on the server: never cleaned away."""
        return self in (EditState.CONFLICT, EditState.FAILED, EditState.UPLOADING)


@dataclass(frozen=True, slots=True)
class OpenedFile:
    """One opened object and its local copy, as last opened or uploaded.

    ``etag`` is the version the copy is based on (the upload back's condition); ``sha256``
    the hash of the copy at that moment (unchanged: nothing to upload)."""

    account: str
    container: str
    key: str
    local: str
    etag: str
    size: int
    sha256: str
    metadata: dict[str, str] = field(default_factory=dict)
    system: dict[str, str] = field(default_factory=dict)
    storage_class: str | None = None
    version: str | None = None
    opened_at: str = ""
    state: EditState = EditState.OPEN
    #: The last outcome in words (a conflict's two ETags, an upload's error and where the copy is).
    note: str = ""
    #: In a conflict: the ETag the object has now on the server (``""``: it was deleted).
    theirs: str | None = None

    def keep(self) -> ObjectProperties:
        """The properties an upload back carries over."""
        info = ObjectInfo(key=self.key, size=self.size, etag=self.etag, metadata=self.metadata,
                          storage_class=self.storage_class)  # fmt: skip
        return ObjectProperties(info, self.system, self.version)

    def with_state(self, state: EditState, note: str = "", **changes: Any) -> OpenedFile:
        return replace(self, state=state, note=note, **changes)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["state"] = self.state.value
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> OpenedFile:
        values = dict(data)
        values["state"] = EditState(values.get("state", "open"))
        return cls(**values)


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def file_sha256(path: Path) -> str:
    with open(path, "rb") as source:
        return hashlib.file_digest(source, "sha256").hexdigest()


class OpenedFiles:
    """The records, one per local copy, in ``path`` (rewritten whole, atomically: they are
    few). Safe to use from several threads of one process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def all(self) -> list[OpenedFile]:
        with self._lock:
            return list(self._read().values())

    def get(self, local: str) -> OpenedFile | None:
        with self._lock:
            return self._read().get(local)

    def put(self, opened: OpenedFile) -> None:
        with self._lock:
            records = self._read()
            records[opened.local] = opened
            self._write(records)

    def remove(self, local: str) -> None:
        with self._lock:
            records = self._read()
            if records.pop(local, None) is not None:
                self._write(records)

    def _read(self) -> dict[str, OpenedFile]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            return {}  # a damaged file loses the list, never the copies: they stay on disk
        records = (OpenedFile.from_json(entry) for entry in raw.get("opened", []))
        return {record.local: record for record in records}

    def _write(self, records: Mapping[str, OpenedFile]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"opened": [r.to_json() for r in records.values()]}, indent=1, ensure_ascii=False)
        fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".opened-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
