"""An equivalent, faster `most_guessable_match_sequence` for zxcvbn.

zxcvbn's search for the cheapest sequence of matches tries a brute-force match
for every (i, j) span of the password: it builds a dict for each and runs the
general `estimate_guesses` on it (a dict of seven functions, a log) for ~64
spans per password of 32 characters. This is the same dynamic programme, with
the same Decimal arithmetic in the same order (so the same rounding): a
brute-force span's guesses are precomputed by length (11 for one character,
10**length otherwise: zxcvbn's rule with its minimums) and it becomes a match
dict only if it ends up in the answer; other matches are estimated once, by
zxcvbn itself, which also sets their display fields.

tests/core/test_zxcvbn_scoring.py compares whole zxcvbn results (score,
guesses, the chosen sequence, feedback) with zxcvbn's own function. It is
installed only when zxcvbn's function has the signature it was written for.
"""

from __future__ import annotations

import inspect
import threading
from decimal import Decimal
from math import factorial, log
from types import ModuleType
from typing import Any

_SIGNATURE = ["password", "matches", "_exclude_additive"]
_NEEDS = (
    "estimate_guesses",
    "MIN_GUESSES_BEFORE_GROWING_SEQUENCE",
    "MIN_SUBMATCH_GUESSES_SINGLE_CHAR",
    "MIN_SUBMATCH_GUESSES_MULTI_CHAR",
    "BRUTEFORCE_CARDINALITY",
)
_lock = threading.Lock()


def _make(scoring: ModuleType, original: Any) -> Any:
    def most_guessable_match_sequence(
        password: str, matches: Any, _exclude_additive: bool = False
    ) -> dict[str, Any]:
        n = len(password)
        if n == 0:
            return original(password, matches, _exclude_additive)  # type: ignore[no-any-return]
        by_j: list[list[dict[str, Any]]] = [[] for _ in range(n)]
        try:
            for m in matches:
                by_j[m["j"]].append(m)
        except TypeError:
            pass
        for lst in by_j:
            lst.sort(key=lambda m1: m1["i"])
        search = _Search(password, _exclude_additive, scoring)
        for k in range(n):
            search.advance(k, by_j[k])
        sequence = search.unwind()
        total = search.g[n - 1][len(sequence)]
        return {
            "password": password,
            "guesses": total,
            "guesses_log10": log(total, 10),
            "sequence": sequence,
        }

    return most_guessable_match_sequence


def _brute_force_guesses(scoring: ModuleType, size: int) -> int:
    """What zxcvbn's estimate_guesses gives a brute-force match of `size` characters:
    bruteforce_guesses (cardinality**size, at least one more than a submatch's
    minimum, itself the floor of any submatch): 11 for one character, else 10**size."""
    if size == 1:
        floor = int(scoring.MIN_SUBMATCH_GUESSES_SINGLE_CHAR)
    else:
        floor = int(scoring.MIN_SUBMATCH_GUESSES_MULTI_CHAR)
    return max(int(scoring.BRUTEFORCE_CARDINALITY**size), floor + 1)


class _Search:
    """zxcvbn's `optimal` tables: m[k][length], pi[k][length], g[k][length].

    A brute-force entry is kept as its (i, j) span and becomes zxcvbn's match
    dict only if it ends up in the answer.
    """

    def __init__(self, password: str, exclude: bool, scoring: ModuleType) -> None:
        n = len(password)
        self.password = password
        self.estimate = scoring.estimate_guesses
        growing = scoring.MIN_GUESSES_BEFORE_GROWING_SEQUENCE
        self.exclude = exclude
        self.m: list[dict[int, Any]] = [{} for _ in range(n)]
        self.pi: list[dict[int, Decimal]] = [{} for _ in range(n)]
        self.g: list[dict[int, Decimal]] = [{} for _ in range(n)]
        # Lengths of the sequences ending at k whose last match is not brute force.
        self.after: list[list[int]] = [[] for _ in range(n)]
        self.fact = [factorial(length) for length in range(n + 2)]
        self.extra = [0 if exclude else growing ** (length - 1) for length in range(n + 2)]
        self.brute = [Decimal(_brute_force_guesses(scoring, size)) for size in range(n + 1)]
        # id(match) -> (match, Decimal(its guesses)); holding the match keeps its id unique.
        self.known: dict[int, tuple[dict[str, Any], Decimal]] = {}

    def _offer(self, entry: Any, i: int, k: int, length: int, guesses: Decimal) -> None:
        """zxcvbn's update(): keep a length-`length` sequence ending in `entry` if best."""
        pi = guesses * self.pi[i - 1][length - 1] if length > 1 else guesses
        g = self.fact[length] * pi
        if not self.exclude:
            g += self.extra[length]
        here = self.g[k]
        for other, other_g in here.items():
            if other <= length and other_g <= g:
                return
        here[length] = g
        self.m[k][length] = entry
        self.pi[k][length] = pi

    def advance(self, k: int, ending_here: list[dict[str, Any]]) -> None:
        for m in ending_here:
            got = self.known.get(id(m))
            if got is None:
                # The original on first sight: it also sets the match's display fields.
                got = self.known[id(m)] = (m, self.estimate(m, self.password))
            i = m["i"]
            for length in list(self.m[i - 1]) if i > 0 else [0]:
                self._offer(m, i, k, length + 1, got[1])
        brute = self.brute
        self._offer((0, k), 0, k, 1, brute[k + 1])
        for i in range(1, k + 1):
            guesses = brute[k - i + 1]
            for length in self.after[i - 1]:
                self._offer((i, k), i, k, length + 1, guesses)
        # Row k is final now: later matches only extend it.
        self.after[k] = [n for n, e in self.m[k].items() if not isinstance(e, tuple)]

    def unwind(self) -> list[dict[str, Any]]:
        k = len(self.password) - 1
        best, best_g = 0, Decimal("Infinity")
        for length, g in self.g[k].items():
            if g < best_g:
                best, best_g = length, g
        sequence: list[dict[str, Any]] = []
        while k >= 0:
            entry = self.m[k][best]
            if isinstance(entry, tuple):
                i, j = entry
                entry = {"pattern": "bruteforce", "token": self.password[i : j + 1], "i": i, "j": j}
                self.estimate(entry, self.password)  # sets guesses and guesses_log10
            sequence.insert(0, entry)
            k = entry["i"] - 1
            best -= 1
        return sequence


def install(scoring: ModuleType, matching: ModuleType) -> bool:
    """Swap in the faster search once; return whether it is in use."""
    with _lock:
        original = scoring.most_guessable_match_sequence
        if getattr(original, "original", None) is not None:
            return True
        if list(inspect.signature(original).parameters) != _SIGNATURE or not all(
            hasattr(scoring, name) for name in _NEEDS
        ):
            return False
        fast = _make(scoring, original)
        fast.original = original
        setattr(scoring, "most_guessable_match_sequence", fast)  # noqa: B010
        # matching.py imported the function by name (repeat matches score their base).
        if getattr(matching, "most_guessable_match_sequence", None) is original:
            setattr(matching, "most_guessable_match_sequence", fast)  # noqa: B010
        return True
