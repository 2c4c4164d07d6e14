"""The encryption an upload asks for: the container's default, or what the provider offers
(SSE-S3, SSE-KMS with a key id, SSE-C with the account's key from the keyring, an Azure
encryption scope). Its value is the ``--sse`` words a job keeps, never a key."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from storebrowser.core.capabilities import Capabilities
from storebrowser.core.encryption import EncryptionMode

#: What each mode needs typed beside it, if anything.
_NEEDS = {EncryptionMode.SSE_KMS: "Key id (empty: the default KMS key)", EncryptionMode.SCOPE: "Scope name"}


class EncryptionChoice(QWidget):
    def __init__(self, caps: Capabilities | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox(self)
        self.mode.setObjectName("encryption")
        self.mode.addItem(self.tr("The container's default"), None)
        offered = caps.upload_encryption if caps is not None else frozenset()
        for mode in EncryptionMode:
            if mode.value in offered:
                self.mode.addItem(self.tr(mode.label), mode)
        self.detail = QLineEdit(self)
        self.detail.setObjectName("encryptionDetail")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.mode)
        row.addWidget(self.detail, 1)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self._mode_changed()
        if caps is not None and not offered:
            self.mode.setEnabled(False)
            self.mode.setToolTip(caps.reason("upload_encryption") or "")

    def _mode_changed(self) -> None:
        mode = self.mode.currentData()
        needs = _NEEDS.get(mode)
        self.detail.setVisible(needs is not None)
        self.detail.setPlaceholderText(self.tr(needs) if needs else "")

    def value(self) -> str | None:
        """``s3``, ``kms[:KEY]``, ``c``, ``scope:NAME``; ``None`` for the default."""
        mode = self.mode.currentData()
        if mode is None:
            return None
        detail = self.detail.text().strip()
        if mode is EncryptionMode.SCOPE or (mode is EncryptionMode.SSE_KMS and detail):
            return f"{mode.value}:{detail}"
        return str(mode.value)
