"""Where secrets live: the OS keyring, or this session only, or (on request) a file.

Keyring entries use service ``StoreBrowser`` and user name ``<account>/<field>``. When no
keyring backend is usable (a headless Linux without a Secret Service), secrets stay in
memory for the running session and ``warning`` says so in plain words; a file is used only
after the user asks for it (``use_file``), with 0600 permissions and its own warning.
Every secret that passes through here is registered with the log redactor.
"""

from __future__ import annotations

import enum
import logging
import os
import threading
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from storebrowser.accounts.atomic import write_atomically
from storebrowser.accounts.redact import SECRETS, SecretRegistry

if TYPE_CHECKING:  # keyring costs ~80 ms to import: only when a secret is needed
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

SERVICE = "StoreBrowser"

SESSION_WARNING = (
    "No system keyring is available on this computer, so passwords and keys are kept only "
    "until StoreBrowser closes; you will be asked for them again next time. You can choose "
    "to store them in a file instead (readable by anyone who can read your files)."
)


class Storage(enum.Enum):
    KEYRING = "keyring"
    SESSION = "session"
    FILE = "file"


def usable_keyring() -> KeyringBackend | None:
    """The configured keyring backend, or None when it cannot store anything."""
    import keyring

    try:
        backend = keyring.get_keyring()
    except Exception as error:  # a broken backend must not stop the app
        log.warning("The system keyring could not be opened: %s", type(error).__name__)
        return None
    return backend if _viable(backend) else None


def _viable(backend: KeyringBackend) -> bool:
    from keyring.backends import chainer, fail

    if isinstance(backend, fail.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return bool(backend.backends)
    return True


def _username(account: str, field: str) -> str:
    return f"{account}/{field}"


class SecretStore:
    """Secrets of all accounts, by account name and field name. Thread-safe."""

    def __init__(
        self,
        backend: KeyringBackend | None,
        *,
        file: Path | None = None,
        registry: SecretRegistry = SECRETS,
        find_backend: Callable[[], KeyringBackend | None] | None = None,
    ) -> None:
        """``find_backend``, when given, is called at the first use instead of taking
        ``backend``: finding the keyring costs about half a second (every backend is
        imported and probed), which start-up should not pay for a local account."""
        self._lock = threading.RLock()
        self._backend = backend
        self._find_backend = find_backend
        self._registry = registry
        self._memory: dict[str, str] = {}
        #: Keys in ``_memory`` the user chose not to remember: never written to the file.
        self._session_only: set[str] = set()
        self._file: Path | None = None
        self._failure = ""
        if file is not None:
            self._use_file(file)

    @classmethod
    def open(cls, config_dir: Path, *, registry: SecretRegistry = SECRETS) -> SecretStore:
        """The store the app uses: the secrets file if the user chose it before, else
        the keyring when usable, else this session only."""
        secrets_file = config_dir / SECRETS_FILE_NAME
        if secrets_file.exists():
            return cls(None, file=secrets_file, registry=registry)
        return cls(None, registry=registry, find_backend=usable_keyring)

    def __repr__(self) -> str:
        where = "not resolved yet" if self._find_backend is not None else self.storage.value
        return f"SecretStore({where}, {len(self._memory)} in memory)"

    # -- what the UI shows --------------------------------------------------------------

    @property
    def storage(self) -> Storage:
        self._resolve()
        if self._file is not None:
            return Storage.FILE
        return Storage.KEYRING if self._backend is not None else Storage.SESSION

    @property
    def persistent(self) -> bool:
        return self.storage is not Storage.SESSION

    @property
    def warning(self) -> str:
        """A sentence for the user when secrets are not safely kept; empty otherwise."""
        if self.storage is Storage.FILE:
            return (
                f"Passwords and keys are stored unencrypted in {self._file} (only your user "
                "can read it, but anyone with access to your files or backups can)."
            )
        if self.storage is Storage.SESSION:
            return f"{self._failure} {SESSION_WARNING}".strip()
        return ""

    # -- secrets ------------------------------------------------------------------------

    def get(self, account: str, field: str) -> str | None:
        key = _username(account, field)
        with self._lock:
            value = self._memory.get(key)
            if value is None and self.storage is Storage.KEYRING:
                value = self._keyring_get(key)
        if value is not None:
            self._registry.register(value)
        return value

    def set(self, account: str, field: str, value: str, *, remember: bool = True) -> None:
        """Keep ``value``: where secrets are kept, or (``remember=False``) in memory for
        this session only (a sign-in the user chose not to remember)."""
        self._registry.register(value)
        key = _username(account, field)
        with self._lock:
            if remember and self.storage is Storage.KEYRING:
                self._keyring_set(key, value)
            self._memory[key] = value
            if remember:
                self._session_only.discard(key)
            else:
                self._session_only.add(key)
            if remember and self.storage is Storage.FILE:
                self._write_file()

    def delete(self, account: str, field: str) -> None:
        key = _username(account, field)
        with self._lock:
            self._memory.pop(key, None)
            self._session_only.discard(key)
            if self.storage is Storage.KEYRING and self._backend is not None:
                from keyring.errors import KeyringError, PasswordDeleteError

                try:
                    self._backend.delete_password(SERVICE, key)
                except PasswordDeleteError:
                    pass  # nothing stored: fine
                except KeyringError as error:
                    log.warning("Could not delete a secret of %s: %s", account, error)
            if self.storage is Storage.FILE:
                self._write_file()

    def use_file(self, path: Path) -> None:
        """The user asked to keep secrets in a file: move what this session holds there."""
        with self._lock:
            self._use_file(path)
            self._write_file()

    # -- keyring ------------------------------------------------------------------------

    def _resolve(self) -> None:
        with self._lock:
            if self._find_backend is not None:
                find, self._find_backend = self._find_backend, None
                self._backend = find()

    def _keyring_get(self, key: str) -> str | None:
        from keyring.errors import KeyringError

        assert self._backend is not None
        try:
            value = self._backend.get_password(SERVICE, key)
        except KeyringError as error:
            self._fall_back(error)
            return None
        if value is not None:
            self._memory[key] = value
        return value

    def _keyring_set(self, key: str, value: str) -> None:
        from keyring.errors import KeyringError

        assert self._backend is not None
        try:
            self._backend.set_password(SERVICE, key, value)
        except KeyringError as error:
            self._fall_back(error)

    def _fall_back(self, error: Exception) -> None:
        # Only the class name: a backend's message could quote what it was given.
        log.warning(
            "The system keyring failed (%s); keeping secrets for this session only.",
            type(error).__name__,
        )
        self._failure = "The system keyring refused to store a secret."
        self._backend = None

    # -- file ---------------------------------------------------------------------------

    def _use_file(self, path: Path) -> None:
        self._file = path
        self._backend = None
        self._find_backend = None
        if path.exists():
            if not permissions_ok(path):
                # Someone loosened them by hand or a copy did: owner-only again.
                log.warning("The secrets file %s was readable by others; made it owner-only.", path)
                path.chmod(0o600)
            self._memory = {**_read_secrets_file(path), **self._memory}
            self._registry.register_all(self._memory.values())

    def _write_file(self) -> None:
        assert self._file is not None
        import tomli_w

        kept = {k: v for k, v in sorted(self._memory.items()) if k not in self._session_only}
        text = FILE_HEADER + tomli_w.dumps({"secrets": kept})
        write_atomically(self._file, text, mode=0o600)


SECRETS_FILE_NAME = "secrets.toml"
FILE_HEADER = (
    "# StoreBrowser secrets, kept in this file because you asked for it.\n"
    "# Not encrypted: anyone who can read this file can use these accounts.\n"
)


def _read_secrets_file(path: Path) -> dict[str, str]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        # The parser's message names a position, never the text it stopped at.
        log.warning("The secrets file %s cannot be read: %s", path, error)
        return {}
    table = data.get("secrets", {})
    return {str(k): v for k, v in table.items() if isinstance(v, str)} if isinstance(table, dict) else {}


def permissions_ok(path: Path) -> bool:
    """True when only the owner may read ``path`` (always True where modes mean little)."""
    return os.name != "posix" or (path.stat().st_mode & 0o077) == 0
