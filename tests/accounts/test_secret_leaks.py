"""A full session at DEBUG, then every file written is searched for every secret.

Logging goes to a file in the test's own user dirs, with the SDKs' loggers at DEBUG too.
The session adds accounts with secrets, loads them back, opens providers, lists and writes
against the real test servers, tests connections (good and refused ones),
imports from the environment, and renames and removes accounts; then no file under the
config/data/state/cache dirs nor the log may hold a secret, and neither may any repr or
error message seen on the way.
"""

from __future__ import annotations

import io
import logging
import secrets as random_secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from storebrowser.accounts import Account, AccountError, AccountStore, MissingSecret, SecretStore, redact
from storebrowser.accounts import connection as conn
from storebrowser.accounts.importers import add_imported, import_all
from storebrowser.transfers import sending

SDK_LOGGERS = ("botocore", "boto3", "s3transfer", "urllib3", "azure", "swiftclient", "keystoneauth",
               "requests", "storebrowser")  # fmt: skip


@pytest.fixture
def debug_log(user_dirs: dict[str, Path]) -> Iterator[Path]:
    path = user_dirs["state"] / "session.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    saved = {name: logging.getLogger(name).level for name in ("", *SDK_LOGGERS)}
    root.addHandler(handler)
    redact.install(root)
    for name in ("", *SDK_LOGGERS):
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield path
    root.removeHandler(handler)
    handler.close()
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


class Session:
    """Runs the steps and keeps every secret used and every text shown to a person."""

    def __init__(self, store: AccountStore) -> None:
        self.store = store
        self.secrets: set[str] = set()
        self.shown: list[str] = []

    def secret(self, prefix: str) -> str:
        value = f"{prefix}-{random_secrets.token_urlsafe(18)}"
        self.secrets.add(value)
        return value

    def save(self, account: Account, secrets: dict[str, str]) -> None:
        self.secrets |= {v for v in secrets.values() if v}
        self.store.save(account, secrets)
        self.shown.append(repr(account))

    def exercise(self, name: str, *, expect_ok: bool = True) -> None:
        account = self.store.get(name)
        result = conn.test_connection(self.store, account)
        self.shown += [result.message, repr(result), repr(self.store.settings_for(account))]
        assert result.ok is expect_ok, result.message
        if not expect_ok:
            return
        provider = self.store.open_provider(account)
        self.shown.append(repr(provider))
        provider.connect()
        try:
            bucket = f"leak-{random_secrets.token_hex(4)}"
            provider.create_container(bucket)
            sending.upload_bytes(provider, bucket, "a/b.txt", b"data")
            self.shown.append(repr(provider.list_page(bucket, "a/")))
            provider.delete_container(bucket, force=True)
        finally:
            provider.close()


def test_a_full_debug_session_leaks_no_secret(request, user_dirs, memory_keyring, debug_log, tmp_path):
    store = AccountStore.default()
    session = Session(store)
    store.load()
    store.ensure_default_local_account()
    session.exercise("Local files")

    moto = request.getfixturevalue("moto_server")
    session.save(Account("Moto", "s3", {"access_key_id": "AKIALEAKTEST", "region": "us-east-1",
                                        "endpoint_url": moto.endpoint_url, "path_style": True}),
                 {"secret_access_key": session.secret("s3sk"),
                  "session_token": session.secret("s3st")})  # fmt: skip
    swift = request.getfixturevalue("swift_server")
    session.save(Account("Swift", "swift", {"auth_url": swift.auth_url, "username": swift.user}),
                 {"api_key": swift.key})  # fmt: skip
    session.save(Account("Swift wrong", "swift", {"auth_url": swift.auth_url, "username": swift.user}),
                 {"api_key": session.secret("swbad")})  # fmt: skip
    azurite = request.getfixturevalue("azurite_server")
    session.save(Account("Azurite", "azure", {"account_name": azurite.account_name,
                                              "blob_endpoint": azurite.blob_endpoint}),
                 {"account_key": azurite.account_key})  # fmt: skip
    session.save(Account("Azurite wrong", "azure", {"account_name": azurite.account_name,
                                                    "blob_endpoint": azurite.blob_endpoint}),
                 {"account_key": "V3JvbmdLZXlXcm9uZ0tleVdyb25nS2V5V3JvbmdLZXk="})  # fmt: skip
    session.save(Account("Azurite SAS", "azure", {"account_name": azurite.account_name,
                                                  "blob_endpoint": azurite.blob_endpoint}),
                 {"sas_token": _account_sas(azurite)})  # fmt: skip

    # The next start: everything comes back from the file and the keyring.
    fresh = AccountStore.default()
    result = fresh.load()
    assert result.problems == []
    session.store = fresh
    for account in result.accounts:
        session.exercise(account.name, expect_ok="wrong" not in account.name)

    env = {
        "AWS_ACCESS_KEY_ID": "AKIAENVLEAK",
        "AWS_SECRET_ACCESS_KEY": session.secret("envsk"),
        "AZURE_STORAGE_ACCOUNT": "envacct",
        "AZURE_STORAGE_KEY": session.secret("envak"),
        "ST_AUTH": "http://127.0.0.1:9/auth/v1.0",
        "ST_USER": "u",
        "ST_KEY": session.secret("envst"),
    }
    env["AWS_ENDPOINT_URL"] = moto.endpoint_url
    report = import_all(env, home=tmp_path / "home", cwd=tmp_path / "home")
    imported = add_imported(fresh, report)
    session.shown += [repr(report), repr(imported), *map(str, imported.skipped)]
    session.exercise("AWS (environment)")
    session.exercise("Swift (ST_AUTH)", expect_ok=False)  # nothing listens on port 9

    fresh.rename("Swift (ST_AUTH)", "Swift renamed")
    fresh.remove("Swift renamed")
    with pytest.raises(AccountError) as refused:
        fresh.save(
            Account("Half", "s3", {"access_key_id": "AKIA"}), {"session_token": session.secret("half")}
        )
    session.shown.append(str(refused.value))
    lost = AccountStore(fresh.path, SecretStore(None))
    with pytest.raises(MissingSecret) as missing:
        lost.open_provider(lost.get("Azurite"))
    session.shown += [str(missing.value), repr(lost), repr(fresh.secrets)]

    logging.getLogger("storebrowser.test").debug("secrets in args: %s", sorted(session.secrets))
    _assert_no_secret_anywhere(session, user_dirs, debug_log)


def _assert_no_secret_anywhere(session: Session, user_dirs: dict[str, Path], log_path: Path) -> None:
    assert log_path.stat().st_size > 0
    files = [p for folder in user_dirs.values() if folder.exists() for p in folder.rglob("*") if p.is_file()]
    assert log_path in files and any(p.name == "accounts.toml" for p in files)
    for path in files:
        data = path.read_bytes()
        for secret in session.secrets:
            assert secret.encode() not in data, f"a secret is in {path}"
    for text in session.shown:
        for secret in session.secrets:
            assert secret not in text, f"a secret is in: {text[:80]}"


def _account_sas(azurite) -> str:
    from datetime import UTC, datetime, timedelta

    from azure.storage.blob import AccountSasPermissions, ResourceTypes, generate_account_sas

    return generate_account_sas(
        azurite.account_name, azurite.account_key,
        resource_types=ResourceTypes(service=True, container=True, object=True),
        permission=AccountSasPermissions(read=True, write=True, delete=True, list=True, create=True),
        expiry=datetime.now(UTC) + timedelta(hours=1),
    )  # fmt: skip


def test_an_sse_c_key_reaches_no_log_message_journal_or_argument(
    request, user_dirs, memory_keyring, debug_log, tmp_path
) -> None:
    """The customer key of SSE-C goes into every upload part and read of such an object;
    a DEBUG session of uploads (one request, in parts, through the engine and its journal),
    reads and the server's refusal keeps it out of every file, log line and message."""
    from storebrowser.cli.app import build_parser
    from storebrowser.core.encryption import CUSTOMER_KEY_FIELD, Encryption, new_customer_key
    from storebrowser.core.errors import StorageError
    from storebrowser.providers.s3 import multipart
    from storebrowser.transfers.engine import TransferEngine
    from storebrowser.transfers.jobs import JobKind, JobSpec
    from storebrowser.transfers.journal import Journal

    moto = request.getfixturevalue("moto_server")
    store = AccountStore.default()
    session = Session(store)
    key = new_customer_key()
    session.secrets.add(key)
    settings = {"access_key_id": "AKIASSEC", "region": "us-east-1", "endpoint_url": moto.endpoint_url,
                "path_style": True}  # fmt: skip
    session.save(Account("Keyed", "s3", settings),
                 {"secret_access_key": session.secret("s3sk"), CUSTOMER_KEY_FIELD: key})  # fmt: skip
    fresh = AccountStore.default()  # the next start: the key comes back from the keyring
    fresh.load()
    provider = fresh.open_provider(fresh.get("Keyed"))
    provider.connect()
    session.shown += [repr(provider), repr(provider.settings)]
    bucket = f"leak-{random_secrets.token_hex(4)}"
    provider.create_container(bucket)
    try:
        sse_c = Encryption.parse("c")
        with pytest.raises(StorageError) as ignored:  # moto stores it plain, and that is said
            provider.put_object(bucket, "c.txt", io.BytesIO(b"secret"), size=6, encryption=sse_c)
        session.shown.append(str(ignored.value))
        parts = multipart.start(provider._client, bucket, "parts.bin", 5 * 2**20, {},
                                part_args=provider._part_args(True))  # fmt: skip
        session.shown.append(repr(parts.state()))
        parts.complete([parts.upload_part(1, b"y" * 100)])
        session.shown.append(repr(provider.stat(bucket, "parts.bin")))
        session.shown.append(provider.read(bucket, "parts.bin").decode())
        session.shown.append(provider.object_encryption(bucket, "parts.bin").sentence())
        source = tmp_path / "doc.txt"
        source.write_bytes(b"document")
        engine = TransferEngine({"Keyed": provider}, Journal(), start=False)
        engine.submit(JobSpec(JobKind.UPLOAD_FILE, "Keyed", bucket, key="doc.txt", local=str(source),
                              encryption="c"))  # fmt: skip
        engine.run_pending()
        snapshot = engine.snapshot()
        errors = [item.error or "" for job in snapshot.jobs for item in job.items]
        session.shown += [repr(snapshot), *errors]
        assert any("did not confirm SSE-C" in error for error in errors), errors
        engine.shutdown()
    finally:
        provider.delete_container(bucket, force=True)
        provider.close()
    # No command line takes the key: sse-key reads it from a prompt or stdin only.
    with pytest.raises(SystemExit):
        build_parser().parse_args(["sse-key", key])
    logging.getLogger("storebrowser.test").debug("the key in args: %s", key)
    _assert_no_secret_anywhere(session, user_dirs, debug_log)
    assert any(p.suffix in (".db", ".sqlite", ".sqlite3") or "journal" in p.name
               for folder in user_dirs.values() if folder.exists() for p in folder.rglob("*"))  # fmt: skip
