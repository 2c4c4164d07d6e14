"""Accounts' automatic colours: picked by name, and apart from each other's while the
palette lasts."""

from __future__ import annotations

import zlib

from storebrowser.core.colours import PALETTE, account_colour, automatic_colours


def _same_hash_names(count: int) -> list[str]:
    """Names whose name-picked colour is the same (they would collide without probing)."""
    wanted = zlib.crc32(b"a0") % len(PALETTE)
    names = (f"a{i}" for i in range(10_000))
    return [n for n in names if zlib.crc32(n.encode()) % len(PALETTE) == wanted][:count]


def test_accounts_whose_names_pick_one_colour_get_different_ones() -> None:
    names = _same_hash_names(3)
    colours = automatic_colours(dict.fromkeys(names))
    assert len(set(colours.values())) == 3
    # The first in name order keeps its name's colour; alone, each would have it.
    assert colours[sorted(names)[0]] == account_colour(names[0]) == account_colour(names[1])
    # Asked one at a time with the others given, the answer is the same.
    for name in names:
        others = {n: None for n in names if n != name}
        assert account_colour(name, None, others) == colours[name]


def test_a_chosen_colour_is_kept_and_avoided_by_the_picked_ones() -> None:
    first, second = _same_hash_names(2)
    picked = account_colour(first)
    colours = automatic_colours({first: None, second: {"colour": picked}})
    assert colours[second] == picked
    assert colours[first] != picked


def test_more_accounts_than_colours_still_get_a_palette_colour() -> None:
    names = [f"account {i}" for i in range(len(PALETTE) + 3)]
    colours = automatic_colours(dict.fromkeys(names))
    palette = {c for _name, c in PALETTE}
    assert set(colours.values()) == palette
