"""Turning a byte range into something to look at: text, a hex dump, an image type."""

from __future__ import annotations

import codecs

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
