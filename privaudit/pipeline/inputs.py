"""The accounts of one audit: exports, the profile and stdin passwords, with notices."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from privaudit.accounts import Account
from privaudit.i18n import N_, _
from privaudit.inputs import attach_passwords, merge_profile
from privaudit.merge import SiteOf, default_site_of, merge_logins
from privaudit.model import InputSummary, SourceSummary
from privaudit.settings import Settings
from privaudit.sources import DEFAULT_MAX_BYTES, ReadOptions, import_accounts

DELETE_EXPORT_NOTICE = N_(
    "You audited a plaintext export ({names}). It holds every password in the clear: "
    "delete it now, and empty the trash (privaudit kept no copy)."
)
MALFORMED_NOTICE = N_(
    "{name}: malformed items were skipped ({where}); export again if they matter."
)


@dataclass(frozen=True)
class GatheredInputs:
    accounts: tuple[Account, ...]
    sources: tuple[SourceSummary, ...] = ()
    notices: tuple[str, ...] = field(default=())

    def summary(self, datasets: dict[str, str] | None = None) -> InputSummary:
        return InputSummary(
            accounts=len(self.accounts), sources=self.sources, datasets=datasets or {}
        )


def gather_inputs(
    settings: Settings,
    exports: Sequence[str | Path] = (),
    *,
    source_format: str | None = None,
    read_stdin: Callable[[int], bytes] = lambda _size: b"",
    password_lines: Sequence[str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    remind_to_delete: bool = True,
    read_options: ReadOptions | None = None,
    site_of: SiteOf | None = None,
) -> GatheredInputs:
    """`read_stdin(n)` reads at most n bytes; `read_options` overrides `max_bytes`."""
    options = read_options or ReadOptions(max_bytes=max_bytes)
    imported: list[Account] = []
    summaries: list[SourceSummary] = []
    plaintext: list[str] = []
    notices: list[str] = []
    for export in exports:
        result, summary, is_plaintext = import_accounts(
            export, fmt=source_format, stdin=read_stdin, options=options
        )
        imported.extend(result.accounts)
        summaries.append(summary)
        if result.problems:
            notices.append(
                _(MALFORMED_NOTICE).format(name=summary.name, where="; ".join(result.problems))
            )
        if is_plaintext and str(export) != "-":
            plaintext.append(summary.name)
    if len(imported) > 1:
        # The same login kept in two exports is one account, not two (merge.py).
        imported = merge_logins(imported, site_of or default_site_of())
    profile = list(settings.accounts)
    if password_lines is not None:
        profile = attach_passwords(profile, password_lines)
    accounts = merge_profile(profile, imported)
    if not accounts:
        notices.append(
            "No accounts to audit: pass a password-manager export with --accounts, or list"
            " your accounts in a profile (see docs/configuration.md)."
        )
    if plaintext and remind_to_delete:
        notices.append(_(DELETE_EXPORT_NOTICE).format(names=", ".join(plaintext)))
    return GatheredInputs(tuple(accounts), tuple(summaries), tuple(notices))
