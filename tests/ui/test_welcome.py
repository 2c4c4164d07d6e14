"""First launch leads somewhere: with only this computer's folders, the window offers to
add an account of each service and lists the credentials other tools left here (found
on a worker thread), ready to import."""

from __future__ import annotations

import threading
from pathlib import Path

from storebrowser.accounts.importers import ImportReport, import_all
from storebrowser.accounts.startup import Startup
from storebrowser.core.places import Location
from storebrowser.ui.accounts.welcome import WelcomePage
from storebrowser.ui.application import Services, StartOptions, build_explorer, first_location
from storebrowser.ui.uistate import UiState

WAIT = 20_000


def _aws_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    (home / ".aws").mkdir(parents=True)
    (home / ".aws" / "credentials").write_text(
        "[work]\naws_access_key_id = AKIAWORK\naws_secret_access_key = work-secret-1\nregion = eu-west-1\n"
    )
    return home


def test_first_launch_offers_the_services_and_what_was_found(
    qtbot, store, pool, runner, journal, tmp_path, add_account
) -> None:
    from storebrowser.transfers import TransferEngine
    from storebrowser.ui.application import AccountsAction

    add_account("Local files", "local", {"root": str(tmp_path / "files")})
    home = _aws_home(tmp_path)
    threads: list[threading.Thread] = []

    def find() -> ImportReport:
        threads.append(threading.current_thread())
        return import_all(env={}, home=home, cwd=tmp_path)

    services = Services(
        store=store, startup=Startup(store.accounts()), pool=pool,
        make_engine=lambda ask: TransferEngine(pool, journal, ask=ask), ui_state=UiState(None),
        import_source=find,
    )  # fmt: skip
    assert first_location(services, StartOptions()) is None  # no account of a service yet
    explorer = build_explorer(services, runner)
    window = explorer.window
    qtbot.addWidget(window)
    window.show()
    window.show_welcome()
    welcome = window.welcome
    assert window.stack.currentWidget() is welcome
    assert set(welcome.kind_buttons) == {"s3", "azure", "swift"}
    qtbot.waitUntil(lambda: welcome.report is not None, timeout=WAIT)
    assert threads and threads[0] is not threading.main_thread()
    assert [box.text().split("  ")[0] for box in welcome.found_boxes] == ["AWS work"]
    with qtbot.waitSignal(welcome.accountsAdded, timeout=WAIT):
        welcome.import_button.click()
    qtbot.waitUntil(lambda: window.location == Location("AWS work"), timeout=WAIT)
    assert "AWS work" in window.tree_model.account_names()
    assert store.get("AWS work").settings["region"] == "eu-west-1"
    # Add an account: the Accounts dialog with a new form of that kind.
    welcome.kind_buttons["swift"].click()
    dialog = window.findChild(AccountsAction).dialog
    qtbot.waitUntil(lambda: dialog.form is not None and dialog.form.kind.name == "swift", timeout=WAIT)
    assert dialog.isVisible() and dialog.current is None
    dialog.close()
    explorer.bridge.close()


def test_an_account_of_a_service_opens_as_before(store, pool, add_account, tmp_path) -> None:
    add_account("Local files", "local", {"root": str(tmp_path / "files")})
    add_account("Mine", "s3", {"environment": True})
    services = Services(store=store, startup=Startup(store.accounts()), pool=pool,
                        make_engine=lambda ask: None, ui_state=UiState(None))  # type: ignore[arg-type]  # fmt: skip
    assert first_location(services, StartOptions()) == Location("Local files")


def test_names_found_in_other_tools_files_are_shown_escaped(qtbot, store, runner, tmp_path) -> None:
    home = tmp_path / "home"
    (home / ".aws").mkdir(parents=True)
    (home / ".aws" / "credentials").write_text(
        "[work\x1b[2J\u202etxt]\naws_access_key_id = AKIAWORK\naws_secret_access_key = work-secret-1\n"
    )
    page = WelcomePage(store, runner)
    qtbot.addWidget(page)
    page.import_source = lambda: import_all(env={}, home=home, cwd=tmp_path)
    page.search()
    qtbot.waitUntil(lambda: bool(page.found_boxes), timeout=WAIT)
    shown = page.found_boxes[0].text() + page.found_boxes[0].toolTip()
    assert "work\\x1b[2J\\u202etxt" in shown and "\x1b" not in shown and "\u202e" not in shown
