"""A progress bar in a view cell, drawn by the style (so it looks native, and right in a
dark theme): percent text, busy while the total is unknown, tinted by state."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QWidget,
)

from storebrowser.transfers.jobs import State
from storebrowser.ui.transfers.model import PROGRESS_ROLE, STATE_ROLE

STEPS = 1000  # the bar's maximum: tenths of a percent
#: Hue (HSL degrees) of the bar's chunk by state; the others keep the palette's highlight.
_HUES = {State.FAILED: 0, State.DONE: 130}
_GREYED = (State.PAUSED, State.CANCELLED)


def bar_palette(palette: QPalette, state: State | None) -> QPalette:
    """The palette's highlight, re-tinted for done (green) and failed (red), greyed for
    paused and cancelled; lighter in a dark theme so it keeps its contrast."""
    tinted = QPalette(palette)
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    if state in _HUES:
        chunk = QColor.fromHsl(_HUES[state], 130 if dark else 140, 85 if dark else 170)
    elif state in _GREYED:
        chunk = palette.color(QPalette.ColorRole.Mid if dark else QPalette.ColorRole.Dark)
    else:
        return tinted
    tinted.setColor(QPalette.ColorRole.Highlight, chunk)
    light_chunk = chunk.lightness() > 150
    tinted.setColor(
        QPalette.ColorRole.HighlightedText,
        QColor(Qt.GlobalColor.black if light_chunk else Qt.GlobalColor.white),
    )
    return tinted


class ProgressDelegate(QStyledItemDelegate):
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        widget = option.widget
        style = widget.style() if isinstance(widget, QWidget) else QApplication.style()
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        cell.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, widget)  # selection, focus
        if index.data(STATE_ROLE) is State.QUEUED and not index.data(PROGRESS_ROLE):
            return  # waiting, nothing done: a column of empty bars would only be noise
        style.drawControl(
            QStyle.ControlElement.CE_ProgressBar, self.bar_option(option, index), painter, widget
        )

    def bar_option(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QStyleOptionProgressBar:
        percent = index.data(PROGRESS_ROLE)
        state = index.data(STATE_ROLE)
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(3, 3, -3, -3)
        bar.direction = option.direction
        bar.fontMetrics = option.fontMetrics
        bar.palette = bar_palette(option.palette, state)
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.minimum = 0
        if state is State.FAILED:  # red all over; the message says why, not a percentage
            bar.maximum = bar.progress = STEPS
            bar.text = ""
        elif percent is None:
            busy = state is State.RUNNING
            bar.maximum = 0 if busy else STEPS  # min == max: the style draws it busy
            bar.progress = 0
            bar.text = ""
        else:
            bar.maximum = STEPS
            bar.progress = round(percent * STEPS / 100)
            bar.text = f"{percent:.0f}%"
        return bar
