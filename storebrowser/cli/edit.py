"""``storebrowser-cli edit [ACCOUNT:]CONTAINER/KEY``: download the object into the edit
cache (through the engine, verified), run ``$VISUAL``/``$EDITOR`` on it (split as a shell
would, run without one), and upload it back when the editor exits, if its content changed
and the object is still the version opened. A conflict asks on a terminal, or follows
``--on-conflict``; by default it fails and keeps the copy (the window lists it)."""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

from storebrowser.cli.context import Context, OperationFailed, UsageError, split_account, split_object
from storebrowser.cli.jobrun import run_jobs
from storebrowser.core.display import display_text
from storebrowser.editing.cache import EditCache, default_root
from storebrowser.editing.conflicts import Resolution, keep_as_copy, overwrite, set_mine_aside
from storebrowser.editing.session import (
    ChangedWhileOpening,
    Checked,
    OpenPlan,
    Outcome,
    check_back,
    download_spec,
    finish_open,
    plan_open,
    unsaved_copy,
)
from storebrowser.editing.state import EditState, OpenedFile, OpenedFiles
from storebrowser.providers.base import Provider
from storebrowser.transfers.jobs import State

CHOICES = ("copy", "overwrite", "theirs", "fail")
_OPEN_ATTEMPTS = 3


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    edit = commands.add_parser(
        "edit",
        help="edit an object in $VISUAL/$EDITOR and upload it back",
        description="Download an object, open it in $VISUAL or $EDITOR, and upload it back when the "
        "editor exits: only if its content changed, and only if nobody changed the object meanwhile "
        "(its metadata and content settings are kept).",
    )
    edit.add_argument("object", metavar="[ACCOUNT:]CONTAINER/KEY")
    edit.add_argument(
        "--on-conflict", choices=CHOICES, default=None,
        help="when the object changed on the server meanwhile: upload yours as a copy beside it, "
        "overwrite theirs, take theirs (yours is set aside), or fail (the default without a terminal)",
    )  # fmt: skip
    edit.set_defaults(run=cmd_edit)


def cmd_edit(ctx: Context, args: argparse.Namespace) -> None:
    account_name, location = split_account(args.object)
    container, key = split_object(location)
    editor = _editor_command()
    account = ctx.account(account_name).name
    provider = ctx.provider(account)
    cache = EditCache(default_root())
    store = OpenedFiles(cache.state_path)
    opened = _open(ctx, provider, cache, store, account, container, key)
    status = subprocess.run([*editor, opened.local], check=False).returncode
    if status != 0:
        store.put(opened.with_state(EditState.FAILED, f"The editor exited with status {status}."))
        raise OperationFailed(
            f"the editor exited with status {status}: nothing uploaded; your copy is kept at {opened.local}"
        )
    checked = check_back(provider, store, opened, ctx.bandwidth)
    if checked.outcome is Outcome.CONFLICT:
        checked = _settle(ctx, provider, cache, store, checked, args.on_conflict)
    _report(ctx, checked)
    if checked.outcome in (Outcome.FAILED, Outcome.CONFLICT):
        hint = (
            " Choose with --on-conflict copy|overwrite|theirs." if checked.outcome is Outcome.CONFLICT else ""
        )
        raise OperationFailed(checked.message + hint)
    if checked.opened.state is EditState.UPLOADED or (
        checked.outcome is Outcome.UNCHANGED and not checked.message
    ):
        _forget(store, checked.opened)  # on the server as it is here: the copy is not needed


def _editor_command() -> list[str]:
    text = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        words = shlex.split(text)
    except ValueError as error:
        raise UsageError(f"$VISUAL/$EDITOR {text!r} cannot be split into words: {error}") from None
    if not words:
        raise UsageError("$VISUAL/$EDITOR is empty: set it to your editor's command")
    return words


def _open(
    ctx: Context, provider: Provider, cache: EditCache, store: OpenedFiles, account: str, container: str,
    key: str,
) -> OpenedFile:  # fmt: skip
    kept = unsaved_copy(store, cache.local_path(account, container, key))
    if kept is not None:  # an earlier edit left work here (a conflict, a failed upload)
        print(display_text(f"Continuing with your copy {kept.local} (opened at ETag {kept.etag})."),
              file=sys.stderr)  # fmt: skip
        return kept
    for _ in range(_OPEN_ATTEMPTS):
        plan = plan_open(provider, cache, store, account, container, key)
        _download(ctx, plan)
        try:
            return finish_open(provider, plan, store)
        except ChangedWhileOpening:
            continue  # someone wrote while it came: fetch the new version
    raise OperationFailed(f"{container}/{key} keeps changing while it is downloaded; try again later")


def _download(ctx: Context, plan: OpenPlan) -> None:
    (job,) = run_jobs(ctx, [download_spec(plan)])
    if job.state is not State.DONE:
        why = job.error or next((i.error for i in job.failed_items if i.error), None) or job.state.value
        raise OperationFailed(f"{plan.container}/{plan.key}: the download failed: {why}")


def _settle(
    ctx: Context, provider: Provider, cache: EditCache, store: OpenedFiles, checked: Checked,
    choice: str | None,
) -> Checked:  # fmt: skip
    choice = choice or _ask(checked.opened)
    if choice == Resolution.COPY.value:
        return keep_as_copy(provider, store, checked.opened, ctx.bandwidth)
    if choice == Resolution.OVERWRITE.value:
        return overwrite(provider, store, checked.opened, ctx.bandwidth)
    if choice == Resolution.THEIRS.value:
        return _take_theirs(ctx, provider, cache, store, checked.opened)
    return checked


def _ask(opened: OpenedFile) -> str:
    """On a terminal: which way; without one (a script): fail."""
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        return "fail"
    sys.stderr.write(display_text(opened.note) + "\n")
    sys.stderr.write("[c] keep yours as a copy beside it, [o] overwrite theirs, [t] take theirs "
                     "(yours is set aside), [f] fail: ")  # fmt: skip
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().lower()[:1]
    return {"c": "copy", "o": "overwrite", "t": "theirs"}.get(answer, "fail")


def _take_theirs(
    ctx: Context, provider: Provider, cache: EditCache, store: OpenedFiles, opened: OpenedFile
) -> Checked:
    aside = set_mine_aside(opened)
    theirs = _open(ctx, provider, cache, store, opened.account, opened.container, opened.key)
    note = f"Took theirs into {theirs.local}; your version is kept at {aside}."
    taken = theirs.with_state(EditState.OPEN, note)
    store.put(taken)
    return Checked(Outcome.UNCHANGED, taken)


def _report(ctx: Context, checked: Checked) -> None:
    opened = checked.opened
    note = opened.note or ("unchanged: nothing uploaded" if checked.outcome is Outcome.UNCHANGED else "")
    value: dict[str, Any] = {
        "container": opened.container, "key": opened.key, "local": opened.local,
        "outcome": checked.outcome.value, "etag": opened.etag, "theirs_etag": opened.theirs,
        "guard": checked.guard or None, "note": note,
    }  # fmt: skip
    if checked.outcome in (Outcome.FAILED, Outcome.CONFLICT) and not ctx.json:
        return  # the error line says it
    ctx.emit(value, lambda v: f"{v['container']}/{v['key']}: {v['note'] or v['outcome']}")


def _forget(store: OpenedFiles, opened: OpenedFile) -> None:
    store.remove(opened.local)
    Path(opened.local).unlink(missing_ok=True)
