"""S3-only: a server that ignores ``Range`` is caught, not silently downloaded in full.

Neither Swift nor moto ignores ranges, so this runs a tiny S3-shaped HTTP server on
127.0.0.1 that answers every GET with the whole object (as some proxies and caches do).
"""

from __future__ import annotations

from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from storebrowser.core.errors import RangeNotHonored
from storebrowser.core.ranges import ByteRange
from storebrowser.providers.registry import open_provider
from tests.servers.canned import serving

BODY = b"0123456789" * 100


class _IgnoresRanges(BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:  # what a check by content asks first (an ETag that is no MD5)
        self.send_response(200)
        self.send_header("Content-Length", str(len(BODY)))
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("ETag", '"abc"')
        self.end_headers()

    def do_GET(self) -> None:
        self.do_HEAD()
        self.wfile.write(BODY)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output clean


@pytest.fixture(scope="module")
def ignoring_server() -> Iterator[str]:
    with serving(_IgnoresRanges) as url:
        yield url


def test_ignored_range_raises_range_not_honored(ignoring_server: str) -> None:
    provider = open_provider(
        "s3",
        {"endpoint_url": ignoring_server, "access_key_id": "a", "secret_access_key": "b", "path_style": True},
    )
    with pytest.raises(RangeNotHonored, match="ignored the byte range"):
        provider.read("bucket", "key", ByteRange(10, 20))
    # A whole read, or a range covering the whole object, is fine with a 200 reply.
    assert provider.read("bucket", "key") == BODY
    assert provider.read("bucket", "key", ByteRange(0, len(BODY))) == BODY
