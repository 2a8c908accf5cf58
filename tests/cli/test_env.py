"""The Environment a test hands to main(): streams, terminal facts, colour and width."""

from __future__ import annotations

import io

from privaudit.cli import main
from privaudit.cli.env import Environment

ANSI = "\x1b["


def make_env(stdin: bytes = b"", **facts: object) -> tuple[Environment, io.StringIO, io.StringIO]:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(
        stdin=io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"),
        stdout=out,
        stderr=err,
        **facts,  # type: ignore[arg-type]
    )
    return env, out, err


def test_a_terminal_gets_colour_at_its_width() -> None:
    env, out, _ = make_env(environ={}, stdout_isatty=True, terminal_columns=100)
    assert main(["demo", "--format", "terminal"], env=env) in (0, 1, 3)
    text = out.getvalue()
    assert ANSI in text
    assert max(len(line) for line in text.replace("\x1b", "").splitlines()) > 80


def test_no_color_and_pipes_get_plain_text_at_columns() -> None:
    for facts in ({"environ": {"NO_COLOR": "1"}, "stdout_isatty": True}, {"environ": {}}):
        env, out, _ = make_env(**facts)
        main(["demo", "--format", "terminal"], env=env)
        assert ANSI not in out.getvalue()
    env = Environment(environ={"COLUMNS": "132"})
    assert env.width() == 132
    assert Environment(environ={"COLUMNS": "9"}).width() == 80
    assert Environment(stdout_isatty=True, terminal_columns=500).width() == 120


def test_errors_and_stdin_go_through_the_environment() -> None:
    env, out, err = make_env(environ={})
    assert main(["audit", "--format", "nope"], env=env) == 2
    assert err.getvalue().startswith("privaudit: error: unknown format 'nope'")
    assert out.getvalue() == ""
    env, out, err = make_env(stdin=b"correct horse battery staple\n", environ={})
    code = main(["password", "check", "--password-stdin", "--offline"], env=env)
    assert code in (0, 1, 3)
    assert out.getvalue().startswith("password #1: strength ")
    assert "correct horse" not in out.getvalue() + err.getvalue()


def test_without_a_terminal_nothing_prompts() -> None:
    env, _, err = make_env(environ={})
    assert main(["password", "check"], env=env) == 2
    assert "no terminal to prompt on" in err.getvalue()
