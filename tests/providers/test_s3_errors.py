"""S3-only: the error table, for codes the local servers never send (throttling, 5xx...).

These build botocore's own ``ClientError`` values as a reply would; no SDK call is faked.
"""

from __future__ import annotations

import pytest
from botocore import exceptions as bx

from storebrowser.core.errors import (
    AccessDenied,
    AlreadyExists,
    AuthFailed,
    InvalidName,
    NotEmpty,
    NotFound,
    StorageError,
    Transient,
    Unsupported,
)
from storebrowser.providers.s3.errors import map_error


def _reply(code: str, status: int) -> bx.ClientError:
    return bx.ClientError(
        {
            "Error": {"Code": code, "Message": f"message of {code}"},
            "ResponseMetadata": {"HTTPStatusCode": status},
        },
        "GetObject",
    )


@pytest.mark.parametrize(
    ("code", "status", "expected"),
    [
        ("NoSuchKey", 404, NotFound),
        ("NoSuchBucket", 404, NotFound),
        ("404", 404, NotFound),
        ("BucketNotEmpty", 409, NotEmpty),
        ("BucketAlreadyOwnedByYou", 409, AlreadyExists),
        ("AccessDenied", 403, AccessDenied),
        ("InvalidAccessKeyId", 403, AuthFailed),
        ("SignatureDoesNotMatch", 403, AuthFailed),
        ("ExpiredToken", 400, AuthFailed),
        ("RequestTimeTooSkewed", 403, AuthFailed),
        ("SlowDown", 503, Transient),
        ("InternalError", 500, Transient),
        ("", 502, Transient),
        ("NotImplemented", 501, Unsupported),
        ("InvalidBucketName", 400, InvalidName),
        ("SomethingNew", 400, StorageError),
    ],
)
def test_codes_map_to_core_errors(code: str, status: int, expected: type[StorageError]) -> None:
    error = map_error(_reply(code, status), "Reading 'k'", container="b", key="k")
    assert type(error) is expected
    assert error.message.startswith("Reading 'k'")
    assert (error.container, error.key) == ("b", "k")


@pytest.mark.parametrize(
    ("raised", "expected", "words"),
    [
        (bx.EndpointConnectionError(endpoint_url="http://127.0.0.1:1"), Transient, "connection failed"),
        (bx.ConnectTimeoutError(endpoint_url="http://127.0.0.1:1"), Transient, "connection failed"),
        (bx.ReadTimeoutError(endpoint_url="http://127.0.0.1:1"), Transient, "connection failed"),
        (bx.NoCredentialsError(), AuthFailed, "no credentials"),
        (bx.ProfileNotFound(profile="work"), AuthFailed, "profile"),
        (bx.SSLError(endpoint_url="https://127.0.0.1:1", error="bad cert"), StorageError, "TLS"),
    ],
)
def test_client_side_failures_map_to_core_errors(
    raised: Exception, expected: type[StorageError], words: str
) -> None:
    error = map_error(raised, "Listing buckets")
    assert type(error) is expected
    assert words in error.message
