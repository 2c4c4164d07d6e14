"""The everyday workflows from the menus: back up a folder here (tar.gz streamed, no
temporary file), download all of a place, publish a folder as a website, and "Copy as
Command" for the line that does the same from a terminal. All on the same engine as
the CLI."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from storebrowser.core.equivalent import Request
from storebrowser.core.places import Location
from storebrowser.core.types import WebsiteConfig
from storebrowser.providers.registry import get_kind
from storebrowser.transfers import JobSnapshot, State
from storebrowser.transfers.jobs import JobKind, JobSpec
from storebrowser.transfers.tarstream import DEFAULT_BACKUP_NAME, TarStream, backup_name
from storebrowser.ui.commands.command_dialog import CommandDialog
from storebrowser.ui.commands.dialogs import folder_name_problem
from storebrowser.ui.commands.operations import CommandGroup
from storebrowser.ui.commands.publish_dialog import PublishDialog
from storebrowser.ui.format import human_size
from storebrowser.ui.messagebar import Level


class Workflows(CommandGroup):
    def handlers(self) -> dict[str, Callable[[], None]]:
        """What each action does, by action name."""
        return {
            "backup_here": self.backup_here,
            "download_all": self.download_all,
            "publish": self.publish,
            "copy_command": self.copy_command,
        }

    # -- backup -----------------------------------------------------------------------

    def backup_here(self) -> None:
        """A folder as tar.gz into the current place, archived while it uploads."""
        location = self.places.location
        if location is None or location.is_account:
            return
        folder = self.ops.ask_folder(
            self.tr("Back Up Which Folder into {place}?").format(place=location.text())
        )
        if folder is None:
            return
        default = backup_name(DEFAULT_BACKUP_NAME, folder, datetime.now())
        name = self.ops.ask_name(
            self.tr("Back Up Folder"),
            self.tr("Name of the backup object:"),
            folder_name_problem,
            text=default,
            ok_text=self.tr("Back Up"),
        )
        if name is None:
            return
        key = location.prefix + name
        stream = TarStream(folder)  # archives on its own thread as the upload reads it
        spec = JobSpec(
            JobKind.UPLOAD_STREAM,
            location.account,
            location.container,
            key=key,
            content_type="application/gzip",
        )
        refresh = self.ops.refresh_if_here(location)

        def after(job: JobSnapshot) -> None:
            refresh(job)
            if job.state is State.DONE:
                skipped = self.tr(" {n} unreadable files were left out.").format(n=len(stream.skipped))
                self.messages.show_message(
                    self.tr("Backup {key} stored: {size}, SHA-256 {sha}.").format(
                        key=key, size=human_size(stream.size), sha=stream.sha256
                    )
                    + (skipped if stream.skipped else ""),
                    Level.INFO,
                )
            stream.close()

        self.ops.jobs.submit(spec, when_finished=after, stream=stream.binary())

    # -- restore ----------------------------------------------------------------------

    def download_all(self) -> None:
        """Every object of the selected container (or the current place) into a folder,
        keeping the structure, verified, through the safe key-to-path mapping."""
        location = self.places.location
        if location is None:
            return
        containers = self.places.selected_containers()
        if containers:
            places = [Location(location.account, name) for name in containers]
        elif not location.is_account:
            places = [location]
        else:
            return
        folder = self.ops.ask_folder(self.tr("Download All To"))
        if folder is None:
            return
        for place in places:
            self.ops.jobs.submit(
                JobSpec(
                    JobKind.DOWNLOAD_PREFIX,
                    place.account,
                    place.container,
                    key=place.prefix,
                    local=str(folder / place.container),
                    conflict=self.ops.conflict,
                )
            )

    # -- website ----------------------------------------------------------------------

    def publish(self) -> None:
        location = self.places.location
        if location is None:
            return
        provider = self.context.pool.cached(location.account)
        if provider is None or not provider.capabilities.static_website:
            return
        kind = get_kind(provider.kind)  # a fixed website container (Azure's $web) comes with a note
        note = self.tr(kind.website_note) if kind.website_note else ""
        containers = self.places.container_names(location.account)
        chosen = self.places.selected_containers()
        dialog = PublishDialog(
            self.context.runner,
            containers,
            chosen[0] if chosen else location.container,
            fixed_container=kind.website_container,
            note=note,
            parent=self.context.parent,
        )
        if self.ask_publish(dialog) != QDialog.DialogCode.Accepted:
            return
        container, folder, index, error = dialog.values()
        self.start_publish(location.account, container, folder, index, error)

    def ask_publish(self, dialog: PublishDialog) -> int:
        return dialog.exec()

    def start_publish(
        self, account: str, container: str, folder: Path, index: str, error: str | None
    ) -> None:
        """Container first, then the website setting (fails fast where the server says
        no), then the upload; the URL shows when the upload is done."""
        config = WebsiteConfig(index, error)

        def prepare(provider: object) -> WebsiteConfig:
            from storebrowser.providers.base import Provider

            assert isinstance(provider, Provider)
            if container != get_kind(provider.kind).website_container:  # that one the website makes
                provider.ensure_container(container)
            return provider.set_website(container, config)

        def prepared(site: object) -> None:
            assert isinstance(site, WebsiteConfig)
            self.places.reload_containers(account)
            spec = JobSpec(JobKind.UPLOAD_FOLDER, account, container, key="", local=str(folder))
            self.ops.jobs.submit(spec, when_finished=lambda job: self._published(job, container, site))

        self.ops.run(account, prepare, prepared)

    def _published(self, job: JobSnapshot, container: str, site: WebsiteConfig) -> None:
        if job.state is not State.DONE:
            self.messages.show_error(job.error or self.tr("The site was not fully uploaded."))
            return
        if site.url:
            url = site.url
            self.messages.show_message(
                self.tr("{container} is published at {url}").format(container=container, url=url),
                Level.WARNING,
                action=self.tr("Copy URL"),
                callback=lambda: QGuiApplication.clipboard().setText(url),
            )
        else:
            self.messages.show_info(
                self.tr("{container} is published; the service shows its address in its console.").format(
                    container=container
                )
            )

    # -- the command line -------------------------------------------------------------

    def copy_command(self) -> None:
        self.ops.show_dialog(CommandDialog(self.requests(), self.context.parent))

    def requests(self) -> list[Request]:
        """What the selection would be on a command line: the likely actions for it."""
        location = self.places.location
        if location is None:
            return []
        account = self.places.account(location.account)
        if account is None:
            return []

        def make(
            action: str,
            container: str = location.container,
            *,
            keys: tuple[str, ...] = (),
            local: tuple[str, ...] = (),
        ) -> Request:
            return Request(
                action,
                account.name,
                account.kind,
                account.settings,
                container=container,
                prefix=location.prefix if container == location.container else "",
                keys=keys,
                local=local,
            )

        objects = self.places.selected_objects()
        downloads = (str(Path.home() / "Downloads"),)
        if objects:
            keys = tuple(o.key for o in objects)
            found = [make("get", keys=keys, local=downloads), make("rm", keys=keys)]
            if len(objects) == 1 and not objects[0].is_prefix:
                found.append(make("url", keys=keys))
            return found
        if location.is_account:
            names = self.places.selected_containers()
            if names:
                return [make("restore", names[0], local=downloads), make("rb", names[0])]
            return [make("ls")]
        return [make("ls"), make("restore", local=downloads), make("backup", local=(str(Path.home()),))]
