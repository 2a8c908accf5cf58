"""The lesson as a self-contained HTML slide deck for a projector.

One file, no external resources: the style and the script are inline and the
Content-Security-Policy allows exactly those two (by their SHA-256), nothing
else, so the deck works offline and cannot fetch or send anything. Pure: the
same lesson and figures always give the same file.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from importlib import resources

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from privaudit.i18n import Domain, current_language
from privaudit.workshop.content import intro, plan_lines, sample_head, sample_rows, step_lines
from privaudit.workshop.figures import Figures
from privaudit.workshop.lesson import OBJECTIVES, STEPS, SUBTITLE, TITLE, WELCOME_NOTES

_ = Domain("workshop").gettext

_CODE = re.compile(r"`([^`]*)`")


@dataclass(frozen=True)
class Table:
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Slide:
    title: str
    label: str
    notes: str
    step: str = ""
    lead: str = ""
    points: tuple[str, ...] = ()
    figures: tuple[tuple[tuple[str, bool], ...], ...] = ()
    """Lines of (text, is_code) pieces: commands in backticks show as code."""
    table: Table | None = None
    action: str = ""
    hint: str = ""


def _pieces(line: str) -> tuple[tuple[str, bool], ...]:
    parts = _CODE.split(line.strip())
    return tuple((text, i % 2 == 1) for i, text in enumerate(parts) if text)


def _asset(name: str) -> str:
    return (resources.files(__package__) / name).read_text("utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def csp(css: str, js: str) -> str:
    return (
        f"default-src 'none'; style-src {_sha256(css)}; script-src {_sha256(js)};"
        " img-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )


def _step_slide(index: int, figures: Figures) -> Slide:
    step = STEPS[index]
    table = None
    lines = step_lines(step, figures, practice=True)
    if step.key == "check" and figures.samples:
        table = Table(
            head=sample_head(),
            rows=tuple(sample_rows(figures)),
        )
        lines = []
    elif step.key == "plan":
        lines = plan_lines(figures, incomplete=False)
    return Slide(
        title=_(step.title),
        label=_(step.title),
        step=_("Step {n} of {total}").format(n=index + 1, total=len(STEPS)),
        points=tuple(_(p) for p in step.text),
        figures=tuple(_pieces(line) for line in lines),
        table=table,
        action=_("Do this now: {action}").format(action=_(step.action)),
        notes=_(step.notes),
    )


def slides(figures: Figures) -> list[Slide]:
    first = Slide(
        title=_(TITLE),
        label=_(TITLE),
        lead=_(SUBTITLE),
        points=tuple(_(o) for o in OBJECTIVES),
        figures=(_pieces(intro(practice=True)),),
        hint=_("Keys: arrows, space or Page Up/Down to move; n shows the speaker notes."),
        notes=_(WELCOME_NOTES),
    )
    return [first, *(_step_slide(i, figures) for i in range(len(STEPS)))]


def render_deck(figures: Figures) -> str:
    """The deck in the current language, with the given (demo) figures on its slides."""
    css, js = _asset("deck.css"), _asset("deck.js")
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    template = env.from_string(_asset("deck.html"))
    return template.render(
        lang=current_language(),
        title=_(TITLE),
        csp=Markup(csp(css, js)),  # noqa: S704  # built here from two hashes, no input
        css=css,
        js=js,
        slides=slides(figures),
        notes_label=_("Speaker notes:"),
    )
