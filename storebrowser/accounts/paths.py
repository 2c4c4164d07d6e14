"""Where accounts live on disk, through platformdirs (XDG on Linux, AppData, Library)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "StoreBrowser"
ACCOUNTS_FILE_NAME = "accounts.toml"


def config_dir() -> Path:
    return platformdirs.user_config_path(APP_NAME)


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME)


def accounts_file() -> Path:
    return config_dir() / ACCOUNTS_FILE_NAME
