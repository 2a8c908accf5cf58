"""A strength worker: `python -m privaudit.strength_worker PARENT_PID` (see workerpool.py).

Reads chunks of (password, user inputs) on stdin and writes allowlisted
ratings on stdout until end of file. It dies with its parent, disables core
dumps before reading its first password and ignores Ctrl-C (the parent stops it).
"""

from __future__ import annotations

import signal
import sys

from privaudit import procguard
from privaudit.workerpool import read_frame, write_frame


def _serve(parent: int) -> int:
    procguard.die_with_parent(parent)
    procguard.no_core_dumps()  # before the first password arrives
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which stops us
    from privaudit.strength import estimate_rows  # noqa: PLC0415

    estimate_rows([])  # import and prepare zxcvbn before the first chunk
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while (chunk := read_frame(stdin)) is not None:
        write_frame(stdout, estimate_rows(chunk))
    return 0


if __name__ == "__main__":
    sys.exit(_serve(int(sys.argv[1])))
