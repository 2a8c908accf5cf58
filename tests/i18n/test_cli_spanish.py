"""The commands a learner runs after the demo answer in Spanish too."""

from __future__ import annotations

import re

from tests.i18n.english import english_lines

NAMES = ("Gmail", "Google", "Instagram")


def test_mfa_set_and_list_in_spanish(cli) -> None:  # type: ignore[no-untyped-def]
    done = cli("--lang", "es", "mfa", "set", "Instagram", "totp", "--recovery-codes", "yes")
    assert done.code == 0, done.err
    assert done.out.startswith("guardado para Instagram: totp (códigos de recuperación:")
    listed = cli("--lang", "es", "mfa", "list")
    assert "coincide con" in listed.out
    assert english_lines(listed.out, allowed=NAMES) == []


def test_history_and_password_check_in_spanish(cli) -> None:  # type: ignore[no-untyped-def]
    empty = cli("--lang", "es", "history")
    assert empty.out.startswith("Todavía no hay revisiones guardadas")
    checked = cli(
        "--lang", "es", "password", "check", "--password-stdin", "--offline", stdin=b"x\n"
    )
    last = checked.out.splitlines()[-1]
    assert last == "1 contraseña revisada: filtraciones sin revisar, 1 demasiado débil"
    # A file name (docs/breach.md) and a product's name are not English prose.
    text = re.sub(r"\S+\.md\b", " ", checked.out)
    assert english_lines(text, allowed=("Pwned Passwords",)) == []


def test_a_first_run_error_is_one_spanish_line(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("--lang", "es", "audit", "--no-input")
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1
    assert result.err.startswith("privaudit: error: no hay nada que revisar: da una exportación")
