from __future__ import annotations

from storebrowser.core.preview import decode_text, hexdump, image_kind


def test_hexdump_uses_object_offsets() -> None:
    lines = hexdump(b"0123456789abcdefXYZ", offset=0x100).splitlines()
    assert lines[0].startswith("00000100  30 31 32 33 34 35 36 37  38 39 61 62")
    assert lines[0].endswith("|0123456789abcdef|")
    assert lines[1].startswith("00000110  58 59 5a") and lines[1].endswith("|XYZ|")


def test_a_character_cut_at_the_end_of_a_range_is_held_back() -> None:
    data = "héllo wörld".encode()
    cut = data[: data.index("ö".encode()) + 1]
    assert decode_text(cut, at_end=False) == "héllo w"
    assert decode_text(cut, at_end=True).endswith("\ufffd")


def test_image_kinds() -> None:
    assert image_kind(b"\x89PNG\r\n\x1a\n....") == "png"
    assert image_kind(b"\xff\xd8\xff\xe0") == "jpeg"
    assert image_kind(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "webp"
    assert image_kind(b"plain text") is None
