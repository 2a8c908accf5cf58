"""Readability of the built-in checklist texts (prints figures; not part of the test run).

English `why` and `fix`: Flesch reading ease (60+ is plain English).
Spanish: Fernández Huerta, the Flesch variant for Spanish (60+ is plain too).

    python bench/checklist_readability.py
"""

from __future__ import annotations

import statistics

import textstat

from privaudit.checklists.loader import builtin_checklists


def summary(name: str, scores: list[float]) -> None:
    q = statistics.quantiles(scores, n=4)
    plain = sum(s >= 60 for s in scores) / len(scores)
    print(
        f"{name}: n={len(scores)} median={statistics.median(scores):.1f}"
        f" p25={q[0]:.1f} min={min(scores):.1f} share>=60={plain:.0%}"
    )


def main() -> None:
    lists = builtin_checklists()
    for field in ("why", "fix"):
        texts = [getattr(i, field).en for c in lists for i in c.items]
        summary(f"en {field} (Flesch)", [float(textstat.flesch_reading_ease(t)) for t in texts])
    both = [t for c in lists for i in c.items for t in (i.why.en, i.fix.en)]
    summary("en why+fix (Flesch)", [float(textstat.flesch_reading_ease(t)) for t in both])
    textstat.set_lang("es")
    spanish = [
        t
        for c in lists
        if "es" in c.languages
        for i in c.items
        for t in (i.why.get("es"), i.fix.get("es"))
    ]
    summary("es why+fix (Fernandez Huerta)", [float(textstat.fernandez_huerta(t)) for t in spanish])


if __name__ == "__main__":
    main()
