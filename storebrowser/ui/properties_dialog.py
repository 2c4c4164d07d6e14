"""An object's properties, read fresh from the service (a HEAD on a worker)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from storebrowser.core.types import ObjectInfo
from storebrowser.qtbridge.tasks import TaskResult
from storebrowser.ui.format import human_size, local_time
from storebrowser.ui.main_window import MainWindow
from storebrowser.ui.navigation import Location


class PropertiesDialog(QDialog):
    def __init__(self, window: MainWindow, location: Location, listed: ObjectInfo) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Properties of {name}").format(name=listed.name))
        self.form = QFormLayout()
        self.metadata = QTableWidget(0, 2, self)
        self.metadata.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Value")])
        self.metadata.horizontalHeader().setStretchLastSection(True)
        self.metadata.verticalHeader().hide()
        self.status = QLabel(self.tr("Reading…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(QLabel(self.tr("User metadata"), self))
        layout.addWidget(self.metadata)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(560, 480)
        self.show_info(listed)
        pool = window.pool
        window.runner.run(lambda: pool.get(location.account).stat(location.container, listed.key), self._read)

    def _read(self, result: TaskResult[ObjectInfo]) -> None:
        if not result.ok or result.value is None:
            self.status.setText(result.message())
            return
        self.status.setText("")
        self.show_info(result.value)

    def show_info(self, info: ObjectInfo) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        rows = [
            (self.tr("Key"), info.key),
            (self.tr("Size"), f"{human_size(info.size)} ({info.size:,} bytes)"),
            (self.tr("Modified"), local_time(info.modified)),
            (self.tr("Content type"), info.content_type or ""),
            (self.tr("ETag"), info.etag or ""),
            (self.tr("MD5"), info.content_md5 or self.tr("not given by the service")),
            (self.tr("Storage class"), info.storage_class or ""),
        ]
        for label, value in rows:
            text = QLabel(value, self)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(label + ":", text)
        self.metadata.setRowCount(len(info.metadata))
        for row, (key, value) in enumerate(sorted(info.metadata.items())):
            self.metadata.setItem(row, 0, QTableWidgetItem(key))
            self.metadata.setItem(row, 1, QTableWidgetItem(value))
