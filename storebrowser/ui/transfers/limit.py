"""The transfers panel's bandwidth limit: "Limit: up [..] down [..] hours [..]", in
rclone's syntax (``1M``, ``512K``; empty or ``off``: none), applied at once to the
running transfers and remembered with the window's state (``bandwidth``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from storebrowser.core.bandwidth import BadLimit, Bandwidth, Limits, Schedule, format_rate, parse_rate
from storebrowser.ui.transfers.text import Transfers
from storebrowser.ui.uistate import UiState

# The window state's key for the limit.
STATE_KEY = "bandwidth"
_BAD = "QLineEdit { border: 1px solid palette(highlight); background: rgba(220, 50, 47, 40); }"


class LimitControl(QWidget):
    """Signals: problem(str): one line saying what is wrong with what was typed."""

    problem = Signal(str)

    def __init__(self, bandwidth: Bandwidth, state: UiState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bandwidthLimit")
        self.bandwidth = bandwidth
        self._state = state
        rate_tip = Transfers.tr("Bytes per second for all transfers together: 512K, 10M; empty for no limit")
        self.up = self._field(Transfers.tr("Upload limit"), Transfers.tr("off"), rate_tip, 64)
        self.down = self._field(Transfers.tr("Download limit"), Transfers.tr("off"), rate_tip, 64)
        self.hours = self._field(
            Transfers.tr("Limited hours"), Transfers.tr("all day"),
            Transfers.tr("Hold the limit only at these times, e.g. 08:00-18:00 or Mon-Fri 08:00-18:00; "
                         "unlimited outside"), 140,
        )  # fmt: skip
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(QLabel(Transfers.tr("Limit:"), self))
        for arrow, field in (("\u2191", self.up), ("\u2193", self.down)):
            label = QLabel(arrow, self)
            label.setBuddy(field)
            layout.addWidget(label)
            layout.addWidget(field)
        layout.addWidget(QLabel(Transfers.tr("hours:"), self))
        layout.addWidget(self.hours)
        self.show_limits(bandwidth.limits)

    def _field(self, name: str, placeholder: str, tip: str, width: int) -> QLineEdit:
        field = QLineEdit(self)
        field.setAccessibleName(name)
        field.setPlaceholderText(placeholder)
        field.setToolTip(f"{name}: {tip}")
        field.setMaximumWidth(width)
        field.editingFinished.connect(self.apply)
        return field

    def show_limits(self, limits: Limits) -> None:
        self.up.setText("" if limits.up is None else format_rate(limits.up))
        self.down.setText("" if limits.down is None else format_rate(limits.down))
        self.hours.setText(limits.schedule.text() if limits.schedule else "")

    def apply(self) -> None:
        """Read the fields; a good limit holds at once (and is remembered), a bad one
        marks its field and says why."""
        limits = self.typed()
        if limits is None:
            return
        if limits != self.bandwidth.limits:
            self.bandwidth.set(limits)
            self._state.set(STATE_KEY, limits.to_json())

    def typed(self) -> Limits | None:
        values: list[int | None] = []
        for field in (self.up, self.down):
            try:
                values.append(parse_rate(field.text()))
            except BadLimit as error:
                self._bad(field, str(error))
                return None
            self._good(field)
        schedule = None
        if self.hours.text().strip():
            try:
                schedule = Schedule.parse(self.hours.text())
            except BadLimit as error:
                self._bad(self.hours, str(error))
                return None
        self._good(self.hours)
        return Limits(values[0], values[1], schedule)

    def _bad(self, field: QLineEdit, message: str) -> None:
        field.setStyleSheet(_BAD)
        line = f"{field.accessibleName()}: {message}"
        field.setToolTip(line)
        self.problem.emit(line)

    def _good(self, field: QLineEdit) -> None:
        field.setStyleSheet("")


def saved_limits(state: UiState) -> Limits:
    """The limit the window had when it closed (none when never set or damaged)."""
    return Limits.from_json(state.get(STATE_KEY))
