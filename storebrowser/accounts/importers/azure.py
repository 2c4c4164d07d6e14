"""Azure: the variables the Azure CLI and SDK samples use.

``AZURE_STORAGE_CONNECTION_STRING``, or ``AZURE_STORAGE_ACCOUNT`` with
``AZURE_STORAGE_KEY`` or ``AZURE_STORAGE_SAS_TOKEN`` (and ``AZURE_STORAGE_SERVICE_ENDPOINT``
for the blob endpoint, as the Azure CLI reads it).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from storebrowser.accounts.importers.report import ImportReport

SOURCE = "environment"


def import_azure_env(env: Mapping[str, str] | None = None) -> ImportReport:
    env = os.environ if env is None else env
    report = ImportReport()
    if connection_string := env.get("AZURE_STORAGE_CONNECTION_STRING", "").strip():
        _offer_connection_string(report, connection_string)
    account = env.get("AZURE_STORAGE_ACCOUNT", "").strip()
    key = env.get("AZURE_STORAGE_KEY", "").strip()
    sas = env.get("AZURE_STORAGE_SAS_TOKEN", "").strip()
    if not account:
        if key or sas:
            report.skip(SOURCE, "AZURE_STORAGE_KEY", "set without AZURE_STORAGE_ACCOUNT.")
        return report
    if not (key or sas):
        report.skip(
            SOURCE,
            "AZURE_STORAGE_ACCOUNT",
            "set without AZURE_STORAGE_KEY or AZURE_STORAGE_SAS_TOKEN.",
        )
        return report
    settings = {
        "account_name": account,
        "blob_endpoint": env.get("AZURE_STORAGE_SERVICE_ENDPOINT", "").strip(),
    }
    secret = {"account_key": key} if key else {"sas_token": sas}
    if key and sas:
        report.notes.append(
            f"Azure {account}: both a key and a SAS token are set; the key "
            "was used (it allows everything the SAS does)."
        )
    report.offer(SOURCE, f"Azure {account}", "azure", settings, secret)
    return report


def connection_string_parts(value: str) -> dict[str, str]:
    """``Name=value;...`` pairs with lower-case names (values may contain '=')."""
    parts: dict[str, str] = {}
    for piece in value.split(";"):
        name, sep, item = piece.partition("=")
        if sep:
            parts[name.strip().lower()] = item.strip()
    return parts


def _offer_connection_string(report: ImportReport, value: str) -> None:
    parts = connection_string_parts(value)
    if parts.get("usedevelopmentstorage", "").lower() == "true":
        name = "Azure (development storage)"
    elif not (parts.get("accountkey") or parts.get("sharedaccesssignature")):
        # Never quote the string: it is (or contains) the secret.
        report.skip(
            SOURCE,
            "AZURE_STORAGE_CONNECTION_STRING",
            "has neither AccountKey nor SharedAccessSignature.",
        )
        return
    elif not (parts.get("accountname") or parts.get("blobendpoint")):
        report.skip(SOURCE, "AZURE_STORAGE_CONNECTION_STRING", "has neither AccountName nor BlobEndpoint.")
        return
    else:
        name = f"Azure {parts.get('accountname') or 'connection string'}"
    report.offer(SOURCE, name, "azure", {}, {"connection_string": value})
