"""The fast indented JSON is the standard library's, byte for byte."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.render.jsonfmt import dumps_indented

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()  # includes control characters, U+2028, quotes, backslashes, surrogates
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


def _reference(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


@settings(max_examples=400, deadline=None)
@given(values)
def test_dumps_indented_matches_json_dumps_indent_2(value: Any) -> None:
    assert dumps_indented(value) == _reference(value)


def test_edge_values_match() -> None:
    for value in (
        [],
        {},
        [[]],
        {"k": [{}]},
        {"a": 'é\n\u2028\x7f"\\\x00', "f": [1e16, 1e-7, 0.1, -0.0, 10**25]},
        float("nan"),
        {"s": "\udc80"},  # a lone surrogate: the standard path, unchanged
        ("tuple", 1),
    ):
        assert dumps_indented(value) == _reference(value)
