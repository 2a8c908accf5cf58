"""The validator never crashes: any parsed TOML gives a checklist or a list of problems."""

from __future__ import annotations

import tomllib
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.checklists.validate import ITEM_KEYS, TOP_KEYS, Problems, parse_checklist
from tests.checklists.conftest import GOOD

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=30),
    st.dates(),
    st.sampled_from(["high", "everyone", "https://a.example/x", "http://x", "ok-slug"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(sorted(TOP_KEYS | {"extra"})),
    VALUES,
    st.sampled_from(sorted(ITEM_KEYS | {"extra"})),
    VALUES,
)
def test_any_value_in_any_field_is_a_problem_or_fine(
    top: str, top_value: Any, item_key: str, item_value: Any
) -> None:
    data = tomllib.loads(GOOD)
    data[top] = top_value
    if isinstance(data.get("items"), list) and data["items"] and isinstance(data["items"][0], dict):
        data["items"][0][item_key] = item_value
    problems = Problems("x.toml")
    checklist = parse_checklist(data, problems, "x.toml")
    assert (checklist is None) == bool(problems.messages)
    for message in problems.messages:
        assert message.startswith("x.toml: ")
        assert "\n" not in message
