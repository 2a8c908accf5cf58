"""Keep secrets inside the process: no core dumps, no worker that outlives its parent.

A core dump holds every password in memory, so once a secret is loaded the
process (and every worker, which does the same before reading its first
password) sets RLIMIT_CORE to 0 and, on Linux, marks itself non-dumpable
(which also keeps other processes of the same user from reading its memory
through /proc or ptrace). Workers ask the kernel for SIGKILL when their parent
dies (PR_SET_PDEATHSIG, Linux) and, everywhere, stop when the pipe from their
parent reaches end of file.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

PR_SET_PDEATHSIG = 1
PR_GET_DUMPABLE = 3
PR_SET_DUMPABLE = 4

_guarded = False


def _prctl(option: int, arg: int) -> int | None:
    """prctl(2) through libc; None where there is none (not Linux, no libc)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes  # noqa: PLC0415  # only once secrets are loaded, not at start-up

        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(option, arg, 0, 0, 0))
    except (OSError, AttributeError):
        return None


def no_core_dumps() -> None:
    """Disable core dumps for this process; idempotent.

    The soft limit goes to 0 (the hard one stays, so programs this process
    starts for other purposes may still raise theirs); the non-dumpable flag
    is the second lock.
    """
    global _guarded  # noqa: PLW0603  # one switch per process
    if _guarded:
        return
    _guarded = True
    try:
        import resource  # noqa: PLC0415

        _, hard = resource.getrlimit(resource.RLIMIT_CORE)
        resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
    except (ImportError, ValueError, OSError):
        pass  # no such limit here (Windows): nothing writes cores to disk by default
    _prctl(PR_SET_DUMPABLE, 0)


def is_dumpable() -> bool | None:
    """Whether the kernel would write a core or allow ptrace (None: cannot tell)."""
    result = _prctl(PR_GET_DUMPABLE, 0)
    return None if result is None or result < 0 else bool(result)


def die_with_parent(parent_pid: int) -> None:
    """In a worker: be killed when the parent dies; exit now if it already has."""
    _prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL))
    if os.getppid() != parent_pid:  # it died before the request above took effect
        os._exit(1)


Handler = Callable[[], None]
_on_interrupt: list[Handler] = []


def on_interrupt(handler: Handler) -> None:
    """Run `handler` (kill workers, say) before an interrupt unwinds the run."""
    _on_interrupt.append(handler)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    for handler in tuple(_on_interrupt):
        handler()
    raise KeyboardInterrupt


def stop_like_ctrl_c() -> Callable[[], None]:
    """SIGTERM and SIGHUP end a run as Ctrl-C does: workers stopped, one line, exit 130.

    Returns what puts the previous handlers back (for callers that embed `main`).
    """
    previous: list[tuple[int, Any]] = []
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        current = signal.getsignal(signum)
        if signum == signal.SIGINT and current is not signal.default_int_handler:
            continue  # someone (a test harness, an embedding program) chose otherwise
        if signum != signal.SIGINT and current is not signal.SIG_DFL:
            continue  # ignored by the caller (nohup): keep it so
        try:
            signal.signal(signum, _interrupt)
        except ValueError:  # not the main thread: signals are not ours to handle
            break
        previous.append((signum, current))

    def restore() -> None:
        for signum, handler in previous:
            signal.signal(signum, handler)

    return restore
