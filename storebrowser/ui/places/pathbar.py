"""Breadcrumbs of the current place, and (Ctrl+L) a line to type a place into."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from storebrowser.core.display import display_text
from storebrowser.core.places import Location


class PathBar(QStackedWidget):
    """Shows ``account > container > folder``, a button per crumb.

    Signals:
        navigate(Location): a crumb was clicked or a place was typed and confirmed.
        invalid(str): what was typed is not a place (message for the status bar).
    """

    navigate = Signal(object)
    invalid = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._location: Location | None = None
        #: The bookmarks ``@NAME`` may name (name -> place text); the window sets it.
        self.bookmarks: Callable[[], Mapping[str, str]] = dict
        self._crumbs = QWidget(self)
        self._crumb_layout = QHBoxLayout(self._crumbs)
        self._crumb_layout.setContentsMargins(2, 0, 2, 0)
        self._crumb_layout.setSpacing(0)
        # A double-click on the crumbs strip edits the place (replacing one handler of
        # one widget costs less than a subclass for it).
        self._crumbs.mouseDoubleClickEvent = lambda _event: self.start_editing()  # type: ignore[method-assign]
        self._edit = QLineEdit(self)
        self._edit.setClearButtonEnabled(True)
        self._edit.setPlaceholderText(self.tr("account:container/folder/"))
        self._edit.setAccessibleName(self.tr("Place"))
        self._edit.setAccessibleDescription(
            self.tr("Type account:container/folder/ or @bookmark, then Enter")
        )
        self._edit.returnPressed.connect(self._typed)
        self._edit.installEventFilter(self)
        self.addWidget(self._crumbs)
        self.addWidget(self._edit)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self._edit.sizeHint().height())

    @property
    def location(self) -> Location | None:
        return self._location

    @property
    def editor(self) -> QLineEdit:
        return self._edit

    def set_location(self, location: Location | None) -> None:
        self._location = location
        self._rebuild()
        self.setCurrentWidget(self._crumbs)

    def start_editing(self) -> None:
        """Ctrl+L: the place as text, selected, ready to be typed over."""
        self._edit.setText(self._location.text() if self._location else "")
        self.setCurrentWidget(self._edit)
        self._edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._edit.selectAll()

    def crumb_buttons(self) -> list[QToolButton]:
        return self._crumbs.findChildren(QToolButton)

    def _rebuild(self) -> None:
        while (item := self._crumb_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        if self._location is None:
            self._crumb_layout.addWidget(QLabel(self.tr("No account selected"), self._crumbs))
        else:
            trail = self._location.crumbs()
            for position, (label, place) in enumerate(trail):
                if position:
                    separator = QLabel("\u203a", self._crumbs)  # a single right angle quote
                    separator.setEnabled(False)
                    self._crumb_layout.addWidget(separator)
                self._crumb_layout.addWidget(self._crumb(label, place, last=position == len(trail) - 1))
        self._crumb_layout.addStretch(1)

    def _crumb(self, label: str, place: Location, *, last: bool) -> QToolButton:
        button = QToolButton(self._crumbs)
        button.setText(display_text(label))
        button.setAutoRaise(True)
        button.setToolTip(display_text(place.text()))
        button.setAccessibleName(display_text(label))
        button.setAccessibleDescription(self.tr("Go to {place}").format(place=display_text(place.text())))
        if last:
            font = button.font()
            font.setBold(True)
            button.setFont(font)
        button.clicked.connect(lambda _checked=False, where=place: self.navigate.emit(where))
        return button

    def _typed(self) -> None:
        current = self._location.account if self._location else ""
        try:
            place = Location.parse(self._edit.text(), current, self.bookmarks())
        except ValueError as error:
            self.invalid.emit(str(error))
            return
        if not place.account:
            self.invalid.emit(self.tr("Type a place as account:container/folder/"))
            return
        self.setCurrentWidget(self._crumbs)
        self.navigate.emit(place)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._edit:
            if (
                isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Escape
            ):
                self.setCurrentWidget(self._crumbs)
                return True
            if event.type() == QEvent.Type.FocusOut and self.currentWidget() is self._edit:
                self.setCurrentWidget(self._crumbs)
        return super().eventFilter(watched, event)
