"""An equivalent, faster dictionary matcher for zxcvbn.

zxcvbn's `dictionary_match` slices every substring of the password once per
dictionary (six of them, plus the user's words) and looks it up, even
substrings longer than any dictionary word. It runs several times per password
(plain, reversed, once per l33t substitution) and is half of zxcvbn's time.

This matcher returns the same matches in the same order: it looks each
substring up once in a merged index of the built-in dictionaries (word -> hits
in dictionary order), then in the user's words, and skips substrings longer
than the longest word that starts with the same three characters.
tests/core/test_zxcvbn_accel.py compares both on a corpus. It is installed
only when zxcvbn's matcher has the signature it was written for; otherwise
zxcvbn runs unchanged.
"""

from __future__ import annotations

import inspect
import threading
from types import ModuleType
from typing import Any

_USER = "user_inputs"
_lock = threading.Lock()
_installed = False
_index: _Index | None = None
_KEY = 3
BOUND_AFTER = 1000
"""Matcher calls (about five per password) before the length bounds are built."""


class _Index:
    def __init__(self, ranked: dict[str, dict[str, int]]) -> None:
        self.sources = {name: d for name, d in ranked.items() if name != _USER}
        self.names = tuple(self.sources)
        merged: dict[str, list[tuple[str, int]]] = {}
        for name, words in self.sources.items():
            for word, rank in words.items():
                merged.setdefault(word, []).append((name, rank))
        self.hits = {word: tuple(found) for word, found in merged.items()}
        self.max_len = max((len(w) for w in merged), default=0)
        self.longest: dict[str, int] | None = None
        self.calls = 0

    def bounds(self) -> dict[str, int] | None:
        """The longest word by its first three characters, once it pays: a substring
        of three or more can be a word only up to that length (no key: only one or
        two characters). Building it costs what ~350 passwords save (~60 ms), so it
        waits for `BOUND_AFTER` matcher calls."""
        if self.longest is None:
            self.calls += 1
            if self.calls >= BOUND_AFTER:
                # Shortest first, so each key ends up with its longest word's length.
                by_length = sorted(self.hits, key=len)
                self.longest = {w[:_KEY]: len(w) for w in by_length if len(w) >= _KEY}
        return self.longest

    def serves(self, ranked: dict[str, dict[str, int]]) -> bool:
        """Whether `ranked` is the dictionary set this index was built from."""
        names = [n for n in ranked if n != _USER]
        if tuple(names) != self.names:
            return False
        if _USER in ranked and list(ranked)[-1] != _USER:
            return False  # user words must come last, as zxcvbn orders them
        return all(ranked[n] is self.sources[n] for n in names)


def _make_matcher(original: Any, index: _Index) -> Any:
    def dictionary_match(password: str, _ranked_dictionaries: Any = None) -> list[dict[str, Any]]:
        ranked = _ranked_dictionaries
        if ranked is None or not index.serves(ranked):
            return original(password, _ranked_dictionaries=ranked)  # type: ignore[no-any-return]
        user: dict[str, int] = ranked.get(_USER, {})
        user_longest: dict[str, int] = {}
        for w in user:
            if len(w) >= _KEY:
                user_longest[w[:_KEY]] = max(user_longest.get(w[:_KEY], 0), len(w))
        # lower() never shortens a string, so a slice of it is exactly j - i + 1 long.
        max_len = max(index.max_len, max((len(w) for w in user), default=0))
        length = len(password)
        lower = password.lower()
        hits_of = index.hits
        longest = index.bounds()
        matches: list[dict[str, Any]] = []
        for i in range(length):
            end = min(length, i + max_len)
            key = lower[i : i + _KEY]
            if longest is not None and len(key) == _KEY:
                bound = max(longest.get(key, 0), user_longest.get(key, 0), _KEY - 1)
                end = min(end, i + bound)
            for j in range(i, end):
                word = lower[i : j + 1]
                hits = hits_of.get(word, ())
                if word in user:
                    hits = (*hits, (_USER, user[word]))
                for name, rank in hits:
                    matches.append(
                        {
                            "pattern": "dictionary",
                            "i": i,
                            "j": j,
                            "token": password[i : j + 1],
                            "matched_word": word,
                            "rank": rank,
                            "dictionary_name": name,
                            "reversed": False,
                            "l33t": False,
                        }
                    )
        # Already in (i, j) order, with ties in dictionary order, as zxcvbn's sort leaves them.
        return matches

    return dictionary_match


def install(matching: ModuleType) -> bool:
    """Swap in the fast matcher once; return whether it is in use."""
    global _installed  # noqa: PLW0603  # one patch per process, guarded by the lock
    with _lock:
        if _installed:
            return True
        original = matching.dictionary_match
        params = list(inspect.signature(original).parameters)
        if params != ["password", "_ranked_dictionaries"]:
            return False
        global _index  # noqa: PLW0603
        index = _index = _Index(matching.RANKED_DICTIONARIES)
        matcher = _make_matcher(original, index)
        matcher.original = original
        setattr(matching, "dictionary_match", matcher)  # noqa: B010  # ModuleType is not typed for this
        _installed = True
        return True
