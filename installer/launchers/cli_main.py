"""Frozen-app entry point of ``storebrowser-cli`` (PyInstaller needs a script file)."""

import sys

from storebrowser.cli import main

sys.exit(main())
