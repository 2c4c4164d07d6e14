"""Data files the running app needs (the icon), found through ``importlib.resources``.

They live inside the package, not in the top-level ``resources/`` folder, because that is
the one place a source checkout, an editable install, a wheel (pipx) and the frozen app
all have in common. ``resources/`` holds what only packaging needs (the .desktop file).
"""
