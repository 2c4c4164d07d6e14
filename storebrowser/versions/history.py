"""A container's versions read page by page and gathered per key."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.errors import NotFound
from storebrowser.core.listing import follow_tokens
from storebrowser.core.types import ObjectVersion
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


def is_current(group: list[ObjectVersion]) -> bool:
    """Whether the key of ``group`` exists now (its latest entry is content, not a delete
    marker; Swift can also leave a key with versions but none current)."""
    return bool(group) and group[0].is_latest and not group[0].is_delete_marker


def same_content(a: ObjectVersion, b: ObjectVersion) -> bool:
    """The same bytes, as far as the service tells: the same version, or the same size and
    ETag (S3, Swift: the MD5 of a plain object; an Azure snapshot keeps its blob's ETag),
    or the same size and Content-MD5. A copy made in parts has another ETag: then this
    says no, and restoring it again costs a copy but changes nothing."""
    if a.version_id == b.version_id:
        return True
    if a.size != b.size or a.is_delete_marker or b.is_delete_marker:
        return False
    if a.etag is not None and a.etag == b.etag:
        return True
    return a.content_md5 is not None and a.content_md5 == b.content_md5
