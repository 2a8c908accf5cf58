"""What importers need beyond the bytes: size limit, column map, the KDBX password."""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from privaudit.errors import UsageError
from privaudit.i18n import _
from privaudit.pipeline.request import AuditRequest
from privaudit.secret import Secret
from privaudit.sources import DEFAULT_MAX_BYTES, ReadOptions
from privaudit.sources.data import parse_size
from privaudit.sources.generic import parse_column_map

KDBX_PROMPT = "KeePass database password (hidden): "
KDBX_ATTEMPTS = 3
KDBX_RETRY = "Wrong password, try again ({n} of 3): "


def read_options(
    request: AuditRequest, stdin: BinaryIO, ask_secret: Callable[[str], str] | None
) -> ReadOptions:
    """`ask_secret` is a hidden prompt when the run is interactive; the KDBX password
    is read (from stdin or the prompt) only if a KeePass database is opened."""
    max_bytes = DEFAULT_MAX_BYTES
    if request.max_input_size is not None:
        try:
            max_bytes = parse_size(request.max_input_size)
        except ValueError:
            raise UsageError(
                _("--max-input-size {value!r}: give a size such as 512M or 2G").format(
                    value=request.max_input_size
                )
            ) from None
    column_map = parse_column_map(request.column_map) if request.column_map is not None else None

    asked: list[bool] = []

    def kdbx_password() -> Secret | None:
        if request.kdbx_password_stdin:
            try:
                line = stdin.readline().decode("utf-8")
            except UnicodeDecodeError:
                raise UsageError(_("--kdbx-password-stdin: input is not UTF-8 text")) from None
            return Secret(line.rstrip("\r\n"))
        if ask_secret is not None:
            asked.append(True)
            prompt = KDBX_PROMPT if len(asked) == 1 else KDBX_RETRY.format(n=len(asked))
            return Secret(ask_secret(prompt))
        return None

    return ReadOptions(
        column_map=column_map,
        kdbx_password=kdbx_password,
        kdbx_attempts=KDBX_ATTEMPTS
        if ask_secret is not None and not request.kdbx_password_stdin
        else 1,
        kdbx_keyfile=request.kdbx_keyfile,
        kdbx_kdf_limit=request.kdbx_kdf_limit,
        max_bytes=max_bytes,
    )
