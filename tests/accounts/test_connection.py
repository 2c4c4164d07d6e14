"""'Test connection' and imported accounts against the real test servers."""

from __future__ import annotations

import socket
import ssl
from pathlib import Path

import pytest

from storebrowser.accounts import Account, AccountStore
from storebrowser.accounts import connection as conn
from storebrowser.accounts.connection import Outcome
from storebrowser.accounts.importers import (
    add_imported,
    import_aws,
    import_azure_env,
    import_openstack_env,
    import_rclone,
)
from storebrowser.core.errors import AccessDenied, AuthFailed, NotFound, Transient
from storebrowser.transfers import sending


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _works(store: AccountStore, name: str) -> None:
    """The account connects, and a container made through it can be listed back."""
    result = conn.test_connection(store, store.get(name))
    assert result.outcome is Outcome.OK, result.message
    assert result.seconds >= 0
    provider = store.open_provider(store.get(name))
    provider.connect()
    try:
        bucket = f"sbacct-{abs(hash(name)) % 10**8}"
        provider.ensure_container(bucket)
        sending.upload_bytes(provider, bucket, "dir/hello.txt", b"hello")
        page = provider.list_page(bucket, "dir/")
        assert [e.key for e in page.entries] == ["dir/hello.txt"]
        provider.delete_container(bucket, force=True)
    finally:
        provider.close()


# -- outcomes without any server --------------------------------------------------------


def _chained(error: Exception, cause: BaseException) -> Exception:
    try:
        raise error from cause
    except Exception as raised:
        return raised


@pytest.mark.parametrize(
    ("error", "outcome"),
    [
        (AuthFailed("The key was refused."), Outcome.AUTH_FAILED),
        (AccessDenied("Not allowed to list."), Outcome.ACCESS_DENIED),
        (_chained(Transient("x"), ConnectionRefusedError(111, "refused")), Outcome.UNREACHABLE),
        (_chained(Transient("x"), ssl.SSLCertVerificationError("bad cert")), Outcome.TLS_ERROR),
        (NotFound("gone"), Outcome.ERROR),
        (RuntimeError("odd"), Outcome.ERROR),
    ],
)
def test_classify(error: Exception, outcome: Outcome):
    assert conn.classify(error)[0] is outcome


def test_local_account_ok(store: AccountStore, tmp_path: Path):
    store.save(Account("Disk", "local", {"root": str(tmp_path / "disk")}))
    _works(store, "Disk")


def test_local_account_in_a_file_is_an_error(store: AccountStore, tmp_path: Path):
    (tmp_path / "file").write_text("x")
    store.save(Account("Bad", "local", {"root": str(tmp_path / "file" / "below")}))
    result = conn.test_connection(store, store.get("Bad"))
    assert result.outcome is Outcome.ERROR and result.message


def test_imported_rclone_local_remote_works(store: AccountStore, tmp_path: Path):
    conf = tmp_path / "rclone.conf"
    conf.write_text("[disk]\ntype = local\n")
    home = tmp_path / "home"
    result = add_imported(store, import_rclone(env={"RCLONE_CONFIG": str(conf)}, home=home))
    assert [a.name for a in result.added] == ["rclone disk"]
    _works(store, "rclone disk")


# -- S3 (moto, and Swift's s3api) ------------------------------------------------------


def test_imported_aws_accounts_work_against_moto(request, store: AccountStore, tmp_path: Path):
    moto = request.getfixturevalue("moto_server")
    aws = tmp_path / ".aws"
    aws.mkdir()
    (aws / "config").write_text(f"[profile moto]\nregion = us-east-1\nendpoint_url = {moto.endpoint_url}\n")
    (aws / "credentials").write_text(
        "[moto]\naws_access_key_id = AKIAMOTO\naws_secret_access_key = moto-secret-1\n"
    )
    env = {"AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "moto-secret-2",
           "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": moto.endpoint_url}  # fmt: skip
    result = add_imported(store, import_aws(env=env, home=tmp_path))
    assert {a.name for a in result.added} == {"AWS moto", "AWS (environment)"}
    _works(store, "AWS moto")
    _works(store, "AWS (environment)")


def test_imported_aws_profile_based_account_works(request, store, tmp_path, monkeypatch):
    moto = request.getfixturevalue("moto_server")
    (tmp_path / "awsconf").write_text(
        "[profile source]\naws_access_key_id = AKIASRC\naws_secret_access_key = moto-secret-3\n"
        f"[profile viaprocess]\nregion = us-east-1\nendpoint_url = {moto.endpoint_url}\n"
        'credential_process = printf \'{"Version": 1, "AccessKeyId": "AKIAPROC", '
        '"SecretAccessKey": "moto-secret-4"}\'\n'
    )
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "awsconf"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    result = add_imported(
        store, import_aws(env={"AWS_CONFIG_FILE": str(tmp_path / "awsconf")}, home=tmp_path)
    )
    assert dict(store.get("AWS viaprocess").settings)["profile"] == "viaprocess"
    assert "AWS viaprocess" in {a.name for a in result.added}
    _works(store, "AWS viaprocess")


def test_s3_unreachable_and_tls(request, store: AccountStore, tls_port: int):
    for name, url in (("Closed", f"http://127.0.0.1:{_closed_port()}"),
                      ("Untrusted", f"https://127.0.0.1:{tls_port}")):  # fmt: skip
        store.save(Account(name, "s3", {"access_key_id": "AKIA", "endpoint_url": url,
                                        "region": "us-east-1", "path_style": True}),
                   {"secret_access_key": "never-sent-1"})  # fmt: skip
    assert conn.test_connection(store, store.get("Closed")).outcome is Outcome.UNREACHABLE
    assert conn.test_connection(store, store.get("Untrusted")).outcome is Outcome.TLS_ERROR


def test_swift_s3api_wrong_secret_is_auth_failed(request, store: AccountStore):
    swift = request.getfixturevalue("swift_server")
    store.save(Account("s3api", "s3", {"access_key_id": swift.s3_access_key, "region": swift.region,
                                       "endpoint_url": swift.s3_endpoint, "path_style": True}),
               {"secret_access_key": "wrong-secret-5"})  # fmt: skip
    assert conn.test_connection(store, store.get("s3api")).outcome is Outcome.AUTH_FAILED


# -- Azure (Azurite) --------------------------------------------------------------------


def test_imported_azure_accounts_work_against_azurite(request, store: AccountStore):
    azurite = request.getfixturevalue("azurite_server")
    env = {"AZURE_STORAGE_CONNECTION_STRING": azurite.connection_string,
           "AZURE_STORAGE_ACCOUNT": azurite.account_name, "AZURE_STORAGE_KEY": azurite.account_key,
           "AZURE_STORAGE_SERVICE_ENDPOINT": azurite.blob_endpoint}  # fmt: skip
    result = add_imported(store, import_azure_env(env))
    assert len(result.added) == 2
    for account in result.added:
        _works(store, account.name)


def test_azure_wrong_key_is_auth_failed(request, store: AccountStore):
    azurite = request.getfixturevalue("azurite_server")
    store.save(Account("Wrong", "azure", {"account_name": azurite.account_name,
                                          "blob_endpoint": azurite.blob_endpoint}),
               {"account_key": "d3Jvbmcta2V5LXdyb25nLWtleQ=="})  # fmt: skip
    assert conn.test_connection(store, store.get("Wrong")).outcome is Outcome.AUTH_FAILED


def test_imported_rclone_emulator_remote_works(request, store: AccountStore, tmp_path: Path):
    azurite = request.getfixturevalue("azurite_server")
    conf = tmp_path / "rclone.conf"
    conf.write_text(f"[emu]\ntype = azureblob\nuse_emulator = true\nendpoint = {azurite.blob_endpoint}\n")
    add_imported(store, import_rclone(env={"RCLONE_CONFIG": str(conf)}, home=tmp_path))
    _works(store, "rclone emu")


# -- Swift ------------------------------------------------------------------------------


def test_imported_swift_accounts_work(request, store: AccountStore, tmp_path: Path):
    swift = request.getfixturevalue("swift_server")
    env = {"ST_AUTH": swift.auth_url, "ST_USER": swift.user, "ST_KEY": swift.key}
    conf = tmp_path / "rclone.conf"
    conf.write_text(f"[aio]\ntype = swift\nuser = {swift.user}\nkey = {swift.key}\nauth = {swift.auth_url}\n"
                    "auth_version = 1\n")  # fmt: skip
    add_imported(store, import_openstack_env(env))
    _works(store, "Swift (ST_AUTH)")
    store.remove("Swift (ST_AUTH)")
    add_imported(store, import_rclone(env={"RCLONE_CONFIG": str(conf)}, home=tmp_path))
    _works(store, "rclone aio")
    again = add_imported(store, import_openstack_env(env))  # the same account again
    assert again.added == [] and "already there as 'rclone aio'" in again.skipped[0].reason


def test_swift_wrong_key_and_closed_port(request, store: AccountStore):
    swift = request.getfixturevalue("swift_server")
    store.save(Account("Wrong", "swift", {"auth_url": swift.auth_url, "username": swift.user}),
               {"api_key": "wrong-key-6"})  # fmt: skip
    store.save(Account("Closed", "swift", {"auth_url": f"http://127.0.0.1:{_closed_port()}/auth/v1.0",
                                           "username": swift.user}), {"api_key": "wrong-key-7"})  # fmt: skip
    assert conn.test_connection(store, store.get("Wrong")).outcome is Outcome.AUTH_FAILED
    assert conn.test_connection(store, store.get("Closed")).outcome is Outcome.UNREACHABLE
