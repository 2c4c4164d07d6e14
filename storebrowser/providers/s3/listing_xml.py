"""ListObjectsV2 replies read at C speed, inside botocore's own ``before-parse`` hook.

botocore parses a listing reply in Python, element by element through the service model,
each LastModified with dateutil, then URL-decodes every key in Python: ~0.2 ms of client
CPU per listed object, most of an S3 listing's cost (bench/README.md). Where
``list_page`` asks for it (``listing.reading_columns()``, on the calling thread), the
``before-parse.s3.ListObjectsV2`` handler here reads a 200 reply's body once with the
expat parser (in C, with the settings botocore's parser uses), builds the page's columns
straight from the elements (``EntryColumns``, what ``listing.entry_columns`` makes of
botocore's dicts), hands them over in ``customized_response_dict`` (botocore merges it into
the parsed reply as ``listing.COLUMNS_FIELD``) and leaves botocore's parser the body
without its ``Contents`` and ``CommonPrefixes``: botocore still reads IsTruncated,
NextContinuationToken, Prefix... itself, and its ``decode_list_object_v2`` after-call
finds no object key left to decode (they are decoded here, once, by the same function).

Anything unexpected (a body that does not parse, an element this does not know, a value
that does not read as botocore would read it) leaves the reply untouched: botocore parses
all of it, as without this hook. Other ListObjectsV2 calls on the same client (a
paginator) are never touched.
"""

from __future__ import annotations

import functools
import logging
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote_plus

from storebrowser.core.gui_turn import step_aside
from storebrowser.core.types import EntryColumns
from storebrowser.providers.s3 import listing
from storebrowser.providers.s3.archive import ARCHIVE_CLASSES

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

log = logging.getLogger(__name__)

_EVENT = "before-parse.s3.ListObjectsV2"
_HOOK_ID = "storebrowser-listing-columns"
_ROOT = "ListBucketResult"


class UnexpectedReply(ValueError):
    """The reply holds something this reader does not know: botocore reads all of it."""


#: Points of a ListObjectsV2 call between botocore's own steps in Python (signing and
#: sending, reading the body, parsing the rest) where the table's paint goes first.
_STEP_ASIDE_EVENTS = ("before-send", "response-received", "after-call")


def install(client: S3Client) -> None:
    client.meta.events.register(_EVENT, read_columns, unique_id=_HOOK_ID)
    for event in _STEP_ASIDE_EVENTS:
        client.meta.events.register(f"{event}.s3.ListObjectsV2", _step_aside, unique_id=f"{_HOOK_ID}-{event}")


def _step_aside(**_: Any) -> None:
    """A botocore handler (returns nothing: the call goes on as it would)."""
    step_aside()


def read_columns(response_dict: dict[str, Any], customized_response_dict: dict[str, Any], **_: Any) -> None:
    """The ``before-parse`` handler: the page's columns read here, only what is left of the
    body for botocore (see the module's note)."""
    if not listing.columns_asked() or response_dict.get("status_code") != 200:
        return  # errors keep botocore's own parse, and its modeled error fields
    body = response_dict.get("body")
    if not isinstance(body, bytes):
        return
    try:
        columns, rest = split_reply(body)
    except (ElementTree.ParseError, ValueError) as error:
        log.debug("ListObjectsV2 reply left to botocore: %s", error)
        return
    response_dict["body"] = rest
    customized_response_dict[listing.COLUMNS_FIELD] = columns


def split_reply(body: bytes) -> tuple[EntryColumns, bytes]:
    """The page's objects and common prefixes as columns, and the reply without them.

    In pieces of ~1 ms between which the table's paint, if one is under way, goes first
    (``gui_turn``): the GIL is shared, and this runs while the table is shown."""
    root = _parse(body)
    tags = _tags_of(root.tag)
    objects, prefixes, rest = [], [], []
    for child in root:
        if child.tag == tags.contents:
            objects.append(child)
        elif child.tag == tags.common_prefixes:
            prefixes.append(child)
        elif _namespace(child.tag) != tags.namespace:
            # botocore ignores namespaces: a <Contents> or <EncodingType> in another one
            # (a prefixed root over unprefixed children) is still one for it, not for us
            raise UnexpectedReply(f"<{child.tag}> is not in the namespace of <{root.tag}>")
        else:
            rest.append(child)
    rows: list[listing.Row] = []
    for start in range(0, len(objects), ROWS_PER_STEP):  # ~1 ms each
        step_aside()
        rows += [_object_row(element, tags) for element in objects[start : start + ROWS_PER_STEP]]
    rows += [_prefix_row(element, tags) for element in prefixes]
    step_aside()
    # botocore decodes keys when the reply says it encoded them (it always asks, unless
    # the caller did: list_page never does).
    if rows and root.findtext(tags.encoding_type) == "url":
        keys = decoded([row[0] for row in rows])
        step_aside()
        rows = [(key, *row[1:]) for key, row in zip(keys, rows, strict=True)]
    rows.sort(key=itemgetter(0))
    step_aside()
    root[:] = rest
    # A CR in a text (``&#13;``: a continuation token, a prefix not URL-encoded) would be
    # written raw and read back as LF, as XML reads line ends: written as a reference.
    rest_body = ElementTree.tostring(root, encoding="utf-8").replace(b"\r", b"&#13;")
    return listing.columns_of_rows(rows), rest_body


def decoded(keys: list[str]) -> list[str]:
    """``unquote_plus`` of each key (botocore's ``unquote_str``), in one call for the page:
    its Python loop runs once, not once per key. The same: the NUL joining them cannot be
    in XML text, is not ``%`` or ``+``, and UTF-8 decoding never takes an ASCII byte into
    a broken sequence; a key holding ``%00`` (a NUL once decoded) is decoded alone."""
    joined = "\0".join(keys)
    if "%00" in joined:
        return [unquote_plus(key) for key in keys]
    split = unquote_plus(joined).split("\0")
    if len(split) != len(keys):
        raise UnexpectedReply("a key decoded into two")  # cannot be, as said above
    return split


def _namespace(tag: str) -> str:
    """``{uri}`` of ``{uri}Name``, ``""`` for a name in no namespace."""
    return tag[: tag.find("}") + 1] if tag.startswith("{") else ""


#: Bytes handed to expat per call. One call holds the GIL throughout (a 1,000-object page,
#: ~230 KB, takes 3-5 ms of CPU): the GUI thread, painting the table meanwhile, would wait
#: that long for each of its calls into Python. A piece takes ~0.3 ms.
FEED_BYTES = 16 * 1024
#: Objects read into rows between two ``step_aside`` (the table's paint goes first).
ROWS_PER_STEP = 200


def _parse(body: bytes, piece: int = FEED_BYTES) -> ElementTree.Element:
    """As botocore's XML parser reads it (UTF-8 whatever the document declares); fed in
    pieces (expat reads a document in any pieces as it reads it whole, a character or a
    reference cut in two included)."""
    parser = ElementTree.XMLParser(target=ElementTree.TreeBuilder(), encoding="utf-8")
    whole = memoryview(body)
    for start in range(0, len(body), piece):
        step_aside()
        parser.feed(whole[start : start + piece])
    return parser.close()


@dataclass(frozen=True, slots=True)
class _Tags:
    """Element names in the reply's namespace (S3's, or none on some servers)."""

    namespace: str  # ``{uri}``, or ""
    contents: str
    common_prefixes: str
    encoding_type: str
    key: str
    size: str
    last_modified: str
    etag: str
    storage_class: str
    restore_status: str
    checksum_algorithm: str
    prefix: str
    restoring: str
    restore_expiry: str
    #: What an object's element may hold (the ``Object`` shape of botocore's model).
    object_fields: frozenset[str]
    restore_fields: frozenset[str]


@functools.lru_cache(maxsize=8)
def _tags_of(root_tag: str) -> _Tags:
    ns = root_tag[: -len(_ROOT)]
    # In any namespace, or none (botocore ignores them); not an <Error> a 200 may carry.
    if not root_tag.endswith(_ROOT) or not (ns == "" or (ns.startswith("{") and ns.endswith("}"))):
        raise UnexpectedReply(f"the reply is <{root_tag}>, not <{_ROOT}>")
    names = ("Key", "LastModified", "ETag", "ChecksumAlgorithm", "ChecksumType", "Size", "StorageClass",
             "Owner", "RestoreStatus")  # fmt: skip
    return _Tags(
        namespace=ns,
        contents=ns + "Contents", common_prefixes=ns + "CommonPrefixes", encoding_type=ns + "EncodingType",
        key=ns + "Key", size=ns + "Size", last_modified=ns + "LastModified", etag=ns + "ETag",
        storage_class=ns + "StorageClass", restore_status=ns + "RestoreStatus",
        checksum_algorithm=ns + "ChecksumAlgorithm", prefix=ns + "Prefix",
        restoring=ns + "IsRestoreInProgress", restore_expiry=ns + "RestoreExpiryDate",
        object_fields=frozenset(ns + name for name in names),
        restore_fields=frozenset((ns + "IsRestoreInProgress", ns + "RestoreExpiryDate")),
    )  # fmt: skip


def _object_row(element: ElementTree.Element, tags: _Tags) -> listing.Row:
    """One ``<Contents>`` as ``listing.entry_columns`` makes botocore's dict of it (the key
    not decoded yet)."""
    fields = {child.tag: child for child in element}
    if len(fields) != len(element):
        _check_repeats(element, tags)
    if not fields.keys() <= tags.object_fields:
        raise UnexpectedReply(f"<Contents> holds {sorted(fields.keys() - tags.object_fields)}")
    key = _text(fields[tags.key]) if tags.key in fields else None
    if key is None:
        raise UnexpectedReply("<Contents> without <Key>")
    size = fields.get(tags.size)
    modified = fields.get(tags.last_modified)
    etag = fields.get(tags.etag)
    storage_class = _text(fields[tags.storage_class]) if tags.storage_class in fields else None
    restore = fields.get(tags.restore_status)
    archive = None
    if restore is not None or storage_class in ARCHIVE_CLASSES:  # else listed_archive says None
        item: dict[str, Any] = {"StorageClass": storage_class}
        if restore is not None:
            item["RestoreStatus"] = _restore_status(restore, tags)
        archive = listing.listed_archive(item)
    return (
        key,
        int(_text(size)) if size is not None else 0,
        _timestamp(_text(modified)) if modified is not None else None,
        listing.strip_etag(_text(etag)) if etag is not None else None,
        storage_class,
        False,
        archive,
    )


def _prefix_row(element: ElementTree.Element, tags: _Tags) -> listing.Row:
    if len(element) != 1 or element[0].tag != tags.prefix:
        raise UnexpectedReply(f"<CommonPrefixes> holds {[child.tag for child in element]}")
    return (_text(element[0]), 0, None, None, None, True, None)


def _check_repeats(element: ElementTree.Element, tags: _Tags) -> None:
    """Only ``ChecksumAlgorithm`` is a list (flattened: repeated elements)."""
    seen: set[str] = set()
    for child in element:
        if child.tag in seen and child.tag != tags.checksum_algorithm:
            raise UnexpectedReply(f"<Contents> holds <{child.tag}> twice")
        seen.add(child.tag)


def _restore_status(element: ElementTree.Element, tags: _Tags) -> dict[str, Any]:
    """As botocore parses ``RestoreStatus`` (booleans are the text ``true``)."""
    fields = {child.tag: child for child in element}
    if len(fields) != len(element) or not fields.keys() <= tags.restore_fields:
        raise UnexpectedReply(f"<RestoreStatus> holds {[child.tag for child in element]}")
    status: dict[str, Any] = {}
    if tags.restoring in fields:
        status["IsRestoreInProgress"] = _text(fields[tags.restoring]) == "true"
    if tags.restore_expiry in fields:
        status["RestoreExpiryDate"] = _timestamp(_text(fields[tags.restore_expiry]))
    return status


def _text(element: ElementTree.Element) -> str:
    """An element's text as botocore reads it: an empty element is ``""``."""
    if len(element):
        raise UnexpectedReply(f"<{element.tag}> holds elements")
    return element.text or ""


def _timestamp(text: str) -> datetime:
    """ISO 8601 with its zone, as S3 writes it (``2026-12-04T06:35:33.000Z``); anything
    else (no zone, another format) is left to botocore's dateutil."""
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        raise UnexpectedReply(f"LastModified {text!r} has no time zone")
    return parsed
