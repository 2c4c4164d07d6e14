"""Who Can Read This? through the window, against the Swift all-in-one and moto: the
sentence, the live check beside it, a change shown exactly and asked before it is made,
the CORS and lifecycle editors, an object's expiry, the upload's encryption choice; and
pictures of the panel and the editors, light and dark, to look at."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialog, QPushButton

from storebrowser.core.access import AccessLevel
from storebrowser.core.encryption import CUSTOMER_KEY_FIELD, Encryption, new_customer_key
from storebrowser.core.places import Location
from storebrowser.transfers import sending
from storebrowser.transfers.jobs import JobKind
from storebrowser.ui.access.dialog import SettingsDialog
from storebrowser.ui.commands.specs import upload_spec
from storebrowser.ui.commands.upload_dialog import UploadDialog, UploadOptions, options_problem
from storebrowser.ui.notice import Level
from tests.ui.servers import server_account, temporary_container
from tests.ui.test_operations import WAIT, select_names, wait_listed
from tests.ui.test_panel_pictures import save, scheme, shots  # noqa: F401 - fixtures

GOOD_CORS = '{"CORSRules": [{"AllowedOrigins": ["https://app.example"], "AllowedMethods": ["*"]}]}'
BAD_CORS = '{"CORSRules": [\n  {"AllowedMethods": ["*"]}\n]}'
LIFECYCLE = (
    '{"Rules": [{"ID": "logs", "Filter": {"Prefix": "logs/"}, "Status": "Enabled",\n'
    '  "Transitions": [{"Days": 30, "StorageClass": "STANDARD_IA"}], "Expiration": {"Days": 365}},\n'
    ' {"ID": "tmp", "Filter": {"Prefix": "tmp/"}, "Status": "Enabled", "Expiration": {"Days": 7}}]}'
)


@pytest.fixture
def served(request, add_account, pool) -> Iterator[tuple[str, str]]:
    """An account on the server named by the test's ``server`` parameter, and a container
    with one object in it."""
    account = server_account(request, getattr(request, "param", "swift"))
    add_account(account.name, account.kind, account.settings)
    provider = pool.get(account.name)
    with temporary_container(provider) as container:
        sending.upload_bytes(provider, container, "page.json", b"{}")
        yield account.name, container


def open_settings(qtbot, explorer, *, confirm=None) -> SettingsDialog:
    ops = explorer.operations
    shown: list[QDialog] = []
    ops.show_dialog = lambda dialog: (shown.append(dialog), dialog.show())
    if confirm is not None:
        ops.confirm = confirm
    explorer.window.explorer_actions["access"].trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT)
    dialog = shown[0]
    assert isinstance(dialog, SettingsDialog)
    qtbot.addWidget(dialog)
    return dialog


def wait_checked(qtbot, dialog: SettingsDialog) -> None:
    panel = dialog.access
    qtbot.waitUntil(lambda: panel.report is not None and panel.check is not None
                    and panel.check_button.isEnabled() and panel.agreement.text() != "",
                    timeout=WAIT)  # fmt: skip


def test_the_panel_explains_checks_and_changes_on_swift(qtbot, make_explorer, served, pool) -> None:
    account, container = served
    explorer = make_explorer()
    window = explorer.window
    window.navigate(Location(account, container))
    wait_listed(qtbot, window)
    asked: list[str] = []
    dialog = open_settings(qtbot, explorer, confirm=lambda _t, question, _b: asked.append(question) or True)
    panel = dialog.access
    wait_checked(qtbot, dialog)
    only_us = f"Only people with credentials for this account can list {container}"
    assert panel.headline.text().startswith(only_us)
    assert panel.agreement.level is Level.OK and panel.buttons[AccessLevel.PRIVATE].isChecked()
    assert not panel.change_button.isEnabled()  # nothing chosen that differs yet

    panel.buttons[AccessLevel.PUBLIC_LIST].setChecked(True)
    panel.change_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=WAIT)
    assert f"X-Container-Read of {container}: (none) -> .r:*,.rlistings" in asked[0]
    assert f"Anyone will be able to read, without signing in: the 1 object in {container}" in asked[0]
    qtbot.waitUntil(lambda: panel.headline.text().startswith("Anyone can list"), timeout=WAIT)
    wait_checked(qtbot, dialog)
    qtbot.waitUntil(lambda: "answered 200: allowed" in panel.live.text(), timeout=WAIT)
    assert panel.agreement.level is Level.OK
    assert pool.get(account).access_report(container).access.level is AccessLevel.PUBLIC_LIST

    # Declining the question sends nothing.
    panel.buttons[AccessLevel.PRIVATE].setChecked(True)
    explorer.operations.confirm = lambda *_a: False
    dialog.access._confirm = explorer.operations.confirm
    panel.change_button.click()
    qtbot.waitUntil(panel.change_button.isEnabled, timeout=WAIT)  # declined: the choice stays open
    assert pool.get(account).access_report(container).access.level is AccessLevel.PUBLIC_LIST
    dialog.close()

    # The object's own panel: the container decides, and the expiry tab sets one.
    select_names(window, "page.json")
    dialog = open_settings(qtbot, explorer)
    wait_checked(qtbot, dialog)
    assert dialog.access.scope.text().endswith(f"applies to every object in {container}.")
    anyone = "Anyone who has its address can read page.json, without signing in."
    assert dialog.access.headline.text() == anyone
    expiry = dialog.tabs.widget(1)
    qtbot.waitUntil(lambda: expiry.current.text().startswith("No expiry"), timeout=WAIT)
    expiry.after.setText("2w")
    next(b for b in expiry.findChildren(QPushButton) if b.text() == "Delete After").click()
    qtbot.waitUntil(lambda: expiry.current.text().startswith("The server deletes it at"), timeout=WAIT)
    shown = expiry.current.text()  # rounded down to two units, never "(in 1209599 seconds)"
    assert "(in 1 week, 6 days)" in shown or "(in 2 weeks)" in shown
    expiry.after.setText("soon")
    next(b for b in expiry.findChildren(QPushButton) if b.text() == "Delete After").click()
    assert "'soon' is not a duration" in expiry.problem.text()


def test_the_cors_editor_validates_saves_and_checks_a_preflight(qtbot, make_explorer, served) -> None:
    account, container = served
    explorer = make_explorer()
    explorer.window.navigate(Location(account, container))
    wait_listed(qtbot, explorer.window)
    dialog = open_settings(qtbot, explorer)
    editor = dialog.cors
    qtbot.waitUntil(lambda: not editor.text.isReadOnly(), timeout=WAIT)
    editor.text.setPlainText(BAD_CORS)
    no_origins = "The rules line 2: rule 1 has no AllowedOrigins: every rule names at least one."
    assert editor.state.text() == no_origins
    assert not editor.save_button.isEnabled() and editor.summary.text() == ""
    editor.text.setPlainText(GOOD_CORS)
    assert editor.save_button.isEnabled()
    editor.save()
    qtbot.waitUntil(lambda: editor.kept != (), timeout=WAIT)
    box = dialog.preflight
    box.origin.setText("https://app.example")
    box.key.setText("page.json")
    box.run()
    qtbot.waitUntil(lambda: "The rules say" in box.result.text(), timeout=WAIT)
    assert "answered 200: allowed" in box.result.text() and "allowed by rule 1" in box.result.text()
    box.origin.setText("https://elsewhere.example")
    box.run()
    qtbot.waitUntil(lambda: "The rules say: refused." in box.result.text(), timeout=WAIT)
    assert ": refused" in box.result.text().splitlines()[0]


@pytest.mark.parametrize("served", ["azure"], indirect=True)
def test_on_azurite_the_panel_and_an_anonymous_get_agree_after_a_change(qtbot, make_explorer, served) -> None:
    account, container = served
    explorer = make_explorer()
    explorer.window.navigate(Location(account, container))
    wait_listed(qtbot, explorer.window)
    asked: list[str] = []
    dialog = open_settings(qtbot, explorer, confirm=lambda _t, question, _b: asked.append(question) or True)
    panel = dialog.access
    wait_checked(qtbot, dialog)
    assert panel.agreement.level is Level.OK and panel.buttons[AccessLevel.PRIVATE].isChecked()
    panel.buttons[AccessLevel.PUBLIC_READ].setChecked(True)
    panel.change_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=WAIT)
    assert f"Public access level of {container}: private -> blob (anonymous read of blobs)" in asked[0]
    qtbot.waitUntil(lambda: panel.buttons[AccessLevel.PUBLIC_READ].isChecked()
                    and panel.report is not None and panel.report.access.level is AccessLevel.PUBLIC_READ,
                    timeout=WAIT)  # fmt: skip
    panel.check = None
    panel.run_check()
    wait_checked(qtbot, dialog)
    assert "page.json answered 20" in panel.live.text() and panel.agreement.level is Level.OK
    qtbot.waitUntil(lambda: not dialog.cors.text.isReadOnly(), timeout=WAIT)
    assert "the whole storage account's blob service" in dialog.cors.note.text()


@pytest.mark.parametrize("served", ["s3_moto"], indirect=True)
def test_a_customer_key_given_in_the_encryption_tab_is_kept_in_the_keyring(
    qtbot, make_explorer, served, store, pool
) -> None:
    account, container = served
    explorer = make_explorer()
    explorer.window.navigate(Location(account, container))
    wait_listed(qtbot, explorer.window)
    select_names(explorer.window, "page.json")
    dialog = open_settings(qtbot, explorer)
    tab = dialog.tabs.widget(2)
    qtbot.waitUntil(lambda: tab.object.text() != "Reading…", timeout=WAIT)
    tab._ask_key = lambda: "c2hvcnQ="
    tab.give_key()
    assert tab.problem.level is Level.ERROR and "is 5 bytes; SSE-C takes 32" in tab.problem.text()
    assert store.secrets.get(account, CUSTOMER_KEY_FIELD) is None
    key = new_customer_key()
    tab._ask_key = lambda: key
    tab.give_key()
    qtbot.waitUntil(lambda: tab.problem.level is Level.OK, timeout=WAIT)
    assert "kept in the system keyring" in tab.problem.text() and key not in tab.problem.text()
    assert store.secrets.get(account, CUSTOMER_KEY_FIELD) == key
    pool.get(account).check_encryption(Encryption.parse("c"))  # the open provider has it too


def test_a_hostile_key_is_shown_escaped_in_the_panel(qtbot, make_explorer, served, pool) -> None:
    account, container = served
    key = "red\x1b[31m\u202etxt.exe"
    sending.upload_bytes(pool.get(account), container, key, b"x")
    explorer = make_explorer()
    explorer.window.navigate(Location(account, container))
    wait_listed(qtbot, explorer.window)
    select_names(explorer.window, key)
    dialog = open_settings(qtbot, explorer)
    wait_checked(qtbot, dialog)
    shown = [dialog.windowTitle(), dialog.access.headline.text(), dialog.access.live.text()]
    assert "red\\x1b[31m\\u202etxt.exe" in dialog.access.headline.text()
    assert not any("\x1b" in text or "\u202e" in text for text in shown), shown


def test_a_local_account_says_why_not(qtbot, make_explorer, local_account) -> None:
    explorer = make_explorer()
    explorer.window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, explorer.window)
    action = explorer.window.explorer_actions["access"]
    assert not action.isEnabled()
    assert "a local folder is served to nobody" in action.toolTip()


@pytest.mark.parametrize("served", ["s3_moto"], indirect=True)
def test_the_upload_dialog_offers_the_encryption_the_account_has(qtbot, served, pool, tmp_path) -> None:
    account, _container = served
    provider = pool.get(account)
    dialog = UploadDialog([tmp_path / "a.txt"], "here", provider)
    qtbot.addWidget(dialog)
    choices = [dialog.encryption.mode.itemText(i) for i in range(dialog.encryption.mode.count())]
    assert choices[0] == "The container's default" and len(choices) == 4
    dialog.encryption.mode.setCurrentIndex(2)  # SSE-KMS
    dialog.encryption.detail.setText("alias/team")
    assert dialog.options().encryption == "kms:alias/team" and dialog.ok_button.isEnabled()
    dialog.encryption.mode.setCurrentIndex(3)  # SSE-C without a key kept
    assert "No customer key (SSE-C) is kept for this account" in dialog.problem.text()
    assert not dialog.ok_button.isEnabled()
    assert "scope" in str(options_problem(provider, UploadOptions(encryption="scope:x")))


# -- pictures ---------------------------------------------------------------------------------


def test_pictures_of_the_access_panel(qtbot, request, scheme, shots, make_explorer, served, pool) -> None:  # noqa: F811
    account, container = served
    provider = pool.get(account)
    provider.apply_access(provider.plan_access(container, None, AccessLevel.PUBLIC_READ))
    explorer = make_explorer()
    explorer.window.navigate(Location(account, container))
    wait_listed(qtbot, explorer.window)
    dialog = open_settings(qtbot, explorer)
    wait_checked(qtbot, dialog)
    dialog.access.buttons[AccessLevel.PUBLIC_LIST].setChecked(True)
    save(dialog, shots / f"access-panel-{scheme}.png")
    dialog.tabs.setCurrentIndex(1)
    editor = dialog.cors
    qtbot.waitUntil(lambda: not editor.text.isReadOnly(), timeout=WAIT)
    editor.text.setPlainText(BAD_CORS)
    save(dialog, shots / f"cors-editor-{scheme}.png")
    dialog.close()

    select_names(explorer.window, "page.json")
    dialog = open_settings(qtbot, explorer)
    expiry = dialog.tabs.widget(1)
    qtbot.waitUntil(lambda: expiry.current.text().startswith("No expiry"), timeout=WAIT)
    expiry.after.setText("2w")
    next(b for b in expiry.findChildren(QPushButton) if b.text() == "Delete After").click()
    qtbot.waitUntil(lambda: expiry.current.text().startswith("The server deletes it at"), timeout=WAIT)
    dialog.tabs.setCurrentIndex(1)
    save(dialog, shots / f"expiry-object-swift-{scheme}.png")


@pytest.mark.parametrize("served", ["s3_moto"], indirect=True)
def test_pictures_of_the_lifecycle_editor(qtbot, scheme, shots, make_explorer, served, pool) -> None:  # noqa: F811
    account, container = served
    explorer = make_explorer()
    explorer.window.navigate(Location(account, container))
    wait_listed(qtbot, explorer.window)
    dialog = open_settings(qtbot, explorer)
    dialog.tabs.setCurrentIndex(2)
    editor = dialog.lifecycle
    qtbot.waitUntil(lambda: not editor.text.isReadOnly(), timeout=WAIT)
    editor.text.setPlainText(LIFECYCLE)
    editor.save()
    qtbot.waitUntil(lambda: len(editor.kept) == 2, timeout=WAIT)
    wait_checked(qtbot, dialog)
    save(dialog, shots / f"lifecycle-editor-{scheme}.png")
    dialog.tabs.setCurrentIndex(0)
    save(dialog, shots / f"access-panel-s3-{scheme}.png")
    dialog.close()

    # An object's panel: its ACL, and its encryption beside the bucket's default.
    pool.get(account).put_object(container, "kms.bin", io.BytesIO(b"secret"), size=6,
                                 encryption=Encryption.parse("kms:alias/team"))  # fmt: skip
    explorer.window.refresh()
    wait_listed(qtbot, explorer.window)
    select_names(explorer.window, "kms.bin")
    dialog = open_settings(qtbot, explorer)
    wait_checked(qtbot, dialog)
    save(dialog, shots / f"access-object-s3-{scheme}.png")
    dialog.tabs.setCurrentIndex(2)
    tab = dialog.tabs.widget(2)
    qtbot.waitUntil(lambda: "SSE-KMS" in tab.object.text() and tab.default.text() != "Reading…", timeout=WAIT)
    save(dialog, shots / f"encryption-object-s3-{scheme}.png")


def test_the_upload_dialog_offers_an_expiry_where_the_server_keeps_one(qtbot, served, pool, tmp_path) -> None:
    account, container = served  # Swift: X-Delete-After per object
    dialog = UploadDialog([tmp_path / "a.txt"], "here", pool.get(account))
    qtbot.addWidget(dialog)
    assert dialog.expiry.isVisibleTo(dialog)
    dialog.expiry.setText("soon")
    assert "'soon' is not a duration" in dialog.problem.text() and not dialog.ok_button.isEnabled()
    dialog.expiry.setText("2w")
    assert dialog.ok_button.isEnabled()
    spec = upload_spec(JobKind.UPLOAD_FILE, Location(account, container), dialog.options(), key="a.txt")
    assert spec.expire_after == 14 * 86400
