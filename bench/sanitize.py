"""Sanitiser speed: the translate-based `sanitize` against the per-character reference.

Both run in the same process on the same 50,000 vault-like labels (mostly clean,
some with accents, emoji and hostile characters); median of 5 runs each.

    python bench/sanitize.py
"""

from __future__ import annotations

import random
import statistics
import time

from privaudit.text import reference_sanitize, sanitize

RUNS = 5
LABELS = 50_000


def labels() -> list[str]:
    rng = random.Random(17)
    words = ["Mail", "GitHub", "Bank", "Ünïcødé", "Café", "社交", "Shop", "👩\u200d💻 Work"]
    hostile = ["\x1b[2J", "\u202e", "\U000e0041", "\u00ad", "\n"]
    out = []
    for i in range(LABELS):
        text = f"{rng.choice(words)} {i} (user{i}@example.com)"
        if i % 50 == 0:
            text += rng.choice(hostile)
        out.append(text)
    return out


def timed(function, items: list[str]) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    for item in items:
        function(item)
    return time.perf_counter() - start


def main() -> None:
    items = labels()
    sanitize(items[0])  # learn the ASCII range before timing, as any real run has
    fast = statistics.median(timed(sanitize, items) for _ in range(RUNS))
    plain = statistics.median(timed(reference_sanitize, items) for _ in range(RUNS))
    print(f"{LABELS} labels, median of {RUNS}:")
    print(f"  sanitize            {fast * 1000:8.1f} ms  ({fast / LABELS * 1e6:.2f} µs/label)")
    print(f"  per-character loop  {plain * 1000:8.1f} ms  ({plain / LABELS * 1e6:.2f} µs/label)")
    print(f"  speed-up            {plain / fast:8.1f}×")


if __name__ == "__main__":
    main()
