"""What the window remembers between runs: geometry, splitter, columns, last place.

A small JSON file under the platform's state dir rather than QSettings, so that the
writing can happen on a worker (the GUI thread does no disk I/O) and a damaged file
costs the user nothing but the remembered layout. Read once at start-up, before the
window exists.
"""

from __future__ import annotations

import base64
import json
import logging
from pathlib import Path
from typing import Any

from storebrowser.accounts.atomic import write_atomically

log = logging.getLogger(__name__)
FILE_NAME = "window.json"


class UiState:
    """A flat mapping of names to JSON values; bytes (Qt's saved states) as base64."""

    def __init__(self, path: Path | None, values: dict[str, Any] | None = None) -> None:
        self.path = path
        self._values: dict[str, Any] = dict(values or {})

    @classmethod
    def load(cls, path: Path | None) -> UiState:
        if path is None:
            return cls(None)
        try:
            values = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(path)
        except (OSError, ValueError) as error:
            log.warning("Window layout not restored (%s): %s", path, error)
            return cls(path)
        return cls(path, values if isinstance(values, dict) else {})

    def get(self, name: str, default: Any = None) -> Any:
        return self._values.get(name, default)

    def set(self, name: str, value: Any) -> None:
        self._values[name] = value

    def get_bytes(self, name: str) -> bytes | None:
        value = self._values.get(name)
        if not isinstance(value, str):
            return None
        try:
            return base64.b64decode(value, validate=True)
        except ValueError:
            return None

    def set_bytes(self, name: str, value: bytes | bytearray | memoryview) -> None:
        self._values[name] = base64.b64encode(value).decode("ascii")

    def snapshot(self) -> dict[str, Any]:
        return dict(self._values)

    def save(self, values: dict[str, Any] | None = None) -> None:
        """Write atomically (blocking: call it on a worker)."""
        if self.path is None:
            return
        data = json.dumps(values if values is not None else self._values, indent=1, sort_keys=True)
        write_atomically(self.path, data)
