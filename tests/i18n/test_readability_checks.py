"""Issue 13, point 8, for what the checks say: every why and fix, and every message
template long enough to read as a sentence, at Flesch >= 60 in English and
Fernández-Huerta >= 60 in Spanish (tests/readability.py)."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from privaudit.checks.strength_text import WARNINGS
from privaudit.i18n import use_language
from privaudit.i18n.catalogs import po_path
from privaudit.registry import builtin_checks
from tests.readability import hard_to_read

SENTENCE_WORDS = 8
"""Shorter templates are labels and fragments ("second factor: {methods}")."""
# Commands, options, URLs and code are read as names, not as prose.
_CODE = (
    re.compile(r"\b[a-z][\w+.-]*://\S*"),
    re.compile(r"`[^`]*`"),
    re.compile(r"\bprivaudit(?: [a-z][\w-]*)+(?: '[^']*')?(?: [A-Z]+\b)*"),
    re.compile(r"(?<!\w)--?[a-z][\w-]*(?: [A-Z]+\b|\|\w+)*"),
    re.compile(r"\b\w+ = \S+"),
    re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b"),  # an environment variable
    re.compile(r"\b[\w.]+/[\w./]+\b"),
)
_FIELD = re.compile(r"\{[^{}]*\}")
# Names are not prose: their syllables say nothing about how plain a sentence is.
_NAMES = re.compile(r"Google Authenticator|Pwned Passwords|Have I Been Pwned|Steam Guard")
_FILLER = {"en": "it", "es": "esto"}


def plain(text: str, lang: str) -> str:
    for pattern in _CODE:
        text = pattern.sub(" ", text)
    text = _NAMES.sub("X", text)
    return re.sub(r"\s+", " ", _FIELD.sub(_FILLER[lang], text)).strip()


def _meta_texts(lang: str) -> dict[str, str]:
    texts: dict[str, str] = {}
    with use_language(lang):
        for check in builtin_checks():
            meta = check.meta
            for part in ("why", "fix"):
                texts[f"{meta.id} {part}"] = plain(getattr(meta, part), lang)
    return texts


def _templates(lang: str, domain: str = "checks", files: tuple[str, ...] = ()) -> dict[str, str]:
    """Sentence-long templates of `domain` (only those used in `files`, when given)."""
    with po_path(domain, "es").open("rb") as fh:
        catalog = read_po(fh)
    texts: dict[str, str] = {}
    for message in catalog:
        if not message.id:
            continue
        if files and not any(where.startswith(files) for where, _ in message.locations):
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strs = message.string if isinstance(message.string, tuple) else (message.string,)
        if lang == "en" and ids[0] in WARNINGS:
            continue  # zxcvbn's own English, matched as it is; its Spanish is ours
        for i, text in enumerate(ids if lang == "en" else strs):
            if len(plain(text, lang).split()) >= SENTENCE_WORDS:
                texts[f"{ids[0][:40]!r}[{i}]"] = plain(text, lang)
    return texts


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_why_and_fix_is_plain(lang: str) -> None:
    hard = hard_to_read(_meta_texts(lang), lang)
    assert hard == [], "\n".join(hard)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_message_template_is_plain(lang: str) -> None:
    texts = _templates(lang)
    assert len(texts) > 50  # the catalog was read
    hard = hard_to_read(texts, lang)
    assert hard == [], "\n".join(hard)


# What a learner reads first: the plan's actions and reasons, the score's words.
PLAN_FILES = ("plan.py", "scoring.py", "render/labels.py")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_plan_and_the_score_read_plainly(lang: str) -> None:
    texts = _templates(lang, "privaudit", PLAN_FILES)
    assert len(texts) >= 5  # the catalog was read (English has fewer plural forms)
    hard = hard_to_read(texts, lang)
    assert hard == [], "\n".join(hard)


def test_code_is_not_scored_as_prose() -> None:
    said = plain("Run privaudit checklist run google --lang es (https://x.org/a, docs/a.md)", "en")
    assert said == "Run es ( )"
    assert plain("Set a = 1 for {name}.", "es") == "Set for esto."
