"""Verification codes people read off a certificate and type into the check: a pure
rule.

A code is twelve characters from an alphabet with nothing to confuse: no 0 or O, no 1,
I or L. It is printed in three groups of four (`7KQ4-MWX9-C2HT`) and stored without
the hyphens; typed with or without spaces or hyphens, in either case, it reads the
same. Twelve characters from 31 give about 59 bits: with the check rate-limited per
address, guessing a code of any certificate is out of reach.

Certificates issued before these codes keep their URL-safe code (`legacy`), still
printed in their verification address, and match only as typed.
"""

import re
import secrets

NUMBER_PREFIX = "TSA"
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 12
GROUP = 4
EXAMPLE = "7KQ4-MWX9-C2HT"

READABLE = re.compile(f"[{ALPHABET}]{{{LENGTH}}}")
# What may stand between groups when typed: spaces and any kind of dash.
SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]+")
LEGACY = re.compile(r"[A-Za-z0-9_-]{1,64}")
# A certificate number as printed (TSA-2026-000123) or typed loosely (tsa 2026 123).
NUMBER = re.compile(NUMBER_PREFIX + r"\d{4}\d{1,8}")


def new_code() -> str:
    """A fresh readable code, as stored (no hyphens)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def readable(typed: str) -> str | None:
    """The stored form of a typed readable code, or None if it is not one."""
    compact = SEPARATORS.sub("", typed or "").upper()
    return compact if READABLE.fullmatch(compact) else None


def grouped(code: str) -> str:
    """A readable code as printed, in groups of four; any other code as it is."""
    if not READABLE.fullmatch(code or ""):
        return code
    return "-".join(code[i : i + GROUP] for i in range(0, LENGTH, GROUP))


def is_legacy(typed: str) -> bool:
    """Whether the text could be the code of a certificate issued before readable
    codes (URL-safe base64)."""
    return bool(LEGACY.fullmatch(typed or ""))


def looks_like_certificate_number(typed: str) -> bool:
    """Whether someone typed the certificate's number rather than its code."""
    compact = SEPARATORS.sub("", typed or "").upper()
    return bool(NUMBER.fullmatch(compact))
