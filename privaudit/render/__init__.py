"""Report formats: pure functions `render(report, options) -> str`.

Built-in formats and third-party ones (entry-point group `privaudit.formats.v1`)
are looked up the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import entry_points

from privaudit.errors import UsageError
from privaudit.model import Report, TrendPoint

FORMATS_GROUP = "privaudit.formats.v1"


@dataclass(frozen=True, slots=True)
class RenderOptions:
    width: int = 80
    color: bool = False
    """ANSI styling: only for a terminal that wants it (never with NO_COLOR or a pipe)."""
    trend: tuple[TrendPoint, ...] = ()
    """Earlier runs' scores, oldest first (from the history database), for trend charts."""
    details: bool = False
    """Everything: each finding's own fix, every skip, every unanswered question."""
    group_by: str = "account"
    """Problems grouped by "account" (the default) or by "check"."""
    links: bool = False
    """The terminal understands OSC 8 hyperlinks (URLs are printed whole either way)."""


Renderer = Callable[[Report, RenderOptions], str]

# name -> "module:function"; imported on use so `--help` stays fast.
BUILTIN_FORMATS: dict[str, str] = {
    "terminal": "privaudit.render.console:render",
    "json": "privaudit.render.json:render",
    "markdown": "privaudit.render.markdown:render",
    "html": "privaudit.render.html:render",
    "junit": "privaudit.render.junit:render",
    "csv": "privaudit.render.csv:render",
}


def _plugin_formats() -> dict[str, str]:
    return {ep.name: ep.value for ep in entry_points(group=FORMATS_GROUP)}


def format_names() -> list[str]:
    return [*BUILTIN_FORMATS, *sorted(set(_plugin_formats()) - set(BUILTIN_FORMATS))]


def get_renderer(name: str) -> Renderer:
    target = BUILTIN_FORMATS.get(name) or _plugin_formats().get(name)
    if target is None:
        raise UsageError(f"unknown format {name!r}; choose one of: {', '.join(format_names())}")
    module_name, _, attr = target.partition(":")
    func: Renderer = getattr(import_module(module_name), attr)
    return func


def render(report: Report, fmt: str, options: RenderOptions | None = None) -> str:
    return get_renderer(fmt)(report, options or RenderOptions())
