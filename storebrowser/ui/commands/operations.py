"""What the explorer's actions do. Each handler asks what it needs (a name, a folder,
a confirmation), then runs the work on a worker or as an engine job, and shows the
change when the result arrives. Errors land in the window's message strip. What they work
with comes in a ``CommandContext``, never the window itself.

Paths and URLs for others are handed out by ``sharing``; the jobs' specs are made by ``specs``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from storebrowser.core.display import display_lines
from storebrowser.core.errors import InvalidName
from storebrowser.core.places import Location
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.base import Provider
from storebrowser.providers.registry import get_kind
from storebrowser.qtbridge.tasks import TaskResult
from storebrowser.table.selection import DeletePlan, Selection, delete_plan
from storebrowser.transfers import JobSnapshot, State
from storebrowser.transfers.jobs import ConflictPolicy, JobKind, JobSpec
from storebrowser.transfers.sending import upload_bytes
from storebrowser.ui.commands.context import CommandContext
from storebrowser.ui.commands.counting import count_objects
from storebrowser.ui.commands.dialogs import CopyToDialog, NameCheck, NameDialog, folder_name_problem
from storebrowser.ui.commands.placement import placement
from storebrowser.ui.commands.specs import (
    Made,
    copy_specs,
    delete_specs,
    download_spec,
    selection_download,
    upload_spec,
)
from storebrowser.ui.commands.upload_dialog import UploadDialog, UploadOptions, options_problem
from storebrowser.ui.format import human_size, number
from storebrowser.ui.properties.metadata_editor import MetadataEditor
from storebrowser.ui.transfers.jobs import JobQueue, WhenFinished


class Operations(QObject):
    """The work behind the explorer's actions (``handlers`` maps action names to it)."""

    def __init__(self, context: CommandContext) -> None:
        super().__init__(context.parent)
        self.context = context
        self.places = context.places
        self.messages = context.messages
        self.conflict = ConflictPolicy.ASK
        context.jobs.failed.connect(context.messages.show_error)

    @property
    def jobs(self) -> JobQueue:
        return self.context.jobs

    def handlers(self) -> dict[str, Callable[[], None]]:
        """What each action does, by action name."""
        return {
            "new_container": self.new_container,
            "delete_container": self.delete_container,
            "new_folder": self.new_folder,
            "upload_files": self.upload_files,
            "upload_folder": self.upload_folder,
            "upload_options": self.upload_with_options,
            "download": self.download,
            "delete": self.delete,
            "rename": self.rename,
            "copy_to": self.copy_to,
            "properties": self.properties,
        }

    # -- helpers ----------------------------------------------------------------------

    @property
    def location(self) -> Location | None:
        return self.places.location

    def run(self, account: str, work: Callable[[Provider], object], done: Callable[[object], None]) -> None:
        """``work(provider)`` on a worker, then ``done(value)`` here; errors to the strip."""
        pool = self.context.pool

        def finished(result: TaskResult[object]) -> None:
            if result.ok:
                done(result.value)
            else:
                self.messages.show_error(result.message())

        self.context.runner.run(lambda: work(pool.get(account)), finished)

    def _provider_kind(self, account: str) -> str:
        provider = self.context.pool.cached(account)
        return provider.kind if provider is not None else ""

    def submit(self, spec: JobSpec, after: Callable[[JobSnapshot], None] | None = None) -> None:
        self.jobs.submit(spec, when_finished=after)
        self.messages.show_transfers()

    def refresh_if_here(self, location: Location) -> Callable[[JobSnapshot], None]:
        """After a job changed ``location``: list it again if the window still shows it."""

        def after(job: JobSnapshot) -> None:
            here = self.location
            if here is not None and here.account == location.account and here.container == location.container:
                self.places.relist()
            self.places.reload_folders(location)
            if job.state is State.FAILED and job.error:
                self.messages.show_error(job.error)

        return after

    # -- containers -------------------------------------------------------------------

    def new_container(self) -> None:
        location = self.location
        if location is None:
            return
        kind = self._provider_kind(location.account)

        def problem(name: str) -> str | None:
            if not name:
                return self.tr("Type a name.")
            try:
                get_kind(kind).check_container_name(name) if kind else None
            except InvalidName as error:
                return str(error)
            return None

        label = self.tr("Name of the new container in {account}:").format(account=location.account)
        where = placement(self.context.pool.cached(location.account))
        chosen = ""
        if where is not None:
            answer = self.ask_name_and_region(self.tr("New Container"), label, problem, where.choices,
                                              choice_label=where.label)  # fmt: skip
            name, chosen = answer if answer is not None else (None, "")
        else:
            name = self.ask_name(self.tr("New Container"), label, problem, ok_text=self.tr("Create"))
        if name is None:
            return

        def created(_value: object) -> None:
            self.places.reload_containers(location.account)
            self.places.navigate(Location(location.account, name))
            self.messages.show_info(self.tr("Container {name} created.").format(name=name))

        make = where.create if where is not None else lambda p, new, _: p.create_container(new)
        self.run(location.account, lambda p: make(p, name, chosen), created)  # a region or policy, or none

    def delete_container(self) -> None:
        location, names = self.location, self.places.selected_containers()
        if location is None or len(names) != 1:
            return
        account, name = location.account, names[0]
        count_objects(
            self.context, account, name, lambda count: self._confirm_container_delete(account, name, count)
        )

    def _confirm_container_delete(self, account: str, name: str, count: tuple[int, int] | None) -> None:
        if count is None:
            return  # counting was cancelled
        objects, size = count
        if objects == 0:
            question = self.tr("Delete the empty container {name}?").format(name=name)
            button = self.tr("Delete Container")
        else:
            question = self.tr(
                "The container {name} holds {n} objects ({size}).\n\n"
                "Delete them all, then the container? This cannot be undone."
            ).format(name=name, n=number(objects), size=human_size(size))
            button = self.tr("Delete {n} Objects and the Container").format(n=number(objects))
        if not self.confirm(self.tr("Delete Container"), question, button):
            return

        def after(job: JobSnapshot) -> None:
            self.places.reload_containers(account)
            here = self.location
            if here is not None and (here.account, here.container) == (account, name):
                self.places.navigate(Location(account))
            if job.state is State.DONE:
                self.messages.show_info(self.tr("Container {name} deleted.").format(name=name))
            elif job.error:
                self.messages.show_error(job.error)

        self.submit(JobSpec(JobKind.DELETE, account, name, remove_container=True), after)

    # -- questions (tests answer these by replacing the methods) ------------------------

    def ask_name(
        self, title: str, label: str, check: NameCheck, *, text: str = "", ok_text: str = ""
    ) -> str | None:
        dialog = NameDialog(title, label, check, text=text, ok_text=ok_text, parent=self.context.parent)
        return dialog.name if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_name_and_region(
        self, title: str, label: str, check: NameCheck, regions: Sequence[str], choice_label: str = ""
    ) -> tuple[str, str] | None:
        dialog = NameDialog(title, label, check, ok_text=self.tr("Create"), regions=regions,
                            choice_label=choice_label, parent=self.context.parent)  # fmt: skip
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return (dialog.name, dialog.chosen_region or regions[0]) if accepted else None

    def ask_files(self, title: str) -> list[Path]:
        paths, _filter = QFileDialog.getOpenFileNames(self.context.parent, title)
        return [Path(p) for p in paths]

    def ask_folder(self, title: str) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self.context.parent, title)
        return Path(folder) if folder else None

    def ask_destination(
        self, containers: Sequence[str], location: Location, count: int
    ) -> tuple[str, str] | None:
        dialog = CopyToDialog(containers, location.container, location.prefix, count, self.context.parent)
        return dialog.destination() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_upload_options(self, paths: Sequence[Path], location: Location) -> UploadOptions | None:
        provider = self.context.pool.cached(location.account)
        dialog = UploadDialog(paths, location.text(), provider, conflict=self.conflict,
                              runner=self.context.runner, parent=self.context.parent)  # fmt: skip
        return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def show_dialog(self, dialog: QDialog) -> None:
        dialog.exec()

    def confirm(self, title: str, question: str, button: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, display_lines(question), QMessageBox.StandardButton.Cancel,
            self.context.parent,
        )  # fmt: skip
        box.setTextFormat(Qt.TextFormat.PlainText)  # the question quotes keys: never markup
        go = box.addButton(button, QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is go

    # -- objects ----------------------------------------------------------------------

    def new_folder(self) -> None:
        location = self.location
        if location is None or location.is_account:
            return
        name = self.ask_name(
            self.tr("New Folder"),
            self.tr("Name of the new folder in {place}:").format(place=location.text()),
            folder_name_problem,
            ok_text=self.tr("Create"),
        )
        if name is None:
            return
        key = location.prefix + name + "/"

        def created(_value: object) -> None:
            if self.location == location:
                self.places.show_listed(ObjectInfo(key, is_prefix=True))
            self.places.reload_folders(location)

        self.run(location.account, lambda p: upload_bytes(p, location.container, key, b""), created)

    def upload_files(self) -> None:
        self._upload_chosen(ask=False)

    def upload_with_options(self) -> None:
        """Files chosen, then their content type, metadata and conflict policy."""
        self._upload_chosen(ask=True)

    def _upload_chosen(self, *, ask: bool) -> None:
        location = self.location
        if location is None or location.is_account:
            return
        paths = self.ask_files(self.tr("Upload Files to {place}").format(place=location.text()))
        self.upload_paths(paths, location, ask=ask)

    def upload_folder(self) -> None:
        location = self.location
        if location is None or location.is_account:
            return
        folder = self.ask_folder(self.tr("Upload Folder to {place}").format(place=location.text()))
        if folder is not None:
            self.upload_paths([folder], location)

    def upload_paths(
        self,
        paths: Sequence[Path],
        location: Location,
        options: UploadOptions | None = None,
        *,
        ask: bool = False,
    ) -> None:
        """Files and folders into ``location``; a folder keeps its name and structure
        (as a file manager copies it). Used by the menus and by drops. Without
        ``options``: the defaults (types from the names, the conflict policy in force), or
        with ``ask`` what the upload dialog says. What they set is checked by the
        provider's rules before any job is queued. Several paths make one job (the
        engine tells files from folders on its worker); whether one path alone is a
        folder is looked up on a worker (a stat is disk I/O)."""
        if not paths:
            return
        if options is None:
            defaults = UploadOptions(conflict=self.conflict)
            options = self.ask_upload_options(paths, location) if ask else defaults
            if options is None:
                return
        problem = options_problem(self.context.pool.cached(location.account), options)
        if problem is not None:
            self.messages.show_error(problem)
            return
        after = self.refresh_if_here(location)
        if len(paths) > 1:  # one job for them all: one row, one bar, one pause or cancel
            sources = tuple(str(p) for p in paths)
            self.submit(upload_spec(JobKind.UPLOAD_MANY, location, options, sources=sources), after)
            return
        path, chosen = paths[0], options

        def submit(result: TaskResult[bool]) -> None:
            if result.value:
                folder_key = f"{location.prefix}{path.name}/"
                spec = upload_spec(JobKind.UPLOAD_FOLDER, location, chosen, key=folder_key, local=str(path))
            else:
                spec = upload_spec(JobKind.UPLOAD_FILE, location, chosen, local=str(path))
            self.submit(spec, after)

        self.context.runner.run(path.is_dir, submit)

    def download(self) -> None:
        location = self.location
        if location is None:
            return
        selection = self.places.selection()
        containers = [] if selection.count else self.places.selected_containers()  # the more specific wins
        if not selection.count and not containers:
            return
        folder = self.ask_folder(self.tr("Download To"))
        if folder is None:
            return
        if selection.count:
            self.download_selection(folder, location, selection)
        self.download_to(folder, location, [], containers)

    def download_selection(self, folder: Path, location: Location, selection: Selection) -> None:
        """One job, made on a worker, sized from the listing (no HEAD); all of the place: its prefix."""
        account, container, conflict = location.account, location.container, self.conflict
        if selection.prefix is not None and selection.count > 1:
            self.submit(JobSpec(JobKind.DOWNLOAD_PREFIX, account, container, key=selection.prefix,
                                local=str(folder), conflict=conflict, contents_only=True))  # fmt: skip
            return
        self.run_then_submit(lambda: [selection_download(account, container, selection, folder, conflict)])

    def run_then_submit(self, make: Callable[[], Made], after: WhenFinished | None = None) -> None:
        """Jobs made by ``make`` on a worker (from a selection's columns), then queued."""

        def made(result: TaskResult[Made]) -> None:
            if not result.ok or result.value is None:
                self.messages.show_error(result.message())
                return
            for spec, listed in result.value:
                self.jobs.submit(spec, when_finished=after, listed=listed)
            self.messages.show_transfers()

        self.context.runner.run(make, made)

    def download_to(
        self, folder: Path, location: Location, objects: Sequence[ObjectInfo], containers: Sequence[str] = ()
    ) -> None:
        account = location.account
        if objects:
            self.submit(download_spec(account, location.container, objects, folder, self.conflict))
        for name in containers:
            self.submit(
                JobSpec(
                    JobKind.DOWNLOAD_PREFIX,
                    account,
                    name,
                    key="",
                    local=str(folder / name),
                    conflict=self.conflict,
                )
            )

    def delete(self) -> None:
        """Asked from the selection's counts (no row read but a named one); the keys are
        read on a worker, and every row of the place is one job of its prefix."""
        location, selection = self.location, self.places.selection()
        if location is None or location.is_account or not selection.count:
            return
        question = self._delete_question(delete_plan(selection), location.container)
        if not self.confirm(self.tr("Delete"), question, self.tr("Delete")):
            return
        after = self.refresh_if_here(location)
        account, container = location.account, location.container
        if selection.prefix is not None and selection.count > 1:
            spec = JobSpec(JobKind.DELETE, account, container, key=selection.prefix, contents_only=True)
            self.submit(spec, after)
            return
        self.run_then_submit(lambda: delete_specs(account, container, selection), after)

    def _delete_question(self, plan: DeletePlan, container: str) -> str:
        parts = []
        if plan.objects:
            what = plan.only_object or self.tr("{n} objects").format(n=number(plan.objects))
            parts.append(f"{what} ({human_size(plan.size)})")
        if plan.folders:
            parts.append(
                self.tr("{n} folders with everything in them").format(n=number(plan.folders))
                if plan.folders > 1
                else self.tr("the folder {name} with everything in it").format(name=plan.only_folder)
            )
        return self.tr("Delete {what} from {container}? This cannot be undone.").format(
            what=self.tr(" and ").join(parts), container=container
        )

    def rename(self) -> None:
        location, objects = self.location, self.places.selected_objects()
        if location is None or len(objects) != 1:
            return
        info = objects[0]
        old = info.name.rstrip("/")
        name = self.ask_name(
            self.tr("Rename"),
            self.tr("New name for {name}:").format(name=info.name),
            folder_name_problem,
            text=old,
            ok_text=self.tr("Rename"),
        )
        if name is None or name == old:
            return
        head = info.key[: len(info.key) - len(info.name)]
        new_key = head + name + ("/" if info.is_prefix else "")
        self.submit(
            JobSpec(
                JobKind.MOVE,
                location.account,
                location.container,
                key=info.key,
                dst_container=location.container,
                dst_key=new_key,
                conflict=ConflictPolicy.SKIP,
            ),
            self.refresh_if_here(location),
        )

    def copy_to(self) -> None:
        location, selection = self.location, self.places.selection()
        if location is None or not selection.count:
            return
        containers = self.places.container_names(location.account)
        destination = self.ask_destination(containers, location, selection.count)
        if destination is None:
            return
        container, folder = destination
        after = self.refresh_if_here(Location(location.account, container, folder))
        account, source, conflict = location.account, location.container, self.conflict
        if selection.prefix is not None and selection.count > 1:  # every row: one job of the prefix
            self.submit(JobSpec(JobKind.COPY, account, source, key=selection.prefix, dst_container=container,
                                dst_key=folder, conflict=conflict, contents_only=True), after)  # fmt: skip
            return
        self.run_then_submit(
            lambda: copy_specs(account, source, selection, container, folder, conflict), after
        )

    def properties(self) -> None:
        """The metadata editor for the selected objects (folders are left out)."""
        location = self.location
        objects = [o for o in self.places.selected_objects() if not o.is_prefix]
        if location is None or location.is_account or not objects:
            return

        def edit(provider: Provider) -> None:
            context = self.context
            editor = MetadataEditor(
                context.runner, provider, location.account, location.container, objects,
                jobs=self.jobs, service=context.pool.description(location.account), parent=context.parent,
            )  # fmt: skip
            editor.applied.connect(lambda message: self._properties_saved(location, message))
            self.show_dialog(editor)

        self.places.with_provider(location.account, edit, place=location)

    def _properties_saved(self, location: Location, message: str) -> None:
        here = self.location
        if here is not None and (here.account, here.container) == (location.account, location.container):
            self.places.relist()
        self.messages.show_info(message)


class CommandGroup(QObject):
    """Commands that work beside ``operations``: on its context, asking their questions
    through it (tests answer them there), and its child (``operations.findChild``)."""

    def __init__(self, operations: Operations) -> None:
        super().__init__(operations)
        self.ops = operations
        self.context = operations.context
        self.places = operations.places
        self.messages = operations.messages
