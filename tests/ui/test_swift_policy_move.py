"""Storage Class… on Swift (issue 21): a container's objects live in its storage policy,
so the window offers a copy (or a move) into a container of another policy, naming the
containers of the other policies of the account. On the all-in-one, which runs ``gold``
(the default) and ``silver``; read back with a second client."""

from __future__ import annotations

import contextlib
import io

from storebrowser.core.places import Location
from storebrowser.providers.base import Provider
from storebrowser.transfers import JobKind, State
from storebrowser.transfers.progress import JobSnapshot
from storebrowser.ui.tiers.policy_dialog import PolicyMoveDialog, PolicyPlaces
from tests.ui.servers import temporary_container, unique_name
from tests.ui.test_operations import pick, wait_listed
from tests.ui.test_tiers_window import WAIT, _tiers


def test_objects_move_to_a_container_of_another_policy(qtbot, make_explorer, swift_account) -> None:
    name, other = swift_account
    silver = unique_name()
    other.create_container_in_class(silver, "silver")
    with temporary_container(other) as gold, contextlib.ExitStack() as cleanup:
        cleanup.callback(other.delete_container, silver, force=True)
        for key in ("a.txt", "dir/b.txt", "keep.txt"):
            other.put_object(gold, key, io.BytesIO(key.encode()), size=len(key))
        explorer = make_explorer()
        window = explorer.window
        window.navigate(Location(name, gold))
        wait_listed(qtbot, window)
        asked: list[PolicyPlaces] = []

        def answer(places: PolicyPlaces, what: str) -> tuple[str, bool]:
            asked.append(places)
            return silver, True

        _tiers(explorer).ask_policy_move = answer  # type: ignore[method-assign]
        pick(qtbot, window, "a.txt", "dir/")
        action = window.explorer_actions["storage_class"]
        assert action.isEnabled(), action.toolTip()
        action.trigger()
        qtbot.waitUntil(lambda: bool(asked), timeout=WAIT)
        places = asked[0]
        assert places.here == gold and places.policy == "gold" and (silver, "silver") in places.others
        assert all(policy != "gold" for _container, policy in places.others)
        engine = explorer.jobs.engine
        assert engine is not None

        def moves() -> list[JobSnapshot]:
            return [job for job in engine.snapshot().jobs if job.kind is JobKind.MOVE]

        qtbot.waitUntil(lambda: len(moves()) == 2 and all(job.state.finished for job in moves()),
                        timeout=WAIT)  # fmt: skip
        assert all(job.state is State.DONE for job in moves())
        assert _keys(other, silver) == ["a.txt", "dir/b.txt"] and _keys(other, gold) == ["keep.txt"]
        assert other.container_storage_class(silver) == "silver"


def _keys(provider: Provider, container: str) -> list[str]:
    return sorted(info.key for info in provider.list_page(container, "", None).entries)


def test_the_dialog_names_the_policies_and_says_copy_or_move(qtbot) -> None:
    places = PolicyPlaces("photos", "gold", (("archive", "silver"), ("cold", "silver")))
    dialog = PolicyMoveDialog(places, "2 objects")
    qtbot.addWidget(dialog)
    assert dialog.choices.count() == 2 and dialog.choices.item(0).text() == "archive (storage policy silver)"
    assert dialog.chosen() == "archive" and dialog.ok_button.text() == "Copy"
    dialog.delete_originals.setChecked(True)
    assert dialog.ok_button.text() == "Move"
    empty = PolicyMoveDialog(PolicyPlaces("photos", "gold", ()), "1 object")
    qtbot.addWidget(empty)
    assert not empty.ok_button.isEnabled()


def test_new_container_is_made_in_the_storage_policy_chosen(qtbot, make_explorer, swift_account) -> None:
    """New Container… on Swift asks for a policy beside the name (the default first) and
    makes the container in the one chosen, read back with a second client."""
    name, other = swift_account
    explorer = make_explorer()
    window, ops = explorer.window, explorer.operations
    window.navigate(Location(name))
    qtbot.waitUntil(window.explorer_actions["new_container"].isEnabled, timeout=WAIT)
    asked: list[tuple[tuple[str, ...], str]] = []
    made = unique_name()

    def ask(
        _title: str, _label: str, _check: object, choices: tuple[str, ...], choice_label: str = ""
    ) -> tuple[str, str]:
        asked.append((tuple(choices), choice_label))
        return made, "silver"

    ops.ask_name_and_region = ask  # type: ignore[assignment,method-assign]
    window.explorer_actions["new_container"].trigger()
    qtbot.waitUntil(lambda: window.location == Location(name, made), timeout=WAIT)
    try:
        assert asked == [(("gold", "silver"), "Storage policy:")]
        assert other.container_storage_class(made) == "silver"
    finally:
        other.delete_container(made)
