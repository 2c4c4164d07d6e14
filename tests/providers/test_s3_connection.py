"""S3-only: credentials and errors, presigned URLs, websites, settings."""

from __future__ import annotations

import urllib.error
import urllib.request
from datetime import timedelta

import pytest

from storebrowser.core.errors import AuthFailed, InvalidMetadata, Transient, Unsupported
from storebrowser.core.types import WebsiteConfig
from storebrowser.providers.registry import open_provider
from storebrowser.providers.s3 import client as s3_client
from storebrowser.providers.s3.client import S3Settings
from storebrowser.providers.s3.provider import S3Provider
from storebrowser.transfers import sending
from tests.providers.backends import s3_moto_settings, s3_swift_settings
from tests.providers.s3_support import bucket_fixture, s3_fixture  # noqa: F401
from tests.servers.moto_s3 import MotoServer
from tests.servers.swift_aio import SwiftServer

# -- credentials --------------------------------------------------------------------------


def test_wrong_secret_against_swift_is_auth_failed(swift_server: SwiftServer) -> None:
    provider = open_provider("s3", s3_swift_settings(swift_server, secret_access_key="not-the-secret"))
    with pytest.raises(AuthFailed, match="secret access key is wrong") as caught:
        provider.connect()
    assert "not-the-secret" not in str(caught.value)
    with pytest.raises(AuthFailed):
        provider.list_containers()


def test_unknown_access_key_against_swift_is_auth_failed(swift_server: SwiftServer) -> None:
    provider = open_provider("s3", s3_swift_settings(swift_server, access_key_id="nobody:none"))
    with pytest.raises(AuthFailed, match="access key"):
        provider.connect()


def test_unreachable_endpoint_is_transient(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.servers.ports import free_port

    monkeypatch.setattr(s3_client, "RETRY_ATTEMPTS", 1)  # no backoff in the test
    endpoint = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    provider = open_provider("s3", {"endpoint_url": endpoint, "access_key_id": "a", "secret_access_key": "b"})
    with pytest.raises(Transient, match="connection failed"):
        provider.list_containers()


def test_missing_profile_is_auth_failed_with_its_name() -> None:
    provider = open_provider("s3", {"profile": "no-such-profile-here", "endpoint_url": "http://127.0.0.1:9"})
    with pytest.raises(AuthFailed, match="no-such-profile-here"):
        provider.list_containers()


def test_settings_hide_secrets_and_accept_text_flags() -> None:
    settings = S3Settings.from_mapping(
        {
            "access_key_id": "AKIAEXAMPLE",
            "secret_access_key": "s3cr3t",
            "session_token": "tok",
            "path_style": "true",
            "verify_tls": "false",
            "endpoint_url": "https://s3.example.com:9000",
        }
    )
    assert (settings.path_style, settings.verify_tls, settings.anonymous) == (True, False, False)
    assert "s3cr3t" not in repr(settings) and "tok" not in repr(settings)
    provider = S3Provider(settings)
    assert provider.describe() == "S3 at s3.example.com:9000"
    assert S3Provider(S3Settings(region="eu-west-1")).describe() == "Amazon S3 (eu-west-1)"


def test_anonymous_access_cannot_sign_urls(moto_server: MotoServer) -> None:
    provider = open_provider("s3", {"endpoint_url": moto_server.endpoint_url, "anonymous": True})
    provider.connect()
    assert not provider.capabilities.presigned_urls
    with pytest.raises(Unsupported):
        provider.share_url("b", "k", expires_in=timedelta(minutes=1))


# -- presigned URLs -----------------------------------------------------------------------


def test_presigned_get_fetches_with_a_plain_http_client(s3: S3Provider, bucket: str) -> None:
    sending.upload_bytes(s3, bucket, "shared/ü file.txt", b"for everyone")
    url = s3.share_url(bucket, "shared/ü file.txt", expires_in=timedelta(minutes=5))
    with urllib.request.urlopen(url, timeout=10) as reply:
        assert reply.read() == b"for everyone"


def test_presigned_put_uploads_with_a_plain_http_client(s3: S3Provider, bucket: str) -> None:
    url = s3.share_url(bucket, "dropbox/in.bin", expires_in=timedelta(minutes=5), method="PUT")
    request = urllib.request.Request(
        url, data=b"dropped", method="PUT", headers={"Content-Type": "application/octet-stream"}
    )
    with urllib.request.urlopen(request, timeout=10) as reply:
        assert reply.status == 200
    assert s3.read(bucket, "dropbox/in.bin") == b"dropped"


def test_tampered_presigned_url_is_refused_by_swift(swift_server: SwiftServer) -> None:
    provider = open_provider("s3", s3_swift_settings(swift_server))
    provider.connect()
    name = "sbtest-presign-tamper"
    provider.ensure_container(name)
    try:
        sending.upload_bytes(provider, name, "a", b"a")
        sending.upload_bytes(provider, name, "b", b"b")
        url = provider.share_url(name, "a", expires_in=timedelta(minutes=5))
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(url.replace(f"/{name}/a?", f"/{name}/b?"), timeout=10)
        assert caught.value.code == 403
    finally:
        provider.delete_container(name, force=True)


def test_presign_longer_than_seven_days_is_refused(s3: S3Provider) -> None:
    with pytest.raises(InvalidMetadata, match="7 days"):
        s3.share_url("any", "key", expires_in=timedelta(days=8))


# -- websites -----------------------------------------------------------------------------


def test_swift_s3api_has_no_website_capability(swift_server: SwiftServer) -> None:
    provider = open_provider("s3", s3_swift_settings(swift_server))
    provider.connect()
    assert not provider.capabilities.static_website
    with pytest.raises(Unsupported):
        provider.get_website("any-bucket")


def test_website_configuration_round_trips_on_moto(moto_server: MotoServer) -> None:
    provider = open_provider("s3", s3_moto_settings(moto_server))
    provider.connect()
    assert provider.capabilities.static_website
    name = "sbtest-website"
    provider.ensure_container(name)
    try:
        assert provider.get_website(name) is None
        provider.set_website(name, WebsiteConfig("index.html", "404.html"))
        found = provider.get_website(name)
        assert found is not None
        assert (found.index_document, found.error_document) == ("index.html", "404.html")
    finally:
        provider.delete_container(name, force=True)
