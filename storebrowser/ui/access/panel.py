"""The "Who can read this?" panel: the effect in one sentence, how it comes about, the
live answer of a request with no credentials next to it, and the change.

The report and the live check are read on workers when the panel opens (and again after a
change). A change is planned on a worker, shown exactly (``confirm``: the question every
change asks, naming what becomes readable; tests answer it), then made.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.access import DISAGREEMENT_HINT, AccessLevel, AccessPlan, AccessReport, LiveCheck
from storebrowser.core.display import display_lines, display_rows, display_text
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.ui.notice import Level, Notice

#: ``confirm(title, question, button) -> bool``: ``Operations.confirm`` in the window.
Confirm = Callable[[str, str, str], bool]


def plain_label(parent: QWidget, text: str = "", *, muted: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label.setForegroundRole(label.foregroundRole().PlaceholderText)
    return label


def set_shown(label: QLabel, text: str) -> None:
    """An empty wrapped label still takes a line's height: hidden while it says nothing."""
    label.setText(text)
    label.setVisible(bool(text))


def change_question(plan: AccessPlan) -> str:
    """What a change asks: the exact change, and what becomes readable by anyone."""
    subject = plan.container if plan.key is None else f"{plan.container}/{plan.key}"
    lines = [f"Make {subject} {plan.level.label.lower()}?", "", "The change, exactly:"]
    lines += [f"• {change}" for change in plan.changes]
    if plan.makes_public:
        lines += ["", f"Anyone will be able to read, without signing in: {plan.exposes}."]
    return "\n".join(lines)


class AccessPanel(QWidget):
    """Signals:
    changed: a change was made (the text says which), for the window's message strip.
    """

    changed = Signal(str)

    def __init__(self, runner: TaskRunner, provider: Provider, container: str, key: str | None,
                 confirm: Confirm, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("accessPanel")
        self._runner, self._provider, self._confirm = runner, provider, confirm
        self.container, self.key = container, key
        self.report: AccessReport | None = None
        self.check: LiveCheck | None = None
        self.headline = plain_label(self, self.tr("Reading the settings…"))
        font = QFont(self.headline.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.headline.setFont(font)
        self.how = plain_label(self)
        self.notes = plain_label(self, muted=True)
        self.live = plain_label(self, self.tr("Asking the server without credentials…"))
        self.agreement = Notice(self)
        self.check_button = QPushButton(self.tr("Check Again"), self)
        self.check_button.clicked.connect(self.run_check)
        self.problem = Notice(self)
        self.choices = QButtonGroup(self)
        self.buttons: dict[AccessLevel, QRadioButton] = {}
        self.refusal = plain_label(self, muted=True)
        self.scope = plain_label(self, muted=True)
        for quiet in (self.notes, self.refusal, self.scope):
            quiet.hide()  # until they have something to say
        self.change_button = QPushButton(self.tr("Change…"), self)
        self.change_button.clicked.connect(self.plan_change)
        self._lay_out()
        self.reload()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.problem)
        how_box = QGroupBox(self.tr("How it comes about"), self)
        QVBoxLayout(how_box).addWidget(self.how)
        layout.addWidget(how_box)
        live_box = QGroupBox(self.tr("Live check (a request with no credentials)"), self)
        live_layout = QVBoxLayout(live_box)
        live_layout.addWidget(self.live)
        live_layout.addWidget(self.agreement)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.check_button)
        live_layout.addLayout(row)
        layout.addWidget(live_box)
        change_box = QGroupBox(self.tr("Change"), self)
        change_layout = QVBoxLayout(change_box)
        for level in AccessLevel:
            button = QRadioButton(self.tr(level.label), change_box)
            button.setObjectName(f"level-{level.value}")
            self.choices.addButton(button)
            self.buttons[level] = button
            change_layout.addWidget(button)
        change_layout.addWidget(self.scope)
        change_layout.addWidget(self.refusal)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.change_button)
        change_layout.addLayout(row)
        self.choices.buttonToggled.connect(lambda *_args: self._show_refusal())
        layout.addWidget(change_box)
        layout.addWidget(self.notes)
        layout.addStretch(1)

    # -- reading -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.change_button.setEnabled(False)
        provider, container, key = self._provider, self.container, self.key
        self._runner.run(lambda: provider.access_report(container, key), self._reported)
        self.run_check()

    def run_check(self) -> None:
        self.check_button.setEnabled(False)
        provider, container, key = self._provider, self.container, self.key
        self._runner.run(lambda: provider.live_check(container, key), self._checked)

    def _reported(self, result: TaskResult[AccessReport]) -> None:
        if not result.ok or result.value is None:
            self.headline.setText(self.tr("Who can read this could not be read."))
            self.problem.show_message(Level.ERROR, result.message())
            return
        self.problem.clear()
        report = self.report = result.value
        self.headline.setText(display_text(report.sentence))
        self.how.setText(display_rows(f"• {line}" for line in report.how))
        set_shown(self.notes, display_rows(report.notes))
        for level, button in self.buttons.items():
            button.setVisible(level in report.levels)
            button.setToolTip(report.refusals.get(level, ""))
        current = report.access.level
        if current is not None and current in self.buttons:
            self.buttons[current].setChecked(True)
        if report.per_container and report.key is not None:
            text = self.tr("Access is decided per container: a change applies to every object in {name}.")
            set_shown(self.scope, text.format(name=display_text(report.container)))
        self._show_refusal()
        self._compare()

    def _checked(self, result: TaskResult[LiveCheck]) -> None:
        self.check_button.setEnabled(True)
        if not result.ok or result.value is None:
            self.live.setText(display_lines(result.message()))
            return
        self.check = result.value
        lines = [answer.sentence() for answer in self.check.answers] + list(self.check.gaps)
        self.live.setText(display_rows(lines))
        self._compare()

    def _compare(self) -> None:
        if self.report is None or self.check is None:
            return
        disagreements = self.check.disagreements(self.report.access)
        if disagreements:
            self.agreement.show_message(Level.WARNING, "\n".join([*disagreements, DISAGREEMENT_HINT]))
        elif any(answer.status is not None for answer in self.check.answers):
            self.agreement.show_message(Level.OK, self.tr("The live answer agrees with the settings."))
        else:
            self.agreement.clear()

    def _chosen(self) -> AccessLevel | None:
        return next((level for level, button in self.buttons.items() if button.isChecked()), None)

    def _show_refusal(self) -> None:
        chosen = self._chosen()
        why = self.report.refusals.get(chosen) if self.report is not None and chosen is not None else None
        refusal = self.tr("Not possible here: {why}.").format(why=why) if why else ""
        set_shown(self.refusal, display_text(refusal))
        current = self.report.access.level if self.report is not None else None
        self.change_button.setEnabled(self.report is not None and chosen is not None and not why
                                      and chosen is not current)  # fmt: skip

    # -- changing -------------------------------------------------------------------------------

    def plan_change(self) -> None:
        level = self._chosen()
        if level is None:
            return
        self.change_button.setEnabled(False)
        provider, container, key = self._provider, self.container, self.key
        self._runner.run(lambda: provider.plan_access(container, key, level), self._planned)

    def _planned(self, result: TaskResult[AccessPlan]) -> None:
        plan = result.value
        if not result.ok or plan is None:
            self.problem.show_message(Level.ERROR, result.message())
            self._show_refusal()
            return
        if plan.refusal is not None:
            self.problem.show_message(Level.ERROR, self.tr("Not possible: {why}.").format(why=plan.refusal))
            self._show_refusal()
            return
        if plan.nothing_to_do:
            self.problem.show_message(Level.INFO, self.tr("Nothing to change: it is so already."))
            self.reload()
            return
        button = self.tr("Make Public") if plan.makes_public else self.tr("Apply")
        if not self._confirm(self.tr("Change Who Can Read This"), change_question(plan), button):
            self._show_refusal()
            return
        provider = self._provider
        self._runner.run(lambda: provider.apply_access(plan), lambda done: self._applied(plan, done))

    def _applied(self, plan: AccessPlan, result: TaskResult[AccessReport]) -> None:
        if not result.ok:
            self.problem.show_message(Level.ERROR, result.message())
            self._show_refusal()
            return
        subject = plan.container if plan.key is None else plan.key
        level = plan.level.label.lower()
        self.changed.emit(self.tr("{subject} is now {level}.").format(subject=subject, level=level))
        self.reload()
