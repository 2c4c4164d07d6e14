from __future__ import annotations

from PySide6.QtCore import Qt

from storebrowser.core.places import Location
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.ui.places.tree_model import AccountEntry, AccountTreeModel, LoadState


def test_tree_lists_containers_lazily(
    qtbot, qtmodeltester, runner: TaskRunner, local_account: AccountEntry, pool
) -> None:
    model = AccountTreeModel([local_account], runner, pool.get)
    account = model.index(0, 0)
    assert model.rowCount(account) == 0 and model.canFetchMore(account)
    with qtbot.waitSignal(model.accountLoaded, timeout=10_000):
        model.fetchMore(account)
    assert model.account_state(0) is LoadState.LOADED
    names = [model.data(model.index(r, 0, account)) for r in range(model.rowCount(account))]
    assert names == ["documents", "photos"]
    assert model.location_at(model.index(0, 0, account)) == Location("Local files", "documents")
    qtmodeltester.check(model)


def test_an_account_that_cannot_connect_shows_an_error_on_its_node(
    qtbot, qtmodeltester, runner: TaskRunner, broken_account: AccountEntry, pool
) -> None:
    model = AccountTreeModel([broken_account], runner, pool.get)
    with qtbot.waitSignal(model.accountLoaded, timeout=10_000):
        model.fetchMore(model.index(0, 0))
    assert model.account_state(0) is LoadState.ERROR
    index = model.index(0, 0)
    assert "cannot connect" in model.data(index)
    assert "Opening the folder" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    qtmodeltester.check(model)
