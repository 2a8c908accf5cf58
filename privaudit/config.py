"""Settings from a TOML file (the profile) and PRIVAUDIT_* environment variables.

Unknown keys are errors that name the key: a typo in a security policy must not
silently fall back to a default. The profile may list accounts but never holds
passwords.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from privaudit.accounts import Account, MfaMethod
from privaudit.errors import ConfigError
from privaudit.files import open_user_file
from privaudit.i18n import N_, _
from privaudit.model import Severity
from privaudit.paths import default_config_file
from privaudit.settings import SECTIONS as SETTINGS_SECTIONS
from privaudit.settings import IgnoreRule, Settings
from privaudit.tfa.methods import parse_methods

SECRET_KEYS = frozenset({"password", "passwords", "secret", "totp", "totp_secret", "otpauth"})


@dataclass(frozen=True)
class Field:
    kind: str
    """Shown in messages: 'an integer from 0 to 100' (English; `describe` translates it)."""
    convert: Callable[[Any], Any]
    from_env: Callable[[str], Any]
    template: str = ""
    """`kind` as a message with fields, when it has any: 'an integer from {lo} to {hi}'."""
    args: tuple[tuple[str, str], ...] = ()

    def describe(self) -> str:
        """`kind` in the current language."""
        if self.template:
            return _(self.template).format(**dict(self.args))
        return _(self.kind)


def _int_range(lo: int, hi: int) -> Field:
    def convert(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise ValueError
        return value

    def from_env(text: str) -> int:
        return convert(int(text.strip()))

    template = N_("an integer from {lo} to {hi}")
    args = (("lo", str(lo)), ("hi", str(hi)))
    return Field(template.format(**dict(args)), convert, from_env, template, args)


def _bool() -> Field:
    def convert(value: Any) -> bool:
        if not isinstance(value, bool):
            raise ValueError
        return value

    def from_env(text: str) -> bool:
        lowered = text.strip().lower()
        if lowered in ("1", "true", "yes", "on"):
            return True
        if lowered in ("0", "false", "no", "off", ""):
            return False
        raise ValueError

    return Field(N_("true or false"), convert, from_env)


def _choice(
    options: Mapping[str, Any], kind: str, template: str, args: tuple[tuple[str, str], ...]
) -> Field:
    def convert(value: Any) -> Any:
        if not isinstance(value, str) or value.strip().lower() not in options:
            raise ValueError
        return options[value.strip().lower()]

    return Field(kind, convert, convert, template, args)


def _str_list() -> Field:
    def convert(value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError
        return tuple(v.strip() for v in value if v.strip())

    def from_env(text: str) -> tuple[str, ...]:
        return convert(text.split(","))

    return Field(N_("a list of strings"), convert, from_env)


def _str() -> Field:
    def convert(value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError
        return value

    return Field(N_("a string"), convert, convert)


def _http_url() -> Field:
    def convert(value: Any) -> str:
        if not isinstance(value, str) or not value.strip().startswith(("https://", "http://")):
            raise ValueError
        return value.strip().rstrip("/")

    return Field(N_("an http:// or https:// URL"), convert, convert)


def _severity() -> Field:
    values = ", ".join(s.value for s in Severity)
    options = {s.value: s for s in Severity}
    return _choice(options, "one of " + values, N_("one of {choices}"), (("choices", values),))


def _field_for(spec: dataclasses.Field[Any], hint: Any) -> Field:
    """The validation of one key, derived from its declaration in settings.py."""
    meta = spec.metadata
    optional = isinstance(hint, types.UnionType)
    kind = next(k for k in typing.get_args(hint) if k is not type(None)) if optional else hint
    if kind is bool:
        return _bool()
    if kind is int:
        return _int_range(meta["low"], meta["high"])
    if kind is Severity:
        return _severity()
    if kind == tuple[str, ...]:
        return _str_list()
    if kind is str and meta["choices"]:
        *first, last = meta["choices"]
        args = (("choices", ", ".join(first)), ("last", last))
        kind = " or ".join(meta["choices"])
        return _choice({c: c for c in meta["choices"]}, kind, N_("{choices} or {last}"), args)
    if kind is str:
        return _http_url() if meta["url"] else _str()
    raise TypeError(f"settings.py: no config type for {spec.name}: {hint}")


# Scalar sections: section -> key -> field, all from settings.py (described there once).
SECTIONS: dict[str, dict[str, Field]] = {
    name: {
        spec.name: _field_for(spec, typing.get_type_hints(cls)[spec.name])
        for spec in dataclasses.fields(cls)
    }
    for name, cls in SETTINGS_SECTIONS.items()
}
TABLE_ARRAYS = ("accounts", "ignore")
ENV_PREFIX = "PRIVAUDIT_"
ENV_RESERVED = frozenset({"PRIVAUDIT_CONFIG", "PRIVAUDIT_HOME", "PRIVAUDIT_DEBUG"})


def _where(path: Path | None) -> str:
    return str(path) if path else _("the configuration")


def _check_section(name: str, table: Any, path: Path | None) -> dict[str, Any]:
    schema = SECTIONS[name]
    if not isinstance(table, dict):
        raise ConfigError(
            _("{path}: [{name}] must be a table").format(path=_where(path), name=name)
        )
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in schema:
            known = ", ".join(sorted(schema))
            raise ConfigError(
                _("{path}: unknown key '{name}.{key}' (known keys: {known})").format(
                    path=_where(path), name=name, key=key, known=known
                )
            )
        try:
            out[key] = schema[key].convert(value)
        except (ValueError, TypeError):
            raise ConfigError(
                _("{path}: '{name}.{key}' must be {kind}").format(
                    path=_where(path), name=name, key=key, kind=schema[key].describe()
                )
            ) from None
    return out


def _mfa_list(value: Any, where: str) -> frozenset[MfaMethod]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ConfigError(
            _('{where}: \'mfa\' must be a list such as ["totp", "sms"]').format(where=where)
        )
    try:
        return parse_methods([str(item) for item in value])
    except ValueError as exc:
        raise ConfigError(_("{where}: 'mfa': {exc}").format(where=where, exc=exc)) from None


_ACCOUNT_KEYS = frozenset({"service", "url", "urls", "username", "mfa", "recovery_codes", "notes"})


def _account(index: int, table: Any, path: Path | None) -> Account:
    where = f"{_where(path)}: accounts[{index}]"
    if not isinstance(table, dict):
        raise ConfigError(_("{where} must be a table ([[accounts]])").format(where=where))
    for key in table:
        if key.lower() in SECRET_KEYS:
            raise ConfigError(
                _(
                    "{where}: '{key}' is not allowed: the profile never holds"
                    " secrets; use --accounts EXPORT or --password-stdin"
                ).format(where=where, key=key)
            )
        if key not in _ACCOUNT_KEYS:
            raise ConfigError(
                _("{where}: unknown key '{key}' (known keys: {known})").format(
                    where=where, key=key, known=", ".join(sorted(_ACCOUNT_KEYS))
                )
            )
    service = table.get("service")
    if not isinstance(service, str) or not service.strip():
        raise ConfigError(
            _("{where}: 'service' is required (the name of the site or app)").format(where=where)
        )
    urls: list[str] = []
    for key in ("url", "urls"):
        value = table.get(key, [])
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(u, str) for u in value):
            raise ConfigError(
                _("{where}: '{key}' must be a URL or a list of URLs").format(where=where, key=key)
            )
        urls.extend(value)
    username = table.get("username")
    if username is not None and not isinstance(username, str):
        raise ConfigError(_("{where}: 'username' must be a string").format(where=where))
    mfa = _mfa_list(table["mfa"], where) if "mfa" in table else frozenset()
    recovery = table.get("recovery_codes")
    if recovery is not None and not isinstance(recovery, bool):
        raise ConfigError(
            _("{where}: 'recovery_codes' must be true or false (stored safely?)").format(
                where=where
            )
        )
    return Account(
        label=service,
        urls=tuple(urls),
        username=username,
        mfa=mfa,
        recovery_codes=recovery,
        source="profile",
    )


IGNORE_KEYS = frozenset({"check", "subject", "reason", "expires"})


def _ignore_rule(index: int, table: Any, path: Path | None) -> IgnoreRule:
    where = f"{_where(path)}: ignore[{index}]"
    allowed = IGNORE_KEYS
    if not isinstance(table, dict):
        raise ConfigError(_("{where} must be a table ([[ignore]])").format(where=where))
    for key in table:
        if key not in allowed:
            raise ConfigError(
                _("{where}: unknown key '{key}' (known keys: {known})").format(
                    where=where, key=key, known=", ".join(sorted(allowed))
                )
            )
    check, reason = table.get("check"), table.get("reason")
    if not isinstance(check, str) or not check.strip():
        raise ConfigError(
            _("{where}: 'check' is required (a check id or name)").format(where=where)
        )
    if not isinstance(reason, str) or not reason.strip():
        raise ConfigError(
            _("{where}: 'reason' is required: say why this finding is accepted").format(where=where)
        )
    expires = table.get("expires")
    if isinstance(expires, datetime):
        expires = expires.date()
    if expires is not None and not isinstance(expires, date):
        raise ConfigError(
            _("{where}: 'expires' must be a date such as 2027-01-31").format(where=where)
        )
    subject = table.get("subject")
    if subject is not None and not isinstance(subject, str):
        raise ConfigError(
            _("{where}: 'subject' must be a string (wildcards * and ? allowed)").format(where=where)
        )
    return IgnoreRule(check=check, reason=reason, subject=subject, expires=expires)


def parse_config(data: Mapping[str, Any], path: Path | None = None) -> Settings:
    sections: dict[str, dict[str, Any]] = {}
    for name, value in data.items():
        if name in SECTIONS:
            sections[name] = _check_section(name, value, path)
        elif name not in TABLE_ARRAYS:
            known = ", ".join(sorted([*SECTIONS, *TABLE_ARRAYS]))
            raise ConfigError(
                _("{path}: unknown key '{name}' (known sections: {known})").format(
                    path=_where(path), name=name, known=known
                )
            )
    for name in TABLE_ARRAYS:
        if name in data and not isinstance(data[name], list):
            raise ConfigError(
                _("{path}: '{name}' must be an array of tables ([[{name}]])").format(
                    path=_where(path), name=name
                )
            )
    accounts = tuple(_account(i, t, path) for i, t in enumerate(data.get("accounts", []), 1))
    ignores = tuple(_ignore_rule(i, t, path) for i, t in enumerate(data.get("ignore", []), 1))
    return Settings(
        **{name: cls(**sections.get(name, {})) for name, cls in SETTINGS_SECTIONS.items()},
        ignore=ignores,
        accounts=accounts,
        source_path=str(path) if path else None,
    )


def read_toml(path: Path) -> dict[str, Any]:
    with open_user_file(
        path,
        what="config file",
        error=ConfigError,
        missing_hint="check the path, or leave out --config",
    ) as fh:
        raw = fh.read()
    try:
        return tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ConfigError(_("{path}: not UTF-8 text; save it as UTF-8").format(path=path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_("{path}: invalid TOML: {exc}").format(path=path, exc=exc)) from None


def env_overrides(environ: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """Settings from PRIVAUDIT_<KEY> (audit section) or PRIVAUDIT_<SECTION>_<KEY>."""
    out: dict[str, dict[str, Any]] = {}
    for var, text in environ.items():
        if not var.startswith(ENV_PREFIX) or var in ENV_RESERVED:
            continue
        rest = var[len(ENV_PREFIX) :].lower()
        section, key = "audit", rest
        if rest not in SECTIONS["audit"]:
            section, _sep, key = rest.partition("_")
        field = SECTIONS.get(section, {}).get(key)
        if field is None:
            raise ConfigError(
                _(
                    "unknown environment variable {var}; unset it or see docs/configuration.md"
                ).format(var=var)
            )
        try:
            out.setdefault(section, {})[key] = field.from_env(text)
        except (ValueError, TypeError):
            raise ConfigError(
                _("environment variable {var} must be {kind}").format(
                    var=var, kind=field.describe()
                )
            ) from None
    return out


def load_settings(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Defaults < config file < environment. Flags are applied by the caller."""
    env = os.environ if environ is None else environ
    explicit = path or (Path(env["PRIVAUDIT_CONFIG"]) if env.get("PRIVAUDIT_CONFIG") else None)
    chosen = explicit or default_config_file()
    data = read_toml(chosen) if explicit or chosen.is_file() else {}
    settings = parse_config(data, chosen if data or explicit else None)
    # Each scalar section is a Settings attribute of the same name.
    for section, values in env_overrides(env).items():
        settings = replace(settings, **{section: replace(getattr(settings, section), **values)})
    return settings
