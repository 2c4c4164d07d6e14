"""Map botocore's exceptions onto the core errors, in one place.

``s3_errors(what, ...)`` wraps every call to the client; nothing else in the package
catches a botocore exception. Messages say what was being done and what to try, and
never carry a credential (botocore's own messages quote neither keys nor secrets).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TypeVar

from botocore import exceptions as bx

from storebrowser.core.errors import (
    AccessDenied,
    AlreadyExists,
    AuthFailed,
    DamagedOnTheWay,
    InvalidMetadata,
    InvalidName,
    InvalidStorageClass,
    NotEmpty,
    NotFound,
    PreconditionFailed,
    StorageError,
    Transient,
    Unsupported,
)
from storebrowser.core.netfail import describe_connection_failure
from storebrowser.core.tiers import archived_error

T = TypeVar("T")

_NOT_FOUND = {"NoSuchKey", "NoSuchBucket", "NoSuchUpload", "NotFound", "404", "NoSuchVersion"}
_AUTH = {
    "RequestTimeTooSkewed",
    "AuthorizationHeaderMalformed",
    "InvalidAccessKeyId",
    "SignatureDoesNotMatch",
    "ExpiredToken",
    "InvalidToken",
    "TokenRefreshRequired",
    "InvalidSecurity",
    "MissingSecurityHeader",
}
_DENIED = {"AccessDenied", "AllAccessDisabled", "AccountProblem", "403"}
_TRANSIENT = {
    "SlowDown",
    "Throttling",
    "ThrottlingException",
    "RequestTimeout",
    "ServiceUnavailable",
    "InternalError",
    "OperationAborted",
    "RequestLimitExceeded",
    "500",
    "502",
    "503",
    "504",
}
_UNSUPPORTED = {"NotImplemented", "501", "XNotImplemented", "MethodNotAllowed"}
_BAD_NAME = {"InvalidBucketName", "KeyTooLongError"}
_BAD_METADATA = {"MetadataTooLarge", "InvalidArgument"}
#: The body did not match its checksum (Content-MD5, x-amz-checksum-*, SigV4's SHA-256).
_DAMAGED = {"BadDigest", "XAmzContentSHA256Mismatch"}
#: Reading or copying an object that is archived (GLACIER, DEEP_ARCHIVE) and not restored.
_ARCHIVED = {"InvalidObjectState", "ObjectNotInActiveTierError"}

#: Errors of the connection itself: the same request may work a moment later.
_CONNECTION_ERRORS: tuple[type[Exception], ...] = (
    bx.ConnectionError,  # endpoint unreachable, connect timeout, proxy (SSLError first)
    bx.HTTPClientError,  # read timeout, connection closed, body cut off mid-stream
    bx.IncompleteReadError,
)
_CREDENTIAL_ERRORS: tuple[type[Exception], ...] = (
    bx.NoCredentialsError,
    bx.PartialCredentialsError,
    bx.ProfileNotFound,
    bx.SSOError,
    bx.TokenRetrievalError,
    bx.CredentialRetrievalError,
    bx.UnauthorizedSSOTokenError,
)


@contextlib.contextmanager
def s3_errors(what: str, *, container: str | None = None, key: str | None = None) -> Iterator[None]:
    """Turn botocore exceptions raised inside into a ``StorageError`` about ``what``."""
    try:
        yield
    except StorageError:
        raise
    except (bx.ClientError, bx.BotoCoreError) as error:
        raise map_error(error, what, container=container, key=key) from error


def error_code(error: bx.ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


def http_status(error: bx.ClientError) -> int:
    return int(error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)


def map_error(
    error: Exception, what: str, *, container: str | None = None, key: str | None = None
) -> StorageError:
    where = {"container": container, "key": key}
    if isinstance(error, bx.ClientError):
        return _map_client_error(error, what, **where)
    if isinstance(error, bx.SSLError):
        return StorageError(
            f"{what}: the TLS connection failed ({error}). If the endpoint uses a self-signed "
            "or private certificate, install its CA, or turn off 'Verify TLS certificates' in "
            "the account settings if you trust the network.",
            **where,
        )
    if isinstance(error, _CONNECTION_ERRORS):
        why = describe_connection_failure(error) or error
        return Transient(
            f"{what}: the connection failed ({why}). Check the endpoint and the network; retrying may help.",
            **where,
        )
    if isinstance(error, _CREDENTIAL_ERRORS):
        return AuthFailed(_credential_message(error, what), **where)
    if isinstance(error, bx.ParamValidationError):
        return StorageError(f"{what}: the request was refused before sending: {error}", **where)
    return StorageError(f"{what}: {error}", **where)


def _credential_message(error: Exception, what: str) -> str:
    if isinstance(error, bx.ProfileNotFound):
        return (
            f"{what}: the AWS profile is not in ~/.aws/config or ~/.aws/credentials "
            f"({error}). Check the profile name."
        )
    if isinstance(error, bx.NoCredentialsError):
        return (
            f"{what}: no credentials were found. Enter an access key and secret, an AWS "
            "profile name, or choose anonymous access for public buckets."
        )
    if isinstance(error, bx.SSOError | bx.TokenRetrievalError | bx.UnauthorizedSSOTokenError):
        return (
            f"{what}: the AWS SSO session is missing or expired ({error}). Run "
            "`aws sso login --profile <name>` and try again."
        )
    return f"{what}: the credentials could not be loaded ({error})."


def _map_client_error(
    error: bx.ClientError, what: str, *, container: str | None, key: str | None
) -> StorageError:
    code = error_code(error)
    status = http_status(error)
    server_says = error.response.get("Error", {}).get("Message") or code or str(status)
    where = {"container": container, "key": key}
    if code in _NOT_FOUND or (status == 404 and not code):
        return NotFound(_not_found_message(code, what, container, key), **where)
    if code == "BucketNotEmpty":
        return NotEmpty(
            f"{what}: the bucket {container!r} still holds objects; delete them "
            "first, or confirm deleting it with everything in it.",
            **where,
        )
    if code in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
        return AlreadyExists(_exists_message(code, what, container), **where)
    if code == "PreconditionFailed" or status == 412:
        return PreconditionFailed(f"{what}: the object changed meanwhile ({server_says}).", **where)
    if code in _AUTH:
        return AuthFailed(_auth_message(code, what), **where)
    if code in _DAMAGED:
        return DamagedOnTheWay(
            f"{what}: the server received bytes that do not match their checksum ({server_says}); "
            "they changed on the way. Retrying may help; if it keeps failing, check the network "
            "or proxy between this computer and the server.",
            **where,
        )
    if code in _ARCHIVED:
        said = error.response.get("Error", {}).get("StorageClass")
        storage_class = said if isinstance(said, str) else None
        return archived_error(what, container=container, key=key, storage_class=storage_class)
    if code == "RestoreAlreadyInProgress":
        return archived_error(what, container=container, key=key, storage_class=None, restoring=True)
    if code == "InvalidStorageClass":
        return InvalidStorageClass(
            f"{what}: this server does not offer that storage class ({server_says}).", **where
        )
    if code in _DENIED:
        return AccessDenied(
            f"{what}: access denied by the server ({server_says}). The "
            "credentials work but are not allowed to do this, or a wrong "
            "secret was given for a request without an error body.",
            **where,
        )
    if code in _TRANSIENT or (status >= 500 and code not in _UNSUPPORTED):
        return Transient(
            f"{what}: the server is busy or failing ({server_says}); retrying later may help.", **where
        )
    if code in _UNSUPPORTED:
        return Unsupported(f"{what}: this server does not implement it ({server_says}).", **where)
    if code in _BAD_NAME:
        return InvalidName(f"{what}: the server refused the name ({server_says}).", **where)
    if code in _BAD_METADATA:
        return InvalidMetadata(f"{what}: the server refused the request ({server_says}).", **where)
    return StorageError(f"{what}: the server answered {code or status}: {server_says}", **where)


def _not_found_message(code: str, what: str, container: str | None, key: str | None) -> str:
    if code == "NoSuchBucket" or (key is None and container is not None):
        return f"{what}: there is no bucket {container!r}."
    if code == "NoSuchUpload":
        return f"{what}: the upload in parts no longer exists on the server (expired or aborted)."
    if key is not None:
        return f"{what}: there is no object {key!r} in {container!r}."
    return f"{what}: not found."


def _exists_message(code: str, what: str, container: str | None) -> str:
    if code == "BucketAlreadyExists":
        return (
            f"{what}: the bucket name {container!r} is taken by another account; bucket "
            "names are global, choose another."
        )
    return f"{what}: you own a bucket {container!r} already."


def _auth_message(code: str, what: str) -> str:
    if code == "RequestTimeTooSkewed":
        return f"{what}: this computer's clock is too far from the server's. Set the clock right."
    if code == "AuthorizationHeaderMalformed":
        return f"{what}: the server expects another region. Check the region of the account."
    if code == "InvalidAccessKeyId":
        return f"{what}: the server does not know this access key ID. Check the access key."
    if code == "SignatureDoesNotMatch":
        return (
            f"{what}: the signature did not match, so the secret access key is wrong "
            "(or the clock of this computer is far off). Check the secret key."
        )
    if code in ("ExpiredToken", "TokenRefreshRequired"):
        return f"{what}: the session token has expired. Get new temporary credentials."
    return f"{what}: the server refused the credentials ({code})."


def is_range_not_satisfiable(error: Exception) -> bool:
    """A 416 reply: the asked range starts at or past the end of the object."""
    return isinstance(error, bx.ClientError) and (
        error_code(error) == "InvalidRange" or http_status(error) == 416
    )


def is_not_found(error: Exception) -> bool:
    return isinstance(error, bx.ClientError) and (
        error_code(error) in _NOT_FOUND or http_status(error) == 404
    )


def is_unsupported(error: Exception) -> bool:
    return isinstance(error, bx.ClientError) and (
        error_code(error) in _UNSUPPORTED or http_status(error) == 501
    )


#: The codes of a bucket setting that is simply not set (S3 answers 404 with these).
SETTING_ABSENT = frozenset({
    "NoSuchPublicAccessBlockConfiguration", "NoSuchBucketPolicy", "OwnershipControlsNotFoundError",
    "NoSuchCORSConfiguration", "NoSuchLifecycleConfiguration",
    "ServerSideEncryptionConfigurationNotFoundError",
})  # fmt: skip


def read_setting(call: Callable[[], T], what: str, *, container: str) -> T | None:
    """``call()``, a bucket setting's GET; ``None`` when the setting is not set. Other
    errors mapped as ``s3_errors`` maps them (a missing bucket is still ``NotFound``)."""
    try:
        return call()
    except bx.ClientError as error:
        if error_code(error) in SETTING_ABSENT:
            return None
        raise map_error(error, what, container=container) from error
    except bx.BotoCoreError as error:
        raise map_error(error, what, container=container) from error


def needs_customer_key(error: Exception) -> bool:
    """The object is encrypted with a customer key (SSE-C) and the request did not carry
    the right one: S3 answers 400 (a HEAD without a body, a GET with InvalidRequest), or
    403 when a wrong key was sent."""
    if not isinstance(error, bx.ClientError):
        return False
    status, code = http_status(error), error_code(error)
    message = str(error.response.get("Error", {}).get("Message", "")).lower()
    if status == 400 and code in ("400", "BadRequest", ""):
        return True  # HEAD: no body to say more
    return status in (400, 403) and ("encrypt" in message or "customer" in message)
