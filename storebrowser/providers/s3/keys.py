"""Object keys inside S3's XML documents.

Most S3 requests carry the key in the URL, where any character travels (botocore
percent-encodes it, dot segments included). A few carry it in XML: the bulk
DeleteObjects request, and the answers about uploads in parts (CreateMultipartUpload's
``<Key>``). XML 1.0 has no control characters but tab and line feed, and its parsers turn
a carriage return into a line feed, so a key with those would be refused (s3api answers
MalformedXML, moto and s3api fail uploads in parts with a 500) or, worse, read as another
key. Such keys take the URL way: deleted one by one, uploaded and copied in one request.
"""

from __future__ import annotations

import re

from storebrowser.core.errors import InvalidName

#: Characters XML 1.0 cannot carry, plus the carriage return its parsers rewrite.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(key: str) -> bool:
    """Whether ``key`` survives a trip through an S3 XML document unchanged."""
    return _NOT_IN_XML.search(key) is None


def refuse_parts(key: str, *, container: str | None = None) -> InvalidName:
    return InvalidName(
        f"{key!r} holds control characters that S3 cannot take in an upload in parts (its "
        "answers are XML, which has no such characters); it can be stored in one request, "
        "up to 5 GiB.",
        container=container,
        key=key,
    )
