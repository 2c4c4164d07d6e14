"""``storebrowser-cli`` starts light: its parser is built from the commands' table alone,
and a command's module (with the engine, sync, find, the providers and their SDKs) is
imported only when the command line names it. The table and the modules agree.

Start times are measured in bench/cli_start.py; here only what is imported is checked."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from storebrowser.cli.app import build_parser
from storebrowser.cli.commands import COMMANDS, LazyCommands

#: Never imported to parse: the SDKs, Qt, and the layers below the command line.
HEAVY = (
    "boto3",
    "botocore",
    "azure",
    "swiftclient",
    "keystoneauth1",
    "PySide6",
    "storebrowser.accounts",
    "storebrowser.providers",
    "storebrowser.transfers",
    "storebrowser.find",
    "storebrowser.sync",
    "storebrowser.versions",
    "storebrowser.editing",
)


def _imported_by(cli_env: dict[str, str], *args: str) -> tuple[int, list[str]]:
    """The exit code of ``storebrowser-cli ARGS`` run in a new process, and the modules it
    had imported by then."""
    probe = (
        "import sys\n"
        "from storebrowser.cli import main\n"
        "try:\n"
        f"    code = main({list(args)!r})\n"
        "except SystemExit as done:\n"
        "    code = done.code\n"
        "print(code)\n"
        "print(*sorted(sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], env=cli_env, capture_output=True, text=True, timeout=60
    )
    code, modules = done.stdout.strip().splitlines()[-2:]
    return int(code), modules.split()


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if m.startswith(HEAVY)]


SDKS_AND_QT = ("boto3", "botocore", "azure", "swiftclient", "keystoneauth1", "PySide6")


@pytest.mark.parametrize("args", [("--help",), ("--version",), ("no-such-command",), ("--json",)])
def test_help_version_and_usage_errors_import_no_sdk_and_no_command(
    cli_env: dict[str, str], args: tuple[str, ...]
) -> None:
    code, modules = _imported_by(cli_env, *args)
    assert code == (0 if args[0] in ("--help", "--version") else 2)
    assert not _heavy(modules), _heavy(modules)
    assert not [m for m in modules if m in {c.module for c in COMMANDS}]


@pytest.mark.parametrize(
    "args", [("ls", "--help"), ("accounts", "add", "--help"), ("--json", "accounts", "list")]
)
def test_a_command_imports_no_sdk_and_not_the_commands_it_does_not_use(
    cli_env: dict[str, str], args: tuple[str, ...]
) -> None:
    code, modules = _imported_by(cli_env, *args)
    assert code == 0
    assert not [m for m in modules if m.startswith(SDKS_AND_QT)]
    unrelated = ("storebrowser.cli.sync", "storebrowser.cli.edit", "storebrowser.cli.find")
    unrelated += ("storebrowser.sync", "storebrowser.editing")
    assert not [m for m in modules if m.startswith(unrelated)]


@pytest.mark.parametrize("args", [("ls",), ("--json", "accounts", "list")])
def test_a_command_that_runs_no_job_loads_no_engine_and_no_http_client(
    cli_env: dict[str, str], args: tuple[str, ...]
) -> None:
    code, modules = _imported_by(cli_env, *args)
    assert code == 0
    needless = ("storebrowser.transfers.engine", "storebrowser.providers.probe", "http.client")
    assert not [m for m in modules if m in needless]


def _subcommands(parser: argparse.ArgumentParser) -> LazyCommands:
    return next(a for a in parser._actions if isinstance(a, LazyCommands))


def test_the_table_lists_every_command_its_module_builds_with_the_same_help() -> None:
    """A command added to a module but not to COMMANDS (or the other way round), or a help
    line changed in one place only, fails here: --help lists the table."""
    commands = _subcommands(build_parser(every_command=True))
    built = set(commands._name_parser_map)
    assert built == {c.name for c in COMMANDS}, "add the command to COMMANDS in storebrowser/cli/commands.py"
    for command in COMMANDS:
        module_only: argparse._SubParsersAction[argparse.ArgumentParser] = argparse._SubParsersAction(
            option_strings=[], prog="storebrowser-cli", parser_class=argparse.ArgumentParser
        )
        __import__(command.module, fromlist=["add_commands"]).add_commands(module_only)
        helps = {action.dest: action.help for action in module_only._choices_actions}
        assert command.name in helps, f"{command.name} is not built by {command.module}"
        assert helps[command.name] == command.help, f"the help of {command.name} differs from its module's"


def test_the_lazy_parser_parses_as_the_one_with_every_command_built() -> None:
    lines = [
        ["ls", "box", "--recursive"],
        ["--json", "-a", "x", "put", "a.txt", "box/"],
        ["accounts", "add", "n", "--kind", "local", "--set", "root=/tmp"],
        ["sync", "a:b", "c:d", "--delete"],
        ["bookmarks"],
    ]
    for line in lines:
        lazy, eager = build_parser().parse_args(line), build_parser(every_command=True).parse_args(line)
        assert vars(lazy) == vars(eager)
    lazy_help, eager_help = build_parser().format_help(), build_parser(every_command=True).format_help()
    assert lazy_help == eager_help


def test_a_check_loads_no_engine_journal_or_transfer_commands(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    """A check (here of two local folders: no account needed) compares and exits: the
    engine, the journal and the transfer commands are a sync's, loaded when it runs a job;
    the plan (and the transfer jobs it is made into) a sync's too."""
    for side in ("left", "right"):
        (tmp_path / side).mkdir()
        (tmp_path / side / "same.txt").write_bytes(b"same")
        os.utime(tmp_path / side / "same.txt", ns=(1_000_000_000, 1_000_000_000))
    code, modules = _imported_by(cli_env, "check", str(tmp_path / "left"), str(tmp_path / "right"))
    assert code == 0
    needless = {"storebrowser.transfers.engine", "storebrowser.transfers.journal"}
    needless |= {"storebrowser.cli.transfers", "storebrowser.sync.plan"}
    assert not [m for m in modules if m in needless or m.startswith("storebrowser.transfers")]
