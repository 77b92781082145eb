"""W3C Bitstring Status List v1.0: a GZIP-compressed, base64url-encoded bitstring
in which every issued credential has a fixed position.

Open Badges 3.0 allows a single `credentialStatus` object, so each credential has
one entry of two bits (`statusPurpose` "message", `statusSize` 2): the first bit
says revoked, the second suspended (also set while the competence is under review,
the list's only temporary status). The bits are derived from the competence's
status whenever the list is published, so suspending or revoking needs no write here.
"""

import base64
import gzip
from collections.abc import Mapping

LIST_LENGTH = 131_072  # the specification's minimum, for herd privacy
STATUS_SIZE = 2
VALID, SUSPENDED, REVOKED = 0x0, 0x1, 0x2
STATUS_MESSAGES = [
    {"status": "0x0", "message": "valid"},
    {"status": "0x1", "message": "suspended"},
    {"status": "0x2", "message": "revoked"},
    {"status": "0x3", "message": "revoked"},
]


class StatusListError(ValueError):
    """The encoded list cannot be read."""


def status_value(*, revoked: bool, suspended: bool) -> int:
    """The two status bits of one credential: revocation, then suspension."""
    return (REVOKED if revoked else 0) | (SUSPENDED if suspended else 0)


def encode_status_list(
    statuses: Mapping[int, int], *, length: int = LIST_LENGTH, size: int = STATUS_SIZE
) -> str:
    """Encode {index: value} as a multibase (u) base64url string of the GZIP-
    compressed bitstring; index 0 is the left-most bit of the first byte."""
    bits = bytearray(length * size // 8)
    for index, value in statuses.items():
        if not 0 <= index < length:
            raise ValueError(f"Status index {index} is outside the list.")
        for offset in range(size):
            if value >> (size - 1 - offset) & 1:
                position = index * size + offset
                bits[position // 8] |= 0x80 >> (position % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode().rstrip("=")


def decode_status_list(encoded: str) -> bytes:
    """The raw bitstring of an encoded list."""
    text = encoded[1:] if encoded.startswith("u") else encoded
    try:
        compressed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        return gzip.decompress(compressed)
    except (ValueError, OSError, EOFError) as error:
        raise StatusListError("The status list is not GZIP and base64url.") from error


def status_at(bitstring: bytes, *, index: int, size: int = STATUS_SIZE) -> int:
    """The value of the entry at `index`."""
    if index < 0 or (index + 1) * size > len(bitstring) * 8:
        raise StatusListError(f"Status index {index} is outside the list.")
    value = 0
    for offset in range(size):
        position = index * size + offset
        value = value << 1 | (bitstring[position // 8] >> (7 - position % 8) & 1)
    return value
