"""TOTP101's words: what is wrong with a setup, from `otpauth`'s problem codes.

`privaudit.tfa.otpauth` validates and names each problem (`code`, plus an
English `message` for logs and tests); the finding says it from the code and
the parsed setup, in the run's language. An unknown code keeps its message.
"""

from __future__ import annotations

from privaudit.checks.lang import _
from privaudit.tfa.otpauth import (
    DEFAULT_ALGORITHM,
    DEFAULT_DIGITS,
    DEFAULT_PERIOD,
    MIN_BITS,
    RECOMMENDED_BITS,
    Level,
    Problem,
    TotpConfig,
)


def problem_text(problem: Problem, config: TotpConfig) -> str:
    if problem.code == "short-secret":
        if problem.level is Level.FAIL:
            return _("the secret has only {bits} bits (at least {min} needed, RFC 4226)").format(
                bits=config.bits, min=MIN_BITS
            )
        return _("the secret has {bits} bits ({recommended} recommended, RFC 4226)").format(
            bits=config.bits, recommended=RECOMMENDED_BITS
        )
    if problem.code == "non-default":
        return _("uses {settings}: many apps ignore these and show codes that never work").format(
            settings=", ".join(_unusual(config))
        )
    return problem.message


def _unusual(config: TotpConfig) -> list[str]:
    unusual = []
    if config.algorithm != DEFAULT_ALGORITHM:
        unusual.append(_("algorithm {name}").format(name=config.algorithm))
    if config.digits != DEFAULT_DIGITS:
        unusual.append(_("{n} digits").format(n=config.digits))
    if config.period != DEFAULT_PERIOD and not config.hotp:
        unusual.append(_("a {n}-second period").format(n=config.period))
    return unusual


def problems_text(problems: list[Problem], config: TotpConfig) -> str:
    return "; ".join(problem_text(p, config) for p in problems)
