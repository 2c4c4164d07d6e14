"""The name filter of a million rows finds matches with C-level loops (issue 25); it must
say exactly what ``needle in name.casefold()`` says of every row."""

from __future__ import annotations

import random

import pytest

from storebrowser.core.types import ObjectInfo
from storebrowser.table.columns import ObjectColumns
from storebrowser.table.name_search import names_containing
from storebrowser.table.order import matching
from storebrowser.table.packing import pack

_PARTS = ("IMG_", "img", "Straße", "STRASSE", "İstanbul", "ǅemal", "report-", "x", "Ω", "\udcff")


def columns_of(names: list[str]) -> ObjectColumns:
    columns = ObjectColumns("d/")
    infos = [ObjectInfo(f"d/{name}", 1) for name in names]
    columns.append(pack(infos, "d/", columns.types, columns.classes))
    return columns


def mixed_names(count: int) -> list[str]:
    rnd = random.Random(25)
    return [f"{rnd.choice(_PARTS)}{rnd.randrange(10_000):04d}{rnd.choice(_PARTS)}" for _ in range(count)]


@pytest.mark.parametrize(
    "needle",
    ["img_00", "img", "strasse", "ss", "i̇stanbul", "ǆ", "0", "9999", "ω", "\udcff", "absent", "x00"],
)
def test_names_containing_is_the_test_of_every_folded_name(needle: str) -> None:
    names = mixed_names(5000)
    columns = columns_of(names)
    expected = [needle in name.casefold() for name in names]
    assert names_containing(columns, needle).tolist() == expected
    rows = [row for row in range(len(columns)) if row % 3]  # a part of the rows, in another order
    rows.reverse()
    assert matching(columns, rows, needle).tolist() == [row for row in rows if expected[row]]


def test_names_holding_a_nul_are_tested_one_by_one() -> None:
    names = [*mixed_names(3000), "a\0img_00", "img\0_00"]
    columns = columns_of(names)
    expected = [("img_00" in name.casefold()) for name in names]
    assert names_containing(columns, "img_00").tolist() == expected
