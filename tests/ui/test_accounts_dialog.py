"""The Accounts dialog on a real AccountStore (session-only secrets, as the tests run with
no keyring) and real servers: add, test connection, rename, remove, import, and every
store call off the GUI thread."""

from __future__ import annotations

import os
import re
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from storebrowser.accounts import Account
from storebrowser.accounts.importers import import_all
from storebrowser.accounts.redact import SECRETS
from storebrowser.accounts.secrets import SECRETS_FILE_NAME
from storebrowser.providers.registry import ConnectionField, FieldType, ProviderKind, kinds
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.ui.accounts import dialog as accounts_dialog
from storebrowser.ui.accounts.dialog import AccountsDialog
from storebrowser.ui.accounts.form import AccountForm, SecretEditor
from storebrowser.ui.notice import Level
from tests.providers.backends import s3_swift_settings
from tests.ui.accounts_support import (
    SpyStore,
    alive,
    aws_home,
    dark_palette,
    fill,
    open_dialog,
    save_and_wait,
    settle,
    visible_texts,
)

WIDGET_OF = {
    FieldType.TEXT: QLineEdit,
    FieldType.URL: QLineEdit,
    FieldType.SECRET: QLineEdit,
    FieldType.FOLDER: QLineEdit,
    FieldType.BOOL: QCheckBox,
    FieldType.CHOICE: QComboBox,
    FieldType.INT: QSpinBox,
}
TIME_SHOWN = re.compile(r"\(\d+[.,]\d\d s\)")


# -- fixtures --------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _fresh_redactor() -> Iterator[None]:
    yield
    SECRETS.clear()


@pytest.fixture(autouse=True)
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """No modal box in a test: every question is noted and answered yes (tests that
    care replace the answer). Closing a dialog with unsaved edits asks, too."""
    asked: list[str] = []
    monkeypatch.setattr(accounts_dialog, "confirm", lambda _p, _t, text, _a: asked.append(text) or True)
    return asked


@pytest.fixture
def store(tmp_path: Path) -> SpyStore:
    """Secrets for this session only: the tests' keyring is the failing one."""
    return SpyStore(tmp_path / "config" / "StoreBrowser" / "accounts.toml")


@pytest.fixture
def no_import() -> Any:
    return lambda: pytest.fail("the import source was used without asking")


# -- the generated form -----------------------------------------------------------------------


@pytest.mark.parametrize("kind_name", sorted(kinds()))
def test_form_has_one_widget_of_the_right_type_per_field(qtbot: Any, kind_name: str):
    kind = kinds()[kind_name]
    form = AccountForm(kind)
    qtbot.addWidget(form)
    assert set(form.editors) == {f.name for f in kind.fields}
    for field in kind.fields:
        widget = form.input(field.name)
        assert type(widget) is WIDGET_OF[field.type], field.name
        if field.type is FieldType.SECRET:
            assert widget.echoMode() is QLineEdit.EchoMode.Password
        elif isinstance(widget, QLineEdit):
            assert widget.echoMode() is QLineEdit.EchoMode.Normal
        if field.type is FieldType.CHOICE:
            assert [widget.itemText(i) for i in range(widget.count())] == list(field.choices)
        if field.type is FieldType.FOLDER:
            browse = form.editors[field.name].widget.findChildren(QPushButton)
            assert [b.text() for b in browse] == ["Browse…"]
        assert widget.toolTip() == field.help or field.help in widget.toolTip()

    # Nothing more: one line edit per text-like field plus the name, and so on (the
    # Transfers box below the connection fields is the account's pace, not a field).
    def connection(widgets: list[Any]) -> list[Any]:
        return [w for w in widgets if w is not form.tuning_box and not form.tuning_box.isAncestorOf(w)]

    text_like = [f for f in kind.fields if WIDGET_OF[f.type] is QLineEdit]
    assert len(connection(form.findChildren(QLineEdit))) == len(text_like) + 1
    assert len(form.findChildren(QCheckBox)) == sum(f.type is FieldType.BOOL for f in kind.fields)
    # ... and the account's colour (its tabs' and tree row's marker), whatever the kind
    assert len(form.findChildren(QComboBox)) == sum(f.type is FieldType.CHOICE for f in kind.fields) + 1
    groups = list(dict.fromkeys(f.group for f in kind.fields if f.group))
    assert sorted(group for group, _title in kind.group_titles) == sorted(groups)  # titled, none stale
    boxes = connection(form.findChildren(QGroupBox))
    assert [b.title() for b in boxes] == [kind.group_title(g) for g in groups]
    for box, group in zip(boxes, groups, strict=True):  # each group's fields sit in its box
        inside = {f.name for f in kind.fields if f.group == group}
        assert all(box.isAncestorOf(form.input(name)) for name in inside)
    required = [f for f in kind.fields if f.required]
    labels = [label.text() for label in form._labels]
    assert all(f"{f.label} *" in labels for f in required)


def test_every_field_type_has_an_editor(qtbot: Any):
    fields = tuple(ConnectionField(t.value, t.value.title(), t, choices=("a", "b")) for t in FieldType)
    form = AccountForm(ProviderKind("all", "All types", "x:y", fields))
    qtbot.addWidget(form)
    for field in fields:
        assert type(form.input(field.name)) is WIDGET_OF[field.type]
    form.input("int").setValue(42)
    assert form.settings()["int"] == 42


# -- add, test, rename, remove ----------------------------------------------------------------


def test_add_s3_account_keeps_the_secret_out_of_the_profiles_file(
    qtbot: Any, store: SpyStore, runner: TaskRunner, swift_server: Any, no_import: Any
):
    settings = s3_swift_settings(swift_server)
    dialog = open_dialog(qtbot, store, runner, import_source=no_import)
    dialog.start_add("s3")
    form = dialog.form
    assert form is not None and form.kind.name == "s3"
    fill(form, "Swift S3", settings)
    secret = settings["secret_access_key"]
    assert form.input("secret_access_key").echoMode() is QLineEdit.EchoMode.Password
    save_and_wait(qtbot, dialog)

    text = store.path.read_text()
    assert "Swift S3" in text and settings["endpoint_url"] in text and settings["access_key_id"] in text
    assert secret not in text
    assert store.secrets.get("Swift S3", "secret_access_key") == secret
    assert [a.name for a in dialog.view.accounts] == ["Swift S3"]
    assert dialog.list_view.currentIndex().data() == "Swift S3"
    # The secret left the widget; the field says where it is kept.
    secret_line = form.input("secret_access_key")
    assert secret_line.text() == ""
    assert "session only" in secret_line.placeholderText()
    assert not form.is_dirty() and not dialog.save_button.isEnabled()
    assert all(secret not in t for t in visible_texts(dialog))


def test_test_connection_reports_ok_with_its_time_and_a_wrong_secret(
    qtbot: Any, store: SpyStore, runner: TaskRunner, swift_server: Any, no_import: Any
):
    settings = s3_swift_settings(swift_server)
    secret = settings.pop("secret_access_key")
    store.save(Account("s3api", "s3", settings), {"secret_access_key": secret})
    dialog = open_dialog(qtbot, store, runner, import_source=no_import)
    dialog.select("s3api")
    settle(qtbot, dialog)
    assert dialog.test_button.isEnabled()

    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert not dialog.test_button.isEnabled()  # in flight
    settle(qtbot, dialog)
    assert dialog.test_result.level is Level.OK, dialog.test_result.text()
    assert dialog.test_result.text().startswith("Connected;")
    assert TIME_SHOWN.search(dialog.test_result.text())

    wrong = "wrong-secret-for-s3api"
    dialog.form.input("secret_access_key").setText(wrong)  # typed, not saved: tested as shown
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    shown = dialog.test_result.text()
    assert dialog.test_result.level is Level.ERROR
    assert shown.startswith("Authentication failed") and TIME_SHOWN.search(shown)
    assert wrong not in shown and secret not in shown
    assert store.secrets.get("s3api", "secret_access_key") == secret  # testing saved nothing


def test_edit_renames_and_keeps_the_secret(qtbot: Any, store: SpyStore, runner: TaskRunner, no_import: Any):
    store.save(Account("Old", "s3", {"access_key_id": "AKIAOLD", "region": "eu-west-1"}),
               {"secret_access_key": "old-secret-value"})  # fmt: skip
    dialog = open_dialog(qtbot, store, runner, import_source=no_import)
    dialog.list_view.setFocus()
    dialog.select("Old")
    # Which secrets are stored is read in the background: the list keeps answering (and
    # its focus), only Save and Test wait for it.
    assert dialog.busy and dialog.list_view.isEnabled() and dialog.add_button.isEnabled()
    assert not dialog.test_button.isEnabled() and not dialog.save_button.isEnabled()
    settle(qtbot, dialog)
    assert dialog.test_button.isEnabled()
    assert "session only" in dialog.form.input("secret_access_key").placeholderText()
    dialog.form.name_edit.setText("New")
    dialog.form.input("region").setText("us-west-2")
    save_and_wait(qtbot, dialog)
    store.load()
    assert [(a.name, a.settings["region"]) for a in store.accounts()] == [("New", "us-west-2")]
    assert store.secrets.get("New", "secret_access_key") == "old-secret-value"
    assert store.secrets.get("Old", "secret_access_key") is None
    assert dialog.title.text() == "New" and dialog.current.name == "New"


def test_remove_deletes_the_account_and_its_secret(
    qtbot: Any,
    qtmodeltester: Any,
    store: SpyStore,
    runner: TaskRunner,
    no_import: Any,
    monkeypatch: pytest.MonkeyPatch,
):
    store.save(Account("Keep", "local", {"root": "/tmp/keep"}))
    store.save(Account("Gone", "swift", {"auth_url": "http://127.0.0.1:1/auth/v1.0", "username": "u"}),
               {"api_key": "gone-secret-key"})  # fmt: skip
    dialog = open_dialog(qtbot, store, runner, import_source=no_import)
    qtmodeltester.check(dialog.list_model)
    dialog.select("Gone")
    settle(qtbot, dialog)
    asked: list[str] = []
    monkeypatch.setattr(accounts_dialog, "confirm", lambda _p, _t, text, _a: asked.append(text) or False)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "Gone" in asked[0] and store.secrets.get("Gone", "api_key") == "gone-secret-key"  # declined

    monkeypatch.setattr(accounts_dialog, "confirm", lambda *_: True)
    with qtbot.waitSignal(dialog.accountsChanged, timeout=30_000):
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    store.load()
    assert [a.name for a in store.accounts()] == ["Keep"]
    assert store.secrets.get("Gone", "api_key") is None
    assert dialog.form is None and not dialog.remove_button.isEnabled()
    assert [dialog.list_model.item(r).text() for r in range(dialog.list_model.rowCount())] == ["Keep"]


@pytest.mark.parametrize(
    ("kind", "settings", "problem"),
    [
        ("local", {}, "Folder is required."),
        ("s3", {"access_key_id": "AKIAONLY"}, "Give both the access key ID and the secret access key."),
    ],
)
def test_missing_required_field_is_shown_in_place_and_nothing_is_saved(
    qtbot: Any, store: SpyStore, runner: TaskRunner, no_import: Any, kind: str, settings: dict, problem: str
):
    dialog = open_dialog(qtbot, store, runner, import_source=no_import)
    dialog.start_add(kind)
    fill(dialog.form, "Incomplete", settings)
    store.recording = True
    changed: list[bool] = []
    dialog.accountsChanged.connect(lambda: changed.append(True))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.busy and store.calls == []  # refused before any store call
    assert dialog.problems.level is Level.ERROR and problem in dialog.problems.text()
    assert not changed and not store.path.exists()
    # Fixing the form clears the message.
    dialog.form.name_edit.setText("Incomplete!")
    assert dialog.problems.text() == ""


def test_name_taken_is_refused_in_place(qtbot: Any, store: SpyStore, runner: TaskRunner, no_import: Any):
    store.save(Account("Disk", "local", {"root": "/tmp/disk"}))
    dialog = open_dialog(qtbot, store, runner, import_source=no_import)
    dialog.start_add("local")
    fill(dialog.form, "Disk", {"root": "/tmp/other"})
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "exists already" in dialog.problems.text()
    store.load()
    assert [a.settings["root"] for a in store.accounts()] == ["/tmp/disk"]


def test_a_failed_write_is_said_in_place_and_nothing_looks_saved(
    qtbot: Any, tmp_path: Path, runner: TaskRunner, no_import: Any
):
    blocker = tmp_path / "config"
    blocker.write_text("a file where the config folder should be")
    store = SpyStore(blocker / "StoreBrowser" / "accounts.toml")
    dialog = open_dialog(qtbot, store, runner, import_source=no_import)
    assert "Cannot read it" in dialog.file_notice.text()
    dialog.start_add("local")
    fill(dialog.form, "Nowhere", {"root": str(tmp_path / "files")})
    changed: list[bool] = []
    dialog.accountsChanged.connect(lambda: changed.append(True))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.forms.isEnabled()  # no edits while the write is in flight
    settle(qtbot, dialog)
    assert dialog.problems.level is Level.ERROR and str(blocker) in dialog.problems.text()
    assert not changed and dialog.view.accounts == ()
    assert dialog.forms.isEnabled() and dialog.form.name() == "Nowhere"  # the form is kept


def test_secret_shows_only_when_asked_and_clear_deletes_it(
    qtbot: Any, store: SpyStore, runner: TaskRunner, no_import: Any
):
    store.save(Account("Blob", "azure", {"account_name": "acct"}), {"account_key": "a2V5LXRvLWNsZWFy"})
    dialog = open_dialog(qtbot, store, runner, import_source=no_import)
    dialog.select("Blob")
    settle(qtbot, dialog)
    editor = dialog.form.editors["sas_token"]
    assert isinstance(editor, SecretEditor)
    editor.line.setText("typed-sas-token")
    assert editor.line.echoMode() is QLineEdit.EchoMode.Password
    editor.show_button.click()
    assert editor.line.echoMode() is QLineEdit.EchoMode.Normal
    editor.show_button.click()
    editor.line.clear()
    # Clear the stored key and give a SAS token instead.
    key = dialog.form.editors["account_key"]
    assert isinstance(key, SecretEditor) and key.clear_button.isVisibleTo(dialog)
    key.clear_button.click()
    assert "deleted when you save" in key.line.placeholderText()
    editor.line.setText("sv=2024&sig=c2lnbmF0dXJl")
    save_and_wait(qtbot, dialog)
    assert store.secrets.get("Blob", "account_key") is None
    assert store.secrets.get("Blob", "sas_token") == "sv=2024&sig=c2lnbmF0dXJl"
    assert not key.clear_button.isVisibleTo(dialog)


def test_unsaved_changes_are_not_dropped_without_asking(
    qtbot: Any, store: SpyStore, runner: TaskRunner, no_import: Any, monkeypatch: pytest.MonkeyPatch
):
    store.save(Account("A", "local", {"root": "/tmp/a"}))
    store.save(Account("B", "local", {"root": "/tmp/b"}))
    dialog = open_dialog(qtbot, store, runner, import_source=no_import)
    dialog.select("A")
    dialog.form.input("root").setText("/tmp/a-edited")
    monkeypatch.setattr(accounts_dialog, "confirm", lambda *_: False)
    dialog.list_view.setCurrentIndex(dialog.list_model.index(1, 0))
    assert dialog.current.name == "A" and dialog.list_view.currentIndex().row() == 0
    assert dialog.form.input("root").text() == "/tmp/a-edited"
    monkeypatch.setattr(accounts_dialog, "confirm", lambda *_: True)
    dialog.list_view.setCurrentIndex(dialog.list_model.index(1, 0))
    assert dialog.current.name == "B" and dialog.form.input("root").text() == "/tmp/b"


def test_a_secret_lost_with_the_last_session_is_said_and_asked_for(
    qtbot: Any, store: SpyStore, runner: TaskRunner, no_import: Any
):
    store.save(Account("Sw", "swift", {"auth_url": "http://127.0.0.1:1/auth/v1.0", "username": "u"}),
               {"api_key": "last-session-key"})  # fmt: skip
    next_session = SpyStore(store.path)  # the app started again: session secrets are gone
    dialog = open_dialog(qtbot, next_session, runner, import_source=no_import)
    dialog.select("Sw")
    settle(qtbot, dialog)
    assert dialog.problems.level is Level.WARNING
    assert "API key / password is not stored" in dialog.problems.text()
    assert dialog.form.input("api_key").placeholderText() == "Not set"
    dialog.test_connection()  # refused in place: the key is missing
    assert not dialog.busy and "API key / password" in dialog.problems.text()
    dialog.form.input("api_key").setText("typed-again-key")
    save_and_wait(qtbot, dialog)
    assert next_session.secrets.get("Sw", "api_key") == "typed-again-key"
    assert dialog.problems.text() == ""


# -- where secrets are kept -------------------------------------------------------------------


def test_session_only_secrets_are_said_and_a_file_is_an_explicit_choice(
    qtbot: Any, store: SpyStore, runner: TaskRunner, no_import: Any, monkeypatch: pytest.MonkeyPatch
):
    store.save(Account("Sw", "swift", {"auth_url": "http://127.0.0.1:1/auth/v1.0", "username": "u"}),
               {"api_key": "file-bound-secret"})  # fmt: skip
    dialog = open_dialog(qtbot, store, runner, import_source=no_import)
    notice = dialog.storage_notice
    assert notice.level is Level.WARNING and "session only" in notice.text()
    assert notice.button is not None and notice.button.isVisibleTo(dialog)
    secrets_file = store.path.parent / SECRETS_FILE_NAME

    monkeypatch.setattr(accounts_dialog, "confirm", lambda *_: False)
    notice.button.click()
    assert not dialog.busy and not secrets_file.exists()

    asked: list[str] = []
    monkeypatch.setattr(accounts_dialog, "confirm", lambda _p, _t, text, _a: asked.append(text) or True)
    notice.button.click()
    settle(qtbot, dialog)
    assert "unencrypted" in asked[0] and str(secrets_file) in asked[0]
    assert stat.S_IMODE(os.stat(secrets_file).st_mode) == 0o600
    assert "file-bound-secret" in secrets_file.read_text()
    assert notice.level is Level.INFO and str(secrets_file) in notice.text()
    assert not notice.button.isVisibleTo(dialog)
    dialog.select("Sw")
    settle(qtbot, dialog)
    assert "secrets file" in dialog.form.input("api_key").placeholderText()


# -- import -----------------------------------------------------------------------------------


def test_import_lists_found_and_skipped_and_adds_the_ticked(
    qtbot: Any, qtmodeltester: Any, store: SpyStore, runner: TaskRunner, tmp_path: Path
):
    home = aws_home(tmp_path / "home")
    env = {
        "AWS_ACCESS_KEY_ID": "AKIAENV",
        "AWS_SECRET_ACCESS_KEY": "env-secret-value",
        "AZURE_STORAGE_CONNECTION_STRING": "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        "AccountKey=YXp1cmUta2V5LXZhbHVl;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1",
        "AZURE_STORAGE_ACCOUNT": "lonely",
    }
    secrets = [
        "work-secret-value",
        "env-secret-value",
        "YXp1cmUta2V5LXZhbHVl",
        env["AZURE_STORAGE_CONNECTION_STRING"],
    ]
    store.save(Account("AWS work", "local", {"root": "/tmp/taken"}))  # the name is taken
    dialog = open_dialog(qtbot, store, runner, import_source=lambda: import_all(env, home, home))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    importer = dialog.import_dialog
    assert importer is not None
    settle(qtbot, importer)

    found = importer.found_model
    qtmodeltester.check(found)
    qtmodeltester.check(importer.skipped_model)
    rows = {
        found.item(r, 0).text(): [found.item(r, c).text() for c in range(4)] for r in range(found.rowCount())
    }
    assert set(rows) == {"AWS work", "AWS (environment)", "Azure devstoreaccount1"}
    assert rows["AWS work"][1] == "Amazon S3 / S3-compatible"
    assert "Access key ID: AKIAWORK" in rows["AWS work"][2] and "name taken" in rows["AWS work"][2]
    assert "Secret access key" in rows["AWS (environment)"][2]
    assert rows["Azure devstoreaccount1"][1] == "Azure Blob Storage"
    skipped = [importer.skipped_model.item(r, 1).text() for r in range(importer.skipped_model.rowCount())]
    assert skipped == ["half", "AZURE_STORAGE_ACCOUNT"]
    assert "half of an access key" in importer.skipped_model.item(0, 2).text()
    shown = visible_texts(importer) + [
        str(model.item(r, c).data(role))
        for model in (found, importer.skipped_model)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    ]
    assert not [s for s in secrets for text in shown if s in text]
    assert importer.ticked() == [0, 1, 2] and importer.add_button.text() == "Add 3 accounts"

    importer.set_ticked({"AWS work", "Azure devstoreaccount1"})
    assert importer.add_button.text() == "Add 2 accounts"
    with qtbot.waitSignal(dialog.accountsChanged, timeout=30_000):
        qtbot.mouseClick(importer.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, importer)
    store.load()
    assert sorted(a.name for a in store.accounts()) == ["AWS work", "AWS work (2)", "Azure devstoreaccount1"]
    assert store.secrets.get("AWS work (2)", "secret_access_key") == "work-secret-value"
    assert "AWS work was saved as AWS work (2)." in importer.problem.text()
    assert not importer.add_button.isVisibleTo(importer)
    assert {a.name for a in dialog.view.accounts} == {a.name for a in store.accounts()}
    importer.close_button.click()
    assert dialog.import_dialog is None
    qtbot.waitUntil(lambda: not alive(importer))  # gone, with the secrets it found


def test_import_with_nothing_found(qtbot: Any, store: SpyStore, runner: TaskRunner, tmp_path: Path):
    dialog = open_dialog(qtbot, store, runner, import_source=lambda: import_all({}, tmp_path, tmp_path))
    dialog.open_import()
    settle(qtbot, dialog.import_dialog)
    assert dialog.import_dialog.found_label.text() == "No accounts found to import."
    assert not dialog.import_dialog.add_button.isEnabled()


# -- the GUI thread does no store I/O -----------------------------------------------------------


def test_every_store_call_runs_off_the_gui_thread(
    qtbot: Any, store: SpyStore, runner: TaskRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    home = aws_home(tmp_path / "home")
    store.recording = True
    dialog = open_dialog(qtbot, store, runner, import_source=lambda: import_all({}, home, home))
    dialog.start_add("swift")
    fill(
        dialog.form, "Sw", {"auth_url": "http://127.0.0.1:1/auth/v1.0", "username": "u", "api_key": "k-e-y-1"}
    )
    save_and_wait(qtbot, dialog)
    dialog.test_connection()  # a closed port: unreachable, quickly
    settle(qtbot, dialog)
    assert dialog.test_result.level is Level.ERROR
    dialog.form.name_edit.setText("Sw2")
    save_and_wait(qtbot, dialog)
    dialog.open_import()
    settle(qtbot, dialog.import_dialog)
    with qtbot.waitSignal(dialog.accountsChanged, timeout=30_000):
        dialog.import_dialog.add_ticked()
    settle(qtbot, dialog.import_dialog)
    monkeypatch.setattr(accounts_dialog, "confirm", lambda *_: True)
    dialog.select("Sw2")
    settle(qtbot, dialog)
    with qtbot.waitSignal(dialog.accountsChanged, timeout=30_000):
        dialog.remove()
    settle(qtbot, dialog)
    store.recording = False
    called = {what for what, _ in store.calls}
    assert {"load", "save", "rename", "remove", "settings_for", "secrets.get", "secrets.set"} <= called
    assert {"secrets.delete", "storage"} <= called
    on_gui = sorted({what for what, on_main in store.calls if on_main})
    assert on_gui == []


def test_the_dialog_answers_while_a_save_is_slow(
    qtbot: Any, store: SpyStore, runner: TaskRunner, no_import: Any
):
    dialog = open_dialog(qtbot, store, runner, import_source=no_import)
    dialog.start_add("local")
    fill(dialog.form, "Slow", {"root": "/tmp/slow"})
    store.gate = threading.Event()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    try:
        assert dialog.busy
        for button in (dialog.save_button, dialog.test_button, dialog.remove_button, dialog.add_button,
                       dialog.import_button):  # fmt: skip
            assert not button.isEnabled()
        assert dialog.close_button.isEnabled()
        ticks: list[int] = []
        from PySide6.QtCore import QTimer

        timer = QTimer(dialog)
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start(10)
        qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5_000)  # the event loop runs
        timer.stop()
        assert "Saving Slow" in dialog.status.text()
        assert dialog.busy and not store.path.exists()
    finally:
        store.gate.set()
    settle(qtbot, dialog)
    assert store.path.exists() and dialog.current.name == "Slow"


def test_a_deleted_dialog_ignores_late_results(
    qtbot: Any, store: SpyStore, runner: TaskRunner, no_import: Any
):
    store.gate = threading.Event()
    dialog = AccountsDialog(store, runner, import_source=no_import)
    settle(qtbot, dialog)
    dialog.start_add("local")
    fill(dialog.form, "Late", {"root": "/tmp/late"})
    dialog.save()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not alive(dialog))
    store.gate.set()
    runner.wait_idle(30_000)
    qtbot.wait(50)  # the delivery runs and finds the dialog gone
    store.load()
    assert [a.name for a in store.accounts()] == ["Late"]


# -- pictures -----------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_render_add_form_and_import_page(
    qtbot: Any, store: SpyStore, runner: TaskRunner, tmp_path: Path, scheme: str
):
    """Pictures to look at (STOREBROWSER_SHOTS=dir keeps them); here: they render."""
    app = QApplication.instance()
    previous = app.palette()
    if scheme == "dark":
        app.setPalette(dark_palette())
    try:
        out = Path(os.environ.get("STOREBROWSER_SHOTS", tmp_path))
        out.mkdir(parents=True, exist_ok=True)
        home = aws_home(tmp_path / "home")
        store.save(Account("Local files", "local", {"root": str(tmp_path / "data")}))
        store.save(
            Account(
                "Rackspace", "swift", {"auth_url": "https://identity.example.com/v2.0/", "username": "me"}
            ),
            {"api_key": "rackspace-api-key"},
        )
        env = {"AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret-value"}
        dialog = open_dialog(qtbot, store, runner, import_source=lambda: import_all(env, home, home))
        dialog.start_add("s3")
        fill(dialog.form, "", {"endpoint_url": "http://127.0.0.1:9000", "path_style": True})
        dialog.save()
        qtbot.wait(20)  # layouts settle as they would on screen
        image = dialog.grab().toImage()
        assert not image.isNull() and image.width() >= 800
        assert image.save(str(out / f"accounts-add-s3-{scheme}.png"))
        dialog.open_import()
        settle(qtbot, dialog.import_dialog)
        qtbot.wait(20)
        image = dialog.import_dialog.grab().toImage()
        assert not image.isNull()
        assert image.save(str(out / f"accounts-import-{scheme}.png"))
    finally:
        app.setPalette(previous)
