"""A byte range of the current object, as text, a hex dump or an image, without
downloading the rest: by default its first 64 KiB, read on a worker.

The tab follows the content: the first bytes of a new object choose Image, Text, or (for
other binaries) "No preview for this kind of file" on the Text tab, the Hex tab always
there. A new object (or range) cancels the read under way and drops its result (generation
counter). A server that ignores the range is shown as the error it is
(``RangeNotHonored``), never turned into a full download.

The bytes shown are proven by content as ``transfers.range_read.RangeRead`` can: on Azure
by the MD5 of each read; elsewhere by reading an object of up to the preview's cap whole;
a range of a larger one is shown with a plain note that it was not checked.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QImage
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.bandwidth import Bandwidth
from storebrowser.core.cancel import CancelToken
from storebrowser.core.display import display_text
from storebrowser.core.errors import Cancelled
from storebrowser.core.preview import Looks, decode_text, hexdump, image_kind, looks
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.transfers.range_read import RangeRead, Unchecked
from storebrowser.ui.format import human_size, number
from storebrowser.ui.properties.image_view import FittedImage
from storebrowser.ui.properties.metadata_model import error_colour
from storebrowser.ui.properties.preview_range import (
    DEFAULT_LENGTH,
    MAX_LENGTH,
    Note,
    RangePlan,
    parse_offset,
    plan,
)

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "latin-1", "cp1252", "shift_jis", "gb18030", "euc-kr")
TEXT, HEX, IMAGE = range(3)


@dataclass(frozen=True, slots=True)
class Fetched:
    """What a worker read and prepared: the bytes, their hex dump and what they look like;
    ``unchecked``: why they were not checked by content (``None``: they were), ``note``
    what they were checked by (or why not), in the transfers' words."""

    plan: RangePlan
    data: bytes
    hex: str
    looks: Looks = Looks.TEXT
    unchecked: Unchecked | None = None
    note: str = ""


def fetch(
    provider: Provider,
    container: str,
    key: str,
    chosen: RangePlan,
    cancel: CancelToken,
    version_id: str | None = None,
    bandwidth: Bandwidth | None = None,
    listed: ObjectInfo | None = None,
) -> Fetched:
    """Runs on a worker: ``chosen`` of the object (of the version ``version_id`` when one
    is given, as ``listed`` showed it), held to ``bandwidth``'s download limit, proven as
    ``RangeRead`` can: where the service proves no part, an object of up to the preview's
    cap (``MAX_LENGTH``) is read whole and proven, so a preview never becomes a download."""
    read = RangeRead(provider, container, key, chosen.byte_range, whole_up_to=MAX_LENGTH, cancel=cancel,
                     version_id=version_id, bandwidth=bandwidth, listed=listed)  # fmt: skip
    parts = []
    for chunk in read:
        parts.append(chunk)
        cancel.raise_if_cancelled()
    data = b"".join(parts)
    return Fetched(chosen, data, hexdump(data, chosen.start), looks(data), read.unchecked, read.note)


class PreviewPanel(QWidget):
    """Signals:
    settled(): the panel shows the answer to the last request (bytes, a message or an error).
    """

    settled = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.provider: Provider | None = None
        self.container = ""
        self.info: ObjectInfo | None = None
        #: An earlier version of ``info`` to read instead of the current one.
        self.version_id: str | None = None
        #: The engine's limit, which reads here share (the window sets it; none in tests).
        self.bandwidth: Bandwidth | None = None
        self.fetched: Fetched | None = None
        self.error = ""
        self.image: QImage | None = None
        self._generation = 0
        self._cancel: CancelToken | None = None
        #: The next bytes to arrive are a new object's first: they choose the tab.
        self._choose_tab = False
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.start_field = QLineEdit(self)
        self.start_field.setObjectName("rangeStart")
        self.end_field = QLineEdit(self)
        self.end_field.setObjectName("rangeEnd")
        self.end_field.setPlaceholderText(self.tr("to the end"))
        digits = self.fontMetrics().horizontalAdvance("0" * 11)  # a 100 GB offset fits
        for field in (self.start_field, self.end_field):
            field.setMinimumWidth(digits)
            field.setMaximumWidth(digits + 40)
            field.returnPressed.connect(self.load)
        self.start_field.setToolTip(self.tr("First byte shown (counted from 0; negative: from the end)"))
        self.end_field.setToolTip(
            self.tr("Byte after the last one shown (empty: to the end; at most {cap} at once)").format(
                cap=human_size(MAX_LENGTH)
            )
        )
        self.show_button = QPushButton(self.tr("Show"), self)
        self.show_button.clicked.connect(self.load)
        self.next_button = QPushButton(self.tr("Next Range"), self)
        self.next_button.clicked.connect(self.next_range)
        self.encoding = QComboBox(self)
        self.encoding.addItems(list(ENCODINGS))
        self.encoding.setToolTip(self.tr("How the text view decodes the bytes"))
        self.encoding.currentTextChanged.connect(lambda _text: self._show_text())
        self.status = QLabel(self)
        self.status.setObjectName("previewStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Said plainly when the bytes shown were not checked by content (never hidden), in
        # the text's own colour: it is how the service works, not an error (red, on every
        # preview of a large S3 or Swift object, read as one). Not "#:", which lupdate
        # would hand translators as a comment on the next tr() ("Text").
        self.check_note = QLabel(self)
        self.check_note.setObjectName("previewUnchecked")
        self.check_note.setWordWrap(True)
        self.check_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_note.hide()
        self.tabs = QTabWidget(self)
        self.text_view = self._text_widget("previewText")
        self.hex_view = self._text_widget("previewHex")
        self.tabs.addTab(self.text_view, self.tr("Text"))
        self.tabs.addTab(self.hex_view, self.tr("Hex"))
        self.tabs.addTab(self._make_image_tab(), self.tr("Image"))
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Bytes ["), self))
        controls.addWidget(self.start_field)
        controls.addWidget(QLabel(":", self))
        controls.addWidget(self.end_field)
        controls.addWidget(QLabel(")", self))
        controls.addWidget(self.show_button)
        controls.addWidget(self.next_button)
        controls.addStretch(1)
        corner = QWidget(self)  # the text's encoding sits by the tabs, where it applies
        corner_row = QHBoxLayout(corner)
        corner_row.setContentsMargins(0, 0, 0, 2)
        corner_row.addWidget(QLabel(self.tr("Encoding:"), corner))
        corner_row.addWidget(self.encoding)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addWidget(self.check_note)
        layout.addWidget(self.tabs, 1)
        self.show_object(None, "", None)

    def _text_widget(self, name: str) -> QPlainTextEdit:
        view = QPlainTextEdit(self)
        view.setObjectName(name)
        view.setReadOnly(True)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        return view

    def _make_image_tab(self) -> QWidget:
        page = QWidget(self)
        self.image_note = QLabel(page)
        self.image_note.setWordWrap(True)
        self.whole_image_button = QPushButton(page)
        self.whole_image_button.clicked.connect(self.load_whole_image)
        self.whole_image_button.hide()
        self.image_view = FittedImage(page)
        row = QHBoxLayout()
        row.addWidget(self.image_note, 1)
        row.addWidget(self.whole_image_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.image_view, 1)
        return page

    # -- what to show -----------------------------------------------------------------

    def show_object(
        self,
        provider: Provider | None,
        container: str,
        info: ObjectInfo | None,
        version_id: str | None = None,
    ) -> None:
        """Preview ``info`` (its version ``version_id``) from its first byte (``None``: nothing selected)."""
        self.provider, self.container, self.info, self.version_id = provider, container, info, version_id
        self.start_field.setText("0")
        self.end_field.setText(str(DEFAULT_LENGTH))
        if info is None or provider is None or info.is_prefix:
            self._cancel_running()
            self.title.setText(display_text(info.key) if info is not None else "")
            message = (
                self.tr("A folder: nothing to preview.")
                if info is not None
                else self.tr("Select an object to preview its first bytes.")
            )
            self._show_bytes(None, message)
            return
        size = self.tr("{size} ({n} bytes)").format(size=human_size(info.size), n=number(info.size))
        self.title.setText(self.tr("{key} — {size}").format(key=info.key, size=size))
        if version_id is not None:  # an earlier version: say which
            self.title.setText(self.tr("{title}, version {version}").format(
                title=self.title.text(), version=version_id))  # fmt: skip
        # The default is "the first 64 KiB, or all of a smaller object": nothing to clamp.
        self._choose_tab = True
        self.request(plan(0, min(DEFAULT_LENGTH, info.size), info.size))

    def load(self) -> None:
        """Read the range the fields say."""
        info, provider = self.info, self.provider
        if info is None or provider is None or info.is_prefix:
            return
        try:
            start = parse_offset(self.start_field.text())
            end = parse_offset(self.end_field.text())
        except ValueError as error:
            self._cancel_running()
            self._show_bytes(None, str(error), error=True)
            return
        self.request(plan(start, end, info.size))

    def next_range(self) -> None:
        if self.fetched is not None and (following := self.fetched.plan.next()) is not None:
            self.request(following)

    def load_whole_image(self) -> None:
        if self.info is not None:
            self.request(plan(0, self.info.size, self.info.size))

    def request(self, chosen: RangePlan) -> None:
        """Fetch ``chosen`` on a worker; an earlier request still under way is dropped."""
        self._cancel_running()
        info, provider, container = self.info, self.provider, self.container
        if info is None or provider is None:
            return
        self.start_field.setText(str(chosen.start))
        self.end_field.setText(str(chosen.end))
        if chosen.length == 0:
            self._show_bytes(Fetched(chosen, b"", ""), self._notes(chosen))
            return
        self._generation += 1
        generation = self._generation
        cancel = self._cancel = CancelToken()
        start, end = number(chosen.start), number(chosen.end)
        self.status.setText(self.tr("Reading bytes [{start}:{end}]…").format(start=start, end=end))
        self.next_button.setEnabled(False)
        key, version_id, bandwidth = info.key, self.version_id, self.bandwidth
        self.runner.run(
            lambda: fetch(provider, container, key, chosen, cancel, version_id, bandwidth, info),
            lambda result: self._arrived(generation, result),
        )

    def _cancel_running(self) -> None:
        self._generation += 1
        if self._cancel is not None:
            self._cancel.cancel()
            self._cancel = None

    def _arrived(self, generation: int, result: TaskResult[Fetched]) -> None:
        if generation != self._generation:
            return  # another object or range was asked since
        self._cancel = None
        if isinstance(result.error, Cancelled):
            return
        if not result.ok or result.value is None:
            self._show_bytes(None, result.message(), error=True)
            return
        fetched = result.value
        notes = self._notes(fetched.plan)
        if len(fetched.data) < fetched.plan.length:
            notes += " " + self.tr("The object ended after {n} bytes (it is shorter than listed).").format(
                n=number(fetched.plan.start + len(fetched.data))
            )
        self._show_bytes(fetched, notes.strip())
        if self._choose_tab and fetched.plan.start == 0:
            self._choose_tab = False
            tab = IMAGE if fetched.looks is Looks.IMAGE else TEXT
            self.tabs.setCurrentIndex(tab)

    # -- showing ----------------------------------------------------------------------

    def _notes(self, chosen: RangePlan) -> str:
        size = chosen.size
        if size == 0:
            return self.tr("The object is empty (0 bytes).")
        texts = {
            Note.END_CLAMPED: self.tr("The end is past the end of the object: clamped to {size}."),
            Note.PAST_END: self.tr(
                "The start is past the end of the object ({size} bytes): nothing to show."
            ),
            Note.EMPTY: self.tr("The start is not before the end: an empty range."),
            Note.CAPPED: self.tr("At most {cap} are shown at once: cut at {end}."),
        }
        values = {"size": number(size), "cap": human_size(MAX_LENGTH), "end": number(chosen.end)}
        said = [texts[n].format(**values) for n in chosen.notes]
        if chosen.length:
            said.insert(
                0,
                self.tr("Bytes [{start}:{end}] of {size}.").format(start=number(chosen.start), **values),
            )
        return " ".join(said)

    def _show_bytes(self, fetched: Fetched | None, message: str, *, error: bool = False) -> None:
        self.fetched = fetched
        self.error = message if error else ""
        self.status.setText(message)
        palette = self.palette()
        if error:
            palette.setColor(self.status.foregroundRole(), error_colour(palette))
        self.status.setPalette(palette)
        self.hex_view.setPlainText(fetched.hex if fetched is not None else "")
        self._show_check(fetched)
        self._show_text()
        self._show_image()
        self.next_button.setEnabled(fetched is not None and fetched.plan.next() is not None)
        self.settled.emit()

    def _show_check(self, fetched: Fetched | None) -> None:
        """The note that the bytes shown were not checked, and why (the transfers' words
        in the tooltip); nothing when they were, or when nothing is shown."""
        why = fetched.unchecked if fetched is not None and fetched.data else None
        self.check_note.setVisible(why is not None)
        if why is None:
            self.check_note.clear()
            return
        assert fetched is not None
        texts = {
            Unchecked.TOO_LARGE: self.tr(
                "Not checked: this service cannot prove part of an object, and this one is larger "
                "than {cap}, the most a preview reads whole to check the bytes it shows."
            ),
            Unchecked.NO_PROOF: self.tr(
                "Not checked: the service gives no checksum for this object, so its bytes cannot be proven."
            ),
        }
        self.check_note.setText(texts[why].format(cap=human_size(MAX_LENGTH)))
        self.check_note.setToolTip(fetched.note)

    def _show_text(self) -> None:
        fetched = self.fetched
        if fetched is None:
            self.text_view.setPlaceholderText("")
            self.text_view.setPlainText("")
            return
        if fetched.looks is Looks.BINARY:
            self.text_view.setPlainText("")
            self.text_view.setPlaceholderText(
                self.tr("No preview for this kind of file. The Hex tab shows its bytes.")
            )
            return
        self.text_view.setPlaceholderText("")
        text = decode_text(fetched.data, self.encoding.currentText(), at_end=fetched.plan.at_end)
        self.text_view.setPlainText(text)

    def _show_image(self) -> None:
        fetched, info = self.fetched, self.info
        self.image_view.set_image(None)
        self.image = None
        self.whole_image_button.hide()
        if fetched is None or info is None or not fetched.data:
            self.image_note.setText("")
            return
        kind = image_kind(fetched.data) if fetched.plan.start == 0 else None
        if kind is None:
            self.image_note.setText(
                self.tr("An image is recognised by its first bytes; this range starts at {start}.").format(
                    start=number(fetched.plan.start)
                )
                if fetched.plan.start
                else self.tr("Not an image: the bytes do not start as a PNG, JPEG, GIF, BMP or WebP.")
            )
            return
        if not fetched.plan.whole:
            self._image_does_not_fit(kind, info)
            return
        image = QImage()
        if not image.loadFromData(fetched.data):
            self.image_note.setText(
                self.tr("The bytes start as a {kind} image, but it cannot be decoded.").format(
                    kind=kind.upper()
                )
            )
            return
        self.image = image
        self.image_note.setText(
            self.tr("{kind} image, {w} x {h} pixels.").format(
                kind=kind.upper(), w=image.width(), h=image.height()
            )
        )
        self.image_view.set_image(image)  # fitted to the panel when painted

    def _image_does_not_fit(self, kind: str, info: ObjectInfo) -> None:
        fits = info.size <= MAX_LENGTH
        self.image_note.setText(
            self.tr("A {kind} image of {size}; this range holds only part of it.").format(
                kind=kind.upper(), size=human_size(info.size)
            )
            if fits
            else self.tr(
                "A {kind} image of {size}: larger than a preview ({cap}), so it is not shown."
            ).format(kind=kind.upper(), size=human_size(info.size), cap=human_size(MAX_LENGTH))
        )
        if fits:
            self.whole_image_button.setText(
                self.tr("Show Whole Image ({size})").format(size=human_size(info.size))
            )
            self.whole_image_button.show()
