"""A worker's ``step_aside`` waits while the GUI thread paints, and only then."""

from __future__ import annotations

import threading

from storebrowser.core.gui_turn import GuiTurn

#: Longer than any test runs: a worker that stepped aside waits for the paint's end.
FOREVER = 600.0


def _worker(turn: GuiTurn) -> tuple[threading.Thread, threading.Event, threading.Event]:
    """A thread that steps aside once; ``reached`` before, ``passed`` after."""
    reached, passed = threading.Event(), threading.Event()

    def run() -> None:
        reached.set()
        turn.step_aside()
        passed.set()

    return threading.Thread(target=run, daemon=True), reached, passed


def test_a_worker_waits_while_the_gui_paints_and_goes_on_when_it_is_done() -> None:
    turn = GuiTurn(max_wait=FOREVER)
    with turn.painting():
        assert turn.busy
        worker, reached, passed = _worker(turn)
        worker.start()
        assert reached.wait(10)
        assert not passed.wait(0.05)  # still waiting: the paint is not over
    assert not turn.busy
    assert passed.wait(10)
    worker.join(10)


def test_nested_paints_end_with_the_outer_one() -> None:
    turn = GuiTurn(max_wait=FOREVER)
    with turn.painting():
        with turn.painting():
            pass
        assert turn.busy
        worker, reached, passed = _worker(turn)
        worker.start()
        assert reached.wait(10)
        assert not passed.wait(0.05)
    assert passed.wait(10)
    worker.join(10)


def test_a_paint_that_fails_still_ends() -> None:
    turn = GuiTurn(max_wait=FOREVER)
    try:
        with turn.painting():
            raise RuntimeError("a paint failed")
    except RuntimeError:
        pass
    assert not turn.busy
    turn.step_aside()  # returns at once: nothing paints


def test_a_worker_waits_no_longer_than_its_limit_for_a_paint_that_does_not_end() -> None:
    turn = GuiTurn(max_wait=0.01)
    with turn.painting():
        worker, _reached, passed = _worker(turn)
        worker.start()
        assert passed.wait(10)  # a window that paints without pause slows a listing, never stops it
        worker.join(10)
