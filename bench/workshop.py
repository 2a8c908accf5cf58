"""How long a trainer waits for `privaudit workshop deck`, beside `privaudit demo`.

    python bench/workshop.py [--runs 7]

Both run as fresh processes in this interpreter, interleaved, so machine load
hits both alike; each in its own empty PRIVAUDIT_HOME. The deck runs the same
demo audit and rates the four sample passwords, then renders the slides, so
the ratio is the deck's own cost. Prints medians and the ratio.
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


def timed(cmd: list[str], home: Path) -> float:
    env = {**os.environ, "PRIVAUDIT_HOME": str(home)}
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        commands = {
            "privaudit demo": [sys.executable, "-m", "privaudit", "demo", "--quiet"],
            "privaudit workshop deck": [
                sys.executable,
                "-m",
                "privaudit",
                "workshop",
                "deck",
                "--output",
                str(root / "deck.html"),
            ],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for run in range(args.runs):
            for name, cmd in commands.items():
                home = root / f"home-{run}-{len(times[name])}-{name.split()[-1]}"
                times[name].append(timed(cmd, home))
    medians = {name: statistics.median(t) for name, t in times.items()}
    for name, median in medians.items():
        print(f"{name:26} median {median:.2f} s over {args.runs} runs")
    ratio = medians["privaudit workshop deck"] / medians["privaudit demo"]
    print(f"deck / demo: {ratio:.2f}x")


if __name__ == "__main__":
    main()
