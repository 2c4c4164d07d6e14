"""The window's colours: the system's light or dark scheme, or one forced; a dark palette
where the platform gives none (offscreen, some window managers); a high-contrast one.

Under ``system`` a desktop's own high-contrast theme reaches the window through the
platform's palette, which every widget and drawn icon takes its colours from (nothing
here overrides it). ``high-contrast`` forces ours where the desktop offers none.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def apply_color_scheme(app: QApplication, scheme: str) -> None:
    """``system`` follows the desktop (Qt tracks it); ``light``/``dark`` force one;
    ``high-contrast`` sets ``high_contrast_palette``.

    Where the platform has no theme to give a dark palette (offscreen, some window
    managers), Fusion's colours are set from the scheme so dark really is dark."""
    if scheme == "high-contrast":
        QGuiApplication.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(high_contrast_palette())
        app.setStyleSheet(HIGH_CONTRAST_FRAMES)
        return
    _choose_scheme(app, scheme)
    app.setPalette(legible_selection(app.palette()))


def _choose_scheme(app: QApplication, scheme: str) -> None:
    hints = QGuiApplication.styleHints()
    wanted = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(scheme)
    if wanted is not None:
        hints.setColorScheme(wanted)
    dark_asked = (wanted or hints.colorScheme()) == Qt.ColorScheme.Dark
    if dark_asked and app.palette().color(QPalette.ColorRole.Window).lightness() > 128:
        app.setPalette(dark_palette())


def contrast(first: QColor, second: QColor) -> float:
    """WCAG 2's contrast ratio of two colours, 1 to 21 (text should reach 4.5)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    def luminance(colour: QColor) -> float:
        red, green, blue = channel(colour.redF()), channel(colour.greenF()), channel(colour.blueF())
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def legible_selection(palette: QPalette) -> QPalette:
    """``palette`` with its selection colour darkened (under light text) or lightened
    (under dark text) until the selected rows' text reads at 4.5:1: Fusion's light blue
    under white text gives 3.7. The hue stays the desktop's."""
    text = palette.color(QPalette.ColorRole.HighlightedText)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    darken = text.lightness() > highlight.lightness()
    for _ in range(20):
        if contrast(text, highlight) >= 4.5:
            break
        highlight = highlight.darker(110) if darken else highlight.lighter(110)
    adjusted = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        adjusted.setColor(group, QPalette.ColorRole.Highlight, highlight)
    return adjusted


def dark_palette() -> QPalette:
    colours = {
        QPalette.ColorRole.Window: "#2b2d30",
        QPalette.ColorRole.WindowText: "#dfe1e5",
        QPalette.ColorRole.Base: "#1e1f22",
        QPalette.ColorRole.AlternateBase: "#26282b",
        QPalette.ColorRole.ToolTipBase: "#3c3f41",
        QPalette.ColorRole.ToolTipText: "#dfe1e5",
        QPalette.ColorRole.PlaceholderText: "#8c8f94",
        QPalette.ColorRole.Text: "#dfe1e5",
        QPalette.ColorRole.Button: "#313335",
        QPalette.ColorRole.ButtonText: "#dfe1e5",
        QPalette.ColorRole.BrightText: "#ff6b68",
        QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#589df6",
        QPalette.ColorRole.Light: "#45484b",
        QPalette.ColorRole.Midlight: "#3a3d40",
        QPalette.ColorRole.Mid: "#2f3134",
        QPalette.ColorRole.Dark: "#1a1b1d",
        QPalette.ColorRole.Shadow: "#000000",
    }
    return _palette(colours, disabled_text="#6f737a")


#: Fusion draws a text field's frame a shade darker than the window, which on black is
#: black: in high contrast the fields would not show where to type. Its splitter and dock
#: handles are a few grey dots, as good as invisible on black: drawn as solid grey bars
#: (yellow, the selection's colour, under the pointer) they show where the panes part.
HIGH_CONTRAST_FRAMES = (
    "QLineEdit { border: 1px solid #ffffff; padding: 2px; }"
    " QSplitter::handle, QMainWindow::separator { background: #808080; }"
    " QSplitter::handle:hover, QMainWindow::separator:hover { background: #ffff00; }"
    " QSplitter::handle:horizontal, QMainWindow::separator:vertical { width: 3px; }"
    " QSplitter::handle:vertical, QMainWindow::separator:horizontal { height: 3px; }"
)


def high_contrast_palette() -> QPalette:
    """White on black, selection black on yellow, links cyan: every pair of text and its
    background at a contrast of 7:1 or more (WCAG AAA), disabled text too at 4.5:1."""
    colours = {
        QPalette.ColorRole.Window: "#000000",
        QPalette.ColorRole.WindowText: "#ffffff",
        QPalette.ColorRole.Base: "#000000",
        QPalette.ColorRole.AlternateBase: "#141414",
        QPalette.ColorRole.ToolTipBase: "#000000",
        QPalette.ColorRole.ToolTipText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#c8c8c8",
        QPalette.ColorRole.Text: "#ffffff",
        QPalette.ColorRole.Button: "#000000",
        QPalette.ColorRole.ButtonText: "#ffffff",
        QPalette.ColorRole.BrightText: "#ffff00",
        QPalette.ColorRole.Highlight: "#ffff00",
        QPalette.ColorRole.HighlightedText: "#000000",
        QPalette.ColorRole.Link: "#00ffff",
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#c8c8c8",
        QPalette.ColorRole.Mid: "#808080",
        QPalette.ColorRole.Dark: "#ffffff",
        QPalette.ColorRole.Shadow: "#ffffff",
    }
    return _palette(colours, disabled_text="#a0a0a0")


def _palette(colours: dict[QPalette.ColorRole, str], *, disabled_text: str) -> QPalette:
    """A palette of ``colours`` (``#rrggbb`` by role), its disabled texts in ``disabled_text``."""
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled_text))
    return palette
