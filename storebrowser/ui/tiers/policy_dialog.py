"""Storage Class… on Swift: a container's objects all live in the storage policy it was
created with, so objects change policy by a copy into a container of another policy (then,
for a move, the originals deleted). The dialog offers exactly that: the containers of the
account in other policies (``PolicyPlaces``, read on a worker), each named with its
policy, and whether the originals go."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storebrowser.providers.base import Provider

#: Containers looked up at most (a HEAD each: Swift's account listing names no policy).
MAX_CONTAINERS = 500


@dataclass(frozen=True, slots=True)
class PolicyPlaces:
    """Where the objects are, and the account's containers in other policies."""

    here: str
    policy: str | None
    #: (container, its policy), by policy then name.
    others: tuple[tuple[str, str], ...]
    #: More containers than were looked up.
    cut: bool = False


def policy_places(provider: Provider, container: str) -> PolicyPlaces:
    """On a worker: the policy of ``container`` and of every other container (one HEAD
    each, up to ``MAX_CONTAINERS``)."""
    names = [info.name for info in provider.list_containers()]
    here = provider.container_storage_class(container)
    looked = [name for name in names if name != container][:MAX_CONTAINERS]
    others = []
    for name in looked:
        policy = provider.container_storage_class(name)
        if policy and policy.lower() != (here or "").lower():
            others.append((name, policy))
    others.sort(key=lambda pair: (pair[1].lower(), pair[0]))
    return PolicyPlaces(container, here, tuple(others), cut=len(names) - 1 > MAX_CONTAINERS)


class PolicyMoveDialog(QDialog):
    def __init__(self, places: PolicyPlaces, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Storage Policy of {what}").format(what=what))
        intro = QLabel(self._intro(places, what), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.choices = QListWidget(self)
        self.choices.setObjectName("policyContainers")
        self.choices.setAccessibleName(self.tr("Containers of other storage policies"))
        for name, policy in places.others:
            item = QListWidgetItem(self.tr("{container} (storage policy {policy})").format(
                container=name, policy=policy), self.choices)  # fmt: skip
            item.setData(Qt.ItemDataRole.UserRole, name)
        self.delete_originals = QCheckBox(self.tr("Delete the originals once copied (a move)"), self)
        self.delete_originals.setObjectName("deleteOriginals")
        note = QLabel(self)
        note.setWordWrap(True)
        if not places.others:
            note.setText(self.tr(
                "No container of another storage policy yet: create one in the policy "
                "wanted (storebrowser-cli mb --class POLICY NAME), then come back."
            ))  # fmt: skip
        elif places.cut:
            note.setText(self.tr("The first {n} containers were looked at.").format(n=MAX_CONTAINERS))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.choices, 1)
        layout.addWidget(self.delete_originals)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.choices.currentItemChanged.connect(self._update)
        self.delete_originals.toggled.connect(self._update)
        if places.others:
            self.choices.setCurrentRow(0)
        self._update()
        self.resize(520, 420)

    def _intro(self, places: PolicyPlaces, what: str) -> str:
        policy = places.policy or self.tr("the default")
        return self.tr(
            "{what} in {container} live in its storage policy, {policy}: Swift keeps every object of "
            "a container in the policy the container was created with. To put them in another "
            "policy, they are copied (server-side, keys unchanged) into a container of that policy."
        ).format(what=what, container=places.here, policy=policy)

    def chosen(self) -> str | None:
        item = self.choices.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _update(self) -> None:
        self.ok_button.setEnabled(self.chosen() is not None)
        self.ok_button.setText(self.tr("Move") if self.delete_originals.isChecked() else self.tr("Copy"))
