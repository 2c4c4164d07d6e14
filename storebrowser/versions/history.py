"""A container's versions read page by page and gathered per key."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.errors import NotFound
from storebrowser.core.listing import follow_tokens
from storebrowser.core.types import ObjectVersion
from storebrowser.core.versioned import is_current, same_content
from storebrowser.providers.base import Provider


def iter_versions(
    provider: Provider,
    container: str,
    prefix: str = "",
    delimiter: str | None = None,
    *,
    page_size: int = 1000,
    cancel: CancelToken = NEVER,
) -> Iterator[ObjectVersion]:
    """Every entry of a versions listing (flat by default), page after page."""
    pages = follow_tokens(
        lambda token: provider.list_versions_page(container, prefix, delimiter, token, page_size),
        f"the versions listing of {container!r}",
        cancel=cancel,
    )
    for page in pages:
        yield from page.entries


def by_key(entries: Iterable[ObjectVersion]) -> Iterator[list[ObjectVersion]]:
    """Consecutive entries of one key as one list (newest first), pseudo-folders left out.
    A listing gives each key's entries together, so this holds one key at a time."""
    group: list[ObjectVersion] = []
    for entry in entries:
        if entry.is_prefix:
            continue
        if group and entry.key != group[0].key:
            yield group
            group = []
        group.append(entry)
    if group:
        yield group


def versions_of(provider: Provider, container: str, key: str) -> list[ObjectVersion]:
    """The versions of ``key`` alone, newest first; ``NotFound`` when it has none."""
    # The key sorts before every other key it is a prefix of: its group comes first.
    found = next(by_key(iter_versions(provider, container, key)), [])
    if not found or found[0].key != key:
        raise NotFound(f"{key!r} has no versions in {container!r}.", container=container, key=key)
    return found


__all__ = ["by_key", "is_current", "iter_versions", "same_content", "versions_of"]
