"""Readability of the built-in checklist texts, per language and field (prints figures).

English: Flesch reading ease. Spanish: Fernández-Huerta, the Flesch variant for
Spanish, with Spanish syllable rules. 60 or more is plain; issue 13 asks it of
every question, why and fix (tests/checklists/test_translations.py enforces it).

    python bench/checklist_readability.py
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

# The tests' own scoring, so these figures are the ones the tests check.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from privaudit.checklists.loader import builtin_checklists
from tests.readability import THRESHOLD, score

FIELDS = ("question", "why", "fix")


def summary(name: str, scores: list[float]) -> None:
    q = statistics.quantiles(scores, n=4)
    plain = sum(s >= THRESHOLD for s in scores) / len(scores)
    print(
        f"{name}: n={len(scores)} median={statistics.median(scores):.1f}"
        f" p25={q[0]:.1f} min={min(scores):.1f} share>=60={plain:.0%}"
    )


def main() -> None:
    items = [item for cl in builtin_checklists() for item in cl.items]
    for lang, formula in (("en", "Flesch"), ("es", "Fernandez-Huerta")):
        every: list[float] = []
        for field in FIELDS:
            scores = [score(getattr(i, field).get(lang), lang) for i in items]
            every += scores
            summary(f"{lang} {field} ({formula})", scores)
        summary(f"{lang} all ({formula})", every)


if __name__ == "__main__":
    main()
