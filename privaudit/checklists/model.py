"""Checklists and answers as values: what the loader builds and the checks read."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from types import MappingProxyType

from privaudit.i18n import SUPPORTED, catalog, current_language, has_translation
from privaudit.model import Severity

FORMAT_VERSION = 1
"""The checklist file format (docs/checklist-format.md). Bump on incompatible changes."""

DEFAULT_LANG = "en"


@dataclass(frozen=True, slots=True)
class LocalText:
    """A text in one or more languages; English is always present.

    ``get(lang)`` is the one accessor to show a text: the text in ``lang``
    (default: the current language), else English. A translation comes from the
    file itself (``question.es = ...``, third-party checklists) or, for the
    built-ins, from the gettext catalog ``domain`` (``checklists``), keyed by
    the English text. ``has(lang)`` says whether ``get`` would really translate.
    """

    values: Mapping[str, str]
    domain: str | None = None
    """The gettext domain holding translations (the built-ins), or None."""

    def __post_init__(self) -> None:
        if DEFAULT_LANG not in self.values:
            raise ValueError("a LocalText needs English text")
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))

    def get(self, lang: str | None = None) -> str:
        """This text in ``lang`` (default: the current language), else in English."""
        lang = lang or current_language()
        inline = self.values.get(lang)
        if inline:
            return inline
        if self.domain is not None and lang != DEFAULT_LANG:
            return catalog(self.domain, lang).gettext(self.en)
        return self.en

    def has(self, lang: str) -> bool:
        """Whether this text exists in ``lang`` (English always does)."""
        if lang == DEFAULT_LANG or self.values.get(lang):
            return True
        return self.domain is not None and has_translation(self.domain, self.en, lang)

    def candidates(self) -> set[str]:
        """Languages this text may be in: its own, and the catalogs' if it has a domain."""
        return set(self.values) | (set(SUPPORTED) if self.domain is not None else set())

    @property
    def en(self) -> str:
        return self.values[DEFAULT_LANG]


class Audience(StrEnum):
    EVERYONE = "everyone"
    CREATORS = "creators"
    """People with public accounts or who publish for an audience."""


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    question: LocalText
    """Phrased so that 'yes' is the safe answer."""
    why: LocalText
    fix: LocalText
    severity: Severity
    link: str | None = None
    """A deep link to the setting, when a stable one exists."""
    tags: tuple[str, ...] = ()
    audience: Audience = Audience.EVERYONE


@dataclass(frozen=True, slots=True)
class Checklist:
    id: str
    """The platform id users type: 'google', 'leak-readiness'."""
    name: LocalText
    check_id: str
    category: str
    reviewed: date
    items: tuple[Item, ...]
    settings_url: str | None = None
    domains: tuple[str, ...] = ()
    """Sites whose accounts mean the user is on this platform."""
    source: str = "built-in"
    """Where it was loaded from: 'built-in' or a file path."""

    @property
    def builtin(self) -> bool:
        return self.source == "built-in"

    def texts(self) -> Iterator[LocalText]:
        """Every text shown to users: the name, then each item's question, why and fix."""
        yield self.name
        for item in self.items:
            yield from (item.question, item.why, item.fix)

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages every text (name, questions, why, fix) is available in."""
        texts = list(self.texts())
        candidates = set[str]().union(*(t.candidates() for t in texts))
        return tuple(sorted(lang for lang in candidates if all(t.has(lang) for t in texts)))

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"
    NOT_APPLICABLE = "n/a"


@dataclass(frozen=True, slots=True)
class Recorded:
    answer: Answer
    at: datetime
    """When it was given (UTC)."""


class Freshness(StrEnum):
    MISSING = "missing"
    FRESH = "fresh"
    STALE = "stale"


@dataclass(frozen=True, slots=True)
class AnswerBook:
    """Every stored answer, by (platform id, item id)."""

    entries: Mapping[tuple[str, str], Recorded] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "entries", MappingProxyType(dict(self.entries)))

    def get(self, platform: str, item: str) -> Recorded | None:
        return self.entries.get((platform, item))

    def with_answer(self, platform: str, item: str, recorded: Recorded) -> AnswerBook:
        return AnswerBook({**self.entries, (platform, item): recorded})

    def platforms(self) -> frozenset[str]:
        return frozenset(p for p, _ in self.entries)

    def __iter__(self) -> Iterator[tuple[tuple[str, str], Recorded]]:
        return iter(sorted(self.entries.items()))

    def __len__(self) -> int:
        return len(self.entries)


@dataclass(frozen=True, slots=True)
class ChecklistContext:
    """What checklist checks read from the AuditContext."""

    answers: AnswerBook = field(default_factory=AnswerBook)
    scope: frozenset[str] = frozenset()
    stale_after: timedelta = timedelta(days=180)
    lang: str = "en"
    checklists: tuple[Checklist, ...] = ()
    """The checklists in scope, so 2FA answers can join an account's MFA status (merge.py)."""
    main_email: frozenset[str] = frozenset()
    """Subjects of the account a question about "your main email" speaks for (tfa/email.py)."""


def freshness(recorded: Recorded | None, now: datetime, stale_after: timedelta) -> Freshness:
    """An answer goes stale after `stale_after`; one dated in the future is not trusted."""
    if recorded is None:
        return Freshness.MISSING
    age = now - recorded.at
    if age > stale_after or age < -timedelta(days=1):
        return Freshness.STALE
    return Freshness.FRESH
