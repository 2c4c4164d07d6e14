"""The one place where azure-core / azure-storage-blob exceptions become core errors.

Messages are built from the service's first line and its error code, never from the raw
exception text: that text can carry request URLs, and a URL can carry a SAS signature.
Whatever SDK text does reach a message goes through ``redact`` first.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

from storebrowser.core.errors import (
    AccessDenied,
    AlreadyExists,
    AuthFailed,
    DamagedOnTheWay,
    InvalidMetadata,
    InvalidName,
    NotFound,
    StorageError,
    Transient,
    Unsupported,
)
from storebrowser.core.netfail import describe_connection_failure
from storebrowser.core.tiers import archived_error

#: Azurite answers a block whose Content-MD5 is wrong with InvalidOperation and this
#: message where Azure says Md5Mismatch.
_AZURITE_MD5_MISMATCH = "contentMD5 doesn't match"
NOT_FOUND = frozenset({"ResourceNotFound", "ContainerNotFound", "BlobNotFound"})
ALREADY_EXISTS = frozenset({"ContainerAlreadyExists", "BlobAlreadyExists"})
#: Azurite answers a wrong key with AuthorizationFailure where Azure says AuthenticationFailed;
#: on Azure AuthorizationFailure also covers firewall rules, hence the wording of its message.
AUTH_FAILED = frozenset({"AuthenticationFailed", "AuthorizationFailure", "InvalidAuthenticationInfo"})
ACCESS_DENIED = frozenset(
    {
        "AuthorizationPermissionMismatch",
        "AuthorizationResourceTypeMismatch",
        "AuthorizationServiceMismatch",
        "AuthorizationSourceIPMismatch",
        "AuthorizationProtocolMismatch",
        "InsufficientAccountPermissions",
        "AccountIsDisabled",
    }
)
TRANSIENT = frozenset({"ServerBusy", "OperationTimedOut", "InternalError", "ContainerBeingDeleted"})
UNSUPPORTED = frozenset(
    {"FeatureNotSupported", "NotImplemented", "UnsupportedHeader", "UnsupportedQueryParameter"}
)

_SAS_FIELDS = "sig|se|st|sp|sv|srt|ss|sr|skoid|sktid|skt|ske|sks|skv|spr|sip"
_SECRET_QUERY = re.compile(rf"(?i)\b({_SAS_FIELDS})=[^&\s'\"]*")
_ACCOUNT_KEY = re.compile(r"(?i)(AccountKey|SharedAccessSignature)=[^;\s'\"]*")


def redact(text: str) -> str:
    """Remove SAS parameters and account keys from ``text`` (URLs, connection strings)."""
    return _ACCOUNT_KEY.sub(r"\1=REDACTED", _SECRET_QUERY.sub(r"\1=REDACTED", text))


def error_code(error: BaseException) -> str:
    """The service's error code (``BlobNotFound``...) or ``""``."""
    code = getattr(error, "error_code", None)
    return str(getattr(code, "value", code) or "")


def status_code(error: BaseException) -> int | None:
    status = getattr(error, "status_code", None)
    return status if isinstance(status, int) else None


def _first_line(error: BaseException) -> str:
    message = getattr(error, "message", None) or str(error)
    line = str(message).strip().splitlines()[0] if str(message).strip() else type(error).__name__
    line = line.removeprefix("Operation returned an invalid status ").strip("'\" ")
    return redact(line)


def map_error(error: BaseException, action: str, *, container: str | None, key: str | None) -> StorageError:
    """The core error for an SDK exception raised while doing ``action``."""
    from azure.core.exceptions import (
        ClientAuthenticationError,
        HttpResponseError,
        ServiceRequestError,
        ServiceResponseError,
    )

    where = {"container": container, "key": key}
    code = error_code(error)
    status = status_code(error)
    detail = f"{_first_line(error)}" + (f" ({code})" if code else "")
    broken = describe_connection_failure(error)
    if isinstance(error, ServiceRequestError):
        return Transient(f"{action} failed: could not reach Azure Storage ({broken or detail}). Check the "
                         "network and the blob endpoint, then retry.", **where)  # fmt: skip
    if isinstance(error, ServiceResponseError) or (status is None and broken is not None):
        # Also an HttpResponseError without a status: the SDK's own retries of a broken
        # download ran out (its text is a raw tuple of the socket error).
        return Transient(f"{action} failed: {broken or 'the connection broke'}, after several tries. "
                         "Check the network, then retry.", **where)  # fmt: skip
    signed_in_badly = isinstance(error, ClientAuthenticationError) and status is None
    if signed_in_badly or type(error).__name__ == "CredentialUnavailableError":
        # Refused before any request: azure-identity found no token, or the shared key
        # could not sign (not base64).
        return AuthFailed(f"{action} failed: the credentials could not be used ({detail}).", **where)
    if not isinstance(error, HttpResponseError):
        return StorageError(f"{action} failed: {detail}", **where)
    if code in ("BlobArchived", "BlobBeingRehydrated"):  # a read (or tier change) of an archived blob
        restoring = code == "BlobBeingRehydrated"
        return archived_error(action, storage_class="Archive", restoring=restoring, **where)
    return _map_http(code, status, f"{action} failed: {detail}", where)


def _map_http(code: str, status: int | None, text: str, where: dict[str, str | None]) -> StorageError:
    if code in NOT_FOUND or status == 404:  # e.g. CannotVerifyCopySource for a missing source
        return NotFound(text, **where)
    if code in ALREADY_EXISTS:
        return AlreadyExists(text, **where)
    if code in AUTH_FAILED or status == 401:
        return AuthFailed(f"{text} Check the account key, SAS token (and its expiry) or sign-in, "
                          "and the account's network rules.", **where)  # fmt: skip
    if code in ACCESS_DENIED or status == 403:
        return AccessDenied(f"{text} The credentials are valid but lack the permission for this.", **where)
    if code == "ConditionNotMet" or status == 412:
        return Transient(f"{text} The blob changed while this ran; try again.", **where)
    if code in ("Md5Mismatch", "Crc64Mismatch") or _AZURITE_MD5_MISMATCH in text:
        # A body that does not match the checksum sent with it.
        return DamagedOnTheWay(f"{text} The bytes changed on the way; retrying may help.", **where)
    if code in TRANSIENT or status in (408, 429) or (status is not None and status >= 500):
        return Transient(text, **where)
    if code == "InvalidMetadata" or code == "MetadataTooLarge":
        return InvalidMetadata(text, **where)
    if code in ("InvalidResourceName", "InvalidUri", "OutOfRangeInput"):
        return InvalidName(text, **where)
    if code in UNSUPPORTED or status in (405, 501):
        return Unsupported(text, **where)
    return StorageError(text, **where)


@contextlib.contextmanager
def azure_errors(action: str, *, container: str | None = None, key: str | None = None) -> Iterator[None]:
    """Turn SDK exceptions raised inside the block into core errors.

    ``action`` says what was being done ("Reading 'a.txt' in 'photos'"); it starts every
    message. Our own errors (and ``Cancelled``) pass through unchanged.
    """
    from azure.core.exceptions import AzureError

    try:
        yield
    except StorageError:
        raise
    except AzureError as error:
        # ``from None``: the SDK exception's text may hold a request URL with a SAS in it,
        # and a chained cause would print it in every traceback and log.
        raise map_error(error, action, container=container, key=key) from None
