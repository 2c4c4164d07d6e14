"""Amazon S3 and every S3-compatible service, through boto3.

Split by concern: ``client`` (settings, session, per-region clients, botocore config),
``errors`` (the one mapping of botocore exceptions), ``listing``, ``reading`` (HEAD and
checked ranged GET), ``multipart`` (parts for ``transfers.parts``, copies in parts),
``copying`` (CopyObject / metadata changes with REPLACE), ``metadata`` (the rules for
user metadata), ``buckets`` (create, forced delete, batch delete, website), and
``provider`` which wires them onto the protocol. Nothing here is imported by ``kind.py``,
so boto3 loads only when an S3 account opens.
"""
