"""Which checks an audit runs: the registry, a trainer's own checklists, the scope.

The checklists package knows nothing of checks; here its plan meets the registry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta

from privaudit.accounts import Account
from privaudit.check import Check
from privaudit.checklists.audit import ChecklistPlan
from privaudit.checklists.model import ChecklistContext
from privaudit.checks.checklist import ChecklistCheck
from privaudit.registry import Registry, load_registry


def registry_for(plan: ChecklistPlan, registry: Registry | None = None) -> Registry:
    """Built-ins and plugins, plus a check for each checklist that is not built in."""
    base = registry or load_registry()
    extra = [
        ChecklistCheck(c, origin=f"checklist ({c.source})")
        for c in plan.checklists
        if not c.builtin
    ]
    return Registry((*base.checks, *extra))


def in_scope(
    plan: ChecklistPlan,
    checks: Sequence[Check],
    accounts: Iterable[Account],
    select: Sequence[str] = (),
) -> tuple[list[Check], ChecklistContext]:
    """Leave out checklist checks outside the scope, unless --select names them."""
    scope = set(plan.scope(accounts))
    kept: list[Check] = []
    for check in checks:
        if isinstance(check, ChecklistCheck) and check.checklist.id not in scope:
            if not select:
                continue
            scope.add(check.checklist.id)
        kept.append(check)
    context = ChecklistContext(
        answers=plan.answers,
        scope=frozenset(scope),
        stale_after=timedelta(days=plan.settings.stale_after_days),
        lang=plan.lang,
        checklists=tuple(c for c in plan.checklists if c.id in scope),
    )
    return kept, context
