"""Uploads ask no more than they must: a drop uploads at once with the defaults (types
from the names, the conflict policy in force); Alt-drop and File > Upload with Options…
ask first. A compressed file gets its compressed type. Against the Swift all-in-one."""

from __future__ import annotations

from pathlib import Path

from storebrowser.core.places import Location
from tests.ui.servers import temporary_container
from tests.ui.test_drag_drop import drop_on, empty_point, uri_list
from tests.ui.test_operations import wait_jobs, wait_listed


def test_a_drop_uploads_at_once_and_alt_asks_first(qtbot, make_explorer, swift_account, tmp_path) -> None:
    name, other = swift_account
    asked: list[list[Path]] = []

    def ask(paths, _location):
        asked.append(list(paths))
        return None  # the person cancels the options

    backup, dump = tmp_path / "backup.tar.gz", tmp_path / "dump.sql.gz"
    backup.write_bytes(b"\x1f\x8b\x08\x00tar")
    dump.write_bytes(b"\x1f\x8b\x08\x00sql")
    with temporary_container(other) as container:
        explorer = make_explorer()
        window, ops = explorer.window, explorer.operations
        ops.ask_upload_options = ask
        window.navigate(Location(name, container))
        wait_listed(qtbot, window)

        assert drop_on(window.table, empty_point(window.table), uri_list(backup, dump))
        wait_jobs(qtbot, explorer, 1)
        assert asked == []  # no options dialog for a plain drop
        for key in ("backup.tar.gz", "dump.sql.gz"):
            info = other.stat(container, key)
            assert info.content_type == "application/gzip", (key, info.content_type)

        assert drop_on(window.table, empty_point(window.table), uri_list(backup), alt=True)
        assert asked == [[backup]]

        ops.ask_files = lambda _title: [dump]
        window.explorer_actions["upload_options"].trigger()
        assert asked == [[backup], [dump]]
        assert "Upload with Options…" in [a.text() for a in window.menuBar().actions()[0].menu().actions()]
