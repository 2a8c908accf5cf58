"""Find English left in output that should be in another language.

A line is English when it holds two or more of English's commonest short words
(which are not Spanish words too). URLs, commands in backticks or after `$`,
option names and the allowed names (brands, "privaudit") are removed first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD_LIST = (
    "the and your you with this that for are not has have was were will would "
    "should could what which when where who how why do does did can cannot "
    "it its is be been being to of on in at by from or if then than there their "
    "they them our we my me an all any some no yes more most less only also "
    "password passwords account accounts check checks breach breached settings "
    "run found none open turn change use used using"
)
ENGLISH_WORDS = frozenset(_WORD_LIST.split(" "))
# Spanish words spelled like the English ones above are not evidence.
_SHARED = frozenset(("no", "me", "he"))
_STRIP = (
    re.compile(r"https?://\S+"),
    re.compile(r"`[^`]*`"),
    re.compile(r"\$ .*"),
    re.compile(r"(?<!\w)--?[a-z][\w-]*"),
    re.compile(r"\bprivaudit(?: [a-z-]+)*"),
    re.compile(r"\b[A-Z]{2,}\d{3}\b"),
)
# Letters of any script: "anótalo" is one word, not "an" and "talo".
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def english_lines(text: str, allowed: Iterable[str] = (), threshold: int = 2) -> list[str]:
    """Lines of ``text`` that read as English (``allowed``: names to ignore)."""
    allowed_words = {w.lower() for name in allowed for w in _WORD.findall(name)}
    found = []
    for line in text.splitlines():
        cleaned = line
        for pattern in _STRIP:
            cleaned = pattern.sub(" ", cleaned)
        words = [w.lower() for w in _WORD.findall(cleaned)]
        hits = [w for w in words if w in ENGLISH_WORDS - _SHARED and w not in allowed_words]
        if len(hits) >= threshold or (hits and len(words) <= 3 and len(hits) == len(words)):
            found.append(line.strip())
    return found
