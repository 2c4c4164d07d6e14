"""Where New Container… puts a container: one of the provider's regions (S3), or one of
the cluster's storage policies (Swift, where a container's objects all live in the policy
it was made in). Asked of the provider's capabilities, never of its kind's name; the
policies come from what the provider read when it connected (no request here).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from storebrowser.providers.base import Provider

# Makes the container ``name`` in the ``chosen`` place, on a worker.
Create = Callable[[Provider, str, str], None]


@dataclass(frozen=True, slots=True)
class Placement:
    label: str
    choices: tuple[str, ...]  # the first is the default
    create: Create


def placement(provider: Provider | None) -> Placement | None:
    """The choice New Container… offers beside the name, or ``None`` for none."""
    if provider is None:
        return None
    regions = provider.container_regions()
    if regions:
        label = QCoreApplication.translate("Placement", "Region:")
        return Placement(label, tuple(regions), _in_region)
    if not provider.capabilities.container_classes:
        return None
    classes = provider.storage_classes()
    default = classes.default()
    names = [entry.name for entry in classes.classes]
    if default is not None:  # the cluster's default policy first, as a plain create makes
        names.remove(default.name)
        names.insert(0, default.name)
    label = QCoreApplication.translate("Placement", "Storage policy:")
    return Placement(label, tuple(names), _in_policy)


def _in_region(provider: Provider, name: str, region: str) -> None:
    provider.create_container(name, region=region)


def _in_policy(provider: Provider, name: str, policy: str) -> None:
    provider.create_container_in_class(name, policy)
