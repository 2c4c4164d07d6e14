"""An account's colour: a setting of the app's own, beside the service's connection
fields, that marks the account's tabs and its row in the window's tree. No secret; the
providers never read it."""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping

from storebrowser.core.words import QT_TRANSLATE_NOOP

COLOUR_SETTING = "colour"
# Settings any account may have whatever its kind (the kinds' fields are the rest).
APP_SETTINGS = (COLOUR_SETTING,)
_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def colour_problem(value: object) -> str | None:
    """``None`` for a colour written ``#RRGGBB``; else the sentence saying so."""
    if isinstance(value, str) and _HEX.fullmatch(value):
        return None
    return "'colour' must be written #RRGGBB, such as #3b82f6."


# The colours offered, far enough apart to tell on light and dark; their names are
# translated where they are shown (context "Colours").
PALETTE = (
    (QT_TRANSLATE_NOOP("Colours", "Blue"), "#3b82f6"),
    (QT_TRANSLATE_NOOP("Colours", "Orange"), "#e0702a"),
    (QT_TRANSLATE_NOOP("Colours", "Green"), "#16a34a"),
    (QT_TRANSLATE_NOOP("Colours", "Magenta"), "#c026d3"),
    (QT_TRANSLATE_NOOP("Colours", "Red"), "#dc2626"),
    (QT_TRANSLATE_NOOP("Colours", "Teal"), "#0891b2"),
    (QT_TRANSLATE_NOOP("Colours", "Yellow"), "#ca8a04"),
    (QT_TRANSLATE_NOOP("Colours", "Violet"), "#7c3aed"),
)


def _chosen(settings: Mapping[str, object] | None) -> str | None:
    chosen = (settings or {}).get(COLOUR_SETTING)
    return chosen if isinstance(chosen, str) and colour_problem(chosen) is None else None


def _by_name(account: str) -> int:
    return zlib.crc32(account.encode("utf-8")) % len(PALETTE)


def account_colour(
    account: str,
    settings: Mapping[str, object] | None = None,
    others: Mapping[str, Mapping[str, object] | None] | None = None,
) -> str:
    """The colour chosen for the account, else one of the palette picked by its name (the
    same at every start). Given the ``others`` accounts (name → settings), a picked colour
    avoids the ones they hold, while the palette lasts: two accounts whose names hash alike
    still look different."""
    chosen = _chosen(settings)
    if chosen is not None:
        return chosen
    if not others:
        return PALETTE[_by_name(account)][1]
    return automatic_colours({**others, account: settings})[account]


def automatic_colours(accounts: Mapping[str, Mapping[str, object] | None]) -> dict[str, str]:
    """Every account's colour: the chosen ones first, then the rest in name order, each
    taking its name's colour or, when that is taken, the next free one of the palette
    (the order makes the answer the same at every start)."""
    colours = {name: c for name, settings in accounts.items() if (c := _chosen(settings)) is not None}
    taken = set(colours.values())
    for name in sorted(n for n in accounts if n not in colours):
        start = _by_name(name)
        turns = [PALETTE[(start + step) % len(PALETTE)][1] for step in range(len(PALETTE))]
        colour = next((c for c in turns if c not in taken), turns[0])
        colours[name] = colour
        taken.add(colour)
    return colours
