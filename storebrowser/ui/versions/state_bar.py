"""The line above a folder's versions that says whether its container keeps versions, and
offers to turn versioning on (saying what it costs) where it is off."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from storebrowser.core.types import VersioningState, VersioningStatus
from storebrowser.core.words import QT_TRANSLATE_NOOP

#: What each state means for a person; ``{reason}`` is the state's own sentence.
_SAYS = {
    VersioningStatus.ENABLED: QT_TRANSLATE_NOOP(
        "VersioningBar", "This container keeps versions: overwrites and deletes keep the earlier one."
    ),
    VersioningStatus.SUSPENDED: QT_TRANSLATE_NOOP("VersioningBar", "Versioning is suspended here: {reason}"),
    VersioningStatus.NEVER: QT_TRANSLATE_NOOP(
        "VersioningBar", "This container keeps no versions: an overwrite or a delete cannot be undone."
    ),
    VersioningStatus.SNAPSHOTS: QT_TRANSLATE_NOOP("VersioningBar", "{reason}"),
    VersioningStatus.UNSUPPORTED: QT_TRANSLATE_NOOP("VersioningBar", "No versions here: {reason}"),
}


class VersioningBar(QWidget):
    turnOnAsked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.turn_on = QPushButton(self.tr("Turn On Versioning…"), self)
        self.turn_on.clicked.connect(self.turnOnAsked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.turn_on)
        self.state: VersioningState | None = None
        self.setVisible(False)

    def show_state(self, state: VersioningState) -> None:
        self.state = state
        self.label.setText(self.tr(_SAYS[state.status]).format(reason=state.reason.rstrip(".") + "."))
        self.turn_on.setVisible(state.status in (VersioningStatus.NEVER, VersioningStatus.SUSPENDED))
        self.setVisible(True)
