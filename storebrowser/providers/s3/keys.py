"""Object keys inside S3's XML documents.

Most S3 requests carry the key in the URL, where any character travels (botocore
percent-encodes it, dot segments included). A few carry it in XML: the bulk
DeleteObjects request, and the answers about uploads in parts (CreateMultipartUpload's
``<Key>``). XML 1.0 has no control characters but tab, line feed and carriage return, so
a key with the others is refused (s3api answers MalformedXML, and s3api and moto fail
uploads in parts with a 500). A carriage return is allowed but XML parsers may turn it
into a line feed, another key (AWS asks for it as ``&#13;``, which botocore does not
write; s3api happens to keep it). Such keys take the URL way: deleted one by one,
uploaded and copied in one request.
"""

from __future__ import annotations

import re

from storebrowser.core.errors import InvalidName

#: Characters XML 1.0 cannot carry, plus the carriage return its parsers may rewrite.
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
