"""Map ``OSError`` onto the core errors, in one place."""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Iterator

from storebrowser.core.errors import (
    AccessDenied,
    AlreadyExists,
    InvalidName,
    NotFound,
    StorageError,
)


@contextlib.contextmanager
def os_errors(what: str, *, container: str | None = None, key: str | None = None) -> Iterator[None]:
    """Turn ``OSError`` raised inside into a ``StorageError`` about ``what``."""
    try:
        yield
    except StorageError:
        raise
    except OSError as error:
        raise map_os_error(error, what, container=container, key=key) from error


def map_os_error(
    error: OSError, what: str, *, container: str | None = None, key: str | None = None
) -> StorageError:
    reason = error.strerror or str(error)
    where = {"container": container, "key": key}
    if isinstance(error, FileNotFoundError):
        return NotFound(f"{what}: it does not exist.", **where)
    if isinstance(error, FileExistsError):
        return AlreadyExists(f"{what}: it exists already.", **where)
    if isinstance(error, PermissionError):
        return AccessDenied(f"{what}: permission denied by the operating system.", **where)
    if isinstance(error, NotADirectoryError | IsADirectoryError):
        return InvalidName(
            f"{what}: a file and a folder of the same name are in the way; a local folder "
            "cannot hold both 'x' and 'x/…'.",
            **where,
        )
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageError(f"{what}: the disk is full.", **where)
    if error.errno == errno.ENAMETOOLONG:
        return InvalidName(f"{what}: the name is too long for this file system.", **where)
    return StorageError(f"{what}: {reason}.", **where)
