"""SHA-1 prefixes and range parsing: the test vector, Unicode, padding, CRLF/LF."""

from __future__ import annotations

import hashlib
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.pwned.hashing import range_key, sha1_hex
from privaudit.pwned.parse import RangeData


def test_sha1_test_vector() -> None:
    digest = sha1_hex("P@ssw0rd")
    assert digest == "21BD12DC183F740EE76F27B78EB39C8AD972A757"
    assert range_key(digest) == ("21BD1", "2DC183F740EE76F27B78EB39C8AD972A757")


def test_unicode_is_hashed_as_utf8_without_normalisation() -> None:
    composed = "caf\u00e9-mot-de-passe"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert sha1_hex(composed) == hashlib.sha1(composed.encode("utf-8")).hexdigest().upper()
    assert sha1_hex(decomposed) == hashlib.sha1(decomposed.encode("utf-8")).hexdigest().upper()
    assert sha1_hex(composed) != sha1_hex(decomposed)
    assert sha1_hex("пароль🔑") == hashlib.sha1("пароль🔑".encode()).hexdigest().upper()


SUFFIX_A = "0" * 34 + "A"
SUFFIX_B = "1" * 35
PAD = "2" * 35


def test_crlf_and_lf_parse_the_same() -> None:
    lf = f"{SUFFIX_A}:10\n{SUFFIX_B}:3\n{PAD}:0"
    crlf = lf.replace("\n", "\r\n")
    for body in (lf, crlf, crlf + "\r\n"):
        data = RangeData(body)
        assert data.count_of(SUFFIX_A) == 10
        assert data.count_of(SUFFIX_B) == 3
        assert data.malformed == 0
        assert data.counts() == {SUFFIX_A: 10, SUFFIX_B: 3}


def test_padding_is_dropped() -> None:
    data = RangeData(f"{SUFFIX_A}:10\r\n{PAD}:0\r\n")
    assert data.count_of(PAD) == 0
    assert PAD not in data.canonical()
    assert data.canonical() == f"{SUFFIX_A}:10\n"


def test_malformed_lines_are_ignored_and_counted() -> None:
    body = f"junk\r\n{SUFFIX_A}:10\r\n{SUFFIX_B[:-1]}:4\r\nXYZ:1\r\n{SUFFIX_B}:abc\r\n\r\n"
    data = RangeData(body)
    assert data.count_of(SUFFIX_A) == 10
    assert data.count_of(SUFFIX_B) == 0
    assert data.malformed == 4
    assert data.canonical() == f"{SUFFIX_A}:10\n"


def test_a_suffix_inside_another_line_does_not_match() -> None:
    data = RangeData(f"F{SUFFIX_A[1:]}:5\nX{SUFFIX_A}:7\n")
    assert data.count_of(SUFFIX_A) == 0


hexsuffix = st.text(alphabet="0123456789ABCDEF", min_size=35, max_size=35)


@settings(max_examples=60, deadline=None)
@given(
    entries=st.dictionaries(hexsuffix, st.integers(min_value=0, max_value=10**9), max_size=30),
    crlf=st.booleans(),
    probe=hexsuffix,
)
def test_count_of_agrees_with_a_naive_parse(
    entries: dict[str, int], crlf: bool, probe: str
) -> None:
    sep = "\r\n" if crlf else "\n"
    body = sep.join(f"{s}:{c}" for s, c in sorted(entries.items()))
    data = RangeData(body)
    for suffix, count in entries.items():
        assert data.count_of(suffix) == count
    assert data.count_of(probe) == entries.get(probe, 0)
    assert data.counts() == {s: c for s, c in entries.items() if c}
    assert data.malformed == 0
