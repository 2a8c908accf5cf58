"""CPU per range request of the client alone, in fresh processes, paired in one run.

    python bench/online_client.py                       # 2,000 prefixes, medians of 3
    python bench/online_client.py --before /path/to/an/older/checkout

Against bench/online.py's loopback server (its own process, 30 ms latency, padded
800-1,000-line answers), each variant looks up the same hashes in a fresh process
and reports wall time and the CPU seconds of the lookups alone (imports excluded):
this checkout, this checkout with answer validation switched off (to show what
the strict checks cost; never a mode privaudit offers), and optionally an older
checkout (`--before`, e.g. `git archive <commit> privaudit | tar -x -C DIR`).
Exits 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from online import start_server  # noqa: E402

CHILD = r"""
import asyncio, hashlib, os, random, resource, sys
sys.path.insert(0, sys.argv[1])
from privaudit.pwned.client import ClientOptions, RangeFetcher
from privaudit.pwned.online import OnlineLookup
if os.environ.get("BENCH_NO_VALIDATION"):
    from privaudit.pwned import stream
    stream.RangeReader._check = lambda self, block: setattr(self, "_lines", self._lines + 1)
rng = random.Random(int(sys.argv[4]))
hashes = [hashlib.sha1(str(rng.random()).encode()).hexdigest().upper()
          for _ in range(int(sys.argv[3]))]
fetcher = RangeFetcher(ClientOptions(base_url=sys.argv[2], retries=0,
                                     concurrency=int(sys.argv[5])))
before = resource.getrusage(resource.RUSAGE_SELF)
import time; started = time.perf_counter()
result = asyncio.run(OnlineLookup(fetcher).lookup(hashes))
after = resource.getrusage(resource.RUSAGE_SELF)
cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
bad = sum(not isinstance(v, int) for v in result.values())
print(time.perf_counter() - started, cpu, bad)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prefixes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", type=Path, help="an older checkout to compare")
    parser.add_argument("--concurrency", type=int, default=100)
    args = parser.parse_args()
    variants = [("this checkout", ROOT, "")]
    variants.append(("this checkout, validation off", ROOT, "1"))
    if args.before:
        variants.append((f"before ({args.before})", args.before, ""))
    proc, url = start_server(0.030)
    figures: dict[str, list[tuple[float, float, int]]] = {}
    try:
        for run in range(args.runs):
            for name, root, off in variants:
                env = {**os.environ, "BENCH_NO_VALIDATION": off}
                argv = [sys.executable, "-c", CHILD, str(root), url, str(args.prefixes)]
                argv += [str(run), str(args.concurrency)]
                out = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
                if out.returncode:
                    sys.stderr.write(out.stderr[-1000:])
                    continue
                wall, cpu, bad = out.stdout.split()
                figures.setdefault(name, []).append((float(wall), float(cpu), int(bad)))
    finally:
        proc.terminate()
        proc.join()
    print(f"{args.prefixes} prefixes, concurrency {args.concurrency}, medians of {args.runs}")
    for name, rows in figures.items():
        wall = statistics.median(r[0] for r in rows)
        cpu = statistics.median(r[1] for r in rows)
        per = cpu / args.prefixes * 1000
        failed = sum(r[2] for r in rows)
        print(f"  {name:<40} wall {wall:6.2f} s  CPU {cpu:5.2f} s  {per:.3f} ms/request  "
              f"failed {failed}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
