"""Which versions of the libraries StoreBrowser runs on are installed (Help > About,
bug reports). Read from the installed packages' metadata: the SDKs are not imported, so
asking costs a few small file reads and no start-up time. It reads files: call it off the
GUI thread."""

from __future__ import annotations

from importlib import metadata

#: The SDKs that talk to the services, as pip names them (Qt's version is known at run time).
LIBRARIES = ("boto3", "azure-storage-blob", "python-swiftclient", "keystoneauth1")


def installed(names: tuple[str, ...] = LIBRARIES) -> dict[str, str | None]:
    """``{name: version}``; ``None`` for a library that is not installed (a bundle may
    carry the package without its metadata)."""
    found: dict[str, str | None] = {}
    for name in names:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return found
