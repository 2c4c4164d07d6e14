"""The table of ``storebrowser-cli``'s commands, and the sub-command action that imports a
command's module only when the command is named.

The top-level parser lists the commands from this table alone. A command's module, and
all it imports (the engine, sync, find, versions, the providers and their SDKs), is
imported only when the command line names it, as git and rclone do: ``--help``,
``--version`` and a usage error import none of them, and a command imports its own.

To add a command: write it in its module's ``add_commands(commands)`` as the others are,
then add its line to ``COMMANDS`` below, where ``--help`` should list it, with the same
help text. tests/cli/test_cli_start.py fails, naming the line, when the two disagree.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    _SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]
else:  # not subscriptable at run time
    _SubParsers = argparse._SubParsersAction


class Command(NamedTuple):  # not a dataclass: dataclasses alone would double the parser's imports
    name: str
    #: The module whose ``add_commands`` builds this command's parser (and runs it).
    module: str
    #: Its line in ``storebrowser-cli --help``.
    help: str


_ACCOUNTS = "storebrowser.cli.accounts"
_OBJECTS = "storebrowser.cli.objects"
_TRANSFERS = "storebrowser.cli.transfers"
_TIERS = "storebrowser.cli.tiers"
_FIND = "storebrowser.cli.find"
_ACCESS = "storebrowser.cli.access"
_SETTINGS = "storebrowser.cli.container_settings"
_VERSIONS = "storebrowser.cli.versions"
_BOOKMARKS = "storebrowser.cli.bookmarks"
_EDIT = "storebrowser.cli.edit"
_SYNC = "storebrowser.cli.sync"

COMMANDS: tuple[Command, ...] = (
    Command("accounts", _ACCOUNTS, "manage accounts"),
    Command("ls", _OBJECTS, "list containers, or what CONTAINER[/FOLDER] holds"),
    Command("mb", _OBJECTS, "make a container"),
    Command("rb", _OBJECTS, "remove a container"),
    Command("cat", _OBJECTS, "write an object (or a byte range of it) to stdout"),
    Command("rm", _OBJECTS, "delete objects"),
    Command("cp", _OBJECTS, "copy an object (server-side within one account)"),
    Command("meta", _OBJECTS, "show or change an object's metadata"),
    Command("url", _OBJECTS, "a time-limited URL that works without credentials"),
    Command("put", _TRANSFERS, "upload files and folders"),
    Command("get", _TRANSFERS, "download objects (KEY/ for a whole folder) into a folder"),
    Command("restore", _TRANSFERS, "every object of a container or folder into a local folder"),
    Command("backup", _TRANSFERS, "stream a folder as tar.gz into a container, no temp file"),
    Command("publish", _TRANSFERS, "upload a folder and publish the container as a website"),
    Command("jobs", _TRANSFERS, "transfers that did not finish (kept in the journal)"),
    Command("class", _TIERS, "change the storage class (access tier) of objects"),
    Command("thaw", _TIERS, "restore archived objects (S3 Glacier, Azure Archive)"),
    Command("tags", _TIERS, "show or change the tags of objects (S3 tagging, Azure index tags)"),
    Command("classes", _TIERS, "the storage classes the account offers"),
    Command("find", _FIND, "every object below CONTAINER[/PREFIX] that matches, printed as found"),
    Command("du", _FIND, "objects and bytes below CONTAINER[/PREFIX], by sub-folder (and by storage class)"),
    Command("access", _ACCESS, "who can read a container or object without signing in; change it"),
    Command("cors", _SETTINGS, "show, set or clear a container's CORS rules; check a preflight"),
    Command("lifecycle", _SETTINGS, "show, set or clear a container's lifecycle rules"),
    Command(
        "expire",
        _SETTINGS,
        "when the server deletes an object by itself; have it delete one later "
        "(Swift; S3: a lifecycle rule for the prefix)",
    ),
    Command("encryption", _SETTINGS, "how an object is encrypted at rest, and the container's default"),
    Command("sse-key", _SETTINGS, "keep an SSE-C customer key for the account in the system keyring"),
    Command("versioning", _VERSIONS, "show whether a container keeps versions, or turn it on or off"),
    Command(
        "versions", _VERSIONS, "list versions and delete markers of CONTAINER[/PREFIX], newest first per key"
    ),
    Command("revert", _VERSIONS, "make an earlier version current again (server-side copy)"),
    Command(
        "undelete", _VERSIONS, "bring back deleted objects; with --as-of, bring a prefix back to a moment"
    ),
    Command("snapshot", _VERSIONS, "keep the current content of objects as a snapshot (Azure)"),
    Command(
        "bookmarks",
        _BOOKMARKS,
        "list, add, rename, remove bookmarks (use one as @NAME where a place is taken)",
    ),
    Command("edit", _EDIT, "edit an object in $VISUAL/$EDITOR and upload it back"),
    Command("check", _SYNC, "compare two places: exit 0 when the same, 1 when different, 2 on error"),
    Command("sync", _SYNC, "make RIGHT like LEFT (one way; deletes on the right only with --delete)"),
)


class LazyCommands(_SubParsers):
    """Sub-commands whose parsers are stand-ins (a name and a help line) until the command
    line names one: then its module is imported and its ``add_commands`` builds the real
    parsers of all its commands, which replace the stand-ins before parsing goes on."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: Command name -> the module that builds it, for commands not built yet.
        self._unbuilt: dict[str, str] = {}

    def add_table(self, table: Iterable[Command]) -> None:
        for command in table:
            self.add_parser(command.name, help=command.help)
            self._unbuilt[command.name] = command.module

    def build(self, name: str) -> None:
        """The real parsers of the module that has ``name``'s command (if not built yet)."""
        module = self._unbuilt.get(name)
        if module is None:
            return
        built: _SubParsers = argparse._SubParsersAction(
            option_strings=[], prog=self._prog_prefix, parser_class=self._parser_class
        )
        importlib.import_module(module).add_commands(built)
        self._name_parser_map.update(built._name_parser_map)
        self._unbuilt = {other: where for other, where in self._unbuilt.items() if where != module}

    def build_all(self) -> None:
        """Every command's real parser, as if all were named (for tests and tools that
        look at the whole command line)."""
        for name in list(self._unbuilt):
            self.build(name)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        if isinstance(values, list) and values:
            self.build(values[0])
        super().__call__(parser, namespace, values, option_string)
