"""The layering of docs/ARCHITECTURE.md, enforced: dependencies point down only, the UI
is used by the composition root alone, its feature packages never reach for the window,
no two modules import each other round a circle, and no module grows past the limit."""

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
    # Find, folder statistics and the partitioned walk below them: listings, no Qt.
    "find": ("storebrowser.core", "storebrowser.find"),
    # Where worker threads meet Qt: the engine and blocking calls, for the UI.
    "qtbridge": (
        "storebrowser.core",
        "storebrowser.providers",
        "storebrowser.transfers",
        "storebrowser.qtbridge",
    ),
    # Revert, undelete, restore as of a moment: on the provider protocol; a plan applied
    # as one transfer job.
    "versions": (
        "storebrowser.core",
        "storebrowser.providers",
        "storebrowser.transfers",
        "storebrowser.versions",
    ),
    # Open in the user's own app and upload back: the cache, the record, the round trip.
    "editing": (
        "storebrowser.core",
        "storebrowser.providers",
        "storebrowser.transfers",
        "storebrowser.editing",
    ),
    # Compare and sync: both ends listed (the partitioned walk), the plan as one transfer job.
    "sync": (
        "storebrowser.core",
        "storebrowser.providers",
        "storebrowser.find",
        "storebrowser.transfers",
        "storebrowser.sync",
    ),
    # The CLI is a top layer like the UI, but without Qt.
    "cli": (
        "storebrowser.core",
        "storebrowser.providers",
        "storebrowser.accounts",
        "storebrowser.transfers",
        "storebrowser.find",
        "storebrowser.versions",
        "storebrowser.editing",
        "storebrowser.sync",
        "storebrowser.cli",
    ),
    # The window: everything below it but the CLI (what both need lives below them both).
    "ui": (
        "storebrowser.core",
        "storebrowser.providers",
        "storebrowser.accounts",
        "storebrowser.transfers",
        "storebrowser.table",
        "storebrowser.find",
        "storebrowser.qtbridge",
        "storebrowser.versions",
        "storebrowser.editing",
        "storebrowser.sync",
        "storebrowser.ui",
    ),
}
#: No module in storebrowser/ grows past this many lines: split it by concern first.
MAX_LINES = 500


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_statements(path: Path) -> Iterator[tuple[str, tuple[str, ...]]]:
    """``(module, names)`` of every import in ``path`` (at any depth): ``import a.b`` is
    ``("a.b", ())``, ``from ..c import d`` is ``("<package>.c", ("d",))``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = _module_name(path).rsplit(".", 0 if path.name == "__init__.py" else 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((alias.name, ()) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module or ""
            yield source, tuple(alias.name for alias in node.names)


def _imports(path: Path) -> Iterator[str]:
    return (module for module, _names in _import_statements(path))


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
PLACED = {*ALLOWED_OURS, "resources"}
#: Every provider package (one with a registry ``kind.py``).
CONCRETE = tuple(f"storebrowser.providers.{kind.parent.name}" for kind in PACKAGE.glob("providers/*/kind.py"))


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


# -- the UI ---------------------------------------------------------------------------------

#: What each feature package of ui/ may use besides the shared widgets at the top of ui/:
#: a newcomer finds a feature by its folder's name, and no two features lean on each other.
UI_FEATURES: dict[str, tuple[str, ...]] = {
    "places": (),
    "objects": ("places",),
    "transfers": (),
    "accounts": (),
    "properties": ("objects", "transfers"),
    "tiers": ("properties", "transfers"),
    "commands": ("objects", "places", "properties", "transfers", "tiers"),
    "access": ("commands",),
    "versions": ("commands", "properties", "transfers"),
    "bookmarks": ("places", "commands"),
    "i18n": (),
    "editing": ("commands",),
    "sync": ("commands",),
    "tabs": ("places", "objects"),
}
#: Small widgets and helpers at the top of ui/ that any feature may use.
UI_SHARED = ("format", "icons", "notice", "messagebar", "heap", "uistate", "file_types", "a11y", "words")


def _module_files() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _targets(path: Path, modules: dict[str, Path]) -> Iterator[str]:
    """Our modules that ``path`` imports (at any depth, type-checking and lazy imports
    included), ``from package import module`` resolved to the module."""
    for source, names in _import_statements(path):
        for name in names or ("",):
            whole = f"{source}.{name}"
            if name and whole in modules:
                yield whole
            elif source in modules:
                yield source


def test_nothing_but_the_composition_root_imports_the_ui() -> None:
    """app.py starts the window; nothing else may need it (the CLI, the engine...)."""
    bad = [
        f"{path.relative_to(PACKAGE.parent)}: {name}"
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] not in ("ui", "app.py")
        for name in _imports(path)
        if name == "storebrowser.ui" or name.startswith("storebrowser.ui.")
    ]
    assert not bad, "the UI imported from outside ui/ and app.py:\n" + "\n".join(bad)


def test_ui_features_use_the_shared_widgets_and_the_features_below_them_only() -> None:
    """A feature package never reaches for the window (main_window, window_frame,
    window_context, application, chrome, actions): commands get a CommandContext."""
    modules = _module_files()
    bad = []
    for feature, allowed in UI_FEATURES.items():
        allowed_names = {f"storebrowser.ui.{name}" for name in (feature, *allowed, *UI_SHARED)}
        for path in _files(f"ui/{feature}"):
            for target in _targets(path, modules):
                parts = target.split(".")
                in_ui = parts[:2] == ["storebrowser", "ui"] and len(parts) > 2
                if in_ui and ".".join(parts[:3]) not in allowed_names:
                    bad.append(f"{path.relative_to(PACKAGE.parent)}: {target}")
    assert not bad, "ui/ features importing what is not below them:\n" + "\n".join(bad)


def test_every_ui_package_is_a_known_feature() -> None:
    packages = {path.parent.name for path in (PACKAGE / "ui").glob("*/__init__.py")}
    assert packages == set(UI_FEATURES), "add the new ui/ package to UI_FEATURES with what it may use"


# -- the whole package ----------------------------------------------------------------------

def _circles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected parts of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in graph[module]:
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            part: set[str] = set()
            while module not in part:
                part.add(stack.pop())
            if len(part) > 1:
                found.append(part)

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_circle_finder_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert _circles(graph) == [{"a", "b", "c"}]


def test_no_import_circles_between_modules() -> None:
    """A module never imports (even lazily, even for types) one that imports it back."""
    modules = _module_files()
    graph = {name: set(_targets(path, modules)) - {name} for name, path in modules.items()}
    circles = _circles(graph)
    assert not circles, "import circles:\n" + "\n".join(" <-> ".join(sorted(c)) for c in circles)


def test_no_module_over_the_line_limit() -> None:
    long = {
        str(path.relative_to(PACKAGE.parent)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"split these by concern (limit {MAX_LINES} lines): {long}"
