"""How fast and how lean the CSV import is, against a plain csv.reader baseline.

Writes a Chrome-format CSV of N rows to a temp dir, then measures (one run each):
- baseline: csv.reader over the file, every row kept as a list (no Accounts built);
- privaudit: import_accounts on the same file (streamed, Accounts built and kept).
Prints seconds, rows/s, peak traced memory, and the ratios privaudit / baseline.

    python bench/import_csv.py [ROWS]    # default 200000
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from privaudit.sources import import_accounts


def measure(label, work):
    # Timed without tracemalloc (it slows allocation-heavy code many times), then traced.
    start = time.perf_counter()
    count = work()
    seconds = time.perf_counter() - start
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label:10} {count:>8} rows  {seconds:7.2f} s  {count / seconds:>9.0f} rows/s  "
        f"peak {peak / 2**20:7.1f} MiB"
    )
    return seconds, peak


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "chrome.csv"
        with path.open("w", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["name", "url", "username", "password", "note"])
            for i in range(rows):
                writer.writerow(
                    [
                        f"site {i}",
                        f"https://s{i}.example.com/login",
                        f"user{i}",
                        f"pw-{i:08d}-Xy!",
                        "a note,\nwith a newline",
                    ]
                )
        print(f"file: {path.stat().st_size / 2**20:.1f} MiB, {rows} rows")

        def baseline():
            with path.open(newline="") as f:
                return len(list(csv.reader(f))) - 1

        def privaudit():
            _, summary, _ = import_accounts(path, fmt=None, stdin=lambda _n: b"")
            return summary.used

        base_s, base_peak = measure("baseline", baseline)
        ours_s, ours_peak = measure("privaudit", privaudit)
        print(
            f"ratio privaudit/baseline: time x{ours_s / base_s:.2f},"
            f" peak memory x{ours_peak / base_peak:.2f}"
        )


if __name__ == "__main__":
    main()
