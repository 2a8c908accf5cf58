"""The exceptions privaudit raises on purpose.

Every one of them carries a message fit to print as the single line a user sees:
what went wrong, where, and how to fix it. None may ever include a secret or a
field value read from an export.
"""

from __future__ import annotations

from privaudit.exitcodes import ExitCode


class PrivauditError(Exception):
    """Base class: the CLI prints the message on one line and exits with `exit_code`."""

    exit_code: ExitCode = ExitCode.USAGE


class InputError(PrivauditError):
    """An input file or stream could not be used (unreadable, malformed, wrong format)."""


class NothingToAudit(InputError):
    """No account and no checklist in scope: a caller may say so in its own words."""


class ConfigError(PrivauditError):
    """The configuration or profile is invalid (unknown key, bad value, missing file)."""


class UsageError(PrivauditError):
    """A command-line option or its value is invalid."""


class ServiceError(PrivauditError):
    """A remote or local service could not answer (network, corpus, dataset)."""


class ServiceUnavailableError(ServiceError):
    """A remote service could not be reached or failed: try again later (exit 3)."""

    exit_code = ExitCode.INCOMPLETE


class LockedError(PrivauditError):
    """Another privaudit run holds the lock for this profile."""

    exit_code = ExitCode.INCOMPLETE
