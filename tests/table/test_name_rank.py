"""Names ranked by numpy (issue 25: a sort by name at C speed) must rank exactly as
Python orders ``str.casefold``: equal folded names alike, prefixes first, past 8 and 16
bytes, non-ASCII, lengths changed by folding (ß -> ss), lone surrogates."""

from __future__ import annotations

import random

import pytest

from storebrowser.core.types import ObjectInfo
from storebrowser.table.columns import ObjectColumns
from storebrowser.table.name_rank import name_ranks
from storebrowser.table.order import SortSpec, all_rows_sorted, leading_folders, reorder
from storebrowser.table.packing import pack
from tests.table.test_order import columns_of, columns_with_ties, reference_order, wide_values

#: Pieces of names: ß and the final sigma fold to other letters, ﬃ to three, İ to two.
_PIECES = ("a", "A", "b", "ß", "SS", "ss", "é", "É", "\u03a3", "\u03c2", "\u03c3", "İ", "ﬃ", "😀", "\udc80",
           " ", "-", "~", "0")  # fmt: skip


def tricky_names() -> ObjectColumns:
    """Long shared prefixes (ties over 8, 16, 24 bytes), names that are prefixes of others,
    equal names but for case, folders among them, some rows deleted."""
    rnd = random.Random(11)
    stems = ["photos/2024/IMG_", "report-2024-final-", "x" * 7, "x" * 8, "X" * 9, "x" * 16, "ab", ""]
    names: list[str] = []
    for n in range(3000):
        tail = "".join(rnd.choice(_PIECES) for _ in range(rnd.randrange(0, 12)))
        names.append(rnd.choice(stems) + tail or f"n{n}")
    names += ["ab", "AB", "Ab", "abc", "ab c", "x" * 8, "X" * 8, "strasse", "STRASSE", "straße", "Straße"]
    infos = [ObjectInfo(f"d/{name}", rnd.randrange(5)) for name in dict.fromkeys(names)]
    infos += [ObjectInfo(f"d/{name}", 1) for name in rnd.sample(names, 200)]  # the same key again
    infos += [ObjectInfo(f"d/{stem or 'f'}{n}/", is_prefix=True) for n, stem in enumerate(stems)]
    infos += [ObjectInfo(f"elsewhere/{n}", 2) for n in range(5)]  # whole keys (FULL_KEY rows)
    rnd.shuffle(infos)
    return columns_of(infos, deleted=40)


def ascii_listing() -> ObjectColumns:
    rnd = random.Random(12)
    words = ("IMG_", "img_", "Data_", "data-", "scan ", "log")
    names = [f"d/{rnd.choice(words)}{rnd.randrange(10 ** rnd.randrange(1, 12))}.jpg" for _ in range(4000)]
    infos = [ObjectInfo(name, 3) for name in names]
    return columns_of(infos, deleted=10)


MAKERS = [tricky_names, ascii_listing, columns_with_ties, wide_values]


@pytest.mark.parametrize("make", MAKERS)
def test_ranks_are_the_dense_order_of_the_folded_names(make: object) -> None:
    columns = make()  # type: ignore[operator]  # one of the builders above
    ranks = name_ranks(columns, len(columns))
    assert ranks is not None
    folded = [columns.name(row).casefold() for row in range(len(columns))]
    dense = {name: rank for rank, name in enumerate(sorted(set(folded)))}
    assert ranks.tolist() == [dense[name] for name in folded]


@pytest.mark.parametrize("make", MAKERS)
def test_a_sort_by_ranked_names_is_pythons_stable_sort(make: object) -> None:
    columns = make()  # type: ignore[operator]  # one of the builders above
    columns.name_ranks = name_ranks(columns, len(columns))
    for descending in (False, True):
        expected = reference_order(columns, 0, descending)
        assert all_rows_sorted(columns, SortSpec(0, descending)).tolist() == expected, descending
    shown, spec = all_rows_sorted(columns, SortSpec(0)), SortSpec(0)
    other = SortSpec(0, descending=True)  # the other way round, from the order shown
    assert reorder(columns, shown, leading_folders(columns, shown, spec), spec, other).tolist() == (
        reference_order(columns, 0, True)
    )


def test_rows_added_after_the_ranking_are_sorted_by_their_names() -> None:
    columns = tricky_names()
    columns.name_ranks = name_ranks(columns, len(columns))
    added = [ObjectInfo("d/AAA-new"), ObjectInfo("d/zzz-new")]
    columns.append(pack(added, "d/", columns.types, columns.classes))
    for descending in (False, True):
        expected = reference_order(columns, 0, descending)
        assert all_rows_sorted(columns, SortSpec(0, descending)).tolist() == expected, descending


def test_names_holding_a_nul_are_left_to_python() -> None:
    columns = ObjectColumns()
    columns.append(pack([ObjectInfo("a\0b"), ObjectInfo("a")], "", columns.types, columns.classes))
    assert name_ranks(columns, len(columns)) is None


def test_an_empty_listing_has_no_ranks_to_make() -> None:
    ranks = name_ranks(ObjectColumns(), 0)
    assert ranks is not None and len(ranks) == 0
