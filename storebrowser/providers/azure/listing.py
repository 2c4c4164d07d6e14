"""Paged listings: containers, and blobs with prefix and delimiter (pseudo-folders)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

from storebrowser.core.types import ContainerInfo, ObjectInfo, Page
from storebrowser.providers.azure import listing_xml
from storebrowser.providers.azure.errors import azure_errors
from storebrowser.providers.azure.properties import object_info

if TYPE_CHECKING:
    from azure.core.paging import ItemPaged, PageIterator
    from azure.storage.blob import BlobServiceClient, ContainerClient

_Item = TypeVar("_Item")

#: The service returns at most 5000 entries per page.
MAX_PAGE = 5000


def list_containers(service: BlobServiceClient) -> list[ContainerInfo]:
    """Every container, in the service's (name) order."""
    with azure_errors("Listing the containers"):
        return [
            ContainerInfo(name=item.name, created=getattr(item, "last_modified", None))
            for item in service.list_containers()
        ]


def list_blob_page(
    client: ContainerClient, prefix: str, delimiter: str | None, token: str | None, limit: int
) -> Page[ObjectInfo]:
    """One page; the SDK's continuation token (Azure's ``NextMarker``) is our ``next_token``.

    Read from the reply's XML straight into columns (``listing_xml``); where that reader
    declines a reply, through the SDK's models as before (``sdk_page``). Both make the
    same request and the same token, so a listing may go on through either.
    """
    size = max(1, min(limit, MAX_PAGE))
    with azure_errors(f"Listing {client.container_name!r}", container=client.container_name):
        page = listing_xml.read_page(client, prefix, delimiter, token, size)
        return page if page is not None else sdk_page(client, prefix, delimiter, token, size)


def sdk_page(client: ContainerClient, prefix: str, delimiter: str | None, token: str | None,
             size: int) -> Page[ObjectInfo]:  # fmt: skip
    """One page through the SDK's listing (its models, one ``BlobProperties`` per blob).

    With a delimiter the service gives each pseudo-folder (``BlobPrefix``) once per
    listing, but the SDK hands a page over as its prefixes followed by its blobs; sorting
    the page puts them back in key order (code-point order, which is UTF-8 byte order, as
    the service sorts).
    """
    if delimiter:
        walked = client.walk_blobs(
            name_starts_with=prefix or None, delimiter=delimiter, results_per_page=size
        )
        blobs_and_prefixes, next_token = one_page(walked, token)
        entries = [_entry(item) for item in blobs_and_prefixes]
    else:
        # With each blob's metadata (one listing, no HEAD each: a compare reads the
        # stored modification times from it; ``Capabilities.listed_metadata``).
        listed = client.list_blobs(
            name_starts_with=prefix or None, results_per_page=size, include=["metadata"]
        )
        blobs, next_token = one_page(listed, token)
        entries = [_entry(item) for item in blobs]
    return Page(sorted(entries, key=lambda entry: entry.key), next_token)


def one_page(paged: ItemPaged[_Item], token: str | None) -> tuple[list[_Item], str | None]:
    """The page of ``paged`` at ``token`` (None: the first), and the token of the next."""
    # by_page() is annotated as a bare iterator of pages; what it returns is a PageIterator,
    # whose continuation_token is how the SDK documents resuming a listing.
    pages = cast("PageIterator[_Item]", paged.by_page(continuation_token=token))
    return list(next(pages, [])), pages.continuation_token or None


def _entry(item: Any) -> ObjectInfo:
    from azure.storage.blob import BlobPrefix

    if isinstance(item, BlobPrefix):
        return ObjectInfo(key=item.name, is_prefix=True)
    return object_info(item)


def has_any_blob(client: ContainerClient) -> bool:
    """One request for at most one name: enough to tell an empty container."""
    with azure_errors(f"Looking into {client.container_name!r}", container=client.container_name):
        first_page = next(client.list_blobs(results_per_page=1).by_page(), iter(()))
        return any(True for _ in first_page)
