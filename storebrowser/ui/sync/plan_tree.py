"""The plan of a sync as a tree of checkboxes: one per change, one per folder (which
checks or clears everything below it), sends and deletions in separate branches.
Deletions start unchecked: they happen only when someone ticks them (and confirms)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from storebrowser.core.display import display_text
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.sync.plan import Change, SyncPlan
from storebrowser.ui.format import number

#: Where a change's key is kept on its leaf item.
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
_BRANCH_TEXT = {
    Change.ADD: QT_TRANSLATE_NOOP("PlanTree", "New on the left: sent"),
    Change.UPDATE: QT_TRANSLATE_NOOP("PlanTree", "Changed on the left: sent again"),
    Change.DELETE: QT_TRANSLATE_NOOP("PlanTree", "Only on the right: deleted (tick to delete)"),
}
#: A branch with at most this many changes opens with its folders open.
EXPANDED_UP_TO = 500
#: Leaves shown at most per branch: a plan of a million changes is summed up, not drawn.
MAX_SHOWN = 20_000


class PlanTree(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels([self.tr("Change"), self.tr("Key")])
        self.setUniformRowHeights(True)
        self.plan: SyncPlan | None = None
        self._branches: dict[Change, QTreeWidgetItem] = {}

    def show_plan(self, plan: SyncPlan) -> None:
        self.clear()
        self.plan = plan
        self._branches = {}
        for change in Change:
            keys = plan.changes[change]
            if not keys:
                continue
            branch = QTreeWidgetItem(self, [f"{self.tr(_BRANCH_TEXT[change])} ({number(len(keys))})"])
            _checkable(branch, checked=change is not Change.DELETE, tristate=True)
            self._branches[change] = branch
            self._fill(branch, keys[:MAX_SHOWN], checked=change is not Change.DELETE)
            branch.setExpanded(change is not Change.DELETE)
            if change is not Change.DELETE and len(keys) <= EXPANDED_UP_TO:
                _expand_below(branch)
        self.resizeColumnToContents(0)

    def _fill(self, branch: QTreeWidgetItem, keys: list[str], *, checked: bool) -> None:
        folders: dict[str, QTreeWidgetItem] = {"": branch}
        for key in keys:
            parent = branch
            head, _, name = key.rpartition("/")
            if head:
                parent = self._folder(folders, head, checked=checked)
            leaf = QTreeWidgetItem(parent, [display_text(name), display_text(key)])
            leaf.setData(0, KEY_ROLE, key)
            _checkable(leaf, checked=checked, tristate=False)

    def _folder(self, folders: dict[str, QTreeWidgetItem], path: str, *, checked: bool) -> QTreeWidgetItem:
        known = folders.get(path)
        if known is not None:
            return known
        head, _, name = path.rpartition("/")
        parent = self._folder(folders, head, checked=checked) if head else folders[""]
        item = QTreeWidgetItem(parent, [display_text(name) + "/", display_text(path + "/")])
        _checkable(item, checked=checked, tristate=True)
        folders[path] = item
        return item

    def chosen(self) -> SyncPlan | None:
        """The plan with only the ticked changes."""
        plan = self.plan
        if plan is None:
            return None
        chosen = SyncPlan(plan.left, plan.right, skipped=plan.skipped, refused=plan.refused, sent=plan.sent)
        for change, branch in self._branches.items():
            whole = branch.checkState(0) == Qt.CheckState.Checked
            # A ticked branch takes every change, those past MAX_SHOWN too.
            chosen.changes[change] = list(plan.changes[change]) if whole else _ticked_keys(branch)
        return chosen

    def branch(self, change: Change) -> QTreeWidgetItem | None:
        return self._branches.get(change)


def _expand_below(item: QTreeWidgetItem) -> None:
    for i in range(item.childCount()):
        child = item.child(i)
        if child is not None and child.childCount():
            child.setExpanded(True)
            _expand_below(child)


def _checkable(item: QTreeWidgetItem, *, checked: bool, tristate: bool) -> None:
    flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
    if tristate:
        flags |= Qt.ItemFlag.ItemIsAutoTristate
    item.setFlags(flags)
    item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


def _ticked_keys(item: QTreeWidgetItem) -> list[str]:
    keys: list[str] = []
    stack = [item]
    while stack:
        current = stack.pop()
        key = current.data(0, KEY_ROLE)
        if isinstance(key, str):
            if current.checkState(0) == Qt.CheckState.Checked:
                keys.append(key)
            continue
        stack.extend(child for i in range(current.childCount()) if (child := current.child(i)) is not None)
    return sorted(keys)
