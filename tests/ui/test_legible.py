"""Clipped and faint text, and icons that vanish: the New Container rule shows whole and in
the normal colour; a new S3 bucket can be put in a region; the strip's close button, the
docks' buttons and the transfers panel's icons are drawn in the palette's colours, and a
disabled one looks disabled, on light and dark schemes; an unchecked box shows its edge."""

from __future__ import annotations

from collections.abc import Iterator

import boto3
import pytest
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QRadioButton,
    QSplitter,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from storebrowser.core.errors import InvalidName
from storebrowser.core.places import Location
from storebrowser.providers.registry import get_kind
from storebrowser.ui.commands.dialogs import NameDialog
from storebrowser.ui.icons import PaletteIconStyle
from storebrowser.ui.theme import apply_color_scheme, contrast, dark_palette
from tests.ui.servers import server_account, unique_name

WAIT = 20_000


@pytest.fixture(params=["light", "dark"])
def scheme(request, qapp: QApplication) -> Iterator[QPalette]:
    before = QPalette(qapp.palette())
    if request.param == "dark":
        qapp.setPalette(dark_palette())
    yield qapp.palette()
    qapp.setPalette(before)


def _s3_rule(name: str) -> str | None:
    if not name:
        return "Type a name."
    try:
        get_kind("s3").check_container_name(name)
    except InvalidName as error:
        return str(error)
    return None


def test_the_name_rule_shows_whole_in_the_normal_colour(qtbot) -> None:
    dialog = NameDialog("New Container", "Name of the new container in S3:", _s3_rule, ok_text="Create")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.edit.setText("Ab")  # the long rule replaces "Type a name."
    QApplication.processEvents()
    problem = dialog.problem
    assert "dots and hyphens" in problem.text()
    assert problem.isEnabled()  # not the disabled grey of a hint
    assert problem.height() >= problem.heightForWidth(problem.width()), "the rule is cut"
    assert problem.geometry().bottom() < dialog.buttons.geometry().top()


def _ink(icon: QIcon, mode: QIcon.Mode) -> QColor:
    """The average colour of an icon's drawn pixels."""
    image = icon.pixmap(32, 32, mode).toImage()
    seen = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    drawn = [c for c in seen if c.alpha() > 160]
    assert drawn, "nothing drawn"
    mean = [round(sum(getattr(c, part)() for c in drawn) / len(drawn)) for part in ("red", "green", "blue")]
    return QColor(*mean)


def _distance(one: QColor, other: QColor) -> float:
    return abs(one.lightnessF() - other.lightnessF())


def test_icons_read_on_both_schemes_and_disabled_looks_disabled(qtbot, scheme, make_explorer, local_account):
    explorer = make_explorer()
    window = explorer.window
    background = scheme.color(QPalette.ColorRole.Window)
    text = scheme.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    disabled = scheme.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    style = PaletteIconStyle("Fusion")
    icons = {
        "strip close": window.messages.close_button.icon(),
        "dock close": style.standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton),
        "dock float": style.standardIcon(QStyle.StandardPixmap.SP_TitleBarNormalButton),
        **{action.text(): action.icon() for action in explorer.transfers.toolbar.actions() if action.text()},
    }
    assert {"Pause", "Resume", "Retry", "Cancel"} <= set(icons)
    for name, icon in icons.items():
        normal, off = _ink(icon, QIcon.Mode.Normal), _ink(icon, QIcon.Mode.Disabled)
        assert _distance(normal, background) > 0.35, f"{name} hardly shows"
        assert _distance(normal, text) < 0.1 and _distance(off, disabled) < 0.1, f"{name}: not the palette's"
        assert _distance(normal, off) > 0.15, f"{name}: disabled looks enabled"


def test_a_new_s3_bucket_goes_to_the_region_chosen(qtbot, request, make_explorer, add_account) -> None:
    account = server_account(request, "s3_moto")
    add_account(account.name, account.kind, account.settings)
    explorer = make_explorer()
    window, ops = explorer.window, explorer.operations
    window.navigate(Location(account.name))
    qtbot.waitUntil(window.explorer_actions["new_container"].isEnabled, timeout=WAIT)
    provider = window.pool.get(account.name)
    assert provider.container_regions() == ()  # an S3-compatible service has its own place
    provider.container_regions = lambda: ("us-east-1", "eu-west-1")  # as AWS answers
    asked: list[tuple[str, ...]] = []
    name = unique_name()

    def ask(_title, _label, check, regions, choice_label=""):
        asked.append(tuple(regions))
        assert choice_label == "Region:"
        assert check(name) is None
        return name, "eu-west-1"

    ops.ask_name_and_region = ask
    window.explorer_actions["new_container"].trigger()
    qtbot.waitUntil(lambda: window.location == Location(account.name, name), timeout=WAIT)
    assert asked == [("us-east-1", "eu-west-1")]
    moto = request.getfixturevalue("moto_server")
    s3 = boto3.client(
        "s3",
        endpoint_url=moto.endpoint_url,
        region_name=moto.region,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )  # another client
    try:
        assert s3.get_bucket_location(Bucket=name)["LocationConstraint"] == "eu-west-1"
    finally:
        provider.delete_container(name)
    dialog = NameDialog("New Container", "Name:", _s3_rule, regions=("us-east-1", "eu-west-1"))
    qtbot.addWidget(dialog)
    assert dialog.region is not None and dialog.chosen_region == "us-east-1"


@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
def test_an_unchecked_box_shows_its_edge_on_both_schemes(qtbot, scheme, kind) -> None:
    style = PaletteIconStyle("Fusion")
    button = kind("Remember in a file")
    button.setStyle(style)
    button.setPalette(scheme)
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = (
        QStyle.SubElement.SE_CheckBoxIndicator
        if kind is QCheckBox
        else QStyle.SubElement.SE_RadioButtonIndicator
    )
    box = style.subElementRect(element, option, button)
    image = button.grab().toImage()
    ratio = image.devicePixelRatio()
    background = scheme.color(QPalette.ColorRole.Window)
    contrast = max(
        _distance(image.pixelColor(round(x * ratio), round(y * ratio)), background)
        for x in range(box.left(), box.right() + 1)
        for y in range(box.top(), box.bottom() + 1)
    )
    assert contrast > 0.15, f"the {kind.__name__}'s edge hardly shows ({contrast:.2f})"


_TEXT_ON = (
    (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
    (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
    (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
)


@pytest.mark.parametrize(("name", "least"), [("light", 4.5), ("dark", 4.5), ("high-contrast", 7.0)])
def test_text_stands_out_from_its_background_in_every_scheme(
    qapp: QApplication, name: str, least: float
) -> None:
    """WCAG AA (4.5:1) for the light and dark schemes, AAA (7:1) for high contrast, where
    disabled text must still read at 4.5:1 (and differ from enabled text)."""
    before = QPalette(qapp.palette())
    qapp.setPalette(qapp.style().standardPalette())
    try:
        apply_color_scheme(qapp, name)
        palette = QPalette(qapp.palette())
    finally:
        qapp.setPalette(before)
        QGuiApplication.styleHints().unsetColorScheme()
    for text, background in _TEXT_ON:
        ratio = contrast(palette.color(text), palette.color(background))
        assert ratio >= least, (name, text.name, round(ratio, 2))
    if name == "high-contrast":
        disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        assert contrast(disabled, palette.color(QPalette.ColorRole.Base)) >= 4.5
        assert disabled != palette.color(QPalette.ColorRole.Text)


def test_the_pane_handles_show_on_high_contrast(qtbot, qapp: QApplication) -> None:
    """Fusion's splitter handle is a few dots, lost on black: in high contrast the handle
    between the panes is a bar that stands out from the window at 3:1 (WCAG's rule for the
    parts of a control)."""
    before_palette, before_sheet = QPalette(qapp.palette()), qapp.styleSheet()
    try:
        apply_color_scheme(qapp, "high-contrast")
        splitter = QSplitter()
        splitter.addWidget(QWidget())
        splitter.addWidget(QWidget())
        splitter.resize(200, 100)
        qtbot.addWidget(splitter)
        splitter.show()
        handle = splitter.handle(1)
        image = splitter.grab().toImage()
        middle = handle.geometry().center()
        bar = image.pixelColor(middle.x(), 10)  # above the grip's dots, where Fusion draws none
        window = qapp.palette().color(QPalette.ColorRole.Window)
    finally:
        qapp.setPalette(before_palette)
        qapp.setStyleSheet(before_sheet)
        QGuiApplication.styleHints().unsetColorScheme()
    assert handle.width() >= 3
    assert contrast(bar, window) >= 3.0, (bar.name(), window.name())
