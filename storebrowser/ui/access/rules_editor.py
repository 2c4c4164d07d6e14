"""CORS and lifecycle rules as the JSON file ``storebrowser-cli`` and ``aws s3api`` take,
edited in place: checked as it is typed (the line and the rule that break, and what the
service would refuse; no request), saved on a worker. The CORS tab adds a live preflight
from a chosen origin, beside what the rules say it should get."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.cors import CorsRule, PreflightResult, cors_json, matching_rule, parse_cors
from storebrowser.core.display import display_lines, display_rows
from storebrowser.core.errors import InvalidConfiguration, StorageError
from storebrowser.core.lifecycle import LifecycleRule, lifecycle_json, parse_lifecycle
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.ui.access.panel import plain_label, set_shown
from storebrowser.ui.notice import Level, Notice

Rules = tuple[Any, ...]
#: What loading or saving gives back: the rules kept, and a note on where they apply.
Kept = tuple[Rules, str]


class RulesEditor(QWidget):
    """A JSON editor for one kind of rules. ``load`` / ``save`` run on workers;
    ``parse`` and ``check`` (no I/O) say what is wrong as it is typed.

    Signals:
        saved: the rules were saved (a sentence for the window's message strip).
    """

    saved = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        *,
        load: Callable[[], Kept],
        save: Callable[[Rules], Kept],
        parse: Callable[[str], Rules],
        check: Callable[[Rules], None],
        render: Callable[[Rules], str],
        summary: Callable[[Rules], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._load, self._save, self._parse, self._check = load, save, parse, check
        self._render, self._summary = render, summary
        self.kept: Rules = ()
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("rulesText")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.state = Notice(self)
        self.summary = plain_label(self, muted=True)
        self.note = plain_label(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.clear_button = QPushButton(self.tr("Remove All"), self)
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear)
        self.revert_button.clicked.connect(self.revert)
        self.text.textChanged.connect(self.validate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.state)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        row.addWidget(self.clear_button)
        row.addStretch(1)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self._busy(True)
        self._runner.run(self._load, self._loaded)

    def _busy(self, busy: bool) -> None:
        for button in (self.save_button, self.clear_button, self.revert_button):
            button.setEnabled(not busy)
        self.text.setReadOnly(busy)

    def _loaded(self, result: TaskResult[Kept]) -> None:
        self._busy(False)
        if not result.ok or result.value is None:
            self.state.show_message(Level.ERROR, result.message())
            self._busy(True)
            return
        self._keep(result.value)

    def _keep(self, kept: Kept) -> None:
        rules, note = kept
        self.kept = tuple(rules)
        self.note.setText(display_lines(note))
        self.note.setVisible(bool(note))
        self.revert()

    def revert(self) -> None:
        self.text.setPlainText(self._render(self.kept))
        set_shown(self.summary, self._summary(self.kept))

    def current(self) -> Rules | None:
        """The rules typed, or ``None`` (the notice says why) when they break a rule."""
        try:
            rules = self._parse(self.text.toPlainText())
            self._check(rules)
        except (InvalidConfiguration, StorageError) as problem:
            said = str(problem)
            self.state.show_message(Level.ERROR, said[:1].upper() + said[1:])
            return None
        return rules

    def validate(self) -> None:
        rules = self.current()
        if rules is None:
            self.save_button.setEnabled(False)
            set_shown(self.summary, "")  # the rules kept are not what is typed: no summary of them
            return
        self.save_button.setEnabled(not self.text.isReadOnly())
        changed = rules != self.kept
        said = self.tr("Valid; Save sends it.") if changed else self.tr("As kept now.")
        self.state.show_message(Level.OK if changed else Level.INFO, said)
        set_shown(self.summary, self._summary(rules))

    def save(self) -> None:
        rules = self.current()
        if rules is not None:
            self._send(rules)

    def clear(self) -> None:
        self._send(())

    def _send(self, rules: Rules) -> None:
        self._busy(True)
        self._runner.run(lambda: self._save(rules), self._sent)

    def _sent(self, result: TaskResult[Kept]) -> None:
        self._busy(False)
        if not result.ok or result.value is None:
            self.state.show_message(Level.ERROR, result.message())
            return
        self._keep(result.value)
        self.saved.emit(self.tr("Saved: {n} rules kept.").format(n=len(self.kept)))


def cors_editor(runner: TaskRunner, provider: Provider, container: str, parent: QWidget) -> RulesEditor:
    def load() -> Kept:
        found = provider.get_cors(container)
        return found.rules, found.note

    def save(rules: Rules) -> Kept:
        found = provider.set_cors(container, list(rules))
        return found.rules, found.note

    return RulesEditor(
        runner, load=load, save=save, parse=lambda text: parse_cors(text, "the rules"),
        check=provider.check_cors, render=lambda rules: cors_json(rules),
        summary=lambda rules: f"{len(rules)} rules." if rules else "No rules: no web page may call this.",
        parent=parent,
    )  # fmt: skip


def lifecycle_editor(runner: TaskRunner, provider: Provider, container: str, parent: QWidget) -> RulesEditor:
    def load() -> Kept:
        return provider.get_lifecycle(container), ""

    def save(rules: Rules) -> Kept:
        return provider.set_lifecycle(container, list(rules)), ""

    def summary(rules: Sequence[LifecycleRule]) -> str:
        return "\n".join(f"• {rule.summary()}" for rule in rules) or "No rules: objects stay until deleted."

    return RulesEditor(
        runner, load=load, save=save, parse=lambda text: parse_lifecycle(text, "the rules"),
        check=provider.check_lifecycle, render=lambda rules: lifecycle_json(rules), summary=summary,
        parent=parent,
    )  # fmt: skip


class PreflightBox(QGroupBox):
    """Send a browser's preflight from a chosen origin (unsigned) and say what came back,
    next to what the rules typed say it should get."""

    def __init__(self, runner: TaskRunner, provider: Provider, container: str, key: str,
                 editor: RulesEditor, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(self.tr("Live preflight check"), parent)
        self._runner, self._provider, self._container, self._editor = runner, provider, container, editor
        self.origin = QLineEdit("https://", self)
        self.origin.setObjectName("origin")
        self.method = QComboBox(self)
        self.method.addItems(["GET", "PUT", "POST", "DELETE", "HEAD"])
        self.key = QLineEdit(key, self)
        self.key.setPlaceholderText(self.tr("An object of the container"))
        self.send = QPushButton(self.tr("Send Preflight"), self)
        self.send.clicked.connect(self.run)
        self.result = plain_label(self)
        form = QFormLayout(self)
        form.addRow(self.tr("From origin:"), self.origin)
        form.addRow(self.tr("Method:"), self.method)
        form.addRow(self.tr("Object:"), self.key)
        row = QHBoxLayout()
        row.addWidget(self.result, 1)
        row.addWidget(self.send)
        form.addRow(row)

    def run(self) -> None:
        origin, method, key = self.origin.text().strip(), self.method.currentText(), self.key.text()
        if not key:
            self.result.setText(self.tr("Name an object of the container to ask about."))
            return
        self.send.setEnabled(False)
        provider, container = self._provider, self._container
        self._runner.run(lambda: provider.preflight(container, key, origin, method), self._answered)

    def _answered(self, result: TaskResult[PreflightResult]) -> None:
        self.send.setEnabled(True)
        if not result.ok or result.value is None:
            self.result.setText(display_lines(result.message()))
            return
        answer = result.value
        rules: Sequence[CorsRule] = self._editor.current() or ()
        rule = matching_rule(rules, answer.origin, answer.method)
        said = (self.tr("The rules say: allowed by rule {n}.").format(n=rule) if rule
                else self.tr("The rules say: refused."))  # fmt: skip
        self.result.setText(display_rows([answer.sentence(), said]))
