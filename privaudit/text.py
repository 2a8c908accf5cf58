"""Make untrusted text safe to show.

Vault labels, URLs, usernames, checklist files, datasets and saved reports come
from outside. Before they reach a terminal, a browser or a Markdown viewer they
lose every character that could move the cursor, change colours, hide text or
reorder it on screen.

The rule (docs/privacy.md): escape sequences go whole; line breaks and tabs
become spaces; control (Cc), format (Cf), surrogate (Cs), private-use (Co) and
unassigned (Cn) characters are removed, and so are the Hangul fillers that
render as blank letters. Two things emoji need are kept: the zero-width joiner
(U+200D, "👩‍💻") and the tag characters of a subdivision flag (U+1F3F4, tags,
U+E007F cancel tag: 🏴󠁧󠁢󠁳󠁣󠁴󠁿). Variation selectors and the keycap mark are not format characters
and stay.

Speed matters (a 50,000-login vault sanitises every label): each distinct
character is classified once and remembered, so a clean string costs a set
difference and no Python-level loop; dirty strings go through `str.translate`.
`reference_sanitize` is the plain per-character version the tests compare with.
"""

from __future__ import annotations

import re
import unicodedata

# ANSI/VT escape sequences first, so their parameters go with the ESC byte. (An
# 8-bit introducer such as U+009B is a C1 control: removed alone, its
# parameters are left as harmless text.)
_ESCAPE_SEQUENCE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")
_LINE_BREAKS = "\t\n\r\v\f\x85\u2028\u2029"
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_KEPT_FORMAT = frozenset({"\u200d"})  # zero-width joiner: emoji sequences
_BLANK_LETTERS = frozenset({"\u115f", "\u1160", "\u3164", "\uffa0"})  # Hangul fillers
_FLAG = re.compile("\U0001f3f4[\U000e0020-\U000e007e]{1,16}\U000e007f")
_TAG_CANCEL = "\U000e007f"

MAX_DISPLAY_LENGTH = 200


def _verdict(ch: str) -> str | None:
    """What `ch` becomes: itself, a space, or nothing (None)."""
    if ch in _LINE_BREAKS:
        return " "
    if ch in _KEPT_FORMAT:
        return ch
    if ch in _BLANK_LETTERS or unicodedata.category(ch) in _DROPPED_CATEGORIES:
        return None
    return ch


# Characters seen so far that stay as they are, and the translate table of the rest.
_SAFE: set[str] = {chr(c) for c in range(0x20, 0x7F)}
_TABLE: dict[int, str | None] = {}
_MAX_REMEMBERED = 100_000


def _learn(chars: set[str]) -> None:
    for ch in chars:
        verdict = _verdict(ch)
        if verdict == ch:
            _SAFE.add(ch)
        else:
            _TABLE[ord(ch)] = verdict
    if len(_SAFE) > _MAX_REMEMBERED:  # a hostile file cycling through all of Unicode
        _SAFE.clear()
        _SAFE.update(chr(c) for c in range(0x20, 0x7F))


def _clean_chars(text: str) -> str:
    chars = set(text)
    unknown = chars - _SAFE
    if not unknown:
        return text
    new = {c for c in unknown if ord(c) not in _TABLE}
    if new:
        _learn(new)
    if _TAG_CANCEL in chars and "\U0001f3f4" in chars:
        return _keep_flags(text)
    return text.translate(_TABLE)


def _keep_flags(text: str) -> str:
    parts: list[str] = []
    last = 0
    for match in _FLAG.finditer(text):
        parts.append(text[last : match.start()].translate(_TABLE))
        parts.append(match.group())
        last = match.end()
    parts.append(text[last:].translate(_TABLE))
    return "".join(parts)


def _finish(cleaned: str, max_length: int) -> str:
    if "  " in cleaned or cleaned[:1] == " " or cleaned[-1:] == " " or not cleaned.isprintable():
        cleaned = " ".join(cleaned.split())
    if len(cleaned) > max_length:
        cleaned = cleaned[: max_length - 1] + "…"
    return cleaned


def sanitize(text: str, *, max_length: int = MAX_DISPLAY_LENGTH) -> str:
    """Return `text` without control, escape, format or bidi characters, on one line.

    Line breaks and tabs become single spaces so a label cannot forge extra
    report lines; runs of spaces collapse; over-long text is cut with an ellipsis.
    """
    if "\x1b" in text:
        text = _ESCAPE_SEQUENCE.sub("", text)
    return _finish(_clean_chars(text), max_length)


def sanitize_block(text: str, *, max_length: int = 4000) -> str:
    """Like `sanitize` but keeps line breaks: for multi-line help texts (why/fix)."""
    lines = [sanitize(line, max_length=max_length) for line in text.splitlines()]
    joined = "\n".join(lines).strip("\n")
    return joined[:max_length]


def reference_sanitize(text: str, *, max_length: int = MAX_DISPLAY_LENGTH) -> str:
    """The rule written as plainly as possible: what `sanitize` must equal (tests)."""
    text = _ESCAPE_SEQUENCE.sub("", text)
    flags = {m.start(): m.end() for m in _FLAG.finditer(text)}
    out: list[str] = []
    i = 0
    while i < len(text):
        if i in flags:
            out.append(text[i : flags[i]])
            i = flags[i]
            continue
        ch = text[i]
        if ch in _LINE_BREAKS:
            out.append(" ")
        elif ch == "\u200d":
            out.append(ch)
        elif ch in _BLANK_LETTERS or unicodedata.category(ch) in _DROPPED_CATEGORIES:
            pass
        else:
            out.append(ch)
        i += 1
    cleaned = " ".join("".join(out).split())
    if len(cleaned) > max_length:
        cleaned = cleaned[: max_length - 1] + "…"
    return cleaned
