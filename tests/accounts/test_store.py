from __future__ import annotations

import os
from pathlib import Path

import platformdirs
import pytest

from storebrowser.accounts import (
    Account,
    AccountError,
    AccountExists,
    AccountStore,
    MissingSecret,
    SecretStore,
    UnknownAccount,
)
from tests.accounts.conftest import MemoryKeyring, session_store

S3 = Account("Work S3", "s3", {"access_key_id": "AKIDEXAMPLE", "region": "eu-west-1",
                               "path_style": True})  # fmt: skip
SECRET = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY"


def test_first_launch_adds_local_files_in_the_data_dir(store: AccountStore, user_dirs):
    assert store.load().accounts == []
    account = store.ensure_default_local_account()
    assert account is not None
    assert account.name == "Local files" and account.kind == "local"
    expected = platformdirs.user_data_path("StoreBrowser") / "Local files"
    assert Path(account.settings["root"]) == expected
    assert str(expected).startswith(str(user_dirs["data"]))
    assert store.ensure_default_local_account() is None  # only once
    assert AccountStore.default().load().accounts == [account]


def test_save_load_round_trip_keeps_types_and_order(store: AccountStore):
    store.save(Account("b local", "local", {"root": "/tmp/x"}))
    store.save(S3, {"secret_access_key": SECRET})
    again = AccountStore.default().load()
    assert again.problems == []
    assert [a.name for a in again.accounts] == ["b local", "Work S3"]
    assert again.accounts[1] == S3
    assert again.accounts[1].settings["path_style"] is True
    assert {again.accounts[1]: 1}[S3] == 1  # hashable, equal by value


def test_the_file_is_readable_toml_without_secrets(store: AccountStore):
    store.save(S3, {"secret_access_key": SECRET})
    text = store.path.read_text()
    assert text.startswith("# StoreBrowser accounts")
    assert '[accounts."Work S3"]' in text
    assert 'secrets = [\n    "secret_access_key",\n]' in text or 'secrets = ["secret_access_key"]' in text
    assert SECRET not in text
    assert store.path.parent == platformdirs.user_config_path("StoreBrowser")


def test_settings_for_merges_the_secret_and_masks_it_in_repr(store: AccountStore):
    store.save(S3, {"secret_access_key": SECRET})
    settings = store.settings_for(S3)
    assert settings["secret_access_key"] == SECRET
    assert SECRET not in repr(settings) and SECRET not in str(settings)
    assert SECRET not in repr(S3)


def test_secrets_not_mentioned_are_kept_and_empty_ones_deleted(store, memory_keyring):
    store.save(S3, {"secret_access_key": SECRET, "session_token": "token-123456"})
    store.save(S3.with_settings(region="us-east-1"))
    assert store.settings_for(S3)["secret_access_key"] == SECRET
    store.save(S3, {"session_token": ""})
    assert "session_token" not in store.settings_for(S3)
    assert ("StoreBrowser", "Work S3/session_token") not in memory_keyring.entries


def test_invalid_account_is_refused_with_labels_not_values(store: AccountStore):
    with pytest.raises(AccountError) as caught:
        store.save(Account("half", "s3", {"access_key_id": "AKID"}))
    assert "secret access key" in str(caught.value)
    with pytest.raises(AccountError):
        Account("x", "s3", {"secret_access_key": SECRET})
    with pytest.raises(AccountError):
        Account("a/b", "local", {"root": "/tmp"})
    with pytest.raises(AccountError, match="unknown provider kind"):
        Account("ftp", "ftp", {})


def test_remove_deletes_the_secrets(store: AccountStore, memory_keyring: MemoryKeyring):
    store.save(S3, {"secret_access_key": SECRET})
    assert ("StoreBrowser", "Work S3/secret_access_key") in memory_keyring.entries
    store.remove("Work S3")
    assert memory_keyring.entries == {}
    assert AccountStore.default().load().accounts == []
    with pytest.raises(UnknownAccount):
        store.remove("Work S3")


def test_rename_moves_the_secrets(store: AccountStore, memory_keyring: MemoryKeyring):
    store.save(S3, {"secret_access_key": SECRET})
    store.save(Account("Other", "local", {"root": "/tmp"}))
    with pytest.raises(AccountExists):
        store.rename("Work S3", "Other")
    renamed = store.rename("Work S3", "Personal S3")
    assert [key for _, key in memory_keyring.entries] == ["Personal S3/secret_access_key"]
    reloaded = AccountStore.default()
    assert reloaded.get("Personal S3") == renamed
    assert reloaded.settings_for(renamed)["secret_access_key"] == SECRET


def test_open_provider_builds_a_working_local_provider(store: AccountStore, tmp_path: Path):
    account = Account("Mine", "local", {"root": str(tmp_path / "root")})
    store.save(account)
    provider = store.open_provider(account)
    provider.connect()
    provider.create_container("box")
    assert [c.name for c in provider.list_containers()] == ["box"]


def test_a_secret_lost_with_the_session_is_named(user_dirs):
    first = session_store(user_dirs)
    first.save(S3, {"secret_access_key": SECRET})
    assert first.settings_for(S3)["secret_access_key"] == SECRET
    later = session_store(user_dirs)  # the next run: the session's memory is gone
    with pytest.raises(MissingSecret) as caught:
        later.open_provider(later.get("Work S3"))
    assert "Secret access key" in str(caught.value) and "one session" in str(caught.value)
    assert SECRET not in str(caught.value)


# -- damaged and hand-edited files -----------------------------------------------------


def _write(store: AccountStore, text: str) -> None:
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text(text)


def test_a_syntax_error_names_the_line_and_the_app_goes_on(store: AccountStore):
    _write(store, 'version = 1\n\n[accounts."A"]\nkind = "local"\nroot = /tmp\n')
    result = store.load()
    assert result.accounts == []
    [problem] = result.problems
    assert problem.line == 5
    assert str(problem).startswith(f"{store.path}, line 5: ")
    assert store.ensure_default_local_account() is None  # never over a damaged file


def test_saving_over_a_damaged_file_keeps_a_copy_first(store: AccountStore):
    damaged = 'version = 1\n[accounts."A"\nkind = "local"\n'
    _write(store, damaged)
    store.load()
    store.save(Account("New", "local", {"root": "/tmp"}))
    assert store.backup is not None and store.backup.read_text() == damaged
    assert [a.name for a in AccountStore.default().load().accounts] == ["New"]


def test_a_bad_account_is_reported_by_line_and_kept_on_save(store: AccountStore):
    _write(store, "\n".join([
        "version = 1",
        '[accounts."Good"]',
        'kind = "local"',
        'root = "/tmp/good"',
        "",
        '[accounts."Future"]',
        'kind = "ftp"',
        'host = "example.net"',
        "",
        '[accounts."Typo"]',
        'kind = "s3"',
        "path_style = 'yes'",
        "",
        '[accounts."Leaky"]',
        'kind = "swift"',
        'auth_url = "http://127.0.0.1:1/auth/v1.0"',
        'api_key = "do-not-repeat-me"',
        "",
    ]))  # fmt: skip
    result = store.load()
    assert [a.name for a in result.accounts] == ["Good"]
    by_name = {p.account: p for p in result.problems}
    assert by_name["Future"].line == 6 and "ftp" in by_name["Future"].message
    assert by_name["Typo"].line == 10 and "true or false" in by_name["Typo"].message
    assert by_name["Leaky"].line == 14 and "api_key" in by_name["Leaky"].message
    assert all("do-not-repeat-me" not in str(p) for p in result.problems)
    store.save(Account("Added", "local", {"root": "/tmp/added"}))
    reloaded = AccountStore.default().load()
    assert [a.name for a in reloaded.accounts] == ["Good", "Added"]
    assert {p.account for p in reloaded.problems} == {"Future", "Typo", "Leaky"}


def test_an_unreadable_file_is_a_problem_not_a_crash(store: AccountStore):
    _write(store, "")
    store.path.write_bytes(b"\xff\xfe not utf-8")
    result = store.load()
    assert result.accounts == [] and "Cannot read" in str(result.problems[0])


def test_the_write_is_atomic_and_private(store: AccountStore):
    store.save(Account("A", "local", {"root": "/tmp"}))
    leftovers = [p.name for p in store.path.parent.iterdir() if p.name != "accounts.toml"]
    assert leftovers == []
    if os.name == "posix":
        assert store.path.stat().st_mode & 0o077 == 0


def test_store_repr_and_account_repr_show_no_secret(store: AccountStore):
    store.save(S3, {"secret_access_key": SECRET})
    assert SECRET not in repr(store) + repr(store.secrets) + repr(store.accounts())


def test_keyring_failure_falls_back_to_the_session(user_dirs, memory_keyring: MemoryKeyring):
    memory_keyring.refuse = True
    store = AccountStore.default()
    assert store.secrets.persistent
    store.save(S3, {"secret_access_key": SECRET})
    assert not store.secrets.persistent
    assert "refused" in store.secrets.warning and "until StoreBrowser closes" in store.secrets.warning
    assert store.settings_for(S3)["secret_access_key"] == SECRET
    assert isinstance(store.secrets, SecretStore)


def test_changing_the_kind_drops_the_old_secrets(store: AccountStore, memory_keyring: MemoryKeyring):
    store.save(S3, {"secret_access_key": SECRET})
    swift = Account("Work S3", "swift", {"auth_url": "http://127.0.0.1:1/auth/v1.0", "username": "u"})
    with pytest.raises(AccountError):  # a Swift account needs its key
        store.save(swift)
    store.save(swift, {"api_key": "swift-key-123"})
    assert list(memory_keyring.entries) == [("StoreBrowser", "Work S3/api_key")]
    reloaded = AccountStore.default()
    assert reloaded.load().problems == []
    assert reloaded.settings_for(swift)["api_key"] == "swift-key-123"


def test_start_up_with_no_file_damaged_file_and_no_accounts(store: AccountStore, user_dirs):
    from storebrowser.accounts.startup import load_accounts_at_start

    first = load_accounts_at_start(store)
    assert [a.name for a in first.accounts] == ["Local files"] and not first.unsaved_default
    store.remove("Local files")
    assert load_accounts_at_start(store).accounts == []
    _write(store, "[accounts\n")
    damaged = load_accounts_at_start(store)
    assert damaged.unsaved_default and damaged.problems[0].line == 1
    assert [a.name for a in damaged.accounts] == ["Local files"]
    assert store.path.read_text() == "[accounts\n"  # not written over
