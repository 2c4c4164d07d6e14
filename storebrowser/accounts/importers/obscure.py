"""rclone's "obscured" passwords, revealed without running rclone.

rclone obscures password-type options with AES-256-CTR under a fixed key published in its
source (fs/config/obscure/obscure.go); the first 16 bytes are the IV, and the whole is
base64 URL-safe without padding. Obscuring hides a password from a glance, nothing more.
"""

from __future__ import annotations

import base64
import binascii

_KEY = bytes.fromhex("9c935b48730a554d6bfd7c63c886a92bd390198eb8128afbf4de162b8b95f638")
_BLOCK = 16


class RevealError(ValueError):
    pass


def reveal(obscured: str) -> str:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    try:
        raw = base64.urlsafe_b64decode(obscured + "=" * (-len(obscured) % 4))
    except (binascii.Error, ValueError):
        raise RevealError("not an obscured rclone password (bad base64)") from None
    if len(raw) < _BLOCK:
        raise RevealError("not an obscured rclone password (too short)")
    decryptor = Cipher(algorithms.AES(_KEY), modes.CTR(raw[:_BLOCK])).decryptor()
    plain = decryptor.update(raw[_BLOCK:]) + decryptor.finalize()
    try:
        return plain.decode("utf-8")
    except UnicodeDecodeError:
        raise RevealError("not an obscured rclone password (not text once revealed)") from None
