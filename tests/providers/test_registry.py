"""What the rest of the app asks of a provider kind, answered by the kind itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from storebrowser.core.equivalent import Request
from storebrowser.providers.registry import get_kind, kinds

PACKAGE = Path(__file__).resolve().parents[2] / "storebrowser" / "providers"


def test_every_provider_package_with_a_kind_is_found_in_the_order_lists_show() -> None:
    packages = sorted(p.parent.name for p in PACKAGE.glob("*/kind.py"))
    assert sorted(kinds()) == packages
    assert list(kinds()) == ["local", "s3", "azure", "swift"]  # the Add menu's order


def test_kinds_are_all_found_when_one_kind_module_was_imported_first() -> None:
    probe = (
        "import storebrowser.providers.s3.kind\n"
        "from storebrowser.providers.registry import kinds\n"
        "assert list(kinds()) == ['local', 's3', 'azure', 'swift'], list(kinds())\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True, cwd=PACKAGE.parents[1])


def test_the_website_container_is_the_kinds_to_say() -> None:
    assert get_kind("azure").website_container == "$web"
    assert "$web" in get_kind("azure").website_note
    assert all(not get_kind(name).website_container for name in ("s3", "swift", "local"))


def test_each_service_kind_gives_its_own_tools_line() -> None:
    tools = {}
    for name, kind in kinds().items():
        request = Request("ls", "acct", name, {}, container="box")
        line = kind.tool_command(request) if kind.tool_command is not None else None
        tools[name] = line.tool if line is not None else None
    assert tools == {"local": None, "s3": "aws", "azure": "az", "swift": "swift"}
