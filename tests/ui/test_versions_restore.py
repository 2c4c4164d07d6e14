"""Restore Folder to a Date… through the window against real servers (moto, the Swift
all-in-one): the plan is shown before anything changes, then applied as one engine job
(in the transfers panel, each key with its outcome); the folder equals its state at the
moment, read back with the SDKs; a container without versions offers to turn them on."""

from __future__ import annotations

import pytest

from storebrowser.core.places import Location
from storebrowser.core.types import VersioningStatus
from storebrowser.transfers.engine import TransferEngine
from storebrowser.transfers.jobs import JobKind, State
from storebrowser.transfers.journal import Journal
from storebrowser.ui.transfers.dialogs import offer_unfinished
from storebrowser.versions.plan import make_plan
from storebrowser.versions.restore import plan_spec
from tests.ui.servers import unique_name
from tests.ui.test_transfers_panel import open_panel  # noqa: F401 - a fixture
from tests.ui.transfers_support import click, find_box
from tests.ui.versions_support import WAIT, server_box, show_versions
from tests.versions.sdk_state import current_objects
from tests.versions.test_restore_servers import AT_THE_MOMENT, _history


@pytest.mark.parametrize("which", ["s3_moto", "swift"])
def test_a_folder_restored_to_a_date_through_the_window(qtbot, request, which: str, add_account,
                                                         make_explorer) -> None:  # fmt: skip
    with server_box(request, add_account, which) as box:
        other, container = box.other, box.container
        when = _history(other, container)
        before = current_objects(other, container, "f/", request)
        explorer = make_explorer()
        page = show_versions(qtbot, explorer, Location(box.account, container, "f/"))
        qtbot.waitUntil(lambda: page.state_bar.state is not None, timeout=WAIT)
        assert page.state_bar.state.status is VersioningStatus.ENABLED
        assert not page.state_bar.turn_on.isVisible()
        dialog = page.open_restore()
        assert dialog is not None and not dialog.restore.isEnabled()
        dialog.set_moment(when)
        dialog.make_plan()
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT)
        assert dialog.summary.text().endswith("Nothing has changed yet.")
        assert "2 come back, 3 go back to their content then, 2 deleted" in dialog.summary.text()
        assert dialog.table.rowCount() == 7
        assert current_objects(other, container, "f/", request) == before  # a plan changes nothing
        dialog.apply()
        qtbot.waitUntil(lambda: dialog.summary.text().startswith("Done"), timeout=WAIT)
        assert "7 objects restored" in dialog.summary.text()
        assert not dialog.restore.isEnabled()  # applied: a new plan first
        assert current_objects(other, container, "f/", request) == AT_THE_MOMENT
        # One job of the transfers panel, every key with its outcome.
        [job] = explorer.jobs.engine.snapshot().jobs
        assert (job.kind, job.state, job.done, job.total) == (JobKind.RESTORE_AS_OF, State.DONE, 7, 7)
        notes = {item.key: item.note for item in job.items}
        assert notes["f/deleted.txt"] == "brought back (delete marker removed)"
        assert notes["f/changed.txt"] == "back to its content then"
        assert notes["f/new.txt"] == "deleted (it did not exist then)"


def test_a_container_without_versions_offers_to_turn_them_on(
    qtbot, request, add_account, make_explorer
) -> None:
    with server_box(request, add_account, "s3_moto", versioned=False) as box:
        page = show_versions(qtbot, make_explorer(), Location(box.account, box.container))
        qtbot.waitUntil(lambda: page.state_bar.state is not None, timeout=WAIT)
        assert page.state_bar.state.status is VersioningStatus.NEVER
        assert page.state_bar.turn_on.isVisible()
        asked: list[str] = []
        page.confirm = lambda _title, question, _button: asked.append(question) or False
        page.state_bar.turn_on.click()
        assert "billed" in asked[0]  # what it costs is said before
        assert box.other.versioning_state(box.container).status is VersioningStatus.NEVER  # refused
        page.confirm = lambda *_args: True
        page.state_bar.turn_on.click()
        qtbot.waitUntil(lambda: page.state_bar.state.status is VersioningStatus.ENABLED, timeout=WAIT)
        assert box.other.versioning_state(box.container).status is VersioningStatus.ENABLED


def test_a_restore_left_in_the_journal_is_offered_and_resumed_by_the_window(qtbot, request, tmp_path) -> None:
    """A restore job queued by an earlier run that ended before it ran: the window's offer
    of unfinished transfers resumes it like any other, and the folder is then as at T."""
    provider = request.getfixturevalue("s3_moto_provider")
    make_panel = request.getfixturevalue("open_panel")
    container = unique_name()
    provider.create_container(container)
    provider.set_versioning(container, True)
    try:
        when = _history(provider, container)
        spec = plan_spec("acct", make_plan(provider, container, "f/", when))
        assert spec is not None
        journal_path = tmp_path / "previous.sqlite3"
        earlier = TransferEngine({"acct": provider}, Journal(journal_path), start=False)
        job = earlier.submit(spec)
        earlier.shutdown(pause_running=True, timeout=30)
        earlier.journal.close()
        panel = make_panel({"acct": provider}, journal_path=journal_path)
        offer_unfinished(panel.bridge, panel.window)
        click(find_box(qtbot, panel.window, "resumeOffer"), "resume")
        panel.wait_state(qtbot, job, State.DONE)
        assert current_objects(provider, container, "f/", request) == AT_THE_MOMENT
    finally:
        provider.delete_container(container, force=True)
