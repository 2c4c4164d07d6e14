"""Local-folder container names: a container is a sub-folder, so its name must be one
file name on this system (``core.names.local_name_problem``)."""

from __future__ import annotations

from storebrowser.core.names import container_name_error, local_name_problem


def check_container_name(name: str) -> None:
    """Raise ``InvalidName`` quoting the rule when ``name`` cannot be a folder here."""
    problem = local_name_problem(name)
    if problem:
        raise container_name_error(name, f"a local folder name {problem}.")
