"""How numbers and dates look in the window."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale

_UNITS = ("B", "KB", "MB", "GB", "TB", "PB")


def _locale() -> QLocale | None:
    """The window's locale (``i18n.install`` sets it from the language); ``None`` for the C
    locale, which groups no digits: there the English way is kept."""
    locale = QLocale()
    return None if locale.language() == QLocale.Language.C else locale


def number(n: int) -> str:
    """``1,234`` in English, ``1.234`` in German, ``1 234`` in French."""
    locale = _locale()
    return locale.toString(n) if locale is not None else f"{n:,}"


def decimal(value: float, places: int = 1) -> str:
    """``12.3`` in English, ``12,3`` in German and French."""
    locale = _locale()
    return locale.toString(value, "f", places) if locale is not None else f"{value:.{places}f}"


def human_size(size: int) -> str:
    """Decimal units, as file managers show them: 1,234 B, 12.3 MB (in the window's
    language's way of writing numbers)."""
    if size < 1000:
        return f"{number(size)} B"
    value = float(size)
    for unit in _UNITS[1:]:
        value /= 1000
        if value < 1000 or unit == _UNITS[-1]:
            return f"{decimal(value)} {unit}"
    raise AssertionError("unreachable")


def local_time(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def counted(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` (``"{n} item"``, ``"{n} items"``) with the number put in.

    Both come translated with ``n`` (``tr("{n} items", "", n)``): a catalogue's numerus
    forms choose the word for the language's plural rules; without one, the English
    singular or plural is chosen here."""
    return (one if n == 1 else many).format(n=number(n))


def count_of(n: int, one: str, many: str) -> str:
    """``1 item``, ``2,345 items``: the noun agrees with the number."""
    return f"{number(n)} {one if n == 1 else many}"
