"""How numbers and dates look in the window."""

from __future__ import annotations

from datetime import datetime

_UNITS = ("B", "KB", "MB", "GB", "TB", "PB")


def human_size(size: int) -> str:
    """Decimal units, as file managers show them: 1,234 B, 12.3 MB."""
    if size < 1000:
        return f"{size:,} B"
    value = float(size)
    for unit in _UNITS[1:]:
        value /= 1000
        if value < 1000 or unit == _UNITS[-1]:
            return f"{value:.1f} {unit}"
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
    return (one if n == 1 else many).format(n=f"{n:,}")


def count_of(n: int, one: str, many: str) -> str:
    """``1 item``, ``2,345 items``: the noun agrees with the number."""
    return f"{n:,} {one if n == 1 else many}"
