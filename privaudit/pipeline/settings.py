"""A request resolved against its profile: defaults < config < environment < flags.

The demo uses only its own bundled profile, vault and breach corpus, so every
run shows the same and never touches the network or the user's files.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from privaudit.config import SECTIONS, load_settings, parse_config, read_toml
from privaudit.demo import demo_file
from privaudit.errors import UsageError
from privaudit.i18n import _
from privaudit.pipeline.request import AuditRequest, PasswordCheckRequest
from privaudit.settings import PwnedSettings, Settings
from privaudit.tfa.declarations import apply_declarations, load_declarations


def audit_settings(request: AuditRequest) -> tuple[Settings, tuple[str | Path, ...]]:
    """The settings an audit runs with, and the exports it reads."""
    exports: tuple[str | Path, ...]
    if request.demo:
        demo_profile = demo_file("profile.toml")
        settings = parse_config(read_toml(demo_profile), demo_profile)
        exports = (demo_file("vault.json"),)
        corpus = str(demo_file("breached-demo.txt"))
        settings = dataclasses.replace(
            settings, pwned=dataclasses.replace(settings.pwned, offline_corpus=corpus)
        )
    else:
        settings = with_declarations(load_settings(request.config))
        exports = request.exports
    audit = settings.audit
    audit = dataclasses.replace(
        audit,
        fail_under=request.fail_under if request.fail_under is not None else audit.fail_under,
        fail_on=request.fail_on or audit.fail_on,
        select=request.select or audit.select,
        skip=request.skip or audit.skip,
        offline=request.demo or request.offline or audit.offline,
        format=request.fmt or audit.format,
    )
    pwned = pwned_settings(
        settings, request.pwned_api_url, request.pwned_corpus, request.allow_insecure_url
    )
    return dataclasses.replace(settings, audit=audit, pwned=pwned), exports


def password_settings(request: PasswordCheckRequest) -> Settings:
    settings = load_settings(request.config)
    audit = dataclasses.replace(settings.audit, offline=request.offline or settings.audit.offline)
    pwned = pwned_settings(
        settings, request.pwned_api_url, request.pwned_corpus, request.allow_insecure_url
    )
    return dataclasses.replace(settings, audit=audit, pwned=pwned)


def with_declarations(settings: Settings) -> Settings:
    """The profile's accounts with what `privaudit mfa set` recorded applied."""
    declared = load_declarations()
    if not declared:
        return settings
    return dataclasses.replace(settings, accounts=apply_declarations(declared, settings.accounts))


def pwned_settings(
    settings: Settings, api_url: str | None, corpus: Path | None, allow_insecure: bool = False
) -> PwnedSettings:
    """The [pwned] settings with --pwned-api-url / --pwned-corpus / --allow-insecure-url
    applied; a URL given on the command line is checked before any work (plain http
    to another machine needs consent); a configured one when the lookup is built."""
    from privaudit.pwned.factory import check_api_url  # noqa: PLC0415

    pwned = settings.pwned
    if api_url is not None:
        try:
            url = SECTIONS["pwned"]["api_url"].convert(api_url)
        except ValueError:
            raise UsageError(_("--pwned-api-url must be an http:// or https:// URL")) from None
        pwned = dataclasses.replace(pwned, api_url=url)
    if corpus is not None:
        pwned = dataclasses.replace(pwned, offline_corpus=str(corpus))
    if allow_insecure:
        pwned = dataclasses.replace(pwned, allow_insecure_url=True)
    if api_url is not None and not pwned.offline_corpus:
        check_api_url(pwned)
    return pwned
