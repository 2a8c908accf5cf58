"""Breach lookup benchmark: prints figures and ratios measured in one run.

    python bench/breach.py                  # online 1,000 + 10,000, offline 20 M lines
    python bench/breach.py --lines 100000000 --lines 20000000   # add the 100 M corpus
    python bench/breach.py --only online    # or: --only offline

(a) Online: privaudit's client against a loopback range server (a separate
    process, 30 ms latency, ~500 lines a prefix), beside the floor
    (distinct prefixes x latency / concurrency) and a sequential
    one-request-at-a-time client (keep-alive, like the `pwnedpasswords` package).
    The sequential client is timed on 1,000 prefixes; for 10,000 its time is
    extrapolated from that rate unless --full-sequential is given.
    A concurrency sweep backs the default. Whole-process figures against a raw
    asyncio client: bench/online.py.
(b) Offline: 10,000 lookups by binary search over a generated sorted corpus
    beside one linear pass over the same file with a set of the hashes.
(c) Compact index: build rate, size, and 10,000 lookups on it.

Data is generated under bench/.data/ (gitignored) and reused on later runs.
Figures are wall-clock times on a warm page cache.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import multiprocessing
import os
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from privaudit.pwned.client import DEFAULT_CONCURRENCY, ClientOptions, RangeFetcher  # noqa: E402
from privaudit.pwned.online import OnlineLookup  # noqa: E402

DATA = ROOT / "bench" / ".data"
LATENCY = 0.030
LINES_PER_PREFIX = 500


# ---------------------------------------------------------------- loopback server


def _bodies(count: int = 64) -> list[bytes]:
    """Answers made once at start-up, so the server spends its CPU on HTTP, not on
    generating text: the real API's CPU is not on the client's machine."""
    out = []
    for _ in range(count):
        pool = os.urandom(18 * LINES_PER_PREFIX).hex().upper()
        suffixes = sorted(pool[i * 36 : i * 36 + 35] for i in range(LINES_PER_PREFIX))
        lines = (f"{s}:{(i * 7919) % 5000 + 1}" for i, s in enumerate(suffixes))
        out.append("\r\n".join(lines).encode())
    return out


def _serve(port_out: multiprocessing.connection.Connection, latency: float) -> None:
    bodies = _bodies()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request = await reader.readline()
                if not request:
                    break
                while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                    pass
                prefix = request.split(b" ")[1].rsplit(b"/", 1)[-1]
                await asyncio.sleep(latency)
                body = bodies[hash(prefix) % len(bodies)]
                head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n"
                writer.write(head % len(body) + body)
                await writer.drain()
        except (ConnectionError, IndexError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
        port_out.send(server.sockets[0].getsockname()[1])
        async with server:
            await server.serve_forever()

    asyncio.run(main())


def start_server(latency: float) -> tuple[multiprocessing.Process, str]:
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_serve, args=(child, latency), daemon=True)
    proc.start()
    return proc, f"http://127.0.0.1:{parent.recv()}"


# ---------------------------------------------------------------- online


def passwords(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [f"bench-{rng.getrandbits(64):016x}" for _ in range(n)]


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest().upper()


def privaudit_time(
    url: str, hashes: list[str], concurrency: int, per_pool: int = 10, cache: Path | None = None
) -> float:
    from privaudit.pwned.cache import RangeCache  # noqa: PLC0415

    options = ClientOptions(base_url=url, concurrency=concurrency, per_pool=per_pool, retries=0)
    fetcher = RangeFetcher(options, cache=RangeCache(cache) if cache else None)
    started = time.perf_counter()
    result = asyncio.run(OnlineLookup(fetcher).lookup(hashes))
    elapsed = time.perf_counter() - started
    failures = sum(1 for v in result.values() if not isinstance(v, int))
    if failures:
        raise SystemExit(f"{failures} lookups failed during the benchmark")
    return elapsed


def sequential_time(url: str, hashes: list[str]) -> float:
    import httpx  # noqa: PLC0415

    started = time.perf_counter()
    with httpx.Client(headers={"Add-Padding": "true"}) as client:
        for full in hashes:
            text = client.get(f"{url}/range/{full[:5]}").text
            _ = full[5:] in text
    return time.perf_counter() - started


def bench_online(full_sequential: bool) -> None:
    proc, url = start_server(LATENCY)
    try:
        print(
            f"== (a) online: loopback range server, {LATENCY * 1000:.0f} ms latency, "
            f"{LINES_PER_PREFIX} lines a prefix, default concurrency {DEFAULT_CONCURRENCY}"
        )
        privaudit_time(url, [sha1(p) for p in passwords(50, 0)], DEFAULT_CONCURRENCY)  # warm-up
        seq_rate = None
        for n, seed in ((1000, 1), (10_000, 2)):
            hashes = [sha1(p) for p in passwords(n, seed)]
            distinct = len({h[:5] for h in hashes})
            floor = distinct * LATENCY / DEFAULT_CONCURRENCY
            ours = privaudit_time(url, hashes, DEFAULT_CONCURRENCY)
            if n == 1000 or full_sequential:
                seq = sequential_time(url, hashes)
                seq_rate = seq / distinct
                seq_note = "measured"
            else:
                assert seq_rate is not None
                seq = seq_rate * distinct
                seq_note = "extrapolated from the 1,000 run"
            print(
                f"{n:>6} passwords, {distinct} distinct prefixes: privaudit {ours:6.2f} s | "
                f"floor {floor:5.2f} s (x{ours / floor:.2f}) | "
                f"sequential {seq:7.1f} s ({seq_note}; privaudit x{seq / ours:.0f} faster)"
            )
        print("-- with the cache (default on): first run writes it, second run reads it")
        cache = DATA / "range-cache"
        hashes = [sha1(p) for p in passwords(1000, 3)]
        if cache.exists():
            shutil.rmtree(cache)
        cold = privaudit_time(url, hashes, DEFAULT_CONCURRENCY, cache=cache)
        warm = privaudit_time(url, hashes, DEFAULT_CONCURRENCY, cache=cache)
        shutil.rmtree(cache)
        print(f"   1000 passwords: cold cache {cold:5.2f} s | warm cache {warm:5.2f} s")
        print("-- concurrency sweep, 1,000 passwords (one connection per worker):")
        hashes = [sha1(p) for p in passwords(1000, 1)]
        distinct = len({h[:5] for h in hashes})
        for c in (10, 20, 40, 60, 100, 150, 200):
            ours = privaudit_time(url, hashes, c)
            floor = distinct * LATENCY / c
            print(f"   concurrency {c:>3}: {ours:5.2f} s | floor {floor:5.2f} s")
    finally:
        proc.terminate()
        proc.join()


# ---------------------------------------------------------------- offline


def corpus_path(lines: int) -> Path:
    return DATA / f"sorted-{lines // 1_000_000}M.txt"


def generate(lines: int) -> tuple[Path, list[str]]:
    """A sorted HASH:COUNT file of `lines` lines, and some hashes known to be in it."""
    path = corpus_path(lines)
    present_file = path.with_suffix(".present")
    if path.exists() and present_file.exists():
        return path, present_file.read_text().split()
    DATA.mkdir(parents=True, exist_ok=True)
    print(f"   generating {path.name} ({lines:,} lines)...", flush=True)
    started = time.perf_counter()
    scale = (1 << 32) / lines  # strictly increasing 8-hex head, random 32-hex tail
    present: list[str] = []
    block = 1_000_000
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="ascii", newline="") as out:
        for start in range(0, lines, block):
            count = min(block, lines - start)
            tails = os.urandom(16 * count).hex().upper()
            chunk = [
                f"{int((start + j) * scale):08X}{tails[j * 32 : j * 32 + 32]}"
                f":{(start + j) % 997 + 1}\r\n"
                for j in range(count)
            ]
            present.extend(line[:40] for line in chunk[:: max(1, count // 100)])
            out.write("".join(chunk))
    tmp.replace(path)
    present_file.write_text("\n".join(present))
    print(f"   generated in {time.perf_counter() - started:.0f} s", flush=True)
    return path, present


def probe_hashes(present: list[str], n: int) -> list[str]:
    rng = random.Random(11)
    hits = rng.sample(present, min(len(present), n // 10))
    return hits + [f"{rng.getrandbits(160):040X}" for _ in range(n - len(hits))]


def linear_pass(path: Path, wanted: list[str]) -> tuple[float, int]:
    targets = {h.encode() for h in wanted}
    started = time.perf_counter()
    found = 0
    with path.open("rb") as fh:
        for line in fh:
            if line[:40] in targets:
                found += 1
    return time.perf_counter() - started, found


def binary_lookups(path: Path, wanted: list[str]) -> tuple[float, int]:
    from privaudit.pwned.offline import open_corpus  # noqa: PLC0415

    started = time.perf_counter()
    corpus = open_corpus(path)
    found = sum(1 for h in wanted if corpus.count(h) > 0)
    return time.perf_counter() - started, found


def bench_offline(sizes: list[int], build: bool) -> None:
    from privaudit.pwned.build import build_index  # noqa: PLC0415

    print("== (b) offline: 10,000 lookups (10% present) on a sorted corpus, warm page cache")
    for lines in sizes:
        path, present = generate(lines)
        wanted = probe_hashes(present, 10_000)
        # The linear pass runs first: it reads the whole file, so both are timed on
        # a warm page cache (the binary search would gain most from a cold one).
        linear, found_linear = linear_pass(path, wanted)
        ours, found = binary_lookups(path, wanted)
        assert found == found_linear, (found, found_linear)
        size = path.stat().st_size
        print(
            f"{lines / 1e6:>5.0f} M lines ({size / 1e9:.2f} GB):"
            f" binary search {ours * 1000:7.1f} ms"
            f" | linear pass {linear:6.2f} s | binary search x{linear / ours:,.0f} faster"
            f" ({found} found)"
        )
        if build and lines == min(sizes):
            print("== (c) compact index (exact 20-byte keys) from the same corpus")
            out = DATA / f"index-{lines // 1_000_000}M.idx"
            started = time.perf_counter()
            build_index(path, out)
            took = time.perf_counter() - started
            isize = out.stat().st_size
            print(
                f"   build {took:6.1f} s = {lines / took / 1e6:.2f} M lines/s"
                f" ({size / took / 1e6:.0f} MB/s of text); index {isize / 1e9:.2f} GB,"
                f" x{size / isize:.2f} smaller than the text"
            )
            ours_idx, found_idx = binary_lookups(out, wanted)
            assert found_idx == found
            print(
                f"   10,000 lookups on the index {ours_idx * 1000:.1f} ms"
                f" (x{linear / ours_idx:,.0f} faster than the linear pass)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("online", "offline"))
    parser.add_argument("--lines", type=int, action="append", help="corpus sizes (default 20 M)")
    parser.add_argument("--full-sequential", action="store_true")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPU(s), load average {load}")
    if args.only != "offline":
        bench_online(args.full_sequential)
    if args.only != "online":
        bench_offline(sorted(args.lines or [20_000_000]), not args.no_build)


if __name__ == "__main__":
    main()
