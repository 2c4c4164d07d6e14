"""Lost and refused secrets in the window: a sign-in prompt where a secret is missing
(no system keyring: secrets live for one session), "Edit Account…" where the server
refused the key, and no traceback either way. Against the Swift all-in-one."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLabel

from storebrowser.accounts import AccountStore, SecretStore
from storebrowser.accounts.secrets import SECRETS_FILE_NAME, Storage
from storebrowser.core.places import Location
from storebrowser.providers.registry import get_kind
from storebrowser.ui.accounts.sign_in import SignInDialog
from storebrowser.ui.places.tree_model import LoadState

WAIT = 20_000


def _account_state(window, name: str) -> LoadState:
    return window.tree_model.state_at(window.tree_model.index_of(Location(name)))


def _prompt(qtbot, window) -> SignInDialog:
    qtbot.waitUntil(lambda: window.sign_in.dialog is not None, timeout=WAIT)
    dialog = window.sign_in.dialog
    assert isinstance(dialog, SignInDialog)
    return dialog


def test_a_secret_kept_for_a_session_that_ended_is_asked_for(
    qtbot, caplog, make_explorer, swift_account, swift_server, store
) -> None:
    name, _other = swift_account
    store.secrets.delete(name, "api_key")  # as after a restart without a keyring
    caplog.set_level(logging.WARNING)
    window = make_explorer().window
    window.navigate(Location(name))
    dialog = _prompt(qtbot, window)
    assert list(dialog.edits) == ["api_key"]
    assert not dialog.remember.isChecked()  # no keyring: the file only if asked for
    assert "sign in" in window.messages.text.lower()
    assert "Unexpected error" not in window.messages.text
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.edits["api_key"].setText(swift_server.key)
    dialog.accept()
    qtbot.waitUntil(lambda: _account_state(window, name) is LoadState.LOADED, timeout=WAIT)
    assert window.container_model.rowCount() >= 0 and window.sign_in.dialog is None
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"
    # Not remembered: a later session asks again.
    assert not (store.path.parent / SECRETS_FILE_NAME).exists()


def test_remember_without_a_keyring_keeps_it_in_the_secrets_file(
    qtbot, make_explorer, swift_account, swift_server, store
) -> None:
    name, _other = swift_account
    store.secrets.delete(name, "api_key")
    window = make_explorer().window
    window.navigate(Location(name))
    dialog = _prompt(qtbot, window)
    dialog.edits["api_key"].setText(swift_server.key)
    dialog.remember.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: _account_state(window, name) is LoadState.LOADED, timeout=WAIT)
    secrets_file = store.path.parent / SECRETS_FILE_NAME
    assert secrets_file.exists() and secrets_file.stat().st_mode & 0o077 == 0
    restarted = AccountStore(store.path, SecretStore.open(store.path.parent))
    assert restarted.settings_for(restarted.get(name))["api_key"] == swift_server.key


def test_a_refused_key_offers_to_edit_the_account(qtbot, caplog, make_explorer, add_account, swift_server):
    add_account("Wrong key", "swift", {"auth_url": swift_server.auth_url, "username": swift_server.user,
                                       "api_key": "not-the-key"})  # fmt: skip
    caplog.set_level(logging.WARNING)
    explorer = make_explorer()
    window = explorer.window
    window.navigate(Location("Wrong key"))
    qtbot.waitUntil(lambda: _account_state(window, "Wrong key") is LoadState.ERROR, timeout=WAIT)
    qtbot.waitUntil(lambda: window.messages.button.text() == "Edit Account…", timeout=WAIT)
    window.messages.button.click()
    from storebrowser.ui.application import AccountsAction

    dialog = window.findChild(AccountsAction).dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.current is not None and dialog.current.name == "Wrong key", timeout=WAIT)
    dialog.close()
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"


def test_the_prompt_shows_a_strange_account_name_escaped(qtbot) -> None:
    fields = [field for field in get_kind("s3").fields if field.secret]
    dialog = SignInDialog("work\x1b[2J\u202etxt", fields, Storage.SESSION)
    qtbot.addWidget(dialog)
    texts = [dialog.windowTitle(), *(label.text() for label in dialog.findChildren(QLabel))]
    assert any("work\\x1b[2J\\u202etxt" in text for text in texts)
    assert not any("\x1b" in text or "\u202e" in text for text in texts)
