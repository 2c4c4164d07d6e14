"""The transfers panel's limit fields and the accounts form's Transfers box: what is
typed reaches the engine's limit and the accounts file; bad input is one line. Pictures of
both, light and dark, go to ``$STOREBROWSER_SHOTS`` when set."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from storebrowser.accounts.store import AccountStore
from storebrowser.core.bandwidth import Bandwidth, Limits, Schedule
from storebrowser.core.tuning import MiB, Tuning
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.ui.transfers.limit import STATE_KEY, LimitControl, saved_limits
from storebrowser.ui.uistate import UiState
from tests.ui.accounts_support import dark_palette, fill, open_dialog, save_and_wait


def type_limits(control: LimitControl, up: str, down: str, hours: str) -> None:
    control.up.setText(up)
    control.down.setText(down)
    control.hours.setText(hours)
    control.apply()


def test_typed_limits_hold_at_once_and_are_remembered(qtbot: Any) -> None:
    bandwidth, state = Bandwidth(), UiState(None)
    control = LimitControl(bandwidth, state)
    qtbot.addWidget(control)
    type_limits(control, "1M", "off", "08:00-18:00")
    expected = Limits(MiB, None, Schedule.parse("08:00-18:00"))
    assert bandwidth.limits == expected
    assert saved_limits(state) == expected
    type_limits(control, "", "", "")
    assert bandwidth.limits == Limits()
    assert state.get(STATE_KEY) == Limits().to_json()


def test_a_bad_limit_is_one_line_and_changes_nothing(qtbot: Any) -> None:
    bandwidth = Bandwidth(Limits(up=MiB))
    control = LimitControl(bandwidth, UiState(None))
    qtbot.addWidget(control)
    said: list[str] = []
    control.problem.connect(said.append)
    type_limits(control, "fast", "", "")
    type_limits(control, "1M", "", "8 to 6")
    assert bandwidth.limits == Limits(up=MiB)
    assert len(said) == 2 and all("\n" not in line for line in said)
    assert said[0].startswith("Upload limit: 'fast' is not a rate")
    assert said[1].startswith("Limited hours: '8 to 6' is not a span of hours")


def test_the_accounts_form_keeps_an_accounts_transfer_settings(
    qtbot: Any, store: AccountStore, runner: TaskRunner, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    dialog = open_dialog(qtbot, store, runner, import_source=lambda: pytest.fail("no import"))
    dialog.start_add("local")
    assert dialog.form is not None
    fill(dialog.form, "Tuned", {"root": str(tmp_path / "root")})
    box = dialog.form.tuning_box
    assert box.transfers.specialValueText() == "Default (4)"  # the kind's, asked of the kind
    box.transfers.setValue(2)
    box.part_size.setValue(8)
    save_and_wait(qtbot, dialog)
    assert store.get("Tuned").tuning == Tuning(2, None, 8 * MiB)
    assert AccountStore(store.path, store.secrets).get("Tuned").transfer_tuning == Tuning(2, 4, 8 * MiB)
    shots = os.environ.get("STOREBROWSER_SHOTS")
    if shots:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        dialog.resize(900, 720)
        for scheme in ("light", "dark"):
            before = QPalette(app.palette())
            if scheme == "dark":
                app.setPalette(dark_palette())
            QApplication.processEvents()
            dialog.grab().save(str(Path(shots) / f"accounts-dialog-{scheme}.png"), "PNG")
            app.setPalette(before)
