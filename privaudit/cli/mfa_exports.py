"""The logins of exports given to `privaudit mfa set NAME ... --accounts FILE`.

A declaration may attach to an account that exists only in an export ("Old art
forum", "Work email"): privaudit reads the export the way an audit does (the
same merge and the same service names), keeps only names and domains, and
forgets the rest. Passwords are never looked at.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from privaudit.errors import UsageError

if TYPE_CHECKING:
    from privaudit.accounts import Account
    from privaudit.cli.env import Environment
    from privaudit.tfa.match import Directory

KDBX_PROMPT = "KeePass database password (hidden): "


def export_accounts(
    env: Environment,
    exports: Sequence[str],
    *,
    source_format: str | None,
    kdbx_password_stdin: bool,
    directory: Directory,
) -> list[Account]:
    from privaudit.accounts import Account  # noqa: PLC0415
    from privaudit.pipeline.inputs import gather_inputs  # noqa: PLC0415
    from privaudit.secret import Secret  # noqa: PLC0415
    from privaudit.settings import Settings  # noqa: PLC0415
    from privaudit.sources import ReadOptions  # noqa: PLC0415
    from privaudit.tfa.naming import with_service_names  # noqa: PLC0415

    if "-" in exports:
        raise UsageError("mfa set --accounts: give a file, not - (stdin)")

    def kdbx_password() -> Secret | None:
        if kdbx_password_stdin:
            return Secret(env.stdin.readline().rstrip("\r\n"))
        if env.stdin_isatty:
            import getpass  # noqa: PLC0415

            return Secret(getpass.getpass(KDBX_PROMPT))
        return None

    options = ReadOptions(kdbx_password=kdbx_password)
    inputs = gather_inputs(
        Settings(),
        exports,
        source_format=source_format,
        read_options=options,
        remind_to_delete=False,
    )
    # Only what matching needs survives this function.
    return [
        Account(label=a.label, username=a.username, domains=a.domains, source=a.source)
        for a in with_service_names(inputs.accounts, directory)
    ]
