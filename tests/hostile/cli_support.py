"""``storebrowser-cli`` run in this process (as a script would, minus the start-up of a
new interpreter per call), with an account for the backend under test in a home of its
own: the accounts file, secrets file and journal of a real user, nothing shared with the
rest of the session."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from storebrowser.cli import main

SECRET_ENV = "SB_HOSTILE_SECRET"
#: The secret field of each kind the suite uses.
SECRET_FIELD = {"s3": "secret_access_key", "azure": "connection_string", "swift": "api_key"}


@dataclass(frozen=True)
class CliRun:
    code: int
    out: bytes
    err: str

    @property
    def text(self) -> str:
        return self.out.decode("utf-8")


def run_cli(*args: str) -> CliRun:
    """``storebrowser-cli ARGS``: exit code, stdout bytes (``cat`` writes bytes), stderr."""
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    stderr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse
            code = int(exit_.code or 0)
    stdout.flush()
    stderr.flush()
    return CliRun(code, out.getvalue(), err.getvalue().decode("utf-8"))


@contextlib.contextmanager
def cli_account(kind: str, settings: dict[str, Any], home: Path) -> Iterator[str]:
    """A user with one account, ``hostile``, for ``kind``/``settings``; yields its name."""
    with pytest.MonkeyPatch.context() as patch:
        for variable, sub in (
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_DATA_HOME", "data"),
            ("XDG_STATE_HOME", "state"),
            ("XDG_CACHE_HOME", "cache"),
        ):
            patch.setenv(variable, str(home / sub))
        secret_field = SECRET_FIELD.get(kind)
        args = ["accounts", "add", "hostile", "--kind", kind, "--secrets-in-file"]
        for name, value in settings.items():
            if name == secret_field:
                patch.setenv(SECRET_ENV, str(value))
                args += ["--secret-env", f"{name}={SECRET_ENV}"]
            else:
                args += ["--set", f"{name}={str(value).lower() if isinstance(value, bool) else value}"]
        added = run_cli(*args)
        assert added.code == 0, added.err
        patch.setenv("STOREBROWSER_ACCOUNT", "hostile")
        yield "hostile"


def one_clear_line(run: CliRun) -> str | None:
    """None when ``run`` failed as a person should see it: exit 1, one line, no traceback."""
    lines = run.err.strip().splitlines()
    if run.code != 1:
        return f"exit {run.code}, expected 1 ({run.err.strip()[:120]})"
    if len(lines) != 1 or "Traceback" in run.err:
        return f"stderr is not one line: {run.err[:200]!r}"
    return None


def files_under(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
