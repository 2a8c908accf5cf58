"""Online breach lookups, whole process: `privaudit audit --select BR101` beside a
raw asyncio-socket client, measured in the same run.

    python bench/online.py                 # 1,000 and 10,000 logins, medians of 3
    python bench/online.py --runs 5 --logins 1000
    python bench/online.py --json          # a JSON list of rows (bench/e2e.py reads it)

A loopback range server runs in its own process (asyncio, HTTP/1.1 keep-alive,
30 ms latency, padded answers of 800-1,000 lines made at start-up). Each work
size gets a generated Bitwarden vault of distinct realistic passwords. For each
run, interleaved: the reference (a Python process that reads the same vault,
hashes every password and fetches each prefix over 100 raw asyncio connections),
then `privaudit audit --accounts vault.json --select BR101 --format json
--no-cache` in a fresh PRIVAUDIT_HOME. Times are whole-process wall clock; peak
RSS is the privaudit process's (wait4). Exits 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LATENCY = 0.030
REFERENCE_CONNECTIONS = 100
TARGETS = {1000: 1.6, 10_000: 1.5}
RSS_TARGET_MB = {10_000: 150.0}

# ---------------------------------------------------------------- loopback server


def _bodies(count: int = 64) -> list[bytes]:
    """Padded answers made once at start-up, so the server spends its CPU on HTTP:
    the real API's CPU is not on the user's machine. Like the API's: sorted,
    upper-case, CRLF, 800-1,000 lines of which some are padding (count 0)."""
    rng = random.Random(16)
    out = []
    for _ in range(count):
        lines = rng.randint(800, 1000)
        suffixes = sorted({f"{rng.getrandbits(140):035X}" for _ in range(lines)})
        body = "\r\n".join(
            f"{s}:{0 if rng.random() < 0.15 else rng.randint(1, 5000)}" for s in suffixes
        )
        out.append(body.encode())
    return out


def _serve(port_out: multiprocessing.connection.Connection, latency: float) -> None:
    import asyncio  # noqa: PLC0415

    bodies = _bodies()
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n"

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
                writer.write(head % len(body) + body)
                await writer.drain()
        except (ConnectionError, IndexError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=4096)
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


# ---------------------------------------------------------------- vaults

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
    "welcome",
]
WORDS += [
    "flower",
    "hunter",
    "orange",
    "purple",
    "silver",
    "golden",
    "coffee",
    "guitar",
    "rocket",
    "harbor",
    "maple",
]


def _password(rng: random.Random, i: int) -> str:
    kind = rng.random()
    if kind < 0.45:  # human-made: word + number + symbol
        word = rng.choice(WORDS)
        return f"{word.capitalize() if rng.random() < 0.5 else word}{i}{rng.choice('!#?')}"
    if kind < 0.80:  # manager-generated
        alphabet = string.ascii_letters + string.digits + "!@#$%^&*-_"
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(14, 24)))
    return "-".join(rng.choice(WORDS) for _ in range(4)) + str(i)  # passphrase


def write_vault(path: Path, logins: int, seed: int = 16) -> None:
    rng = random.Random(seed)
    seen: set[str] = set()
    items = []
    for i in range(logins):
        password = _password(rng, i)
        while password in seen:
            password = _password(rng, i)
        seen.add(password)
        items.append(
            {
                "id": f"b-{i}",
                "type": 1,
                "name": f"Site {i}",
                "login": {
                    "uris": [{"match": None, "uri": f"https://site{i}.example.com/login"}],
                    "username": f"user{i}@example.com",
                    "password": password,
                    "totp": None,
                },
            }
        )
    path.write_text(json.dumps({"encrypted": False, "folders": [], "items": items}))


# ---------------------------------------------------------------- reference client

REFERENCE = r"""
import asyncio, hashlib, json, sys

async def main(host, port, vault, connections):
    items = json.load(open(vault, encoding="utf-8"))["items"]
    hashes = [hashlib.sha1(i["login"]["password"].encode()).hexdigest().upper() for i in items]
    wanted = {}
    for h in hashes:
        wanted.setdefault(h[:5], []).append(h[5:])
    queue = list(wanted)
    found = 0

    async def worker():
        nonlocal found
        reader, writer = await asyncio.open_connection(host, port)
        while queue:
            prefix = queue.pop()
            writer.write(
                b"GET /range/%s HTTP/1.1\r\nHost: %s\r\nAdd-Padding: true\r\n\r\n"
                % (prefix.encode(), host.encode())
            )
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = (await reader.readexactly(length)).decode()
            for suffix in wanted[prefix]:
                found += (suffix + ":") in body
        writer.close()

    await asyncio.gather(*(worker() for _ in range(connections)))
    print(found)

asyncio.run(main(sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])))
"""


# ---------------------------------------------------------------- measuring


def timed(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, int, float]:
    """Wall seconds, peak RSS (MB), exit code and CPU seconds of one whole process."""
    started = time.perf_counter()
    # cwd: `python -m` puts the working directory first on sys.path.
    proc = subprocess.Popen(
        argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1) and proc.stderr is not None:
        sys.stderr.write(proc.stderr.read().decode(errors="replace")[-2000:])
    if proc.stderr is not None:
        proc.stderr.close()
    return elapsed, usage.ru_maxrss / 1024, proc.returncode, usage.ru_utime + usage.ru_stime


def privaudit_argv(vault: Path, url: str) -> list[str]:
    return [
        sys.executable, "-m", "privaudit", "audit", "--accounts", str(vault),
        "--select", "BR101", "--format", "json", "--no-cache", "--pwned-api-url", url,
    ]  # fmt: skip


def measure(logins: int, url: str, runs: int, data: Path, root: Path) -> dict[str, object]:
    vault = data / f"vault-{logins}.json"
    write_vault(vault, logins)
    host, port = url.removeprefix("http://").split(":")
    reference = [sys.executable, "-c", REFERENCE, host, port, str(vault)]
    reference.append(str(REFERENCE_CONNECTIONS))
    ours: list[float] = []
    refs: list[float] = []
    rss: list[float] = []
    cpu: list[float] = []
    ref_cpu: list[float] = []
    codes: set[int] = set()
    for run in range(runs):
        home = data / f"home-{logins}-{run}"
        home.mkdir()
        env = {**os.environ, "PRIVAUDIT_HOME": str(home), "PYTHONPATH": str(root)}
        ref_wall, _, _, ref_used = timed(reference, env, root)
        refs.append(ref_wall)
        ref_cpu.append(ref_used)
        wall, peak, code, used = timed(privaudit_argv(vault, url), env, root)
        ours.append(wall)
        rss.append(peak)
        cpu.append(used)
        codes.add(code)
    ours_s, ref_s = statistics.median(ours), statistics.median(refs)
    ratio = ours_s / ref_s
    target = TARGETS.get(logins)
    rss_target = RSS_TARGET_MB.get(logins)
    peak_mb = max(rss)
    met = (target is None or ratio <= target) and (rss_target is None or peak_mb <= rss_target)
    return {
        "work": f"online, {logins:,} logins, --select BR101",
        "privaudit_s": round(ours_s, 3),
        "reference": f"raw asyncio sockets, {REFERENCE_CONNECTIONS} connections",
        "reference_s": round(ref_s, 3),
        "ratio": round(ratio, 2),
        "target": f"<= {target}x" + (f", <= {rss_target:g} MB" if rss_target else ""),
        "met": met and codes <= {0, 1},
        "peak_rss_mb": round(peak_mb, 1),
        "privaudit_cpu_s": round(statistics.median(cpu), 3),
        "reference_cpu_s": round(statistics.median(ref_cpu), 3),
        "runs": runs,
        "privaudit_runs_s": [round(t, 3) for t in ours],
        "reference_runs_s": [round(t, 3) for t in refs],
        "exit_codes": sorted(codes),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--logins", type=int, action="append")
    parser.add_argument("--json", action="store_true", help="print a JSON list of rows")
    parser.add_argument(
        "--privaudit-root",
        type=Path,
        default=ROOT,
        help="another checkout to measure (before/after)",
    )
    args = parser.parse_args()
    sizes = args.logins or [1000, 10_000]
    proc, url = start_server(LATENCY)
    rows = []
    try:
        with tempfile.TemporaryDirectory(prefix="privaudit-online-") as tmp:
            for logins in sizes:
                rows.append(measure(logins, url, max(1, args.runs), Path(tmp), args.privaudit_root))
    finally:
        proc.terminate()
        proc.join()
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(
        f"online BR101, whole process; loopback server in its own process, "
        f"{LATENCY * 1000:.0f} ms latency, padded 800-1,000-line answers; "
        f"medians of {max(1, args.runs)}"
    )
    print(f"{'work':<38} {'privaudit':>10} {'reference':>10} {'ratio':>6} {'target':>20} "
          f"{'met':>4} {'peak RSS':>9} {'CPU ours/ref':>13}")  # fmt: skip
    for r in rows:
        print(
            f"{r['work']:<38} {r['privaudit_s']:>9.2f}s {r['reference_s']:>9.2f}s "
            f"{r['ratio']:>5.2f}x {r['target']:>20} {'yes' if r['met'] else 'no':>4} "
            f"{r['peak_rss_mb']:>7.0f}MB {r['privaudit_cpu_s']:>6.2f}/{r['reference_cpu_s']:.2f}s"
        )
    print(f"reference: {rows[0]['reference'] if rows else ''} (whole process, same vault)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
