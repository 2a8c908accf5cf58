"""The lesson as data: its shape follows the trainers' guides, and every text reads
easily in both languages (Flesch >= 60 in English, Fernández-Huerta >= 60 in Spanish)."""

from __future__ import annotations

import re

import pytest

from privaudit.i18n import use_language
from privaudit.model import Report
from privaudit.pipeline.services import strength_estimator
from privaudit.workshop.content import step_lines
from privaudit.workshop.figures import Figures, crack_time, practice_figures
from privaudit.workshop.lesson import OBJECTIVES, STEPS, english_texts, translated_texts
from tests.i18n.english import english_lines
from tests.readability import hard_to_read
from tests.workshop.conftest import PLAN_ITEM, not_yet_translated


def test_six_steps_in_the_issues_order_with_three_to_five_objectives() -> None:
    assert [s.key for s in STEPS] == ["why", "check", "breaches", "mfa", "privacy", "plan"]
    assert 3 <= len(OBJECTIVES) <= 5
    assert {s.objective for s in STEPS} == set(range(len(OBJECTIVES)))
    for step in STEPS:
        assert step.text and step.notes and step.action
        assert step.action.count(". ") <= 1, "one thing to do, not a list"


def _content(figures: Figures) -> dict[str, str]:
    """The figure lines of every step that are sentences (labels are not prose)."""
    texts = {}
    for step in STEPS:
        for i, line in enumerate(step_lines(step, figures, practice=True)):
            # Plan items ("  1. ...") are the core's text, read by its own test.
            if len(line.split()) >= 6 and "`" not in line and not PLAN_ITEM.match(line):
                texts[f"{step.key} figures {i + 1}"] = line
    return texts


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_workshop_text_is_easy_to_read(lang: str, figures: Figures) -> None:
    with use_language(lang):
        texts = translated_texts() if lang == "es" else dict(english_texts())
        texts.update(_content(figures))
    assert len(texts) > 30
    assert hard_to_read(texts, lang) == []


def test_no_english_is_left_in_the_spanish_lesson(demo: Report) -> None:
    with use_language("es"):
        figures = practice_figures(demo, strength_estimator())
        lines = [*translated_texts().values()]
        lines += [line for step in STEPS for line in step_lines(step, figures, practice=True)]
        found = not_yet_translated(english_lines("\n".join(lines)), demo)
    assert found == []


@pytest.mark.parametrize(
    ("log10", "en", "es"),
    [
        (2.0, "less than a second", "menos de un segundo"),
        (5.0, "10 seconds", "10 segundos"),
        (7.44, "46 minutes", "46 minutos"),
        (8.0, "3 hours", "3 horas"),
        (9.0, "1 day", "1 día"),
        (11.0, "4 months", "4 meses"),
        (12.0, "3 years", "3 años"),
        (20.0, "centuries", "siglos"),
    ],
)
def test_crack_times_are_worded_in_the_learners_language(log10: float, en: str, es: str) -> None:
    assert crack_time(log10) == en
    with use_language("es"):
        assert crack_time(log10) == es


def _catalog_sentences() -> dict[str, dict[str, str]]:
    """Every message of the workshop's catalog that is prose (six words or more; not
    an error line naming options or commands), in English and in Spanish."""
    from babel.messages.pofile import read_po

    from privaudit.i18n import catalogs

    with catalogs.po_path("workshop", "es").open("rb") as fh:
        cat = read_po(fh, locale="es", domain="workshop")
    texts: dict[str, dict[str, str]] = {"en": {}, "es": {}}
    for message in cat:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strs = message.string if isinstance(message.string, tuple) else (message.string,)
        english = ids[-1]
        if len(english.split()) < 6 or "--" in english or "`" in english:
            continue
        # A field stands for a name or a number: one short word reads the same.
        texts["en"][english] = re.sub(r"\{\w+\}", "Sam", english)
        texts["es"][english] = re.sub(r"\{\w+\}", "Sam", strs[-1])
    return texts


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_sentence_in_the_workshops_catalog_is_easy_to_read(lang: str) -> None:
    texts = _catalog_sentences()[lang]
    assert len(texts) > 40
    assert hard_to_read(texts, lang) == []


def test_the_spanish_workshop_uses_privaudits_terms() -> None:
    """One word per idea, as the rest of privaudit: contraseña, filtración, verificación
    en dos pasos, llave de acceso / de seguridad, taller; "paso" only for lesson steps."""
    import re

    from babel.messages.pofile import read_po

    from privaudit.i18n import LOCALE_DIR

    with (LOCALE_DIR / "es" / "LC_MESSAGES" / "workshop.po").open("rb") as f:
        catalog = read_po(f)
    banned = re.compile(
        r"\bclaves?\b|\bfugas?\b|\bclase\b|segundo paso|(?<!verificación en )\bdos pasos\b"
        r"|primer paso de tu plan|\bllave\b(?! de (acceso|seguridad))",
        re.IGNORECASE,
    )
    found = []
    for message in catalog:
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        found += [t for t in texts if t and banned.search(t)]
    assert found == []
