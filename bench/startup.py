"""Start-up time of `privaudit --help` beside a bare typer app's `--help`.

    python bench/startup.py [--runs 15] [--baseline DIR]

Both run as fresh processes in this interpreter, interleaved, so machine load
hits both alike. Prints medians and the ratio (goal: at most 1.5x).
`--baseline DIR` adds the `--help` of another checkout's privaudit/ (e.g.
`git archive REV privaudit | tar -x -C DIR`) to the same interleaved run and
prints the ratio of this one to it, for a refactor that must not slow start-up.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = '''
import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    print(name)


@app.command()
def bye() -> None:
    """Say bye."""


app()
'''


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--baseline", type=Path, help="a folder holding an older privaudit/")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE)
        commands = {
            "bare typer --help": [sys.executable, str(bare), "--help"],
            "privaudit --help": [sys.executable, "-m", "privaudit", "--help"],
            "import typer+rich+httpx": [sys.executable, "-c", "import typer, rich, httpx"],
        }
        if args.baseline is not None:
            commands["baseline --help"] = [
                "env",
                f"PYTHONPATH={args.baseline.resolve()}",
                sys.executable,
                "-m",
                "privaudit",
                "--help",
            ]
        for cmd in commands.values():  # warm the page cache and .pyc files
            timed(cmd)
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                samples[name].append(timed(cmd))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    for name, value in medians.items():
        print(f"{name:<26} median {value * 1000:6.1f} ms over {args.runs} runs")
    ratio = medians["privaudit --help"] / medians["bare typer --help"]
    print(f"ratio privaudit / bare typer: {ratio:.2f}x (goal <= 1.5x)")
    if "baseline --help" in medians:
        ratio = medians["privaudit --help"] / medians["baseline --help"]
        print(f"ratio privaudit / baseline: {ratio:.2f}x (goal <= 1.0x)")


if __name__ == "__main__":
    main()
