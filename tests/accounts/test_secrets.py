from __future__ import annotations

import logging
import os

import keyring
import pytest
from keyring.backends import chainer, fail

from storebrowser.accounts import SecretStore, Storage
from storebrowser.accounts.redact import SECRETS, RedactingFilter, SecretRegistry, add_filter_to
from storebrowser.accounts.secrets import SECRETS_FILE_NAME, usable_keyring
from tests.accounts.conftest import MemoryKeyring


def test_the_test_suite_never_has_a_real_keyring():
    assert isinstance(keyring.get_keyring(), fail.Keyring)
    assert usable_keyring() is None


def test_no_backend_means_this_session_only_said_plainly(user_dirs):
    secrets = SecretStore.open(user_dirs["config"])
    assert secrets.storage is Storage.SESSION and not secrets.persistent
    assert "until StoreBrowser closes" in secrets.warning
    secrets.set("A", "api_key", "session-secret-1")
    assert secrets.get("A", "api_key") == "session-secret-1"
    assert not any(user_dirs["config"].rglob("*"))  # nothing written anywhere


def test_a_chainer_with_no_backend_is_not_usable(monkeypatch):
    empty = chainer.ChainerBackend()
    monkeypatch.setattr(type(empty), "backends", property(lambda self: []))
    keyring.set_keyring(empty)
    try:
        assert usable_keyring() is None
    finally:
        keyring.set_keyring(fail.Keyring())


def test_keyring_entries_use_service_and_account_slash_field(memory_keyring: MemoryKeyring, user_dirs):
    secrets = SecretStore.open(user_dirs["config"])
    assert secrets.storage is Storage.KEYRING and secrets.persistent and secrets.warning == ""
    secrets.set("My S3", "secret_access_key", "kr-secret-123")
    assert memory_keyring.entries == {("StoreBrowser", "My S3/secret_access_key"): "kr-secret-123"}
    assert SecretStore.open(user_dirs["config"]).get("My S3", "secret_access_key") == "kr-secret-123"
    secrets.delete("My S3", "secret_access_key")
    secrets.delete("My S3", "secret_access_key")  # twice is fine
    assert memory_keyring.entries == {}


def test_file_storage_only_on_request_0600_with_a_warning(user_dirs):
    config = user_dirs["config"] / "StoreBrowser"
    secrets = SecretStore.open(config)
    secrets.set("A", "api_key", "kept-in-memory-1")
    secrets.use_file(config / SECRETS_FILE_NAME)
    path = config / SECRETS_FILE_NAME
    assert secrets.storage is Storage.FILE and secrets.persistent
    assert str(path) in secrets.warning and "unencrypted" in secrets.warning
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    secrets.set("B", "account_key", "file-secret-2")
    if os.name == "posix":
        path.chmod(0o644)
    again = SecretStore.open(config)  # the choice sticks: the file exists
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    assert again.storage is Storage.FILE
    assert again.get("A", "api_key") == "kept-in-memory-1"
    assert again.get("B", "account_key") == "file-secret-2"


def test_filter_masks_message_args_and_traceback(tmp_path):
    registry = SecretRegistry()
    registry.register("conn;AccountKey=abc123def456==;x")
    registry.register("s3cr3t-value")
    handler = logging.FileHandler(tmp_path / "log.txt")
    add_filter_to(handler, registry)
    logger = logging.getLogger("test.redact")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        logger.debug("key %s and %r", "s3cr3t-value", {"k": "s3cr3t-value"})
        logger.debug("header: AccountKey=abc123def456== and quoted %s", "abc123def456%3D%3D")
        try:
            raise ValueError("boom s3cr3t-value")
        except ValueError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
        handler.close()
    text = (tmp_path / "log.txt").read_text()
    assert "s3cr3t-value" not in text and "abc123def456" not in text
    assert text.count("***") >= 5 and "boom" in text


def test_short_values_are_not_registered():
    registry = SecretRegistry()
    registry.register("ab")
    assert registry.redact("ab cd") == "ab cd"


def test_the_store_registers_what_it_hands_out(memory_keyring, user_dirs):
    memory_keyring.entries[("StoreBrowser", "A/api_key")] = "from-the-keyring-9"
    SecretStore.open(user_dirs["config"]).get("A", "api_key")
    assert SECRETS.redact("x from-the-keyring-9 y") == "x *** y"
    assert isinstance(RedactingFilter().registry, SecretRegistry)


@pytest.mark.parametrize("value", ["sv=2021&sig=abc%2Bdef%3D123&se=x"])
def test_sas_signature_is_registered_quoted_and_plain(value):
    registry = SecretRegistry()
    registry.register(value)
    assert registry.redact("sig=abc+def=123") == "sig=***"


def test_the_keyring_is_looked_for_only_when_first_needed(user_dirs, monkeypatch):
    import storebrowser.accounts.secrets as module

    calls = []
    monkeypatch.setattr(module, "usable_keyring", lambda: calls.append(1) or MemoryKeyring())
    secrets = SecretStore.open(user_dirs["config"])
    assert calls == [] and "not resolved" in repr(secrets)
    assert secrets.get("A", "api_key") is None
    assert calls == [1] and secrets.storage is Storage.KEYRING
    secrets.set("A", "api_key", "lazy-secret-1")
    assert calls == [1]


def test_a_word_like_secret_is_masked_as_a_whole_token_only():
    registry = SecretRegistry()
    registry.register("wrong")  # too short to be a secret worth masking
    registry.register("testing")
    registry.register("x7Kq-random-9Zp")
    text = "the key is wrong; retesting with X-Auth-Key: testing and 'testing'\\ntesting"
    assert registry.redact(text) == "the key is wrong; retesting with X-Auth-Key: *** and '***'\\n***"
    assert registry.redact("prefix-x7Kq-random-9Zpsuffix") == "prefix-***suffix"  # random: anywhere


def test_a_message_about_one_account_masks_only_that_accounts_secrets():
    registry = SecretRegistry()
    registry.register("signature")  # another account's (poor) secret
    message = "the signature did not match, so the secret access key my-own-key-42 is wrong"
    assert registry.redact(message, only=["my-own-key-42"]) == message.replace("my-own-key-42", "***")
