"""Composition root: parse arguments, build the services, start Qt.

The only module that knows concrete classes. ``--version`` and ``--help`` answer before
Qt, an SDK or platformdirs is imported, so they work even where Qt's system libraries
are missing (a frozen app on a bare server, a broken desktop).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from storebrowser import APP_NAME, __version__

DEFAULT_LOCAL_ACCOUNT = "Local files"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="storebrowser", description=f"{APP_NAME}: a desktop browser for object storage."
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PATH",
        help="render the main window to a PNG file once it shows content, then exit",
    )
    parser.add_argument(
        "--container", metavar="NAME", help="the container to open first (default: the first one)"
    )
    return parser.parse_args(argv)


def icon_path() -> Path | None:
    """The app icon as a file Qt can open, looked up as package data so that a wheel
    (pipx) and the frozen app find it as well as a source checkout does."""
    from importlib.resources import files

    icon = files("storebrowser.resources").joinpath("storebrowser.svg")
    return icon if isinstance(icon, Path) and icon.is_file() else None


def build_accounts() -> list[object]:
    """The accounts the window shows. Until account profiles land, the local folder
    under the platform's data dir is the one account (no I/O here: the provider creates
    its folder on first contact, on a worker)."""
    import platformdirs

    from storebrowser.providers.registry import get_kind
    from storebrowser.ui.tree_model import AccountEntry

    root = platformdirs.user_data_path(APP_NAME) / DEFAULT_LOCAL_ACCOUNT
    kind = get_kind("local")
    return [AccountEntry(DEFAULT_LOCAL_ACCOUNT, kind.open({"root": str(root)}), kind.label)]


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    from storebrowser.ui.application import run_gui

    return run_gui(
        build_accounts(),  # type: ignore[arg-type]
        icon_path=icon_path(),
        screenshot=args.screenshot,
        container=args.container,
    )


if __name__ == "__main__":
    sys.exit(main())
