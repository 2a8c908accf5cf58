"""--password-stdin is split one way for 'audit' and 'password check'."""

from __future__ import annotations

from pathlib import Path

import pytest

from privaudit.errors import UsageError
from privaudit.inputs import password_lines
from tests.conftest import CANARY_PASSWORD, assert_no_canary

FORM_FEED = f"{CANARY_PASSWORD}\f2nd-half"


def test_only_a_newline_ends_a_password() -> None:
    data = f"{FORM_FEED}\r\nsecond\u2028line\nthird\n\n\n".encode()
    assert password_lines(data) == [FORM_FEED, "second\u2028line", "third"]
    assert password_lines(b"") == []
    assert password_lines(b"a\n\nb\n") == ["a", "", "b"]  # a blank line keeps its place
    with pytest.raises(UsageError, match="--password-stdin: input is not UTF-8 text"):
        password_lines(b"\xff\n")


def test_a_form_feed_stays_inside_one_password_in_both_commands(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stdin = f"{FORM_FEED}\n".encode()
    checked = cli("password", "check", "--password-stdin", "--offline", stdin=stdin)
    assert "password #1:" in checked.out
    assert "#2" not in checked.out  # one password, not two
    config = tmp_path / "profile.toml"
    config.write_text('[[accounts]]\nservice = "Mail"\nurl = "https://mail.example.org"\n')
    audited = cli(
        "audit", "-c", str(config), "--password-stdin", "--offline", "--no-input",
        "--format", "json", stdin=stdin,
    )  # fmt: skip
    assert audited.code in (0, 1, 3), audited.err
    assert "got 2 line(s)" not in audited.err
    assert_no_canary(checked.out, checked.err, audited.out, audited.err)
