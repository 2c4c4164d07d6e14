"""The accounts form's "Transfers" box: objects at once, parts per object and part size
for this account; 0 (shown as the kind's default) leaves a value to the kind."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from storebrowser.core.tuning import MAX_PART_MIB, MAX_PARTS, MAX_TRANSFERS, MiB, Tuning, checked
from storebrowser.providers.registry import ProviderKind


class TuningBox(QGroupBox):
    """Signals: changed: the person changed a value."""

    changed = Signal()

    def __init__(self, kind: ProviderKind, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Transfers"), parent)
        self.setObjectName("accountTuning")
        defaults = kind.tuning
        self.transfers = self._spin(MAX_TRANSFERS, self._default_text(defaults.transfers))
        self.parts = self._spin(MAX_PARTS, self._default_text(defaults.parts))
        own = (
            self.tr("The service's own")
            if defaults.part_size is None
            else self._default_text(defaults.part_size // MiB)
        )
        self.part_size = self._spin(MAX_PART_MIB, own)
        self.part_size.setSuffix(self.tr(" MiB"))
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = (
            (self.tr("Transfers at once:"), self.transfers,
             self.tr("Objects of this account moving at the same time")),
            (self.tr("Parts per object:"), self.parts,
             self.tr("Parts of one large object sent or fetched at the same time")),
            (self.tr("Part size:"), self.part_size,
             self.tr("Large objects move in parts of this size (at least the service's minimum)")),
        )  # fmt: skip
        for text, spin, tip in rows:
            label = QLabel(text, self)
            label.setBuddy(spin)
            spin.setAccessibleName(text.rstrip(":"))
            spin.setToolTip(tip)
            form.addRow(label, spin)

    def _default_text(self, value: int | None) -> str:
        return self.tr("Default ({value})").format(value=value) if value is not None else self.tr("Default")

    def _spin(self, maximum: int, default_text: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(0, maximum)  # 0 reads as "not set here": the kind's default
        spin.setSpecialValueText(default_text)
        spin.valueChanged.connect(self.changed)
        return spin

    def load(self, tuning: Tuning) -> None:
        self.transfers.setValue(tuning.transfers or 0)
        self.parts.setValue(tuning.parts or 0)
        self.part_size.setValue((tuning.part_size or 0) // MiB)

    def tuning(self) -> Tuning:
        """What the box shows (the spin boxes keep values within the engine's bounds)."""
        size = self.part_size.value()
        return checked(
            self.transfers.value() or None, self.parts.value() or None, size * MiB if size else None
        )
