"""The accelerated dictionary matcher returns exactly what zxcvbn's own does."""

from __future__ import annotations

import random
import string

from hypothesis import given, settings
from hypothesis import strategies as st
from zxcvbn import matching

from privaudit.strength import prepare_zxcvbn

prepare_zxcvbn()
FAST = matching.dictionary_match
ORIGINAL = FAST.original


def corpus() -> list[str]:
    rng = random.Random(42)
    words = ["password", "Summer", "dragon", "monkey", "p@ssw0rd", "jennifer", "smith", "qwerty"]
    out = ["", "a", "P@ssw0rd", "correcthorsebatterystaple", "İstanbul", "ǅemal-ß-ﬁx"]
    for _ in range(400):
        kind = rng.random()
        if kind < 0.4:
            out.append(
                "".join(rng.choice(words) for _ in range(rng.randint(1, 3)))
                + str(rng.randint(0, 9999))
            )
        elif kind < 0.8:
            alphabet = string.ascii_letters + string.digits + "!@#$%&*"
            out.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 32))))
        else:
            out.append(
                "".join(
                    rng.choice("4@8(3€6#1!|0$5+7%2aeiostlbg") for _ in range(rng.randint(1, 32))
                )
            )
    return out


def ranked_with_user_inputs(inputs: list[str]) -> dict[str, dict[str, int]]:
    ranked = matching.RANKED_DICTIONARIES
    ranked["user_inputs"] = matching.build_ranked_dict([i.lower() for i in inputs])
    return ranked


def test_same_matches_on_a_corpus() -> None:
    ranked = ranked_with_user_inputs(
        ["samwise", "example", "averyveryveryverylongusernamewithnoend"]
    )
    for password in [*corpus(), "averyveryveryverylongusernamewithnoend1"]:
        assert FAST(password, _ranked_dictionaries=ranked) == ORIGINAL(
            password, _ranked_dictionaries=ranked
        ), password


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=32), st.lists(st.text(min_size=1, max_size=40), max_size=3))
def test_same_matches_for_any_text(password: str, inputs: list[str]) -> None:
    ranked = ranked_with_user_inputs(inputs)
    assert FAST(password, _ranked_dictionaries=ranked) == ORIGINAL(
        password, _ranked_dictionaries=ranked
    )


def test_same_full_scores() -> None:
    from zxcvbn import zxcvbn

    for password in corpus()[1:150]:  # zxcvbn itself fails on ''
        fast = zxcvbn(password, user_inputs=["sam"])
        matching.dictionary_match = ORIGINAL
        try:
            slow = zxcvbn(password, user_inputs=["sam"])
        finally:
            matching.dictionary_match = FAST
        assert (fast["score"], fast["guesses"]) == (slow["score"], slow["guesses"]), password


def test_foreign_dictionaries_fall_back_to_the_original() -> None:
    custom = {"mine": {"hunter": 1}}
    assert FAST("hunter2", _ranked_dictionaries=custom) == ORIGINAL(
        "hunter2", _ranked_dictionaries=custom
    )


def test_same_matches_near_the_length_bounds() -> None:
    from privaudit import zxcvbn_accel

    assert zxcvbn_accel._index is not None
    zxcvbn_accel._index.calls = zxcvbn_accel.BOUND_AFTER  # build them now
    assert zxcvbn_accel._index.bounds() is not None
    # Words cut at their three-character key, user words longer than any built-in.
    ranked = ranked_with_user_inputs(["samwise", "averyveryveryverylongusernamewithnoend", "ab"])
    for password in [
        "averyveryveryverylongusernamewithnoend1",
        "samwis",
        "samwisesamwise",
        "xab",
        "ab",
        "a",
        "passwordpasswor",
        "Tr0ub4dor&3",
        *corpus(),
    ]:
        assert FAST(password, _ranked_dictionaries=ranked) == ORIGINAL(
            password, _ranked_dictionaries=ranked
        ), password


def test_remembered_feedback_texts_are_gettexts_own() -> None:
    import gettext

    from zxcvbn import feedback, zxcvbn

    assert feedback._ is not gettext.gettext  # prepare_zxcvbn remembers them
    remembered = feedback._
    for password in ("qwerty", "aaaaaaa", "abcdef", "Summer2020", "john1990"):
        fast = zxcvbn(password)["feedback"]
        feedback._ = gettext.gettext
        try:
            assert zxcvbn(password)["feedback"] == fast, password
        finally:
            feedback._ = remembered
