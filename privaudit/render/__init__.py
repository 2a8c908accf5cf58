"""Report formats: pure functions `render(report, options) -> str`.

Built-in formats and third-party ones (entry-point group `privaudit.formats.v1`)
are looked up the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from privaudit.errors import UsageError
from privaudit.model import Report, TrendPoint
from privaudit.plugins import FORMATS_GROUP, Plugin, discover, load_named


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


def format_plugins() -> tuple[Plugin, ...]:
    return discover(FORMATS_GROUP, BUILTIN_FORMATS)


def format_names() -> list[str]:
    return [p.name for p in format_plugins()]


def get_renderer(name: str) -> Renderer:
    plugins = format_plugins()
    func = load_named(plugins, name)
    if func is None:
        names = ", ".join(p.name for p in plugins)
        raise UsageError(f"unknown format {name!r}; choose one of: {names}")
    renderer: Renderer = func  # type: ignore[assignment]  # a renderer by the group's contract
    return renderer


def render(report: Report, fmt: str, options: RenderOptions | None = None) -> str:
    return get_renderer(fmt)(report, options or RenderOptions())
