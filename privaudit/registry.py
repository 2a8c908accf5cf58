"""Which checks exist: the built-ins plus every installed plugin, with unique IDs.

A plugin that fails to load does not stop the audit and is never silently
dropped: it becomes a check that reports ERROR, so the report says the audit
is incomplete and names the plugin.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import EntryPoint

from privaudit.check import Check, CheckResult
from privaudit.checks import BUILTIN_CHECKS
from privaudit.checks.broken import BrokenPlugin
from privaudit.context import AuditContext
from privaudit.errors import ConfigError, UsageError
from privaudit.model import CheckMeta
from privaudit.plugins import CHECKS_GROUP, Broken, discover, load
from privaudit.plugins import broken as broken_plugins

_ID_PREFIX = re.compile(r"[A-Z]+[0-9]*")


class RegistryError(ConfigError):
    """Two checks claim one ID or name, or a plugin is not a check."""


@dataclass(frozen=True)
class Registry:
    checks: tuple[Check, ...]

    def __post_init__(self) -> None:
        seen: dict[str, Check] = {}
        for item in self.checks:
            for key in (item.meta.id, item.meta.name):
                if key in seen and key != "PLUGIN000":
                    other = seen[key]
                    raise RegistryError(
                        f"check {key!r} is defined twice (by {other.meta.origin} and"
                        f" {item.meta.origin}); uninstall one of the plugins"
                    )
                seen[key] = item

    def get(self, ident: str) -> Check:
        wanted = ident.strip()
        for item in self.checks:
            if wanted.upper() == item.meta.id or wanted.lower() == item.meta.name:
                return item
        raise UsageError(f"no check {ident!r}; run 'privaudit checks list' to see them all")

    @property
    def categories(self) -> list[str]:
        return sorted({c.meta.category for c in self.checks})

    @staticmethod
    def matches(selector: str, meta: CheckMeta) -> bool:
        sel = selector.strip()
        # Like ruff: "PW" selects every PW check, "PW1" the PW1xx ones.
        if _ID_PREFIX.fullmatch(sel.upper()) and meta.id.startswith(sel.upper()):
            return True
        return sel.lower() in (meta.name, meta.category)

    def select(self, select: Sequence[str] = (), skip: Sequence[str] = ()) -> list[Check]:
        for option, selectors in (("--select", select), ("--skip", skip)):
            for sel in selectors:
                if not any(self.matches(sel, c.meta) for c in self.checks):
                    raise UsageError(
                        f"{option} {sel!r} matches no check id, name or category;"
                        " run 'privaudit checks list'"
                    )
        return [
            c
            for c in self.checks
            if (not select or any(self.matches(s, c.meta) for s in select))
            and not any(self.matches(s, c.meta) for s in skip)
        ]


def _as_checks(obj: object, origin: str, where: str) -> list[Check]:
    candidates: Iterable[object]
    if isinstance(obj, type):
        candidates = [obj()]
    elif isinstance(obj, list | tuple):
        candidates = [o() if isinstance(o, type) else o for o in obj]
    else:
        candidates = [obj]
    found: list[Check] = []
    for cand in candidates:
        meta = getattr(cand, "meta", None)
        if not isinstance(meta, CheckMeta) or not callable(getattr(cand, "run", None)):
            raise RegistryError(
                f"{where} is not a privaudit check (it needs a 'meta: CheckMeta' and a 'run(ctx)')"
            )
        if meta.origin != origin:
            found.append(_Reorigined(cand, origin))
        else:
            found.append(cand)  # type: ignore[arg-type]  # checked structurally above
    return found


class _Reorigined:
    """Wraps a plugin check so its metadata names where it came from.

    The inner `meta` is read each time: a plugin that speaks several languages
    gives it in the current one.
    """

    def __init__(self, inner: object, origin: str) -> None:
        self._inner = inner
        self._origin = origin

    @property
    def meta(self) -> CheckMeta:
        meta: CheckMeta = self._inner.meta  # type: ignore[attr-defined]
        return dataclasses.replace(meta, origin=self._origin)

    def run(self, ctx: AuditContext) -> CheckResult:
        result: CheckResult = self._inner.run(ctx)  # type: ignore[attr-defined]
        return result


def plugin_checks(eps: Iterable[EntryPoint] | None = None) -> list[Check]:
    found: list[Check] = []
    for plugin in discover(CHECKS_GROUP, eps=eps):
        obj = load(plugin)
        if isinstance(obj, Broken):
            found.append(BrokenPlugin(obj))
            continue
        where = f"entry point {plugin.name!r} ({plugin.target})"
        found.extend(_as_checks(obj, plugin.origin, where))
    return found


def builtin_checks() -> list[Check]:
    return [cls() for cls in BUILTIN_CHECKS]


def load_registry(*, plugins: bool = True, eps: Iterable[EntryPoint] | None = None) -> Registry:
    checks = builtin_checks()
    if plugins:
        checks.extend(plugin_checks(eps))
        # Sources and formats are loaded on use; a broken one must still show.
        checks.extend(BrokenPlugin(b) for b in broken_plugins())
    return Registry(tuple(checks))
