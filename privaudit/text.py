"""Make untrusted text safe to show.

Vault labels, URLs, usernames and checklist files come from outside. Before they
reach a terminal, a browser or a Markdown viewer they lose every character that
could move the cursor, change colours, hide text or reorder it on screen.
"""

from __future__ import annotations

import re
import unicodedata

# Bidi embeddings/overrides/isolates and marks: they can make "moc.knab" read as
# "bank.com" (CVE-2021-42574 "Trojan Source").
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
# ANSI/VT escape sequences first, so their parameters go with the ESC byte.
_ESCAPE_SEQUENCE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")
_DROP = {ord(c): None for c in _BIDI + _INVISIBLE}

MAX_DISPLAY_LENGTH = 200


def sanitize(text: str, *, max_length: int = MAX_DISPLAY_LENGTH) -> str:
    """Return `text` without control, escape or bidi characters, on one line.

    Line breaks and tabs become single spaces so a label cannot forge extra
    report lines; over-long text is cut with an ellipsis.
    """
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = text.translate(_DROP)
    out: list[str] = []
    for ch in text:
        if ch in "\t\n\r\v\f\x85\u2028\u2029":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch != " ":
            continue
        else:
            out.append(ch)
    cleaned = " ".join("".join(out).split())
    if len(cleaned) > max_length:
        cleaned = cleaned[: max_length - 1] + "…"
    return cleaned


def sanitize_block(text: str, *, max_length: int = 4000) -> str:
    """Like `sanitize` but keeps line breaks: for multi-line help texts (why/fix)."""
    lines = [sanitize(line, max_length=max_length) for line in text.splitlines()]
    joined = "\n".join(lines).strip("\n")
    return joined[:max_length]
