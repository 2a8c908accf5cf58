"""Join codes: short, random per session, easy to read off a projector and type.

The alphabet leaves out characters people confuse (0/O, 1/I/L, 2/Z, 5/S, 6/G,
8/B, U/V): a learner who types what the board shows gets it right. Six of its 21
characters make 85 million codes, far more than anyone on the LAN can try
against the server's rate limit during one class.
"""

from __future__ import annotations

import hmac
import re
import secrets

ALPHABET = "ACDEFHJKMNPQRTWXY3479"
LENGTH = 6
_SEPARATORS = re.compile(r"[\s\-_.]+")


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def display(code: str) -> str:
    """``K7P-3QX``: two groups of three read aloud more easily than six."""
    return f"{code[:3]}-{code[3:]}"


def normalise(text: str) -> str | None:
    """The code a learner typed, upper-cased and without separators; None if it
    cannot be a join code at all (wrong length or a character not in the alphabet)."""
    code = _SEPARATORS.sub("", text).upper()
    if len(code) != LENGTH or any(c not in ALPHABET for c in code):
        return None
    return code


def matches(given: str, expected: str) -> bool:
    """Constant-time: the answer's timing tells nothing about how close a guess was."""
    code = normalise(given)
    return code is not None and hmac.compare_digest(code, expected)
