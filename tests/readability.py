"""Readability thresholds of issue 13: Flesch reading ease >= 60 in English,
Fernández-Huerta >= 60 in Spanish (textstat < 0.7.9 works offline)."""

from __future__ import annotations

import pytest

THRESHOLD = 60.0


def score(text: str, lang: str) -> float:
    """The text's score: bench/checklist_readability.py prints these same figures."""
    import textstat

    if lang == "es":
        # Spanish syllables (pyphen's "es" rules): the default English rules
        # undercount them, which would flatter every Spanish text.
        textstat.set_lang("es")
        try:
            return float(textstat.fernandez_huerta(text))
        finally:
            textstat.set_lang("en_US")
    return float(textstat.flesch_reading_ease(text))


def hard_to_read(texts: dict[str, str], lang: str) -> list[str]:
    """'where: score: text' for each text below the threshold."""
    pytest.importorskip("textstat")
    return [
        f"{where}: {s:.0f}: {text[:80]!r}"
        for where, text in texts.items()
        if (s := score(text, lang)) < THRESHOLD
    ]
