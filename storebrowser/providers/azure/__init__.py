"""Azure Blob Storage, through azure-storage-blob (imported lazily, from ``provider``).

Quirks worth knowing, found against Azurite and the SDK:

- The SDK hands a delimiter listing page over as its prefixes, then its blobs; we sort
  each page back into key order (``listing``).
- Uncommitted blocks cannot be deleted; an aborted upload of a new blob commits an empty
  block list under ``If-None-Match: *`` and deletes it (``blocks.BlockUpload.abort``).
- A wrong key is ``AuthorizationFailure`` on Azurite, ``AuthenticationFailed`` on Azure;
  both mean AuthFailed (``errors``).
- The SDK's default retry waits 15 s, then 18, 24...; ``client`` sets shorter waits.
- Azurite stores the static-website setting but serves no site.
"""
