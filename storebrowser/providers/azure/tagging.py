"""Blob index tags: read and replace, checked against Azure's rules before sending."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from storebrowser.core.tags import AZURE_TAG_RULES
from storebrowser.providers.azure.errors import azure_errors

if TYPE_CHECKING:
    from azure.storage.blob import BlobClient


def get_tags(blob: BlobClient) -> dict[str, str]:
    with azure_errors(f"Reading the tags of {blob.blob_name!r}", container=blob.container_name,
                      key=blob.blob_name):  # fmt: skip
        return dict(blob.get_blob_tags())


def set_tags(blob: BlobClient, tags: Mapping[str, str]) -> None:
    """Replace all the tags (none: Set Blob Tags with an empty set removes them)."""
    checked = AZURE_TAG_RULES.check(tags, key=blob.blob_name)
    with azure_errors(f"Changing the tags of {blob.blob_name!r}", container=blob.container_name,
                      key=blob.blob_name):  # fmt: skip
        blob.set_blob_tags(checked)
