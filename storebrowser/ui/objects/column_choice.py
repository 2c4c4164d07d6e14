"""Which columns a table shows: a menu on the header to show, hide and reset them, and
for each kind of service its own choice (remembered in the window's state).

Until the user chooses, a kind shows the columns its service fills: the window says
which stay hidden (``defaults``), e.g. Storage class where listings never give one,
ETag everywhere (a wide column of hex; the Properties have it), and the columns of a
container list that no container fills. ``NameFitter`` keeps Name and Modified in view
when the table gets narrower (the preview opens beside it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView

from storebrowser.providers.registry import ProviderKind
from storebrowser.table.order import Column
from storebrowser.ui.uistate import UiState

#: The hidden columns by default, by column number, for the kind shown now.
Defaults = Callable[[], set[int]]


def object_defaults(kind: ProviderKind | None) -> set[int]:
    """The object columns hidden until the user shows them: ETag (a wide column of hex;
    the Properties show it), Storage class where the service's listings have none, and
    Archive status where the service has no archive tier (Swift). Where it has one (S3,
    Azure) the column shows, empty until something is archived, as Storage Explorer
    shows its Access Tier and Archive Status columns on every blob container: a bucket
    does not say ahead whether it holds archived objects."""
    hidden = {int(Column.ETAG)}
    if kind is None or not kind.lists_storage_class:
        hidden.add(int(Column.STORAGE_CLASS))
    if kind is None or not kind.lists_archive_status:
        hidden.add(int(Column.ARCHIVE))
    return hidden


class ColumnChoice(QObject):
    """The header menu of ``table`` (columns named ``names``; the first is never hidden);
    choices kept in ``state`` under ``key``, per kind."""

    def __init__(self, table: QTableView, names: Sequence[str], state: UiState, key: str) -> None:
        super().__init__(table)
        self.table, self.names, self.state, self.key = table, tuple(names), state, key
        self.kind = ""
        self._defaults: Defaults = set
        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._popup)

    # -- what is hidden -------------------------------------------------------------------

    def _chosen(self) -> dict[str, list[str]]:
        value = self.state.get(self.key)
        return value if isinstance(value, dict) else {}

    def hidden(self) -> set[int]:
        """The columns hidden for the kind shown: the user's choice, else the defaults."""
        chosen = self._chosen().get(self.kind)
        if chosen is None:
            return self._defaults() - {0}
        return {self.names.index(name) for name in chosen if name in self.names[1:]}

    def apply(self, kind: str, defaults: Defaults) -> None:
        """Show the columns for ``kind``; ``defaults`` says what its service leaves empty."""
        self.kind, self._defaults = kind, defaults
        hidden = self.hidden()
        header = self.table.horizontalHeader()
        for column in range(len(self.names)):
            header.setSectionHidden(column, column in hidden)

    def set_hidden(self, column: int, hide: bool) -> None:
        hidden = self.hidden() | {column} if hide else self.hidden() - {column}
        chosen = dict(self._chosen())
        chosen[self.kind] = [self.names[c] for c in sorted(hidden)]
        self.state.set(self.key, chosen)
        self.table.horizontalHeader().setSectionHidden(column, hide)

    def reset(self) -> None:
        """The kind's defaults again."""
        chosen = dict(self._chosen())
        chosen.pop(self.kind, None)
        self.state.set(self.key, chosen)
        self.apply(self.kind, self._defaults)

    # -- the menu -------------------------------------------------------------------------

    def menu(self) -> QMenu:
        menu = QMenu(self.table)
        menu.setObjectName("columnsMenu")
        hidden = self.hidden()
        for column, name in enumerate(self.names):
            action = QAction(self.table.model().headerData(column, Qt.Orientation.Horizontal) or name, menu)
            action.setCheckable(True)
            action.setChecked(column not in hidden)
            action.setEnabled(column != 0)  # the name always shows
            action.toggled.connect(lambda shown, column=column: self.set_hidden(column, not shown))
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction(self.tr("Reset Columns"))
        reset.setObjectName("resetColumns")
        reset.triggered.connect(self.reset)
        return menu

    def _popup(self, pos: QPoint) -> None:
        self.menu().popup(self.table.horizontalHeader().mapToGlobal(pos))


class NameFitter(QObject):
    """When the table narrows, Name gives up width (down to ``floor``) so that the columns
    up to ``keep`` stay in view; it gets it back, up to the width the user gave it, when
    the table widens again."""

    def __init__(self, table: QTableView, keep: int, floor: int = 160) -> None:
        super().__init__(table)
        self.table, self.keep, self.floor = table, keep, floor
        header = table.horizontalHeader()
        self.preferred = header.sectionSize(0)
        self._fitting = False
        header.sectionResized.connect(self._resized)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        last = header.visualIndex(self.keep)
        others = sum(
            header.sectionSize(header.logicalIndex(visual))
            for visual in range(last + 1)
            if header.logicalIndex(visual) != 0 and not header.isSectionHidden(header.logicalIndex(visual))
        )
        room = self.table.viewport().width() - others
        width = max(self.floor, min(self.preferred, room))
        if width != header.sectionSize(0):
            self._fitting = True
            try:
                header.resizeSection(0, width)
            finally:
                self._fitting = False

    def _resized(self, column: int, _old: int, new: int) -> None:
        if column == 0 and not self._fitting:
            self.preferred = new  # the user's width: what Name grows back to
