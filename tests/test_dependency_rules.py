"""The layering of DESIGN.md, enforced: dependencies point down only."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "storebrowser"
QT = ("PySide6", "shiboken6")
SDKS = ("boto3", "botocore", "s3transfer", "azure", "swiftclient", "keystoneauth1")
ALLOWED_OURS = {
    "core": ("storebrowser.core",),
    "providers": ("storebrowser.core", "storebrowser.providers"),
    "accounts": ("storebrowser.core", "storebrowser.providers", "storebrowser.accounts"),
    "transfers": ("storebrowser.core", "storebrowser.providers", "storebrowser.transfers"),
    # The object table's rows, order and name search: plain data, no Qt.
    "table": ("storebrowser.core", "storebrowser.table"),
    # The CLI is a top layer like the UI, but without Qt.
    "cli": (
        "storebrowser.core",
        "storebrowser.providers",
        "storebrowser.accounts",
        "storebrowser.transfers",
        "storebrowser.cli",
    ),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = _module_name(path).rsplit(".", 0 if path.name == "__init__.py" else 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                yield ".".join([*base, node.module] if node.module else base)
            else:
                yield node.module or ""


def _files(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def _top(name: str) -> str:
    return name.split(".", 1)[0]


@pytest.mark.parametrize("layer", sorted(ALLOWED_OURS))
def test_layer_imports_only_what_is_below_it(layer: str) -> None:
    allowed = ALLOWED_OURS[layer]
    bad = [
        f"{path.relative_to(PACKAGE.parent)}: {name}"
        for path in _files(layer)
        for name in _imports(path)
        if name.startswith("storebrowser") and not name.startswith(allowed) and name != "storebrowser"
    ]
    assert not bad, "imports against the layering:\n" + "\n".join(bad)


def test_qt_only_under_ui_and_qtbridge() -> None:
    bad = [
        f"{path.relative_to(PACKAGE.parent)}: {name}"
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] not in ("ui", "qtbridge")
        for name in _imports(path)
        if _top(name) in QT
    ]
    assert not bad, "PySide6 imported outside ui/ and qtbridge/:\n" + "\n".join(bad)


def test_core_imports_no_sdk_and_nothing_third_party() -> None:
    stdlib = sys.stdlib_module_names
    bad = [
        f"{path.relative_to(PACKAGE.parent)}: {name}"
        for path in _files("core")
        for name in _imports(path)
        if _top(name) not in stdlib and _top(name) != "storebrowser"
    ]
    assert not bad, "core must be pure Python:\n" + "\n".join(bad)


def test_ui_never_calls_an_sdk() -> None:
    bad = [
        f"{path.relative_to(PACKAGE.parent)}: {name}"
        for layer in ("ui", "qtbridge")
        for path in _files(layer)
        for name in _imports(path)
        if _top(name) in SDKS
    ]
    assert not bad, "the UI reaches SDKs only through providers:\n" + "\n".join(bad)


def test_registry_describes_every_kind_without_loading_an_sdk_or_qt() -> None:
    probe = (
        "import sys\n"
        "from storebrowser.providers.registry import kinds\n"
        "assert set(kinds()) >= {'local', 's3', 'azure', 'swift'}, kinds()\n"
        f"loaded = sorted({{m.split('.')[0] for m in sys.modules}} & {set(SDKS + QT)!r})\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True, cwd=PACKAGE.parent)


#: Top-level packages with rules of their own (checked above) or that hold no code.
PLACED = {*ALLOWED_OURS, "ui", "qtbridge", "resources"}
CONCRETE = tuple(f"storebrowser.providers.{kind}" for kind in ("local", "s3", "azure", "swift"))


def test_every_package_has_a_place_in_the_layering() -> None:
    """A new package must be added to the rules above, or it would be checked by none."""
    packages = {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    assert packages <= PLACED, f"not in the layering rules: {sorted(packages - PLACED)}"


def test_only_the_providers_know_concrete_provider_classes() -> None:
    """DESIGN rule 3: the rest of the app reaches a provider through the registry (by kind
    name) and the Provider protocol, never by importing a provider package."""
    bad = [
        f"{path.relative_to(PACKAGE.parent)}: {name}"
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] not in ("providers", "app.py")
        for name in _imports(path)
        if name.startswith(CONCRETE)
    ]
    assert not bad, "concrete provider packages imported outside providers/ and app.py:\n" + "\n".join(bad)
