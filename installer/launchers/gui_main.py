"""Frozen-app entry point of the windowed program (PyInstaller needs a script file)."""

import sys

from storebrowser.app import main

sys.exit(main())
