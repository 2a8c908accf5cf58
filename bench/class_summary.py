"""How long a trainer waits for `privaudit class summary` over a room's share files.

    python bench/class_summary.py [--learners 60] [--runs 7]

Writes one share file per learner (a third of them share twice) from the demo
report, then times `privaudit class summary FILES --output class.html` (HTML)
and `--format json` beside `privaudit --version` (start-up alone) as fresh
processes, interleaved so machine load hits all alike. Prints medians and each
summary's cost above start-up.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.classroom.shares import class_of, write


def timed(cmd: list[str], home: Path) -> float:
    env = {**os.environ, "PRIVAUDIT_HOME": str(home)}
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=60)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = [str(p) for p in write(root / "shares", class_of(args.learners))]
        base = [sys.executable, "-m", "privaudit"]
        commands = {
            "privaudit --version": [*base, "--version"],
            "class summary (html)": [*base, "class", "summary", *files, "-o", str(root / "c.html")],
            "class summary (json)": [*base, "class", "summary", *files, "-f", "json"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for run in range(args.runs):
            for name, cmd in commands.items():
                times[name].append(timed(cmd, root / f"home-{run}"))
    medians = {name: statistics.median(t) for name, t in times.items()}
    print(f"{len(files)} share files from {args.learners} learners")
    for name, median in medians.items():
        print(f"{name:24} median {median:.3f} s over {args.runs} runs")
    start_up = medians["privaudit --version"]
    for name in ("class summary (html)", "class summary (json)"):
        ratio = medians[name] / start_up
        print(f"{name} / --version: {ratio:.2f}x (+{medians[name] - start_up:.3f} s)")


if __name__ == "__main__":
    main()
