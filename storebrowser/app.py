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
from typing import TYPE_CHECKING

from storebrowser import APP_NAME, __version__

if TYPE_CHECKING:
    from storebrowser.ui.application import Services


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="storebrowser", description=f"{APP_NAME}: a desktop browser for object storage."
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PATH",
        help="open the place given by --account/--container/--prefix, wait for the first page, "
        "render the main window to a PNG file and exit",
    )
    parser.add_argument("--account", metavar="NAME", help="the account to open (default: the first one)")
    parser.add_argument(
        "--container", metavar="NAME", help="the container to open first (default: the first one)"
    )
    parser.add_argument("--prefix", metavar="P", default="", help="a pseudo-folder in the container")
    parser.add_argument("--debug", action="store_true", help="log what happens to stderr (secrets masked)")
    parser.add_argument(
        "--color-scheme",
        choices=("system", "light", "dark", "high-contrast"),
        default="system",
        help="follow the desktop's light/dark (or high-contrast) setting (default) or force one",
    )
    parser.add_argument(
        "--language",
        metavar="CODE",
        choices=("en", "de", "fr"),
        help="the window's language: en, de or fr (default: the system's, else English)",
    )
    return parser.parse_args(argv)


def icon_path() -> Path | None:
    """The app icon as a file Qt can open, looked up as package data so that a wheel
    (pipx) and the frozen app find it as well as a source checkout does."""
    from importlib.resources import files

    icon = files("storebrowser.resources").joinpath("storebrowser.svg")
    return icon if isinstance(icon, Path) and icon.is_file() else None


def build_services() -> Services:
    """The concrete services the window runs on. Reads the accounts file and opens the
    journal (small files, before any window exists); no keyring, no network."""
    import platformdirs

    from storebrowser.accounts.bookmarks import BookmarkStore
    from storebrowser.accounts.pool import ProviderPool
    from storebrowser.accounts.startup import load_accounts_at_start
    from storebrowser.accounts.store import AccountStore
    from storebrowser.core.bandwidth import Bandwidth
    from storebrowser.transfers import Journal, TransferEngine
    from storebrowser.transfers.conflicts import AskCallback
    from storebrowser.ui.application import Services
    from storebrowser.ui.transfers.limit import saved_limits
    from storebrowser.ui.uistate import FILE_NAME, UiState

    store = AccountStore.default()
    startup = load_accounts_at_start(store)
    pool = ProviderPool(store)
    state_dir = platformdirs.user_state_path(APP_NAME)

    state = UiState.load(state_dir / FILE_NAME)
    bandwidth = Bandwidth(saved_limits(state))

    def make_engine(ask: AskCallback) -> TransferEngine:
        # The window's own journal: the CLI's jobs are not resumed by the window.
        journal = Journal(state_dir / "gui-transfers.sqlite3")
        return TransferEngine(pool, journal, ask=ask, bandwidth=bandwidth,
                              tuning=lambda name: store.get(name).transfer_tuning)  # fmt: skip

    return Services(
        store=store,
        startup=startup,
        pool=pool,
        make_engine=make_engine,
        ui_state=state,
        bookmarks=BookmarkStore.beside(store.path),
        bandwidth=bandwidth,
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    from storebrowser.accounts.logs import setup_logging

    setup_logging(args.debug)  # our warnings (everything with --debug), secrets masked
    from storebrowser.ui.application import StartOptions, run_gui

    options = StartOptions(
        screenshot=args.screenshot,
        account=args.account,
        container=args.container,
        prefix=args.prefix,
        color_scheme=args.color_scheme,
        icon_path=icon_path(),
        language=args.language,
    )
    return run_gui(build_services(), options)


if __name__ == "__main__":
    sys.exit(main())
