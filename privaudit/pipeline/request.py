"""What a user can ask for, as frozen values: the CLI builds these, the pipeline reads them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from privaudit.model import Severity


@dataclass(frozen=True)
class AuditRequest:
    """One `privaudit audit` (or `demo`): every option, nothing resolved yet."""

    exports: tuple[str, ...] = ()
    config: Path | None = None
    fmt: str | None = None
    output: Path | None = None
    fail_under: int | None = None
    fail_on: Severity | None = None
    select: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    source_format: str | None = None
    password_stdin: bool = False
    offline: bool = False
    no_input: bool = False
    quiet: bool = False
    demo: bool = False
    column_map: str | None = None
    kdbx_password_stdin: bool = False
    kdbx_keyfile: Path | None = None
    kdbx_kdf_limit: int = 1
    max_input_size: str | None = None
    since_last: bool = False
    notify: str | None = None
    pwned_api_url: str | None = None
    pwned_corpus: Path | None = None
    no_cache: bool = False
    allow_insecure_url: bool = False
    details: bool = False
    """Print everything (each finding's fix, every skip), not the short report."""
    group_by: str = "account"
    """Problems grouped by "account" or by "check"."""
    check_emails: bool = False
    """Look up the email addresses in usernames with HIBP (sends them; off by default)."""
    hibp_key_file: Path | None = None
    hibp_key_env: str | None = None
    hibp_api_url: str | None = None
    lang: str | None = None
    """The language given with --lang (the CLI has applied it); None: config, then locale."""
    share: Path | None = None
    """Also write the anonymous share document here (privaudit.classroom)."""
    share_to: str | None = None
    """A class server's URL: send the same document there (privaudit.classserver)."""
    code: str | None = None
    """The class code the trainer gave: the learner token is per code (else per day)."""


@dataclass(frozen=True)
class PasswordCheckRequest:
    """One `privaudit password check`: where the passwords are for and how to look them up."""

    config: Path | None = None
    site: str | None = None
    username: str | None = None
    offline: bool = False
    pwned_api_url: str | None = None
    pwned_corpus: Path | None = None
    no_cache: bool = False
    allow_insecure_url: bool = False
