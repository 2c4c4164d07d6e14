"""Metadata set at upload: the options step of "Upload Files…"/"Upload Folder…" and of
drops. What it sets arrives on the server, read back through another client, per file:
the type each file's name suggests unless one is given for all, and the user metadata
of the whole upload, in one request or in parts."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from storebrowser.core.mime import guess_type
from storebrowser.core.places import Location
from storebrowser.core.properties import CONTENT_TYPE
from storebrowser.transfers.jobs import ConflictPolicy
from storebrowser.ui.commands.upload_dialog import UploadDialog, UploadOptions
from tests.ui.editing import (
    BACKENDS,
    Place,
    add_metadata,
    edit_cell,
    place_fixture,  # noqa: F401 - the fixture "place"
    type_into,
)
from tests.ui.test_operations import wait_jobs, wait_listed

MiB = 1024 * 1024


def _files(root: Path, big: int) -> list[Path]:
    (root / "album" / "inner").mkdir(parents=True)
    (root / "notes.txt").write_bytes(b"some notes")
    (root / "data.csv").write_bytes(b"a,b\n1,2\n")
    (root / "album" / "one.jpg").write_bytes(b"\xff\xd8\xff" + b"1" * 500)
    (root / "album" / "inner" / "two.md").write_bytes(b"# two")
    (root / "album" / "clip.mp4").write_bytes(b"\0" * big)  # in parts where the service has them
    return [root / "notes.txt", root / "data.csv", root / "album"]


KEYS = ("notes.txt", "data.csv", "album/one.jpg", "album/inner/two.md", "album/clip.mp4")


def _check_arrived(place: Place, prefix: str, content_type: str | None, metadata: dict[str, str]) -> None:
    caps = place.provider.capabilities
    for key in KEYS:
        raw = place.other.head(place.container, prefix + key)
        stored = dict(raw.metadata)
        kept_time = stored.pop("mtime", None)  # the file's modification time, as rclone keeps it
        # An upload in parts to S3 also keeps the file's MD5 as rclone does (its ETag is none).
        md5 = stored.pop(place.provider.rclone_md5_key, None) if place.provider.rclone_md5_key else None
        assert stored == (metadata if caps.user_metadata else {}), key
        if md5 is not None:  # the clip, all zeros (_files)
            size = place.provider.stat(place.container, prefix + key).size
            zeros_md5 = base64.b64encode(hashlib.md5(b"\0" * size).digest()).decode()
            assert key == "album/clip.mp4" and md5 == zeros_md5
        assert (kept_time is not None) == (caps.user_metadata and place.provider.mtime_style is not None), key
        wanted = content_type or guess_type(key)
        if place.backend == "local" and content_type is None:
            # Nothing is stored: the name says it, as it said at upload.
            assert CONTENT_TYPE not in raw.system, key
            assert place.provider.stat(place.container, prefix + key).content_type == wanted
        else:
            assert raw.system.get(CONTENT_TYPE) == wanted, key


@pytest.mark.parametrize("place", BACKENDS, indirect=True)
def test_content_type_and_metadata_set_at_upload_arrive(qtbot, place: Place, tmp_path: Path) -> None:
    provider = place.provider
    provider.multipart_threshold = provider.min_part_size  # clip.mp4 goes in two parts
    paths = _files(tmp_path / "up", provider.min_part_size + MiB)
    explorer, account = place.explorer, place.account
    place.open(qtbot)
    metadata = {"project": "apollo"} if provider.capabilities.user_metadata else {}

    # The default: each file's type from its name.
    explorer.operations.upload_paths(paths, Location(account, place.container),
                                     options=UploadOptions(metadata=metadata))  # fmt: skip
    wait_jobs(qtbot, explorer, 1)  # three files: one job
    _check_arrived(place, "", None, metadata)

    # One type for every file, into a folder.
    if provider.capabilities.content_type:
        options = UploadOptions("application/x-apollo", metadata, ConflictPolicy.OVERWRITE)
        explorer.operations.upload_paths(paths, Location(account, place.container, "typed/"), options=options)
        wait_jobs(qtbot, explorer, 2)
        _check_arrived(place, "typed/", "application/x-apollo", metadata)
    wait_listed(qtbot, explorer.window)


def test_upload_asks_for_options_and_refuses_bad_ones_before_queueing(
    qtbot, make_explorer, local_account, tmp_path: Path
) -> None:
    explorer = make_explorer()
    window, ops = explorer.window, explorer.operations
    window.navigate(Location("Local files", "photos"))
    wait_listed(qtbot, window)
    note = tmp_path / "n.txt"
    note.write_bytes(b"n")
    ops.ask_files = lambda _title: [note]
    asked: list[tuple[list[Path], Location]] = []

    def ask(paths, location):
        asked.append((list(paths), location))
        return None  # Cancel

    ops.ask_upload_options = ask
    # Upload with Options… (plain Upload Files asks nothing)
    window.explorer_actions["upload_options"].trigger()
    assert asked == [([note], Location("Local files", "photos"))]
    if window.pool.cached("Local files").capabilities.user_metadata:
        ops.upload_paths([note], window.location, options=UploadOptions(metadata={"k" * 201: "x"}))
        assert window.messages.isVisible() and "keys are 1-200 bytes" in window.messages.text
    ops.upload_paths([note], window.location, options=UploadOptions(content_type="not a type"))
    assert "write it as type/subtype" in window.messages.text
    explorer.runner.wait_idle()  # a job queued would be in the engine now
    assert not explorer.jobs.engine.snapshot().jobs


def test_the_upload_dialog_checks_what_it_sets(qtbot, runner, local_provider, tmp_path: Path) -> None:
    paths = [tmp_path / "notes.txt", tmp_path / "photo.jpg", tmp_path / "folder"]
    dialog = UploadDialog(
        paths, "Local files:photos/", local_provider, conflict=ConflictPolicy.ASK, runner=runner
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "notes.txt → text/plain" in dialog.guessed.text(), timeout=10_000)
    assert "photo.jpg → image/jpeg" in dialog.guessed.text()
    assert dialog.ok_button.isEnabled()
    assert dialog.options() == UploadOptions(None, {}, ConflictPolicy.ASK)

    dialog.fixed_button.click()
    assert not dialog.ok_button.isEnabled() and "Type the content type" in dialog.problem.text()
    type_into(qtbot, dialog.content_type, "not a type")
    assert not dialog.ok_button.isEnabled() and "write it as type/subtype" in dialog.problem.text()
    type_into(qtbot, dialog.content_type, "text/x-notes")
    assert dialog.ok_button.isEnabled(), dialog.problem.text()

    if local_provider.capabilities.user_metadata:
        add_metadata(qtbot, dialog, "k" * 201, "x")
        assert not dialog.ok_button.isEnabled() and "keys are 1-200 bytes" in dialog.problem.text()
        edit_cell(qtbot, dialog.table.view, dialog.model.index(0, 0), "project")
        assert dialog.ok_button.isEnabled(), dialog.problem.text()
    dialog.conflict.setCurrentIndex(dialog.conflict.findData(ConflictPolicy.RENAME))
    expected = {"project": "x"} if local_provider.capabilities.user_metadata else {}
    assert dialog.options() == UploadOptions("text/x-notes", expected, ConflictPolicy.RENAME)
