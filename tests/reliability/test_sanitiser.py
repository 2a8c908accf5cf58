"""The one sanitiser: escapes, controls, bidi and format characters go; emoji stay.

The fast version (cached classification, str.translate) must equal the plain
per-character reference on any text.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.text import reference_sanitize, sanitize, sanitize_block

FLAG_SCOTLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
EMOJI = [
    "👩\u200d💻",  # ZWJ sequence
    "❤\ufe0f",  # VS16
    "1\ufe0f\u20e3",  # keycap
    FLAG_SCOTLAND,  # tag sequence inside a flag
    "👍🏽",  # skin tone modifier
    "🇫🇷",  # regional indicators
]


@pytest.mark.parametrize("emoji", EMOJI)
def test_emoji_sequences_survive(emoji: str) -> None:
    assert sanitize(f"Mail {emoji} (alice)") == f"Mail {emoji} (alice)"


@pytest.mark.parametrize(
    ("hostile", "expected"),
    [
        ("a\U000e0041\U000e0042b", "ab"),  # tags outside a flag (hidden ASCII "AB")
        ("in\u2064visible", "invisible"),  # invisible plus
        ("a\u206ab\u206fc", "abc"),  # deprecated format controls
        ("mongolian\u180evowel", "mongolianvowel"),
        ("soft\u00adhyphen", "softhyphen"),
        ("zero\u200bwidth\u2060joiner\ufeff", "zerowidthjoiner"),
        ("moc.\u202eknab", "moc.knab"),  # Trojan Source override
        ("a\u2066b\u2069c", "abc"),
        ("x\x1b]52;c;ZXZpbA==\x07y", "xy"),  # OSC 52 clipboard write
        ("x\x1b[2J\x1b[Hy", "xy"),  # clear screen
        ("x\x9b31my", "x31my"),  # C1 CSI: the introducer goes, the rest is text
        ("line\nbreak\r\nand\ttab", "line break and tab"),
        ("blank\u3164name\u115f", "blankname"),  # Hangul fillers render as nothing
        ("\U000f0000private\ue000", "private"),
        ("\U0001f3f4\U000e0041", "\U0001f3f4"),  # a black flag with a stray tag
    ],
)
def test_hostile_characters_are_removed(hostile: str, expected: str) -> None:
    assert sanitize(hostile) == expected
    assert reference_sanitize(hostile) == expected


def test_blocks_keep_line_breaks_only() -> None:
    assert sanitize_block("step 1\x1b[31m\nstep\u202e 2") == "step 1\nstep 2"


interesting = st.sampled_from(
    [*EMOJI, "\x1b", "\x1b[", "\x1b]", "\x07", "\x1b\\", "\U0001f3f4", "\U000e007f", "\U000e0061",
     "\u200d", "\u200c", "\u00ad", " ", "  ", "\n", "\u00a0", "\u3000", "\u2028", "[/bold]", "…"]
)  # fmt: skip
texts = st.lists(st.text(max_size=8) | interesting, max_size=12).map("".join)


@settings(max_examples=2000, deadline=None)
@given(text=texts, max_length=st.integers(min_value=1, max_value=60))
def test_fast_sanitiser_equals_the_reference(text: str, max_length: int) -> None:
    assert sanitize(text, max_length=max_length) == reference_sanitize(text, max_length=max_length)


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=st.characters(), max_size=40))
def test_any_code_point(text: str) -> None:
    clean = sanitize(text)
    assert clean == reference_sanitize(text)
    assert "\x1b" not in clean
    assert sanitize(clean) == clean  # idempotent
