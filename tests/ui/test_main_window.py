from __future__ import annotations

from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.ui.main_window import MainWindow
from storebrowser.ui.tree_model import AccountEntry, LoadState


def test_clicking_a_container_fills_the_table(qtbot, runner: TaskRunner, local_account: AccountEntry) -> None:
    window = MainWindow([local_account], runner)
    qtbot.addWidget(window)
    window.show()
    account = window.tree_model.index(0, 0)
    window.tree.expand(account)
    qtbot.waitUntil(lambda: window.tree_model.account_state(0) is LoadState.LOADED, timeout=10_000)
    with qtbot.waitSignal(window.object_model.pageLoaded, timeout=10_000):
        window.tree.setCurrentIndex(window.tree_model.index(0, 0, account))
    assert window.object_model.rowCount() > 0
    assert "items" in window.statusBar().findChildren(type(window._status))[0].text()
