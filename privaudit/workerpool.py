"""Worker processes for CPU-bound work, so it never holds the main interpreter.

The main process runs the event loop (breach lookups, network waits); rating
10,000 passwords is seconds of pure-Python CPU that would hold the GIL against
it. Workers are `python -m privaudit.strength_worker PARENT_PID` with two pipes:
chunks of (password, user inputs) in on stdin, allowlisted ratings out on
stdout, as length-prefixed pickles. Passwords never travel through argv, the
environment or files, and stderr goes to /dev/null so no worker holds the
caller's stderr open.

A worker dies with its parent: SIGKILL from the kernel when the parent dies
(Linux), end of file on stdin everywhere. It disables core dumps before
reading its first password and ignores Ctrl-C (the parent stops it).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import selectors
import struct
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from privaudit import procguard
from privaudit.errors import ServiceError

WORKER_MODULE = "privaudit.strength_worker"
_FRAME = struct.Struct("<I")
Item = tuple[str, tuple[str, ...]]
Row = tuple[Any, ...]
_live: set[subprocess.Popen[bytes]] = set()
_live_lock = threading.Lock()
_aborting = threading.Event()


class WorkerLost(ServiceError):
    """A worker stopped before answering (killed, out of memory)."""


def write_frame(stream: IO[bytes], payload: object) -> None:
    data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_FRAME.pack(len(data)) + data)
    stream.flush()


def _read_exact(stream: IO[bytes], size: int) -> bytes | None:
    parts, left = [], size
    while left:
        part = stream.read(left)
        if not part:
            return None
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def read_frame(stream: IO[bytes]) -> Any:
    head = _read_exact(stream, _FRAME.size)
    if head is None:
        return None
    body = _read_exact(stream, _FRAME.unpack(head)[0])
    if body is None:
        return None
    return pickle.loads(body)  # noqa: S301  # our own child (or parent) over a private pipe


def kill_all() -> None:
    """Stop every worker now (an interrupt is unwinding the run)."""
    _aborting.set()
    with _live_lock:
        workers = tuple(_live)
    for proc in workers:
        if proc.poll() is None:
            proc.kill()


procguard.on_interrupt(kill_all)


def _spawn() -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    proc = subprocess.Popen(  # noqa: S603  # our own interpreter and module, no shell
        [sys.executable, "-m", WORKER_MODULE, str(os.getpid())],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        close_fds=True,
        env=env,
    )
    with _live_lock:
        _live.add(proc)
    return proc


def _retire(proc: subprocess.Popen[bytes]) -> None:
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()
    try:
        proc.wait(timeout=2)  # end of file on stdin: it exits at once
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    with _live_lock:
        _live.discard(proc)


def run_in_workers(chunks: Sequence[Sequence[Item]], workers: int) -> list[list[Row]]:
    """Rate every chunk in `workers` processes; results in chunk order.

    Raises OSError when no process can be started (the caller rates in-process)
    and WorkerLost when one stops before answering (the check becomes ERROR).
    """
    _aborting.clear()
    procs = [_spawn() for _ in range(max(1, min(workers, len(chunks))))]
    results: list[list[Row] | None] = [None] * len(chunks)
    pending = iter(range(len(chunks)))
    busy: dict[subprocess.Popen[bytes], int] = {}
    try:
        with selectors.DefaultSelector() as selector:
            for proc in procs:
                _feed(proc, pending, chunks, busy, selector)
            while busy:
                for key, _ in selector.select():
                    proc = key.data
                    assert proc.stdout is not None
                    answer = read_frame(proc.stdout)
                    if answer is None or _aborting.is_set():
                        raise WorkerLost("a strength worker process stopped before answering")
                    results[busy.pop(proc)] = answer
                    selector.unregister(proc.stdout)
                    _feed(proc, pending, chunks, busy, selector)
    except (BrokenPipeError, ConnectionResetError):
        raise WorkerLost("a strength worker process stopped before answering") from None
    finally:
        for proc in procs:
            _retire(proc)
    return [part for part in results if part is not None]


def _feed(
    proc: subprocess.Popen[bytes],
    pending: Any,
    chunks: Sequence[Sequence[Item]],
    busy: dict[subprocess.Popen[bytes], int],
    selector: selectors.BaseSelector,
) -> None:
    k = next(pending, None)
    if k is None:
        return
    assert proc.stdin is not None
    assert proc.stdout is not None
    write_frame(proc.stdin, list(chunks[k]))
    busy[proc] = k
    selector.register(proc.stdout, selectors.EVENT_READ, proc)
