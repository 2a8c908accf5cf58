"""The faster sequence search gives exactly zxcvbn's own results."""

from __future__ import annotations

import random
import string
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from zxcvbn import matching, scoring, zxcvbn

from privaudit.strength import prepare_zxcvbn

prepare_zxcvbn()
FAST = scoring.most_guessable_match_sequence
ORIGINAL = FAST.original

WORDS = ["password", "Summer", "dragon", "monkey", "p@ssw0rd", "jennifer", "smith", "qwerty"]


def corpus() -> list[str]:
    rng = random.Random(16)
    out = ["a", "aaaaaaaa", "abcabcabc", "P@ssw0rd", "correcthorsebatterystaple", "1990-12-31"]
    out += ["qwertyuiop", "zxcvbn", "İstanbul", "ǅemal-ß-ﬁx", "abab1212abab", "Tr0ub4dor&3"]
    for _ in range(300):
        kind = rng.random()
        if kind < 0.35:
            word = rng.choice(WORDS)
            out.append(f"{word}{rng.randint(0, 2025)}{rng.choice(['', '!', '#', '?'])}")
        elif kind < 0.7:
            alphabet = string.ascii_letters + string.digits + "!@#$%^&*-_"
            out.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 32))))
        elif kind < 0.85:
            out.append("-".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5)))[:32])
        else:
            out.append("".join(rng.choice("4@8(3€6#1!|0$5+7%2aeiostlbg") for _ in range(20)))
    return out


def _both(password: str, inputs: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    fast = zxcvbn(password, user_inputs=inputs)
    scoring.most_guessable_match_sequence = ORIGINAL
    matching.most_guessable_match_sequence = ORIGINAL
    try:
        slow = zxcvbn(password, user_inputs=inputs)
    finally:
        scoring.most_guessable_match_sequence = FAST
        matching.most_guessable_match_sequence = FAST
    return fast, slow


def _same(fast: dict[str, Any], slow: dict[str, Any]) -> None:
    for key in ("score", "guesses", "guesses_log10", "feedback", "crack_times_seconds"):
        assert fast[key] == slow[key], key
    assert [_plain(m) for m in fast["sequence"]] == [_plain(m) for m in slow["sequence"]]


def _plain(match: dict[str, Any]) -> dict[str, Any]:
    # A regex match holds an re.Match, which compares by identity: compare what it matched.
    found = match.get("regex_match")
    if found is None:
        return match
    return {**match, "regex_match": (found.span(), found.group())}


def test_installed_in_both_modules() -> None:
    assert FAST is not ORIGINAL
    assert matching.most_guessable_match_sequence is FAST


def test_same_results_on_a_corpus() -> None:
    for password in corpus():
        _same(*_both(password, ["samwise", "example"]))


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=24), st.lists(st.text(min_size=1, max_size=12), max_size=2))
def test_same_results_for_any_text(password: str, inputs: list[str]) -> None:
    _same(*_both(password, inputs))


def test_exclude_additive_and_empty_match_lists() -> None:
    for password in ("abc", "Summer2020!", "zzzzzzzzzzzz"):
        matches = matching.omnimatch(password)
        for exclude in (False, True):
            assert FAST(password, matches, exclude) == ORIGINAL(password, matches, exclude)
        assert FAST(password, []) == ORIGINAL(password, [])
