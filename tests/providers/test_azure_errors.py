"""The error mapping table, fed real azure-core exception objects (no server needed)."""

from __future__ import annotations

import pytest
from azure.core.exceptions import ClientAuthenticationError, HttpResponseError, ServiceRequestError

from storebrowser.core.errors import (
    AccessDenied,
    AlreadyExists,
    AuthFailed,
    InvalidMetadata,
    NotFound,
    StorageError,
    Transient,
)
from storebrowser.providers.azure.errors import map_error


def _http_error(code: str | None, status: int, message: str = "The service said no.") -> HttpResponseError:
    error = HttpResponseError(message=f"{message}\nRequestId:1\nTime:now\nErrorCode:{code}")
    error.error_code = code  # as azure-storage's process_storage_error sets it
    error.status_code = status
    return error


CASES = [
    ("ResourceNotFound", 404, NotFound),
    ("ContainerNotFound", 404, NotFound),
    ("BlobNotFound", 404, NotFound),
    ("ContainerAlreadyExists", 409, AlreadyExists),
    ("AuthenticationFailed", 403, AuthFailed),
    ("AuthorizationPermissionMismatch", 403, AccessDenied),
    ("ServerBusy", 503, Transient),
    ("InternalError", 500, Transient),
    (None, 502, Transient),
    ("OperationTimedOut", 500, Transient),
    ("InvalidMetadata", 400, InvalidMetadata),
    ("SomethingNew", 400, StorageError),
]


@pytest.mark.parametrize(("code", "status", "expected"), CASES)
def test_codes_map_to_core_errors(code: str | None, status: int, expected: type[StorageError]) -> None:
    mapped = map_error(_http_error(code, status), "Doing it", container="c", key="k")
    assert type(mapped) is expected
    assert mapped.message.startswith("Doing it failed: The service said no.")
    assert "RequestId" not in mapped.message
    assert (mapped.container, mapped.key) == ("c", "k")


def test_connection_errors_are_transient_and_redacted() -> None:
    error = ServiceRequestError("GET http://127.0.0.1:1/acct/c/b?sv=2024&sig=SECRET failed")
    mapped = map_error(error, "Reading", container=None, key=None)
    assert isinstance(mapped, Transient) and mapped.retryable
    assert "SECRET" not in mapped.message


def test_azure_ad_sign_in_failure_is_auth_failed() -> None:
    mapped = map_error(ClientAuthenticationError("no token"), "Listing", container=None, key=None)
    assert isinstance(mapped, AuthFailed)
