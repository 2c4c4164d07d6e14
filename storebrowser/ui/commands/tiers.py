"""Storage Class…, Restore from Archive… and Tags… for the objects and folders chosen:
each asks what to do in the service's words (``ui.tiers``), then queues ONE engine job
(a folder counts with everything under it, listed by the job on a worker). When the job
ends, the failures are offered by object with the service's reason, "Retry Failed" and
an export (``JobResultsDialog``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from storebrowser.core.display import display_text
from storebrowser.core.places import Location
from storebrowser.core.tags import TagEdit
from storebrowser.core.tiers import ClassScope, StorageClasses
from storebrowser.core.types import ObjectInfo
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.providers.base import Provider
from storebrowser.transfers import JobSnapshot, State
from storebrowser.transfers.jobs import JobKind, JobSpec
from storebrowser.ui.commands.operations import CommandGroup
from storebrowser.ui.format import number
from storebrowser.ui.messagebar import Level
from storebrowser.ui.tiers.dialogs import ClassDialog, RestoreDialog, selection_text
from storebrowser.ui.tiers.policy_dialog import PolicyMoveDialog, PolicyPlaces, policy_places
from storebrowser.ui.tiers.results import JobResultsDialog
from storebrowser.ui.tiers.tags_dialog import TagsDialog
from storebrowser.ui.words import TranslationContext

#: What a restore asks: days (S3), priority, the tier to go to (Azure).
RestoreChoice = tuple[int | None, str | None, str | None]


class Tiers(CommandGroup):
    def handlers(self) -> dict[str, Callable[[], None]]:
        return {
            "storage_class": self.storage_class,
            "restore_archive": self.restore_archive,
            "tags": self.tags,
        }

    # -- questions (tests answer these by replacing the methods) ------------------------

    def ask_class(
        self, classes: StorageClasses, what: str, current: str | None
    ) -> tuple[str, str | None] | None:
        dialog = ClassDialog(classes, what, current, self.context.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.storage_class(), dialog.chosen_priority()

    def ask_restore(self, classes: StorageClasses, what: str) -> RestoreChoice | None:
        dialog = RestoreDialog(classes, what, self.context.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen_days(), dialog.chosen_priority(), dialog.chosen_target()

    def ask_policy_move(self, places: PolicyPlaces, what: str) -> tuple[str, bool] | None:
        """Swift: the container of another policy to copy into, and whether it is a move."""
        dialog = PolicyMoveDialog(places, what, self.context.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
            return None
        return str(dialog.chosen()), dialog.delete_originals.isChecked()

    def ask_tags(self, provider: Provider, container: str, objects: Sequence[ObjectInfo]) -> TagEdit | None:
        keys = [o.key for o in objects if not o.is_prefix]
        folders = sum(1 for o in objects if o.is_prefix)
        dialog = TagsDialog(provider, self.context.runner, container, keys, _what(objects), folders=folders,
                            parent=self.context.parent)  # fmt: skip
        return dialog.edit() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def show_results(self, dialog: JobResultsDialog) -> None:
        dialog.exec()

    # -- the commands -------------------------------------------------------------------

    def storage_class(self) -> None:
        def start(provider: Provider, location: Location, objects: list[ObjectInfo]) -> None:
            classes = provider.storage_classes()  # described when it opened: no request
            if classes.scope is ClassScope.CONTAINER:
                self._policy_move(location, objects)
                return
            classes_now = {o.storage_class for o in objects if not o.is_prefix}
            current = classes_now.pop() if len(classes_now) == 1 else None
            answer = self.ask_class(classes, _what(objects), current)
            if answer is not None:
                wanted, priority = answer
                self._submit(location, objects, JobKind.SET_CLASS, storage_class=wanted, priority=priority)

        self._with_selection(start)

    def restore_archive(self) -> None:
        def start(provider: Provider, location: Location, objects: list[ObjectInfo]) -> None:
            answer = self.ask_restore(provider.storage_classes(), _what(objects))
            if answer is not None:
                days, priority, target = answer
                self._submit(location, objects, JobKind.RESTORE_ARCHIVED, days=days, priority=priority,
                             storage_class=target)  # fmt: skip

        self._with_selection(start)

    def tags(self) -> None:
        def start(provider: Provider, location: Location, objects: list[ObjectInfo]) -> None:
            edit = self.ask_tags(provider, location.container, objects)
            if edit is not None:
                self._submit(location, objects, JobKind.SET_TAGS, tags=edit)

        self._with_selection(start)

    def _policy_move(self, location: Location, objects: list[ObjectInfo]) -> None:
        """A class per container (Swift): copy (or move) into a container of another policy,
        keys unchanged; one job per object or folder chosen, as Copy To… makes."""

        def ask(value: object) -> None:
            assert isinstance(value, PolicyPlaces)
            answer = self.ask_policy_move(value, _what(objects))
            if answer is None:
                return
            target, move = answer
            kind = JobKind.MOVE if move else JobKind.COPY
            after = self.ops.refresh_if_here(location)
            for info in objects:
                self.ops.submit(JobSpec(kind, location.account, location.container, key=info.key,
                                        dst_container=target, dst_key=info.key, conflict=self.ops.conflict),
                                after)  # fmt: skip

        container = location.container
        self.ops.run(location.account, lambda provider: policy_places(provider, container), ask)

    # -- helpers ------------------------------------------------------------------------

    def _with_selection(self, start: Callable[[Provider, Location, list[ObjectInfo]], None]) -> None:
        location, objects = self.places.location, self.places.selected_objects()
        if location is None or location.is_account or not objects:
            return
        self.places.with_provider(location.account, lambda p: start(p, location, objects), place=location)

    def _submit(self, location: Location, objects: Sequence[ObjectInfo], kind: JobKind, **what: Any) -> None:
        """``what``: the JobSpec fields of this kind (storage class, restore days...)."""
        sources = tuple(dict.fromkeys(o.key for o in objects))
        spec = JobSpec(kind, location.account, location.container, sources=sources, **what)
        self.ops.submit(spec, self._finished(location, _what(objects)))

    def _finished(self, location: Location, what: str) -> Callable[[JobSnapshot], None]:
        def after(job: JobSnapshot) -> None:
            here = self.places.location
            if here is not None and (here.account, here.container) == (location.account, location.container):
                self.places.relist()
            failed = len(job.failed_items)
            if job.state is State.DONE:
                self.messages.show_info(_done_text(job, what))
            elif failed:
                text = self.tr("{failed} of {total} objects failed ({what}).").format(
                    failed=number(failed), total=number(len(job.items)), what=_job_words(job.kind)
                )

                def show_failures() -> None:
                    self.open_results(job, after)

                self.messages.show_message(
                    text, Level.ERROR, action=self.tr("Show Failures…"), callback=show_failures
                )
            elif job.error:
                self.messages.show_error(job.error)

        return after

    def open_results(self, job: JobSnapshot, after: Callable[[JobSnapshot], None]) -> JobResultsDialog:
        title = self.tr("Results: {what}").format(what=_job_words(job.kind))

        def retry() -> None:
            self.context.jobs.retry(job.id, when_finished=after)

        dialog = JobResultsDialog(job, title, self.context.runner, retry=retry, parent=self.context.parent)
        self.show_results(dialog)
        return dialog


def _what(objects: Sequence[ObjectInfo]) -> str:
    """What the dialogs and messages call the selection: a name shown escaped, or counts."""
    if len(objects) == 1:
        return display_text(objects[0].name or objects[0].key)
    folders = sum(1 for o in objects if o.is_prefix)
    return selection_text(len(objects) - folders, folders)


def _job_words(kind: JobKind) -> str:
    words = {
        JobKind.SET_CLASS: QT_TRANSLATE_NOOP("Tiers", "storage class change"),
        JobKind.RESTORE_ARCHIVED: QT_TRANSLATE_NOOP("Tiers", "restore from archive"),
        JobKind.SET_TAGS: QT_TRANSLATE_NOOP("Tiers", "tag change"),
    }
    return QCoreApplication.translate("Tiers", words[kind]) if kind in words else kind.value


class TierWords(TranslationContext):
    """The translation context of the words of finished tier jobs (as lupdate reads it)."""


def _done_text(job: JobSnapshot, what: str) -> str:
    n = len(job.items)
    if job.kind is JobKind.SET_CLASS:
        text = TierWords.tr("{what}: now in {storage_class} ({n} objects).", "", n)
    elif job.kind is JobKind.RESTORE_ARCHIVED:
        text = TierWords.tr(
            "{what}: restore asked for {n} archived objects; they can be read once it is done.", "", n
        )
    else:
        text = TierWords.tr("{what}: tags changed on {n} objects.", "", n)
    return text.format(what=what, storage_class=job.spec.storage_class, n=number(n))
