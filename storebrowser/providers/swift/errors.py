"""Map swiftclient's exceptions onto the core errors, in one place.

swiftclient raises ``ClientException`` (with ``http_status`` when the server answered)
and lets ``socket.error`` / ``requests`` exceptions through when the connection failed.
Messages never carry the token or the request headers: only what was being done, the
status and Swift's transaction id (which an operator can look up in the proxy logs).
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator
from typing import Protocol

from storebrowser.core.errors import (
    AccessDenied,
    AuthFailed,
    Cancelled,
    ConsentRequired,
    NotEmpty,
    NotFound,
    StorageError,
    Transient,
)
from storebrowser.core.netfail import describe_connection_failure


class SwiftSettingsLike(Protocol):
    """What the error messages name; read-only, as the frozen settings are."""

    @property
    def region(self) -> str: ...

    @property
    def endpoint_type(self) -> str: ...


class SwiftError(StorageError):
    """A Swift answer no more specific core error fits (a 400, 411, 422...)."""


class TempUrlKeyMissing(ConsentRequired):
    """The account has no temp-URL key, so no time-limited URL can be signed yet.

    Setting one (``SwiftProvider.set_temp_url_key``) changes the account for every client
    of it, so the UI asks the user first.
    """


def status_of(error: BaseException) -> int | None:
    """The HTTP status of a swiftclient ``ClientException``, ``None`` for anything else."""
    status = getattr(error, "http_status", None)
    return status if isinstance(status, int) else None


def _reason(error: BaseException) -> str:
    status = status_of(error)
    if status is None:
        return f"{type(error).__name__}: {getattr(error, 'msg', None) or error}"
    reason = getattr(error, "http_reason", "") or ""
    transaction = getattr(error, "transaction_id", None)
    text = f"HTTP {status} {reason}".strip()
    return f"{text} (transaction {transaction})" if transaction else text


def map_swift_error(
    error: BaseException,
    what: str,
    *,
    container: str | None = None,
    key: str | None = None,
    conflict_means_not_empty: bool = False,
) -> StorageError:
    """The core error for ``error`` raised while doing ``what`` (a phrase like "Reading 'x'")."""
    where = {"container": container, "key": key}
    status = status_of(error)
    reason = _reason(error)
    if status is None:
        if _is_connection_error(error):
            why = describe_connection_failure(error) or reason
            return Transient(f"{what}: the connection to Swift failed ({why}). Retry later.", **where)
        return SwiftError(f"{what}: {reason}.", **where)
    return error_for_status(
        status, reason, what, container=container, key=key,
        conflict_means_not_empty=conflict_means_not_empty,
    )  # fmt: skip


def error_for_status(
    status: int,
    reason: str,
    what: str,
    *,
    container: str | None = None,
    key: str | None = None,
    conflict_means_not_empty: bool = False,
) -> StorageError:
    """The core error for an HTTP ``status`` (401 -> AuthFailed, 403 -> AccessDenied,
    404 -> NotFound, 409 on a container delete -> NotEmpty, 5xx/408/429 -> Transient)."""
    where = {"container": container, "key": key}
    if status == 401:
        return AuthFailed(
            f"{what}: Swift refused the credentials ({reason}). Check the user name, key "
            "and auth URL, or sign in again if the token expired.",
            **where,
        )
    if status == 403:
        return AccessDenied(f"{what}: this user is not allowed to do that ({reason}).", **where)
    if status == 404:
        return NotFound(f"{what}: it does not exist ({reason}).", **where)
    if status == 409 and conflict_means_not_empty:
        return NotEmpty(
            f"{what}: the container still holds objects; delete them first, or confirm "
            "deleting the container with everything in it.",
            **where,
        )
    if status in (408, 429, 498, 499) or status >= 500:
        return Transient(f"{what}: Swift is busy or failing ({reason}); retry later.", **where)
    return SwiftError(f"{what}: Swift answered {reason}.", **where)


def _is_connection_error(error: BaseException) -> bool:
    if isinstance(error, socket.error | TimeoutError | ConnectionError):
        return True
    try:
        from requests.exceptions import RequestException
        from urllib3.exceptions import HTTPError as Urllib3Error
    except ImportError:  # pragma: no cover - swiftclient depends on both
        return False
    return isinstance(error, RequestException | Urllib3Error)


@contextlib.contextmanager
def swift_errors(
    what: str,
    *,
    container: str | None = None,
    key: str | None = None,
    conflict_means_not_empty: bool = False,
) -> Iterator[None]:
    """Turn swiftclient and network errors raised inside into core errors about ``what``."""
    try:
        yield
    except (StorageError, Cancelled):
        raise
    except Exception as error:
        known = status_of(error) is not None or _is_connection_error(error)
        if not known and not _is_client_exception(error):
            raise  # a bug of ours, not an answer from Swift: keep its traceback as it is
        raise map_swift_error(
            error, what, container=container, key=key,
            conflict_means_not_empty=conflict_means_not_empty,
        ) from error  # fmt: skip


def _is_client_exception(error: BaseException) -> bool:
    from swiftclient.exceptions import ClientException

    return isinstance(error, ClientException)


@contextlib.contextmanager
def keystone_errors(what: str, settings: SwiftSettingsLike) -> Iterator[None]:
    """Map keystoneauth1's exceptions (Keystone v2/v3 sign-in) onto core errors."""
    from keystoneauth1 import exceptions as ks

    try:
        yield
    except ks.EndpointNotFound as error:
        region = f" in region {settings.region!r}" if settings.region else ""
        raise AuthFailed(
            f"{what}: the catalog has no {settings.endpoint_type} object-store endpoint{region}; "
            "check the region and endpoint type.",
        ) from error
    except ks.Unauthorized as error:
        raise AuthFailed(
            f"{what}: Keystone refused the credentials. Check the user name, password, "
            "project and domain names.",
        ) from error
    except (ks.ConnectFailure, ks.ConnectTimeout, ks.RetriableConnectionFailure) as error:
        raise Transient(f"{what}: cannot reach Keystone ({type(error).__name__}). Retry later.") from error
    except ks.HttpError as error:
        status = getattr(error, "http_status", None)
        if status == 403:
            raise AccessDenied(f"{what}: Keystone says this user may not do that.") from error
        if isinstance(status, int) and status >= 500:
            raise Transient(f"{what}: Keystone answered HTTP {status}; retry later.") from error
        raise SwiftError(f"{what}: Keystone answered HTTP {status}.") from error
    except ks.ClientException as error:
        raise AuthFailed(f"{what}: {type(error).__name__}: {error}") from error
