"""The check plugin interface (entry-point group `privaudit.checks.v1`).

A check is any object with a `meta: CheckMeta` and a `run(ctx)` that returns
findings, either directly (an iterable) or as an awaitable (an `async def`).
It reads only the `AuditContext` it is given.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import Protocol, runtime_checkable

from privaudit.context import AuditContext
from privaudit.model import CheckMeta, Finding
from privaudit.plugins import CHECKS_GROUP

CheckResult = Iterable[Finding] | Awaitable[Iterable[Finding]]

ENTRY_POINT_GROUP = CHECKS_GROUP


@runtime_checkable
class Check(Protocol):
    @property
    def meta(self) -> CheckMeta: ...

    def run(self, ctx: AuditContext) -> CheckResult: ...


class FunctionCheck:
    """A check made from a plain function by the `@check` decorator."""

    def __init__(self, meta: CheckMeta, func: Callable[[AuditContext], CheckResult]) -> None:
        self._meta = meta
        self._func = func
        self.__doc__ = func.__doc__

    @property
    def meta(self) -> CheckMeta:
        return self._meta

    def run(self, ctx: AuditContext) -> CheckResult:
        return self._func(ctx)

    def __repr__(self) -> str:
        return f"<check {self._meta.id} {self._meta.name}>"


def check(meta: CheckMeta) -> Callable[[Callable[[AuditContext], CheckResult]], FunctionCheck]:
    """Turn `def run(ctx) -> Iterable[Finding]` (or `async def`) into a check."""

    def decorate(func: Callable[[AuditContext], CheckResult]) -> FunctionCheck:
        return FunctionCheck(meta, func)

    return decorate
