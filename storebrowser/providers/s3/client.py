"""Connection settings and the boto3 client built from them.

boto3 clients are thread-safe but sessions are not, so one session builds one client per
region, once, under a lock; every worker thread shares them.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import boto3
from botocore import UNSIGNED
from botocore.config import Config

from storebrowser.core.encryption import CUSTOMER_KEY_FIELD
from storebrowser.core.retry import retried_by_caller
from storebrowser.core.timeouts import MAX_READ_TIMEOUT
from storebrowser.providers.s3 import listing_xml, part_check, progress
from storebrowser.providers.s3.errors import s3_errors

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

DEFAULT_REGION = "us-east-1"
CONNECT_TIMEOUT = 10.0
#: botocore retries throttling, 5xx and dropped connections itself ("standard" mode,
#: this many retries after the first attempt); what still fails surfaces as ``Transient``. Under a caller that
#: retries itself (``core.retry.retried_by_caller``: the transfer engine, the walk) a
#: client of one attempt serves the call instead: one retry policy, the caller's.
RETRY_ATTEMPTS = 4


def _flag(value: Any, default: bool) -> bool:
    """BOOL fields arrive as bool from dialogs but as text from config files and the CLI."""
    if value is None or value == "":
        return default
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


@dataclass(frozen=True, slots=True)
class S3Settings:
    """The connection fields of ``kind.py``, typed. ``repr`` hides the secrets."""

    access_key_id: str | None = None
    secret_access_key: str | None = None
    session_token: str | None = None
    profile: str | None = None
    region: str | None = None
    endpoint_url: str | None = None
    path_style: bool = False
    verify_tls: bool = True
    anonymous: bool = False
    #: SSE-C: the customer's AES-256 key, base64 (a secret field, kept in the keyring).
    sse_customer_key: str | None = None

    @classmethod
    def from_mapping(cls, settings: Mapping[str, Any]) -> S3Settings:
        return cls(
            access_key_id=_text(settings.get("access_key_id")),
            secret_access_key=_text(settings.get("secret_access_key")),
            session_token=_text(settings.get("session_token")),
            profile=_text(settings.get("profile")),
            region=_text(settings.get("region")),
            endpoint_url=_text(settings.get("endpoint_url")),
            path_style=_flag(settings.get("path_style"), False),
            verify_tls=_flag(settings.get("verify_tls"), True),
            anonymous=_flag(settings.get("anonymous"), False),
            sse_customer_key=_text(settings.get(CUSTOMER_KEY_FIELD)),
        )

    def __repr__(self) -> str:
        return (
            f"S3Settings(endpoint_url={self.endpoint_url!r}, region={self.region!r}, "
            f"profile={self.profile!r}, anonymous={self.anonymous})"
        )

    @property
    def is_aws(self) -> bool:
        return self.endpoint_url is None

    def describe(self, region: str) -> str:
        if self.endpoint_url is None:
            return f"Amazon S3 ({region})"
        parts = urlsplit(self.endpoint_url)
        return f"S3 at {parts.netloc or self.endpoint_url}"


class ClientFactory:
    """One boto3 session and its S3 clients (one per region), built lazily and once."""

    def __init__(self, settings: S3Settings, *, pool_size: int, read_timeout: float) -> None:
        self._settings = settings
        self._pool_size = pool_size
        self._read_timeout = read_timeout
        self._lock = threading.Lock()
        self._session: boto3.session.Session | None = None
        self._clients: dict[str, Any] = {}
        #: Clients built before ``fit``: still used by calls in flight, closed at the end.
        self._retired: list[Any] = []
        self._bucket_regions: dict[str, str] = {}

    def fit(self, pool_size: int, read_timeout: float) -> None:
        """A pool of at least ``pool_size`` connections and this read timeout; botocore
        fixes both when it builds a client, so the next call gets a new client."""
        with self._lock:
            pool_size = max(pool_size, self._pool_size)
            if (pool_size, read_timeout) == (self._pool_size, self._read_timeout):
                return
            self._pool_size, self._read_timeout = pool_size, read_timeout
            self._retired += self._clients.values()
            self._clients = {}

    def session(self) -> boto3.session.Session:
        with self._lock:
            return self._session_locked()

    def _session_locked(self) -> boto3.session.Session:
        if self._session is None:
            s = self._settings
            with s3_errors("Opening the AWS profile" if s.profile else "Preparing the S3 client"):
                self._session = boto3.session.Session(
                    aws_access_key_id=s.access_key_id,
                    aws_secret_access_key=s.secret_access_key,
                    aws_session_token=s.session_token,
                    profile_name=s.profile,
                )
        return self._session

    @property
    def region(self) -> str:
        """The region asked for, else the profile's, else us-east-1."""
        return self._settings.region or self.session().region_name or DEFAULT_REGION

    def client(self, region: str | None = None, *, slow: bool = False) -> S3Client:
        """The S3 client for ``region`` (the account's region when ``None``). ``slow``:
        one that waits ``MAX_READ_TIMEOUT`` for an answer, for server-side copies, which
        answer only once they copied up to 5 GiB (some servers send nothing meanwhile)."""
        region = region or self.region
        once = retried_by_caller()
        name = f"{region}{' (slow)' if slow else ''}{' (once)' if once else ''}"
        with self._lock:
            client = self._clients.get(name)
            if client is None:
                read_timeout = MAX_READ_TIMEOUT if slow else self._read_timeout
                client = self._build(region, read_timeout, once=once)
                self._clients[name] = client
            return client

    def _build(self, region: str, read_timeout: float, *, once: bool = False) -> S3Client:
        s = self._settings
        # botocore's ``max_attempts`` counts the retries after the first attempt;
        # ``total_max_attempts`` counts them all.
        retries: Any = {"mode": "standard", "total_max_attempts": 1} if once else {
            "mode": "standard", "max_attempts": RETRY_ATTEMPTS}  # fmt: skip
        config = Config(
            region_name=region,
            signature_version=UNSIGNED if s.anonymous else "s3v4",
            s3={"addressing_style": "path" if s.path_style else "auto"},
            retries=retries,
            connect_timeout=CONNECT_TIMEOUT,
            read_timeout=read_timeout,
            # Every part upload of every transfer holds a connection while it runs.
            max_pool_connections=self._pool_size,
            tcp_keepalive=True,
            # botocore >= 1.36 sends CRC32 checksums in an aws-chunked trailer by default,
            # which many S3-compatible services refuse, and which makes
            # CompleteMultipartUpload demand every part's checksum. We send Content-MD5 on
            # parts instead (every S3 implementation checks it) and verify downloads by
            # size and ETag in the transfer engine.
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        )
        with s3_errors("Preparing the S3 client"):
            client = self._session_locked().client(
                "s3", endpoint_url=s.endpoint_url, verify=s.verify_tls, config=config
            )
        progress.install(client)
        part_check.install(client)
        listing_xml.install(client)
        return client

    def close(self) -> None:
        """Close the connection pools of every client built so far."""
        with self._lock:
            clients, self._clients = [*self._clients.values(), *self._retired], {}
            self._retired = []
        for client in clients:
            client.close()

    def client_for_bucket(self, bucket: str) -> S3Client:
        """The client of the bucket's own region.

        botocore follows region redirects by itself for ordinary calls, but a presigned
        URL must be signed for the bucket's region from the start. Only AWS has regions
        that matter here; an S3-compatible endpoint uses the account's client.
        """
        if not self._settings.is_aws:
            return self.client()
        region = self._bucket_regions.get(bucket)
        if region is None:
            region = self._lookup_region(bucket)
            self._bucket_regions[bucket] = region
        return self.client(region)

    def _lookup_region(self, bucket: str) -> str:
        from botocore.exceptions import ClientError

        reply: Mapping[str, Any]
        try:
            reply = self.client().head_bucket(Bucket=bucket)
        except ClientError as error:  # a 301/403 still names the region in a header
            reply = error.response
        headers = reply.get("ResponseMetadata", {}).get("HTTPHeaders", {})
        return str(headers.get("x-amz-bucket-region") or self.region)
