"""Password-strength timing: per-password distribution and whole-vault times.

    python bench/strength.py [--quick]

Prints, for a realistic generated mix (human-made, manager-generated, passphrases,
long and l33t-heavy strings): the per-password median/p95/max of privaudit's
estimator, and the time to rate a 1,000- and a 10,000-entry vault, beside the
baseline of plain zxcvbn on the full password (its own 72-character limit),
one at a time. No figures are asserted; read them.
"""

from __future__ import annotations

import argparse
import random
import statistics
import string
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from zxcvbn import matching, zxcvbn

from privaudit.strength import MAX_ANALYSED, ZxcvbnEstimator, estimate

WORDS = [
    "summer",
    "winter",
    "dragon",
    "monkey",
    "shadow",
    "master",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "welcome",
    "flower",
    "hunter",
    "ranger",
    "orange",
    "purple",
    "silver",
    "golden",
    "tiger",
    "coffee",
    "guitar",
    "rocket",
    "velvet",
    "marsh",
    "quilt",
    "orbit",
    "lamp",
    "otter",
    "vivid",
    "harbor",
    "maple",
    "cedar",
]
LEET = str.maketrans("aeiost", "4310$7")


def human(rng: random.Random) -> str:
    word = rng.choice(WORDS)
    if rng.random() < 0.5:
        word = word.capitalize()
    if rng.random() < 0.3:
        word = word.translate(LEET)
    return word + str(rng.randint(0, 2025)) + rng.choice(["", "!", "#", "?"])


def generated(rng: random.Random) -> str:
    alphabet = string.ascii_letters + string.digits + "!@#$%^&*-_"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(14, 24)))


def passphrase(rng: random.Random) -> str:
    return "-".join(rng.choice(WORDS) for _ in range(rng.randint(4, 6)))


def long_leet(rng: random.Random) -> str:
    alphabet = "4@8(3€6#1!|0$5+7%2aeiostlbg"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(40, 72)))


def vault(n: int, seed: int) -> list[tuple[str, tuple[str, ...]]]:
    rng = random.Random(seed)
    makers = [human] * 45 + [generated] * 35 + [passphrase] * 15 + [long_leet] * 5
    return [(rng.choice(makers)(rng), ("example", f"user{i}")) for i in range(n)]


def per_password(items: list[tuple[str, tuple[str, ...]]]) -> list[float]:
    times = []
    for password, inputs in items:
        start = time.perf_counter()
        estimate(password, inputs)
        times.append(time.perf_counter() - start)
    return times


def baseline(items: list[tuple[str, tuple[str, ...]]]) -> float:
    """Plain zxcvbn: its own dictionary matcher, full length (up to its 72 limit)."""
    fast = matching.dictionary_match
    matching.dictionary_match = getattr(fast, "original", fast)
    try:
        start = time.perf_counter()
        for password, inputs in items:
            zxcvbn(password[:72], user_inputs=list(inputs))
        return time.perf_counter() - start
    finally:
        matching.dictionary_match = fast


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 10,000-entry runs")
    args = parser.parse_args()
    estimator = ZxcvbnEstimator()
    print(
        f"privaudit strength benchmark: first {MAX_ANALYSED} characters analysed,"
        f" {estimator.workers} worker(s)"
    )

    sample = vault(1000, seed=1)
    times = sorted(per_password(sample))
    p95 = times[int(len(times) * 0.95)]
    print(
        f"per password (1,000 mixed): median {statistics.median(times) * 1000:.2f} ms,"
        f" p95 {p95 * 1000:.2f} ms, max {times[-1] * 1000:.1f} ms"
    )
    worst = sorted(
        per_password(
            vault(200, seed=7)[:0] + [(long_leet(random.Random(i)), ()) for i in range(50)]
        )
    )
    print(f"per password (50 l33t-heavy 40-72 chars): max {worst[-1] * 1000:.1f} ms")

    sizes = [1000] if args.quick else [1000, 10000]
    for size in sizes:
        items = vault(size, seed=size)
        start = time.perf_counter()
        estimator.estimate_many(items)
        ours = time.perf_counter() - start
        start = time.perf_counter()
        ZxcvbnEstimator(workers=1).estimate_many(items)
        one_core = time.perf_counter() - start
        base = baseline(items)
        print(
            f"{size:>6,} entries: privaudit {ours:6.2f} s (one core {one_core:.2f} s);"
            f" plain zxcvbn one by one {base:6.2f} s; ratio {base / ours:4.1f}x"
        )


if __name__ == "__main__":
    main()
