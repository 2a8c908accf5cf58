"""Process exit codes: one place, documented in README.md."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    """The audit completed and the policy (--fail-under / --fail-on) is met."""
    POLICY = 1
    """The policy is not met: the score is below --fail-under or a finding reaches --fail-on."""
    USAGE = 2
    """Usage, configuration or input error; nothing was audited or written."""
    INCOMPLETE = 3
    """The audit could not finish: a check errored, a service was unreachable,
    or another run holds the lock."""
    INTERRUPTED = 130
    """Interrupted by the user (Ctrl-C)."""
