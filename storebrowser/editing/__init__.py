"""Open an object in the user's own app and upload it back when it was changed.

Qt-free. ``cache`` says where an opened object's local copy lives (a per-account folder
in the app's cache, the key mirrored through ``core.localpath``); ``state`` keeps what was
opened (ETag, size, hash of the local copy, metadata and content settings) in a small JSON
file; ``session`` holds the steps: plan an open (room on disk), the engine's download spec,
record what was opened, check a copy and upload it back on the condition that the object
is still the version opened, and settle a conflict. The window (``ui/editing``) and
``storebrowser-cli edit`` drive the same steps.
"""
