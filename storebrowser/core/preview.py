"""Turning a byte range into something to look at: text, a hex dump, an image type."""

from __future__ import annotations

import codecs
import enum

HEX_WIDTH = 16

_IMAGE_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"BM", "bmp"),
)


def image_kind(data: bytes) -> str | None:
    """The image format the bytes start with, or ``None``."""
    for magic, kind in _IMAGE_MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


class Looks(enum.Enum):
    """What the first bytes of an object look like, for the preview to choose its tab."""

    IMAGE = "image"
    TEXT = "text"
    BINARY = "binary"


#: Formats that are not text however they begin (documents, archives, media, programs).
_BINARY_MAGIC: tuple[bytes, ...] = (
    b"%PDF", b"PK\x03\x04", b"PK\x05\x06", b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00", b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07", b"\x28\xb5\x2f\xfd", b"\xd0\xcf\x11\xe0", b"\x7fELF", b"MZ", b"OggS", b"fLaC",
    b"ID3", b"SQLite format 3\x00", b"\x00asm", b"PAR1",
)  # fmt: skip
#: Text-like control characters; others in more than 1 % of the bytes make a binary.
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
SNIFF_BYTES = 8192


def looks(data: bytes) -> Looks:
    """Image by its magic, binary by its magic or its NULs and control bytes, else text.
    The bytes decide, not the listed type (a PNG uploaded as text/plain is an image)."""
    if image_kind(data) is not None:
        return Looks.IMAGE
    sample = data[:SNIFF_BYTES]
    if sample.startswith(_BINARY_MAGIC) or sample[4:8] == b"ftyp":  # MP4, MOV, HEIC
        return Looks.BINARY
    if sample.startswith(_UTF16_BOMS):
        return Looks.TEXT
    if b"\0" in sample:
        return Looks.BINARY
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS)
    return Looks.BINARY if controls * 100 > len(sample) else Looks.TEXT


def decode_text(data: bytes, encoding: str = "utf-8", *, at_end: bool = True) -> str:
    """Decode with replacement characters. When the range stops before the end of the
    object (``at_end=False``), a multi-byte character cut in half at the end is left out
    instead of shown as garbage; the next range starts with it."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    return decoder.decode(data, final=at_end)


def hexdump(data: bytes, offset: int = 0) -> str:
    """Lines of ``offset  hex bytes  |ascii|``, offsets as in the object, not the range."""
    lines = []
    for start in range(0, len(data), HEX_WIDTH):
        chunk = data[start : start + HEX_WIDTH]
        hex_part = " ".join(f"{byte:02x}" for byte in chunk)
        half = HEX_WIDTH // 2 * 3
        hex_part = (hex_part[:half] + " " + hex_part[half:]).rstrip() if len(chunk) > 8 else hex_part
        text = "".join(chr(byte) if 32 <= byte < 127 else "." for byte in chunk)
        lines.append(f"{offset + start:08x}  {hex_part:<{HEX_WIDTH * 3}}  |{text}|")
    return "\n".join(lines)
