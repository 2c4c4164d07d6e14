"""One window for a container's or an object's settings, a tab each: who can read it
first, then what the provider offers (CORS, lifecycle rules, the object's expiry,
encryption). A setting the provider lacks keeps its tab, which says why."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.display import display_text
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.ui.access.object_tabs import AskKey, EncryptionTab, ExpiryTab, KeepKey
from storebrowser.ui.access.panel import AccessPanel, Confirm, plain_label
from storebrowser.ui.access.rules_editor import PreflightBox, cors_editor, lifecycle_editor
from storebrowser.ui.notice import Level, Notice


def why_not(parent: QWidget, provider: Provider, capability: str) -> QWidget:
    """A tab that says why the provider cannot do this."""
    page = QWidget(parent)
    notice = Notice(page)
    reason = provider.capabilities.reason(capability) or f"{provider.describe()} does not offer it."
    notice.show_message(Level.INFO, reason[0].upper() + reason[1:])
    layout = QVBoxLayout(page)
    layout.addWidget(notice)
    layout.addStretch(1)
    return page


def scrolled(page: QWidget) -> QScrollArea:
    """A page whose explanations may outgrow the window: it scrolls rather than squeezing
    (a squeezed wrapped label loses its last lines)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area


class SettingsDialog(QDialog):
    """Signals:
    changed: something was changed (a sentence for the window's message strip).
    """

    changed = Signal(str)

    def __init__(self, runner: TaskRunner, provider: Provider, container: str, key: str | None, *,
                 confirm: Confirm, ask_key: AskKey, keep_key: KeepKey, first_key: str = "",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        subject = container if key is None else f"{container}/{key}"
        self.setWindowTitle(self.tr("Who Can Read {subject}?").format(subject=display_text(subject)))
        self.resize(720, 640)
        caps = provider.capabilities
        self.tabs = QTabWidget(self)
        if caps.access_control:
            self.access = AccessPanel(runner, provider, container, key, confirm, self)
            self.access.changed.connect(self.changed)
            self.tabs.addTab(scrolled(self.access), self.tr("Who Can Read This?"))
        else:
            self.tabs.addTab(why_not(self, provider, "access_control"), self.tr("Who Can Read This?"))
        if key is None:
            self._container_tabs(runner, provider, container, first_key)
        else:
            page = ExpiryTab(runner, provider, container, key, self) if caps.object_expiry else (
                why_not(self, provider, "object_expiry"))  # fmt: skip
            self.tabs.addTab(page, self.tr("Expiry"))
        self.tabs.addTab(EncryptionTab(runner, provider, container, key, ask_key, keep_key, self),
                         self.tr("Encryption"))  # fmt: skip
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def _container_tabs(self, runner: TaskRunner, provider: Provider, container: str, first_key: str) -> None:
        caps = provider.capabilities
        if caps.cors:
            page = QWidget(self)
            self.cors = cors_editor(runner, provider, container, page)
            self.cors.saved.connect(self.changed)
            layout = QVBoxLayout(page)
            layout.addWidget(self.cors, 1)
            self.preflight = PreflightBox(runner, provider, container, first_key, self.cors, page)
            layout.addWidget(self.preflight)
            self.tabs.addTab(page, self.tr("CORS"))
        else:
            self.tabs.addTab(why_not(self, provider, "cors"), self.tr("CORS"))
        if caps.lifecycle:
            page = QWidget(self)
            self.lifecycle = lifecycle_editor(runner, provider, container, page)
            self.lifecycle.saved.connect(self.changed)
            layout = QVBoxLayout(page)
            hint = self.tr("Objects under a prefix expire, or move to a colder class, a number of days "
                           "after they were created (S3 acts once a day, at midnight UTC).")  # fmt: skip
            layout.addWidget(plain_label(page, hint, muted=True))
            layout.addWidget(self.lifecycle, 1)
            self.tabs.addTab(page, self.tr("Lifecycle"))
        else:
            self.tabs.addTab(why_not(self, provider, "lifecycle"), self.tr("Lifecycle"))
