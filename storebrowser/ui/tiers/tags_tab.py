"""The Tags tab of the Properties, beside the metadata (registered for a window in
``ui.properties.tabs`` by ``install_tags_tab``): the objects' tags edited with
``TagsEditor`` (the service's rules checked as typed), saved with their own button as
ONE ``SET_TAGS`` engine job for one object or many, followed in place (``JobProgress``:
objects done, each failure with the service's reason). Tags are not metadata: a service
stores them apart and changes them without touching the object (no new ETag), so they
are saved apart from the metadata's Review and Apply. Where the service keeps no tags
(Swift) the tab says why.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from storebrowser.transfers import JobSnapshot
from storebrowser.transfers.jobs import JobKind, JobSpec
from storebrowser.ui.properties.metadata_editor import MetadataEditor
from storebrowser.ui.properties.tabs import Shown, register_tab
from storebrowser.ui.tiers.tags_editor import TagsEditor
from storebrowser.ui.transfers.job_progress import JobProgress


class TagsTab(QWidget):
    def __init__(self, editor: MetadataEditor) -> None:
        super().__init__(editor)
        self.setObjectName("tagsTab")
        self.properties = editor
        provider, keys = editor.provider, [info.key for info in editor.listed]
        self.keys = keys
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.intro)
        self.editor: TagsEditor | None = None
        self._running = False
        self.progress = JobProgress(self)
        self.progress.hide()
        self.progress.finished.connect(self._finished)
        self.save_button = QPushButton(self.tr("Save Tags"), self)
        self.save_button.setObjectName("saveTags")
        if not provider.capabilities.object_tags:
            reason = provider.capabilities.reason("object_tags") or self.tr("This service keeps no tags.")
            self.intro.setText(reason)
            self.save_button.hide()
            layout.addStretch(1)
            return
        self.editor = TagsEditor(provider, editor.runner, editor.container, keys, parent=self)
        self.editor.changed.connect(self._check)
        self.intro.setText(self._intro())
        if not self.editor.single:
            self.save_button.setText(self.tr("Apply Tags to {n} Objects").format(n=len(keys)))
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self._check()

    def showEvent(self, event: QShowEvent) -> None:
        """The metadata's Review Changes… reviews metadata only: out of sight here."""
        self.properties.review_button.hide()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        if self.properties.pages.currentIndex() == 0:  # back on the metadata's edit page
            self.properties.review_button.show()
        super().hideEvent(event)

    def _intro(self) -> str:
        if self.editor is not None and self.editor.single:
            return self.tr(
                "Tags drive lifecycle rules and access policies. They are saved on their own "
                "(Save Tags), without changing the object."
            )
        return self.tr(
            "Each of the {n} objects gets the tags below and loses the keys to remove, and keeps "
            "its other tags; saved as one job (Apply Tags), without changing the objects."
        ).format(n=len(self.keys))

    def _check(self) -> None:
        ready = self.editor is not None and self.editor.problem_text() is None
        self.save_button.setEnabled(ready and not self._running)

    def save(self) -> None:
        """One SET_TAGS job for every object listed (one or many), followed here."""
        editor, jobs = self.editor, self.properties.jobs
        if editor is None or editor.problem_text() is not None:
            return
        if jobs is None:
            editor.problem.setText(self.tr("Saving tags needs the transfer queue."))
            return
        spec = JobSpec(JobKind.SET_TAGS, self.properties.account, self.properties.container,
                       sources=tuple(self.keys), tags=editor.edit())  # fmt: skip
        self._running = True
        self.progress.show()
        self.save_button.setEnabled(False)
        editor.setEnabled(False)
        self.progress.submit(jobs, spec)

    def _finished(self, job: JobSnapshot) -> None:
        if job.done:
            self.properties.applied.emit(self.tr("Tags of {n} objects saved.").format(n=job.done))
        self._running = False
        if self.editor is not None:
            self.editor.setEnabled(True)
            self.editor.reload()  # one object: its tags as they are now
        self._check()


def tags_tab(shown: Shown, parent: QWidget) -> tuple[str, QWidget] | None:
    editor = shown.editor
    if not isinstance(editor, MetadataEditor):
        return None
    return QCoreApplication.translate("TagsTab", "Tags"), TagsTab(editor)


def install_tags_tab(window: QWidget) -> None:
    """Properties opened over ``window`` gets the Tags tab."""
    register_tab(window, tags_tab)
