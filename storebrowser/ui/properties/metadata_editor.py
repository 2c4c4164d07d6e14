"""The metadata editor: what one or several objects ARE, and a guarded edit of it.

Properties are read fresh (``get_properties`` on workers). The user edits system
properties the provider can set and a key/value table of user metadata; every change is
checked by the provider's own rules (no request) and shown as a diff before anything is
sent. One object is written on a worker with ``if_match`` = the ETag shown; several go as
one ``SET_PROPERTIES`` engine job, each object guarded by its own ETag. A stale ETag is
refused by the service and offered for reload, never overwritten.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.display import display_text
from storebrowser.core.errors import PreconditionFailed
from storebrowser.core.metadiff import MetadataEdit
from storebrowser.core.properties import CONTENT_TYPE, HTTP_HEADERS, SYSTEM_PROPERTIES, ObjectProperties
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.transfers import JobSnapshot
from storebrowser.transfers.jobs import JobKind, JobSpec
from storebrowser.ui.messagebar import Level, MessageBar
from storebrowser.ui.properties.editor_text import review_html, selection_facts
from storebrowser.ui.properties.metadata_model import (
    COMMON_TYPES,
    MetadataTable,
    MetadataTableModel,
    error_colour,
)
from storebrowser.ui.properties.selection import Selection
from storebrowser.ui.properties.tabs import Shown, with_tabs
from storebrowser.ui.transfers.job_progress import JobProgress
from storebrowser.ui.transfers.jobs import JobQueue

#: Properties read at the same time (the runner's pool is shared with the listing).
READS_IN_FLIGHT = 4
_EDIT, _REVIEW, _PROGRESS = range(3)


class MetadataEditor(QDialog):
    """Signals:
    applied(str): the edit was written (to some objects at least); a line for the window.
    """

    applied = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        provider: Provider,
        account: str,
        container: str,
        objects: Sequence[ObjectInfo],
        *,
        jobs: JobQueue | None = None,
        service: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``service`` names the service in messages (``describe()`` may do I/O, so the
        caller passes what it knows); ``jobs`` is needed for several objects."""
        super().__init__(parent)
        if not objects:
            raise ValueError("the editor needs at least one object")
        self.service = service or self.tr("This service")
        self.runner, self.provider, self.jobs = runner, provider, jobs
        self.account, self.container = account, container
        self.listed = list(objects)
        self.selection: Selection | None = None
        self._generation = 0
        self._edited_system: dict[str, str] = {}
        self._pending: tuple[MetadataEdit, dict[str, str]] | None = None
        self._edit = MetadataEdit()
        single = len(objects) == 1
        self.setWindowTitle(
            self.tr("Properties of {name}").format(name=objects[0].name)
            if single
            else self.tr("Properties of {n} Objects").format(n=len(objects))
        )
        self.messages = MessageBar(self)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(
            with_tabs(self._make_edit_page(), Shown(provider, account, container, objects, self), parent)
        )
        self.pages.addWidget(self._make_review_page())
        self.job = JobProgress(self)
        self.job.finished.connect(self._job_finished)
        self.pages.addWidget(self.job)
        # In reading order whatever the platform's button-box order: Back left of Apply.
        self.back_button = QPushButton(self.tr("Back"), self)
        self.review_button = QPushButton(self.tr("Review Changes…"), self)
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.close_button = QPushButton(self.tr("Cancel"), self)
        self.review_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        for button in (self.review_button, self.apply_button, self.close_button):
            buttons.addWidget(button)
        self.review_button.clicked.connect(self.review)
        self.back_button.clicked.connect(lambda: self._show_page(_EDIT))
        self.apply_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        layout.addWidget(self.title)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.model.edited.connect(self._revalidate)
        self.resize(620, 720)
        self._show_page(_EDIT)
        self.reload()

    # -- building ---------------------------------------------------------------------

    def _make_edit_page(self) -> QWidget:
        page = QWidget(self)
        facts = QGroupBox(self.tr("Object"), page)
        self.facts = QFormLayout(facts)
        system = QGroupBox(self.tr("System properties"), page)
        form = QFormLayout(system)
        caps = self.provider.capabilities
        self.system_fields: dict[str, QLineEdit] = {}
        for name in SYSTEM_PROPERTIES:
            field = QLineEdit(system)
            field.setObjectName(name)
            field.setClearButtonEnabled(True)
            if name not in caps.system_properties:
                field.setEnabled(False)
                field.setPlaceholderText(self.tr("cannot be set on this service"))
                field.setToolTip(
                    self.tr("{service} cannot set {header}.").format(
                        service=self.service, header=HTTP_HEADERS[name]
                    )
                )
            if name == CONTENT_TYPE:
                field.setCompleter(QCompleter(list(COMMON_TYPES), field))
            field.textEdited.connect(lambda text, name=name: self._system_edited(name, text))
            self.system_fields[name] = field
            form.addRow(HTTP_HEADERS[name] + ":", field)
        user = QGroupBox(self.tr("User metadata"), page)
        self.model = MetadataTableModel(self)
        self.table = MetadataTable(self.model, user)
        if not caps.user_metadata:
            self.table.setEnabled(False)
            self.table.setToolTip(
                self.tr("{service} does not store user metadata.").format(service=self.service)
            )
        box = QVBoxLayout(user)
        box.addWidget(self.table)
        self.problem = QLabel(page)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(facts)
        layout.addWidget(system)
        layout.addWidget(user, 1)
        layout.addWidget(self.problem)
        return page

    def _make_review_page(self) -> QWidget:
        page = QWidget(self)
        self.review_intro = QLabel(page)
        self.review_intro.setWordWrap(True)
        self.review_text = QTextBrowser(page)
        self.review_text.setObjectName("review")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.review_intro)
        layout.addWidget(self.review_text, 1)
        return page

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.review_button.setVisible(page == _EDIT)
        self.back_button.setVisible(page == _REVIEW)
        self.apply_button.setVisible(page == _REVIEW)
        self.close_button.setText(self.tr("Close") if page == _PROGRESS else self.tr("Cancel"))
        self.apply_button.setDefault(page == _REVIEW)
        self.review_button.setDefault(page == _EDIT)
        self._update_buttons()

    # -- reading ----------------------------------------------------------------------

    def reload(self) -> None:
        """Read every object's properties again; what was typed is kept on top."""
        self._generation += 1
        generation = self._generation
        self.selection = None
        self._set_editing_enabled(False)
        self.title.setText(self._title_text(len(self.listed)))
        self._set_problem(self.tr("Reading the properties…"), error=False)
        self._read_results: dict[str, ObjectProperties] = {}
        self._read_errors: dict[str, str] = {}
        self._queue = [info.key for info in self.listed]
        for _ in range(min(READS_IN_FLIGHT, len(self._queue))):
            self._read_next(generation)

    def _read_next(self, generation: int) -> None:
        if not self._queue:
            return
        key = self._queue.pop(0)
        provider, container = self.provider, self.container
        self.runner.run(
            lambda: provider.get_properties(container, key),
            lambda result: self._read(generation, key, result),
        )

    def _read(self, generation: int, key: str, result: TaskResult[ObjectProperties]) -> None:
        if generation != self._generation:
            return  # a reload started since; its reads count
        if result.ok and result.value is not None:
            self._read_results[key] = result.value
        else:
            self._read_errors[key] = result.message()
        done = len(self._read_results) + len(self._read_errors)
        if done < len(self.listed):
            if len(self.listed) > 1:
                self._set_problem(
                    self.tr("Reading the properties… {done} of {n}").format(done=done, n=len(self.listed)),
                    error=False,
                )
            self._read_next(generation)
            return
        self._all_read()

    def _all_read(self) -> None:
        found = [self._read_results[i.key] for i in self.listed if i.key in self._read_results]
        if self._read_errors:
            first_key, first = next(iter(self._read_errors.items()))
            text = first
            if len(self.listed) > 1:
                text = self.tr("{n} objects could not be read and are left out, e.g. {key}: {error}").format(
                    n=len(self._read_errors), key=first_key, error=first
                )
            self.messages.show_message(text, Level.ERROR, action=self.tr("Try Again"), callback=self.reload)
        if not found:
            self._set_problem("", error=False)
            return
        self.selection = Selection(found)
        self._show_selection(self.selection)
        self._set_editing_enabled(True)
        if self._pending is not None:
            edit, typed = self._pending
            self._pending = None
            self.model.apply_edit(edit)
            for name, text in typed.items():
                self.system_fields[name].setText(text)
                self._edited_system[name] = text
                self._mark_system(name)
            self.messages.show_message(
                self.tr("Reloaded: the object as it is now, with your changes on top. Review them again."),
                Level.WARNING,
            )
        self._revalidate()

    def _title_text(self, count: int) -> str:
        if len(self.listed) == 1:
            key, container = display_text(self.listed[0].key), display_text(self.container)
            return self.tr("{key} in {container}").format(key=key, container=container)
        return self.tr("{n} objects in {container}").format(n=count, container=display_text(self.container))

    def _show_selection(self, selection: Selection) -> None:
        self.title.setText(self._title_text(len(selection.objects)))
        while self.facts.rowCount():
            self.facts.removeRow(0)
        for label, fact in selection_facts(selection, self.tr):
            text = QLabel(fact, self)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setTextFormat(Qt.TextFormat.PlainText)
            self.facts.addRow(label + ":", text)
        self._edited_system.clear()
        various = self.tr("(various)")
        for name, field in self.system_fields.items():
            value = selection.system_value(name)
            field.setText(value or "")
            self._mark_system(name)
            placeholder = various if value is None else ""
            if name == CONTENT_TYPE and value is not None:
                placeholder = self.tr("empty: guessed from the name")
            field.setPlaceholderText(placeholder)
        self.model.load(selection.user_metadata())

    # -- editing ----------------------------------------------------------------------

    def _set_editing_enabled(self, enabled: bool) -> None:
        caps = self.provider.capabilities
        for name, field in self.system_fields.items():
            field.setEnabled(enabled and name in caps.system_properties)
        self.table.setEnabled(enabled and caps.user_metadata)
        self._update_buttons()

    def _system_edited(self, name: str, text: str) -> None:
        self._edited_system[name] = text
        self._mark_system(name)
        self._revalidate()

    def _mark_system(self, name: str) -> None:
        """Bold while the field holds a change (as the table's changed rows are)."""
        field = self.system_fields[name]
        typed = self._edited_system.get(name)
        changed = (
            self.selection is not None
            and typed is not None
            and bool(self.selection.system_edit({name: typed}))
        )
        font = field.font()
        font.setBold(changed)
        field.setFont(font)

    def current_edit(self) -> MetadataEdit | None:
        """The edit the widgets hold, or ``None`` when the table has a problem."""
        if self.selection is None or self.model.problem() is not None:
            return None
        user = self.model.edit()
        system = self.selection.system_edit(self._edited_system)
        return MetadataEdit(set_user=user.set_user, remove_user=user.remove_user, set_system=system)

    def _revalidate(self) -> None:
        self._edit = MetadataEdit()
        if self.selection is None:
            self._update_buttons()
            return
        problem = self.model.problem()
        edit = self.current_edit()
        if problem is None and edit is not None:
            problem = self.selection.problem(self.provider, edit)
            if problem is None:
                self._edit = edit
        if problem is not None:
            self._set_problem(problem, error=True)
        elif self._edit.empty:
            self._set_problem(self.tr("No changes yet."), error=False)
        else:
            self._set_problem("", error=False)
        self._update_buttons()

    def _set_problem(self, text: str, *, error: bool) -> None:
        self.problem.setText(text)
        self.problem.setProperty("error", error)
        palette = self.palette()
        if error:
            palette.setColor(self.problem.foregroundRole(), error_colour(palette))
        self.problem.setPalette(palette)

    @property
    def has_problem(self) -> bool:
        return bool(self.problem.property("error"))

    def _update_buttons(self) -> None:
        ready = self.selection is not None and not self._edit.empty and not self.has_problem
        self.review_button.setEnabled(ready)
        self.apply_button.setEnabled(ready)

    # -- review and apply -------------------------------------------------------------

    def review(self) -> None:
        """The confirmation step: every change that will be sent."""
        if self.selection is None or self._edit.empty or self.has_problem:
            return
        selection = self.selection
        count = len(selection.objects)
        self.review_lines = selection.review(self._edit)
        self.review_text.setHtml(review_html(self.review_lines, count, self.palette(), self.tr))
        if selection.single:
            intro = self.tr(
                "These changes go to {key}, only if it is still the object shown (ETag {etag})."
            ).format(key=selection.keys[0], etag=selection.objects[0].etag or "?")
            self.apply_button.setText(self.tr("Apply"))
        else:
            intro = self.tr(
                "These changes go to {n} objects as one job. Each is changed only if it is still "
                "the object shown (its ETag); keys not listed here stay as each object has them."
            ).format(n=count)
            self.apply_button.setText(self.tr("Apply to {n} Objects").format(n=count))
        self.review_intro.setText(intro)
        self._show_page(_REVIEW)

    def apply(self) -> None:
        if self.selection is None or self._edit.empty or self.has_problem:
            return
        if self.selection.single:
            self._apply_one(self.selection, self._edit)
        else:
            self._apply_many(self.selection, self._edit)

    def _apply_one(self, selection: Selection, edit: MetadataEdit) -> None:
        props = selection.objects[0]
        key, etag = props.info.key, props.etag
        provider, container = self.provider, self.container
        self.apply_button.setEnabled(False)
        self.back_button.setEnabled(False)
        self.review_intro.setText(self.tr("Saving…"))
        self.runner.run(
            lambda: provider.edit_properties(container, key, edit, if_match=etag),
            lambda result: self._applied_one(key, edit, result),
        )

    def _applied_one(self, key: str, edit: MetadataEdit, result: TaskResult[ObjectInfo]) -> None:
        self.back_button.setEnabled(True)
        if result.ok:
            self.applied.emit(self.tr("Properties of {key} saved.").format(key=key))
            self.accept()
            return
        if isinstance(result.error, PreconditionFailed):
            self._pending = (edit, dict(self._edited_system))
            self._show_page(_EDIT)
            self.messages.show_message(
                result.message(), Level.ERROR, action=self.tr("Reload"), callback=self.reload
            )
            return
        self.review_intro.setText("")
        self.apply_button.setEnabled(True)
        self.messages.show_message(result.message(), Level.ERROR)

    def _apply_many(self, selection: Selection, edit: MetadataEdit) -> None:
        if self.jobs is None:
            self.messages.show_message(self.tr("Several objects need the transfer queue."), Level.ERROR)
            return
        spec = JobSpec(
            JobKind.SET_PROPERTIES, self.account, self.container,
            keys=selection.keys, edit=edit, etags=selection.etags,
        )  # fmt: skip
        self._show_page(_PROGRESS)
        self.job.submit(self.jobs, spec)

    def _job_finished(self, job: JobSnapshot) -> None:
        if job.done:
            self.applied.emit(self.tr("Properties of {n} objects saved.").format(n=job.done))

    def done(self, result: int) -> None:
        self._generation += 1  # reads still under way are dropped
        self.job.stop()
        super().done(result)
