"""The world a command runs in, in one object (as httpie's `Environment`).

Streams, whether each is a terminal, the environment variables, and what
follows from them: colour and width. `main()` makes one from the process (or
takes the one a test hands in) and gives it to every command module's
`register(app, env)`, so no command decides about a terminal on its own.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import IO, BinaryIO, TextIO

MIN_WIDTH, MAX_WIDTH = 60, 120
"""Terminal width used for reports: narrower is unreadable, wider hard to scan."""


LINK_TERMINALS = ("iTerm.app", "WezTerm", "vscode", "ghostty", "kitty")


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


@dataclass(frozen=True)
class Environment:
    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    stdin_isatty: bool = False
    stdout_isatty: bool = False
    stderr_isatty: bool = False
    terminal_columns: int = 80
    """Columns of the terminal, when stdout is one."""

    @classmethod
    def from_process(cls) -> Environment:
        """The process's own streams and variables, read now (tests may have swapped them)."""
        return cls(
            stdin=sys.stdin,
            stdout=sys.stdout,
            stderr=sys.stderr,
            environ=dict(os.environ),
            stdin_isatty=_isatty(sys.stdin),
            stdout_isatty=_isatty(sys.stdout),
            stderr_isatty=_isatty(sys.stderr),
            terminal_columns=shutil.get_terminal_size((80, 24)).columns,
        )

    @property
    def stdin_bytes(self) -> BinaryIO:
        return self.stdin.buffer

    def isatty(self, stream: IO[str]) -> bool:
        if stream is self.stdout:
            return self.stdout_isatty
        if stream is self.stderr:
            return self.stderr_isatty
        return self.stdin_isatty if stream is self.stdin else _isatty(stream)

    def wants_color(self, stream: IO[str] | None = None) -> bool:
        """Colour only on a real terminal, and never with NO_COLOR or TERM=dumb."""
        if self.environ.get("NO_COLOR") is not None or self.environ.get("TERM") == "dumb":
            return False
        return self.isatty(stream or self.stdout)

    def echo(self, message: str = "", *, err: bool = False) -> None:
        """A line on stdout (or stderr), flushed: output for the user, never a report."""
        stream = self.stderr if err else self.stdout
        stream.write(f"{message}\n")
        stream.flush()

    def info(self, message: str, *, quiet: bool = False) -> None:
        """A status line on stderr (never stdout, which may carry the report)."""
        if not quiet:
            self.echo(message, err=True)

    def supports_links(self, stream: IO[str] | None = None) -> bool:
        """Whether the terminal is one known to show OSC 8 hyperlinks; elsewhere a URL
        is printed bare (and whole)."""
        if not self.wants_color(stream):
            return False
        env = self.environ
        return (
            env.get("TERM_PROGRAM", "") in LINK_TERMINALS
            or "VTE_VERSION" in env
            or env.get("TERM", "").startswith(("xterm-kitty", "foot"))
            or "WT_SESSION" in env
        )

    def width(self, stream: IO[str] | None = None) -> int:
        """The terminal's width (60-120) on a terminal, else COLUMNS (40-400) or 80."""
        if self.isatty(stream or self.stdout):
            return max(MIN_WIDTH, min(self.terminal_columns, MAX_WIDTH))
        columns = self.environ.get("COLUMNS", "")
        return int(columns) if columns.isdigit() and 40 <= int(columns) <= 400 else 80
