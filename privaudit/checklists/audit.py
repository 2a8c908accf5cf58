"""How checklists join an audit: which are in scope, which answers, which language.

In scope: the platforms chosen in the profile (`checklists.platforms`), those
found among the imported accounts (by domain), and those the user has answered
questions for. The demo reads its own bundled answers, never the user's.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from privaudit.accounts import Account
from privaudit.checklists.lang import pick_lang
from privaudit.checklists.loader import all_checklists
from privaudit.checklists.model import Answer, AnswerBook, Checklist, ChecklistContext, Recorded
from privaudit.checklists.texts import _
from privaudit.demo import demo_file
from privaudit.errors import ConfigError, UsageError
from privaudit.settings import ChecklistSettings, Settings
from privaudit.store.answers import load_answers

__all__ = ["ChecklistContext", "ChecklistPlan", "by_id", "detect", "load_plan"]


def checklist_dir(settings: Settings, flag: Path | None = None) -> Path | None:
    """--checklist-dir, else the config's checklist_dir (relative to the config file)."""
    if flag is not None:
        return flag
    configured = settings.checklists.checklist_dir
    if not configured:
        return None
    path = Path(configured).expanduser()
    if not path.is_absolute() and settings.source_path:
        path = Path(settings.source_path).parent / path
    return path


def by_id(checklists: Iterable[Checklist], wanted: Sequence[str]) -> list[Checklist]:
    known = {c.id: c for c in checklists}
    out = []
    for name in wanted:
        key = name.strip().lower()
        if key not in known:
            near = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
            hint = _("did you mean {choices}? ").format(choices=f"'{near[0]}'") if near else ""
            raise UsageError(
                _(
                    "no checklist {name}; {hint}run 'privaudit checklist list' to see the platforms"
                ).format(name=f"'{name}'", hint=hint)
            )
        if known[key] not in out:
            out.append(known[key])
    return out


def detect(checklists: Iterable[Checklist], accounts: Iterable[Account]) -> list[Checklist]:
    """Checklists whose platform has an account among `accounts` (by domain)."""
    hosts = {h for a in accounts for h in a.domains}
    found = []
    for cl in checklists:
        if any(h == d or h.endswith("." + d) for h in hosts for d in cl.domains):
            found.append(cl)
    return found


@dataclass(frozen=True)
class ChecklistPlan:
    checklists: tuple[Checklist, ...]
    answers: AnswerBook
    settings: ChecklistSettings
    lang: str
    detect_accounts: bool = True
    """Off in the demo: its tour shows only the platforms its profile names."""

    def scope(self, accounts: Iterable[Account]) -> frozenset[str]:
        chosen = by_id(self.checklists, self.settings.platforms)
        found = detect(self.checklists, accounts) if self.detect_accounts else []
        answered = self.answers.platforms()
        return frozenset(
            {c.id for c in (*chosen, *found)} | {c.id for c in self.checklists if c.id in answered}
        )

    def with_answers(self, answers: AnswerBook) -> ChecklistPlan:
        return replace(self, answers=answers)


def load_plan(
    settings: Settings,
    *,
    demo: bool = False,
    now: datetime,
    folder: Path | None = None,
    lang: str | None = None,
    environ: Mapping[str, str] | None = None,
    default: str | None = None,
) -> ChecklistPlan:
    """`default`: the language the rest of the run speaks, used when neither `lang`
    nor `checklists.lang` is given (else the locale's, as for the checklist commands)."""
    env = os.environ if environ is None else environ
    checklists = all_checklists(None if demo else checklist_dir(settings, folder))
    by_id(checklists, settings.checklists.platforms)  # a typo in the profile fails early
    answers = demo_answers(now) if demo else load_answers()
    configured = settings.checklists.lang or settings.audit.lang
    if default is None or lang or configured:
        chosen = pick_lang(lang, configured, {} if demo else env)
    else:
        chosen = default
    return ChecklistPlan(checklists, answers, settings.checklists, chosen, detect_accounts=not demo)


def demo_answers(now: datetime) -> AnswerBook:
    """The demo's answers, dated relative to `now` so the tour always looks the same."""
    path = demo_file("checklist-answers.toml")
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    entries: dict[tuple[str, str], Recorded] = {}
    for platform, items in data.items():
        for item, entry in items.items():
            if not isinstance(entry, dict):
                raise ConfigError(f"{path}: {platform}.{item} must be a table")
            moment = now - timedelta(days=int(entry["age_days"]))
            entries[(platform, item)] = Recorded(Answer(entry["answer"]), moment)
    return AnswerBook(entries)
