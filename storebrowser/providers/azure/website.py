"""Static website: an account-wide setting (service properties) serving the ``$web`` container.

Azure's site address is ``https://<account>.z<N>.web.core.windows.net``; the zone number
``N`` is assigned by Azure and cannot be derived from the account, so ``WebsiteConfig.url``
stays ``None`` (the portal shows it under "Static website").
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from storebrowser.core.errors import InvalidName
from storebrowser.core.types import WebsiteConfig
from storebrowser.providers.azure.errors import azure_errors
from storebrowser.providers.azure.names import WEB_CONTAINER

if TYPE_CHECKING:
    from azure.storage.blob import BlobServiceClient


def _require_web(container: str) -> None:
    if container != WEB_CONTAINER:
        raise InvalidName(
            f"Azure serves a static website only from the {WEB_CONTAINER!r} container, not "
            f"{container!r}: publish {WEB_CONTAINER!r} and upload the site there.",
            container=container,
        )


def set_website(service: BlobServiceClient, container: str, config: WebsiteConfig) -> WebsiteConfig:
    """Turn the account's static website on with ``config``'s documents; make ``$web``."""
    from azure.core.exceptions import ResourceExistsError
    from azure.storage.blob import StaticWebsite

    _require_web(container)
    website = StaticWebsite(
        enabled=True, index_document=config.index_document, error_document404_path=config.error_document
    )
    with azure_errors("Turning on the static website", container=container):
        service.set_service_properties(static_website=website)
    # Azure creates $web when the website is turned on; Azurite does not.
    with azure_errors("Creating the $web container", container=container), suppress(ResourceExistsError):
        service.create_container(WEB_CONTAINER)
    return WebsiteConfig(config.index_document, config.error_document, url=None)


def get_website(service: BlobServiceClient, container: str) -> WebsiteConfig | None:
    """The setting when ``container`` is ``$web`` and the website is on, else ``None``."""
    if container != WEB_CONTAINER:
        return None
    with azure_errors("Reading the static website setting", container=container):
        website = service.get_service_properties()["static_website"]
    if website is None or not website.enabled:
        return None
    return WebsiteConfig(website.index_document or "index.html", website.error_document404_path, url=None)


def disable_website(service: BlobServiceClient) -> None:
    from azure.storage.blob import StaticWebsite

    with azure_errors("Turning off the static website"):
        service.set_service_properties(static_website=StaticWebsite(enabled=False))
