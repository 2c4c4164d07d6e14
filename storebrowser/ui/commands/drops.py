"""What drags and drops mean in the explorer (see ``ui.objects.dragdrop`` for the why):

- files and folders from a file manager dropped on the table upload into the current
  place (onto a folder row: into that folder); dropped on a container or folder of the
  tree, into that place; folders keep their structure; conflicts follow the policy; a
  drop uploads at once with the defaults, Alt-drop asks for the options first;
- objects dragged from the table (or a container/folder from the tree) onto another
  place of the same account are copied on the server (Shift: moved); onto another
  account, copied through the engine;
- objects dragged out onto the desktop are downloaded when the drop asks for them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from PySide6.QtCore import QMimeData, QModelIndex

from storebrowser import APP_NAME
from storebrowser.core.places import Location
from storebrowser.core.types import ObjectInfo
from storebrowser.transfers import JobSnapshot, State
from storebrowser.transfers.jobs import ConflictPolicy, JobKind, JobSpec
from storebrowser.transfers.sources import sources_problem
from storebrowser.ui.commands.operations import CommandGroup, Operations
from storebrowser.ui.commands.specs import download_spec
from storebrowser.ui.objects.dragdrop import (
    DRAG_OUT_COUNT,
    DraggedObjects,
    ObjectsMimeData,
    clean_staging,
    fits_outside,
)
from storebrowser.ui.objects.model import ObjectTableModel
from storebrowser.ui.objects.views import ObjectTableView, PlacesTreeView
from storebrowser.ui.places.tree_model import AccountTreeModel, NodeKind


def staging_root() -> Path:
    return platformdirs.user_cache_path(APP_NAME) / "drag"


@dataclass(frozen=True)
class DropSurfaces:
    """The views that take drops and start drags, and the models that say what is where."""

    table: ObjectTableView
    objects: ObjectTableModel
    tree: PlacesTreeView
    places: AccountTreeModel


class Drops(CommandGroup):
    def __init__(self, operations: Operations, surfaces: DropSurfaces, staging: Path | None = None) -> None:
        super().__init__(operations)
        self.surfaces = surfaces
        self.staging = staging or staging_root()
        surfaces.table.set_drag_handlers(self.table_mime, self.table_target)
        surfaces.tree.set_drag_handlers(self.tree_mime, self.tree_target)
        for view in (surfaces.table, surfaces.tree):
            view.filesDropped.connect(self.upload_dropped)
            view.objectsDropped.connect(self.copy_dropped)
        root = self.staging
        self.context.runner.run(lambda: clean_staging(root), lambda _result: None)

    # -- where a drop lands -----------------------------------------------------------

    def table_target(self, index: QModelIndex) -> Location | None:
        """A folder row takes the drop into itself; anywhere else, the current place."""
        here = self.places.location
        if here is None or here.is_account:
            return None
        if index.isValid():
            info = self.surfaces.objects.info(index.row())
            if info.is_prefix:
                return here.folder(info.key)
        return here

    def tree_target(self, index: QModelIndex) -> Location | None:
        model = self.surfaces.places
        if model.kind_at(index) in (NodeKind.CONTAINER, NodeKind.FOLDER):
            return model.location_at(index)
        return None

    # -- what a drag carries ----------------------------------------------------------

    def table_mime(self) -> QMimeData | None:
        here, selection = self.places.location, self.places.selection()
        if here is None or here.is_account or not selection.count:
            return None
        # Only a few may leave the app (``fits_outside``): an object each for those; for a
        # big selection the keys alone, read in bulk from the columns.
        objects = selection.infos() if selection.count <= DRAG_OUT_COUNT else []
        dragged = DraggedObjects(here.account, here.container, tuple(selection.keys()))
        if not fits_outside(objects):
            self.messages.show_status(
                self.tr(
                    "Folders and big selections drag only within the app; use Download To… to save them."
                ),
                8000,
            )
        return ObjectsMimeData(dragged, objects, self.staging, self.fetch_for_drop, self.context.parent)

    def tree_mime(self) -> QMimeData | None:
        model, index = self.surfaces.places, self.surfaces.tree.currentIndex()
        location = model.location_at(index)
        if location is None or location.is_account:
            return None
        key = location.prefix  # a container drags as its whole content ("")
        return ObjectsMimeData(
            DraggedObjects(location.account, location.container, (key,)), [], self.staging, None
        )

    def fetch_for_drop(
        self, objects: Sequence[ObjectInfo], folder: Path, done: Callable[[str | None], None]
    ) -> None:
        """Download ``objects`` into the staging ``folder`` through the engine, as one job
        (verified, renamed into place when complete); ``done(None)`` when every one arrived."""
        here = self.places.location
        if here is None:
            done("no place")
            return

        def finished(job: JobSnapshot) -> None:
            done(None if job.state is State.DONE else job.error or job.state.value)

        spec = download_spec(here.account, here.container, objects, folder, ConflictPolicy.OVERWRITE)
        if (problem := sources_problem(spec)) is not None:
            done(problem)  # the engine would refuse it: say so now, the drag waits for an answer
            return
        self.ops.jobs.submit(spec, when_finished=finished)
        self.messages.show_transfers()

    # -- drops ------------------------------------------------------------------------

    def upload_dropped(self, paths: list[Path], target: Location, with_options: bool = False) -> None:
        """At once with the defaults (types from the names, the conflict policy in force);
        with Alt held, the upload options first."""
        self.ops.upload_paths(paths, target, ask=with_options)

    def copy_dropped(self, dragged: DraggedObjects, target: Location, move: bool) -> None:
        """Server-side within an account, streamed between accounts (the engine decides)."""
        kind = JobKind.MOVE if move else JobKind.COPY
        jobs = []
        for key in dragged.keys:
            name = _dragged_name(dragged, key)
            same_account = dragged.account == target.account
            if same_account and dragged.container == target.container:
                if key == "" or (key.endswith("/") and target.prefix.startswith(key)):
                    self.messages.show_error(self.tr("{name} cannot go into itself.").format(name=name))
                    return
                if target.prefix + name == key:
                    continue  # dropped where it is already
            jobs.append(
                JobSpec(
                    kind,
                    dragged.account,
                    dragged.container,
                    key=key,
                    dst_account="" if same_account else target.account,
                    dst_container=target.container,
                    dst_key=target.prefix + name,
                    conflict=self.ops.conflict,
                )
            )
        refresh_target = self.ops.refresh_if_here(target)
        refresh_source = self.ops.refresh_if_here(Location(dragged.account, dragged.container))

        def after(job: JobSnapshot) -> None:
            refresh_target(job)
            if move:
                refresh_source(job)

        for spec in jobs:
            self.ops.submit(spec, after)


def _dragged_name(dragged: DraggedObjects, key: str) -> str:
    """The last segment of a key (``a/b/`` -> ``b/``); a whole container keeps its name."""
    if key == "":
        return dragged.container + "/"
    stripped = key[:-1] if key.endswith("/") else key
    tail = stripped.rsplit("/", 1)[-1]
    return tail + "/" if key.endswith("/") else tail
