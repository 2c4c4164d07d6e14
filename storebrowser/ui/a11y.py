"""What assistive technology reads: every interactive widget has a name, and a dialog's
Tab key goes through its fields in the order they are seen.

Widgets that matter get their name and description where they are made (``describe``).
``Accessibility`` (installed on the application at start) fills in the rest when a window
is first shown: a field takes the text of the label that names it (set as the label's
buddy, so Alt+letter and screen readers both find it), an icon-only button its tooltip,
a line edit its placeholder; and a dialog's tab order becomes top-to-bottom,
left-to-right, unless the dialog sets ``EXPLICIT_TAB_ORDER`` (it ordered Tab itself).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

#: A dialog property: True when the dialog ordered Tab itself (then it is left alone).
EXPLICIT_TAB_ORDER = "explicitTabOrder"
INTERACTIVE = (
    QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QAbstractSlider,
    QTabBar, QPlainTextEdit, QTextEdit, QProgressBar,
)  # fmt: skip
#: A row of widgets whose tops differ by less than this is one line of the dialog.
ROW_SLACK = 12


def describe(widget: QWidget, name: str, description: str = "") -> None:
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)


def is_internal(widget: QWidget) -> bool:
    """Qt's own parts of a widget (a spin box's line edit, a header, a scroll bar's
    buttons, a dock's title buttons): named by Qt, or not reached by Tab."""
    if widget.objectName().startswith(("qt_", "_q_")) or isinstance(widget, QHeaderView | QScrollBar):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox | QScrollBar | QHeaderView | QTabBar):
            return True
        if isinstance(parent, QLineEdit):  # its clear button
            return True
        parent = parent.parentWidget()
    return isinstance(widget, QAbstractButton) and widget.metaObject().className() == "QTableCornerButton"


def interactive_widgets(root: QWidget) -> Iterator[QWidget]:
    for widget in root.findChildren(QWidget):
        if isinstance(widget, INTERACTIVE) and not is_internal(widget):
            yield widget


def spoken_name(widget: QWidget, labels: dict[int, str] | None = None) -> str:
    """What a screen reader says for ``widget``: its accessible name, a button's text, or
    the text of the label that names it."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text().replace("&", "")
    if labels is None:
        labels = buddy_labels(widget.window())
    return labels.get(id(widget), "")


def buddy_labels(root: QWidget) -> dict[int, str]:
    """``id(field)`` -> the text of the label whose buddy it is."""
    named = {}
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text():
            named[id(buddy)] = plain(label.text())
    return named


def plain(text: str) -> str:
    """A label's words without mnemonics, markup or a trailing colon."""
    if "<" in text:
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return text.replace("&", "").strip().rstrip(":").strip()


def name_the_unnamed(root: QWidget) -> None:
    """Give every interactive widget below ``root`` a name if it has none (see above)."""
    link_form_labels(root)
    link_neighbour_labels(root)
    labels = buddy_labels(root)
    for widget in interactive_widgets(root):
        if spoken_name(widget, labels):
            continue
        guess = _guess(widget)
        if guess:
            widget.setAccessibleName(guess)


def _guess(widget: QWidget) -> str:
    if isinstance(widget, QAbstractButton) and widget.toolTip():
        return plain(widget.toolTip().split("\n")[0])
    if isinstance(widget, QLineEdit) and widget.placeholderText():
        return widget.placeholderText()
    if isinstance(widget, QProgressBar):
        return QApplication.translate("Accessibility", "Progress")
    if widget.toolTip():
        return plain(widget.toolTip().split("\n")[0])
    return ""


def link_form_labels(root: QWidget) -> None:
    """A form's labels become the buddies of their fields (a QFormLayout does it only for
    the labels it makes from text)."""
    for layout in root.findChildren(QLayout):
        if not isinstance(layout, QFormLayout):
            continue
        for row in range(layout.rowCount()):
            label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label_widget = label.widget() if label is not None else None
            field_widget = field.widget() if field is not None else None
            if isinstance(label_widget, QLabel) and field_widget is not None and label_widget.buddy() is None:
                target = _first_focusable(field_widget)
                if target is not None:
                    label_widget.setBuddy(target)


def link_neighbour_labels(root: QWidget) -> None:
    """A label just before a field in a row or a grid names that field (``Valid for: [7]``)."""
    for layout in root.findChildren(QLayout):
        pairs: list[tuple[QWidget | None, QWidget | None]] = []
        if isinstance(layout, QGridLayout):
            for row in range(layout.rowCount()):
                for column in range(layout.columnCount() - 1):
                    pairs.append((_widget_at(layout, row, column), _widget_at(layout, row, column + 1)))
        elif isinstance(layout, QBoxLayout):
            items = [layout.itemAt(i) for i in range(layout.count())]
            widgets = [item.widget() if item is not None else None for item in items]
            pairs = list(itertools.pairwise(widgets))
        for label, field in pairs:
            if isinstance(label, QLabel) and label.buddy() is None and label.text() and field is not None:
                target = _first_focusable(field)
                named = target is None or isinstance(target, QAbstractButton) or bool(target.accessibleName())
                if target is not None and not named:
                    label.setBuddy(target)


def _widget_at(layout: QGridLayout, row: int, column: int) -> QWidget | None:
    item = layout.itemAtPosition(row, column)
    return item.widget() if item is not None else None


def _first_focusable(widget: QWidget) -> QWidget | None:
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return widget
    return next((w for w in widget.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus), None)


def tab_stops(root: QWidget) -> list[QWidget]:
    """The widgets Tab reaches in ``root``, in the order it reaches them."""
    stops: list[QWidget] = []
    widget: QWidget | None = root.nextInFocusChain()
    while widget is not None and widget is not root and widget not in stops:
        if (
            widget.isVisibleTo(root)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.window() is root
            and not is_internal(widget)
        ):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def visual_order(root: QWidget, widgets: list[QWidget]) -> list[QWidget]:
    """Top to bottom, then left to right within a line (a line: tops within ROW_SLACK)."""
    placed = sorted(
        ((w.mapTo(root, w.rect().topLeft()), w) for w in widgets), key=lambda p: (p[0].y(), p[0].x())
    )
    rows: list[list[tuple[int, QWidget]]] = []
    row_top = None
    for point, widget in placed:
        if row_top is None or point.y() - row_top >= ROW_SLACK:
            rows.append([])
            row_top = point.y()
        rows[-1].append((point.x(), widget))
    return [widget for row in rows for _x, widget in sorted(row, key=lambda p: p[0])]


def order_tabs_visually(dialog: QWidget) -> None:
    stops = tab_stops(dialog)
    ordered = visual_order(dialog, stops)
    for first, second in itertools.pairwise(ordered):
        QWidget.setTabOrder(first, second)


class Accessibility(QObject):
    """On the application: names and tab order filled in when a window is first shown."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog | QMainWindow):
            prepare(watched)
        return False


def prepare(window: QWidget) -> None:
    """Names for the unnamed; a dialog's Tab in visual order unless it ordered it itself
    (once laid out: the layout places the widgets as the window is shown)."""
    name_the_unnamed(window)
    if isinstance(window, QDialog) and not window.property(EXPLICIT_TAB_ORDER):
        if (layout := window.layout()) is not None:
            layout.activate()
        order_tabs_visually(window)
        QTimer.singleShot(0, window, lambda: order_tabs_visually(window))
