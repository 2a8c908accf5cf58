"""Is the standard library's threading server enough for a room? Load on a real
`privaudit class serve` process, on loopback only.

    python bench/classserver_load.py [--runs 3] [--devices 60] [--seconds 4]

Each simulated device connects from its own loopback address (127.x.y.z: all of
127.0.0.0/8 is this machine), so the per-device rate limits apply as in a room.
Two figures, medians over the runs:

- a room: every device sends its result at the same moment, then every device
  loads the class page at the same moment, five times; latencies of each.
- the page: rendering the class summary of the whole room, in process.
- capacity: as many page loads and submissions as 16 clients can make in
  ``--seconds``, each request from a fresh address, against what a room needs
  (every device reloading the page every 10 s, all sending at once).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.classserver.conftest import share_doc

SHARE_LINE = re.compile(r"--share-to (http://\S+) --code (\S+)")
MAX_REQUESTS = 50_000  # the capacity loop stops here whatever the time


def start_server(folder: Path) -> tuple[subprocess.Popen[str], str, str]:
    proc = subprocess.Popen(
        [
            *(sys.executable, "-m", "privaudit", "class", "serve"),
            *("--bind", "127.0.0.1", "--port", "0", "--save", str(folder)),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        found = SHARE_LINE.search(line)
        if found:
            threading.Thread(target=proc.stdout.read, daemon=True).start()  # drain
            return proc, found.group(1), found.group(2)
    raise SystemExit("class serve did not start")


def addresses() -> Iterator[str]:
    for b, c, d in itertools.product(range(1, 255), range(256), range(1, 255)):
        yield f"127.{b}.{c}.{d}"


def request(address: str, port: int, raw: bytes) -> tuple[int, float]:
    """One HTTP request from `address` on a plain socket (a client library's own set-up
    would cost more than the server's answer): (status, seconds)."""
    started = time.perf_counter()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(30)
        sock.bind((address, 0))
        sock.connect(("127.0.0.1", port))
        sock.sendall(raw)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return int(answer.split(b" ", 2)[1]), time.perf_counter() - started


def page_request() -> bytes:
    return b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: bench\r\n\r\n"


def share_request(code: str, doc: dict[str, object]) -> bytes:
    body = json.dumps(doc).encode()
    head = (
        "POST /share HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Privaudit-Join-Code: {code}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def expect(result: tuple[int, float], status: int) -> float:
    if result[0] != status:
        raise SystemExit(f"unexpected HTTP {result[0]} (wanted {status})")
    return result[1]


def room(port: int, code: str, devices: int, learner0: int) -> tuple[list[float], list[float]]:
    device = [f"127.0.{n // 250 + 1}.{n % 250 + 1}" for n in range(devices)]
    with ThreadPoolExecutor(devices) as pool:
        posts = list(
            pool.map(
                lambda n: expect(
                    request(device[n], port, share_request(code, share_doc(learner0 + n))), 201
                ),
                range(devices),
            )
        )
        pages: list[float] = []
        for _ in range(5):
            pages += pool.map(lambda a: expect(request(a, port, page_request()), 200), device)
    return posts, pages


def capacity(port: int, code: str, seconds: float, learner0: int) -> tuple[float, float]:
    """(page loads per second, submissions per second), 16 clients in a closed loop."""
    source = addresses()
    lock = threading.Lock()
    numbers = itertools.count()

    def loop(kind: str, deadline: float) -> int:
        done = 0
        while time.perf_counter() < deadline and done < MAX_REQUESTS // 16:
            with lock:
                address, n = next(source), next(numbers)
            if kind == "page":
                expect(request(address, port, page_request()), 200)
            else:
                # 400 learners, each later round replacing its "after": every
                # submission is parsed, validated and written to disk (fsync)
                doc = share_doc(learner0 + n % 400, round_=n // 400 + 2)
                expect(request(address, port, share_request(code, doc)), 201)
            done += 1
        return done

    rates = []
    for kind in ("page", "share"):
        started = time.perf_counter()
        deadline = started + seconds
        with ThreadPoolExecutor(16) as pool:
            total = sum(pool.map(loop, [kind] * 16, [deadline] * 16))
        rates.append(total / (time.perf_counter() - started))
    return rates[0], rates[1]


def render_ms(devices: int) -> float:
    """The class page for a whole room, rendered in this process (median of 20): what
    the first load after each new result costs the server."""
    from privaudit.classserver.page import live_page  # noqa: PLC0415

    docs = [share_doc(n, score=30 + n % 70) for n in range(1, devices + 1)]
    live_page(docs, lang="es", refresh_seconds=10)
    times = []
    for _ in range(20):
        started = time.perf_counter()
        live_page(docs, lang="es", refresh_seconds=10)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def peak_memory_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def ms(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[max(0, round(0.95 * len(values)) - 1)]
    return (
        f"median {statistics.median(values) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
        f"max {values[-1] * 1000:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--devices", type=int, default=60)
    parser.add_argument("--seconds", type=float, default=4.0)
    args = parser.parse_args()
    post_runs, page_runs, page_rates, share_rates, memory = [], [], [], [], []
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            proc, url, code = start_server(Path(tmp) / "results")
            try:
                port = int(url.rsplit(":", 1)[1].strip("/"))
                posts, pages = room(port, code, args.devices, learner0=run * 10**6 + 1)
                page_rate, share_rate = capacity(port, code, args.seconds, run * 10**6 + 10**5)
                memory.append(peak_memory_kib(proc.pid))
            finally:
                proc.send_signal(signal.SIGINT)
                proc.wait(timeout=30)
        post_runs.append(statistics.median(posts))
        page_runs.append(statistics.median(pages))
        page_rates.append(page_rate)
        share_rates.append(share_rate)
        print(f"run {run + 1}: room posts {ms(posts)}; room pages {ms(pages)}")
        print(f"run {run + 1}: capacity {page_rate:.0f} pages/s, {share_rate:.0f} shares/s")
    need_pages = args.devices / 10  # every device reloading every 10 s
    page_rate = statistics.median(page_rates)
    share_rate = statistics.median(share_rates)
    print(f"room of {args.devices}, medians of {args.runs} runs:")
    print(f"  all send at once: median latency {statistics.median(post_runs) * 1000:.1f} ms")
    print(
        f"  all load the page at once: median latency {statistics.median(page_runs) * 1000:.1f} ms"
    )
    print(
        f"  capacity: {page_rate:.0f} page loads/s ({page_rate / need_pages:.0f}x the room's"
        f" {need_pages:.0f}/s), {share_rate:.0f} submissions/s (the whole room in"
        f" {args.devices / share_rate:.2f} s)"
    )
    print(f"  server peak memory: {statistics.median(memory) / 1024:.0f} MiB")
    print(
        f"  the page for {args.devices} learners renders in {render_ms(args.devices):.1f} ms"
        " (once per new result; reloads in between reuse it)"
    )


if __name__ == "__main__":
    main()
