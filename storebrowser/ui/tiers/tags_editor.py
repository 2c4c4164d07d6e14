"""The tags of one object, or a change of tags for many: the editing widget that the
Tags… dialog (``tags_dialog``) and the Tags tab of the Properties (``tags_tab``) share.

For one object the tags are read on a worker and edited as a whole (what is saved is
exactly the table). For several objects (and folders, with everything in them) there is
no one set to show: the widget asks which tags to set and which keys to remove, and each
object keeps its others. Either way every change is checked against the service's rules
(``Provider.check_tags``: how many, how long, which characters) as it is typed, the rule
quoted, and ``changed`` says when it holds, so nothing the service would refuse is sent.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.errors import InvalidTags, StorageError
from storebrowser.core.tags import TagEdit
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.ui.properties.metadata_model import problem_label


class TagTable(QTableWidget):
    """Key | Value rows, edited in place; ``rows()`` reads them back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Value")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)

    def set_pairs(self, tags: dict[str, str]) -> None:
        self.setRowCount(0)
        for key, value in sorted(tags.items()):
            self.add_row(key, value)

    def add_row(self, key: str = "", value: str = "") -> int:
        row = self.rowCount()
        self.insertRow(row)
        self.setItem(row, 0, QTableWidgetItem(key))
        self.setItem(row, 1, QTableWidgetItem(value))
        return row

    def remove_selected(self) -> None:
        for row in sorted({index.row() for index in self.selectedIndexes()}, reverse=True):
            self.removeRow(row)

    def rows(self) -> list[tuple[str, str]]:
        found = []
        for row in range(self.rowCount()):
            key, value = self.item(row, 0), self.item(row, 1)
            found.append((key.text() if key else "", value.text() if value else ""))
        return [(k, v) for k, v in found if k or v]


class TagsEditor(QWidget):
    """Signals:
    changed(): what the widget holds changed; ``problem_text()`` says whether it can go.
    """

    changed = Signal()

    def __init__(
        self,
        provider: Provider,
        runner: TaskRunner,
        container: str,
        keys: list[str],
        *,
        folders: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.provider, self.runner = provider, runner
        self.container, self.keys = container, keys
        self.single = len(keys) == 1 and not folders
        self.table = TagTable(self)
        self.table.setAccessibleName(self.tr("Tags"))
        self.table.setObjectName("tagTable")
        add = QPushButton(self.tr("Add Tag"), self)
        add.setObjectName("addTag")
        remove = QPushButton(self.tr("Remove"), self)
        add.clicked.connect(self._add)
        remove.clicked.connect(self.table.remove_selected)
        remove.clicked.connect(self._check)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(add)
        row_buttons.addWidget(remove)
        row_buttons.addStretch(1)
        tags_box = QGroupBox(self.tr("Tags") if self.single else self.tr("Set these tags"), self)
        box = QVBoxLayout(tags_box)
        box.addWidget(self.table)
        box.addLayout(row_buttons)
        self.unset = QPlainTextEdit(self)
        self.unset.setObjectName("unsetKeys")
        self.unset.setAccessibleName(self.tr("Remove these keys"))
        self.unset.setPlaceholderText(self.tr("One key a line"))
        self.unset.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        unset_box = QGroupBox(self.tr("Remove these keys"), self)
        QVBoxLayout(unset_box).addWidget(self.unset)
        unset_box.setVisible(not self.single)
        self.problem: QLabel = problem_label(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(tags_box, 1)
        layout.addWidget(unset_box)
        layout.addWidget(self.problem)
        self.table.itemChanged.connect(self._check)
        self.unset.textChanged.connect(self._check)
        self.loaded = not self.single
        if self.single:
            self.reload()
        self._check()

    def reload(self) -> None:
        """Read the one object's tags again, on a worker."""
        if not self.single:
            return
        self.loaded = False
        self.table.setEnabled(False)
        self.problem.setText(self.tr("Reading the tags…"))
        provider, container, key = self.provider, self.container, self.keys[0]
        self.runner.run(lambda: provider.get_tags(container, key), self._loaded)

    def _loaded(self, result: TaskResult[dict[str, str]]) -> None:
        if not result.ok or result.value is None:
            self.problem.setText(result.message())
            return
        self.table.blockSignals(True)
        self.table.set_pairs(result.value)
        self.table.blockSignals(False)
        self.table.setEnabled(True)
        self.loaded = True
        self._check()

    def _add(self) -> None:
        row = self.table.add_row()
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)

    def unset_keys(self) -> tuple[str, ...]:
        lines = (line.strip() for line in self.unset.toPlainText().splitlines())
        return tuple(dict.fromkeys(line for line in lines if line))

    def edit(self) -> TagEdit:
        """What the widget holds (valid once ``problem_text()`` is ``None``)."""
        tags = dict(self.table.rows())
        if self.single:
            return TagEdit(tags, replace=True)
        return TagEdit(tags, self.unset_keys())

    def problem_text(self) -> str | None:
        if not self.loaded:
            return self.tr("Reading the tags…")
        rows = self.table.rows()
        keys = [key for key, _value in rows]
        if any(not key for key in keys):
            return self.tr("A tag needs a key.")
        twice = sorted({key for key in keys if keys.count(key) > 1})
        if twice:
            return self.tr("The key {key} is there twice.").format(key=repr(twice[0]))
        both = sorted(set(keys) & set(self.unset_keys()))
        if both:
            return self.tr("{key} is both set and removed.").format(key=repr(both[0]))
        edit = self.edit()
        if edit.empty:
            return self.tr("Add a tag to set or a key to remove.")
        try:
            self.provider.check_tags(edit.set_tags)  # the service's rules, quoted; no request
        except (InvalidTags, StorageError) as error:
            return error.message
        return None

    def _check(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem or "")
        self.changed.emit()
