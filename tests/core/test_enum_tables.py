"""Every table keyed by an enum covers every member.

A new Status, Severity, MFA method or answer must not fall through a lookup
(a KeyError mid-report, or a silent default): adding the member fails here
until each table says what it means. Dispatches written as `match` use
`assert_never`, which mypy --strict checks instead.
"""

from __future__ import annotations

from collections.abc import Collection
from enum import Enum

import pytest

from privaudit import model, scoring
from privaudit.accounts import MfaMethod
from privaudit.checklists.model import Answer
from privaudit.checks import checklist
from privaudit.model import Severity, Status
from privaudit.render import common, console
from privaudit.tfa import methods

TABLES: list[tuple[str, Collection[Enum], type[Enum]]] = [
    ("model._WEIGHTS", model._WEIGHTS, Severity),
    ("model._ORDER", model._ORDER, Severity),
    ("render.common.SEVERITY_ORDER", common.SEVERITY_ORDER, Severity),
    ("render.common.STATUS_LABEL", common.STATUS_LABEL, Status),
    ("render.console.SEVERITY_STYLE", console.SEVERITY_STYLE, Severity),
    ("render.console.STATUS_STYLE", console.STATUS_STYLE, Status),
    ("tfa.methods.STRENGTH", methods.STRENGTH, MfaMethod),
    ("tfa.methods.METHOD_NAMES", methods.METHOD_NAMES, MfaMethod),
    ("checks.checklist._STATUS", checklist._STATUS, Answer),
]


@pytest.mark.parametrize(("name", "table", "enum"), TABLES, ids=[t[0] for t in TABLES])
def test_table_covers_every_member(name: str, table: Collection[Enum], enum: type[Enum]) -> None:
    assert set(table) == set(enum), f"{name} misses {set(enum) - set(table)}"
    assert len(table) == len(enum), f"{name} lists a member twice"


def test_every_scored_status_has_a_penalty() -> None:
    scored = {s for s in Status if s.scored}
    assert set(scoring._PENALTY) == scored
