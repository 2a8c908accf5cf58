"""The command line as users and scheduled jobs meet it."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest

from privaudit import __version__
from privaudit.exitcodes import ExitCode
from tests.conftest import run_privaudit


def test_version(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("--version")
    assert result.code == 0 and result.out.strip() == f"privaudit {__version__}"


def test_python_dash_m_and_help() -> None:
    result = run_privaudit("--help")
    assert result.code == 0
    for command in ("audit", "demo", "checks"):
        assert command in result.out


def test_demo_exits_0_with_findings_in_three_categories(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("demo", "--format", "json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    failing = {f["category"] for f in report["findings"] if f["status"] in ("fail", "warn")}
    assert len(failing) >= 3
    assert report["demo"] is True
    assert report["score"]["value"] is not None


def test_demo_terminal_report_is_plain_text_off_a_tty() -> None:
    result = run_privaudit("demo")
    assert result.code == 0
    assert "\x1b" not in result.out
    assert "Score" in result.out and "DEMO" in result.out
    assert max(len(line) for line in result.out.splitlines()) <= 80
    assert result.err == ""  # no progress bar off a terminal


def test_usage_errors_are_one_line_exit_2(cli) -> None:  # type: ignore[no-untyped-def]
    for args in (
        ["audit", "--bogus"],
        ["audit", "--format", "yaml", "--demo"],
        ["audit", "--fail-under", "200", "--demo"],
        ["audit", "--fail-on", "severe", "--demo"],
        ["audit", "--select", "nothing-like-this", "--demo"],
        ["checks", "explain", "XX999"],
        ["nosuchcommand"],
    ):
        result = cli(*args)
        assert result.code == ExitCode.USAGE, args
        assert result.err.startswith("privaudit: error: "), (args, result.err)
        assert len(result.err.strip().splitlines()) == 1, (args, result.err)
        assert "Traceback" not in result.err


def test_missing_config_is_one_line_exit_2() -> None:
    result = run_privaudit("audit", "--config", "does-not-exist.toml")
    assert result.code == 2
    assert result.err == (
        "privaudit: error: config file not found: does-not-exist.toml"
        " (check the path, or leave out --config)\n"
    )
    assert result.out == ""


def test_unknown_profile_key_exits_2_naming_it(tmp_path: Path) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text('[[accounts]]\nservice = "X"\nfavourite_colour = "blue"\n')
    result = run_privaudit("audit", "--config", str(profile))
    assert result.code == 2
    assert "unknown key 'favourite_colour'" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_output_file_is_atomic_and_private(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "report.json"
    target.write_text("previous report")
    target.chmod(0o644)
    result = cli("demo", "--format", "json", "--output", str(target))
    assert result.code == 0
    assert result.out == ""
    assert json.loads(target.read_text())["tool"]["name"] == "privaudit"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]  # no temp left


def test_output_refuses_a_symlink(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    real = tmp_path / "elsewhere.txt"
    real.write_text("keep me")
    link = tmp_path / "report.json"
    link.symlink_to(real)
    result = cli("demo", "--output", str(link))
    assert result.code == 2 and "symbolic link" in result.err
    assert real.read_text() == "keep me"


def test_output_into_a_missing_folder_is_one_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("demo", "--output", str(tmp_path / "no" / "such" / "r.txt"))
    assert result.code == 2 and "does not exist" in result.err


def test_fail_under_and_fail_on(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("audit", "--demo", "--fail-under", "95", "-q").code == ExitCode.POLICY
    assert cli("audit", "--demo", "--fail-under", "5", "-q").code == ExitCode.OK
    noisy = cli("audit", "--demo", "--fail-on", "high")
    assert noisy.code == ExitCode.POLICY
    assert "policy not met" in noisy.err


def test_fail_on_compares_severities(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    profile = tmp_path / "p.toml"
    profile.write_text('[[accounts]]\nservice = "Mail"\nmfa = ["passkey"]\n')
    args = ("audit", "--config", str(profile), "--password-stdin", "-q", "--select", "PW101")
    assert cli(*args, "--fail-on", "critical", stdin=b"abc\n").code == ExitCode.POLICY
    strong = b"vivid-Otter-lamp-92-orbit\n"
    assert cli(*args, "--fail-on", "low", stdin=strong).code == ExitCode.OK


def test_select_and_skip(cli) -> None:  # type: ignore[no-untyped-def]
    only = json.loads(cli("audit", "--demo", "-f", "json", "--select", "PW101").out)
    assert {f["check_id"] for f in only["findings"]} == {"PW101"}
    skipped = json.loads(cli("audit", "--demo", "-f", "json", "--skip", "reuse,mfa").out)
    categories = {f["category"] for f in skipped["findings"]}
    assert "passwords" in categories
    assert not categories & {"reuse", "mfa"}


def test_markdown_format(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("demo", "--format", "markdown")
    assert result.code == 0 and result.out.startswith("# privaudit report")


def test_profile_with_password_stdin(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    profile = tmp_path / "p.toml"
    profile.write_text(
        '[[accounts]]\nservice = "Mail"\nurl = "https://mail.example"\nmfa = ["totp"]\n'
        '[[accounts]]\nservice = "Shop"\n'
    )
    result = cli(
        "audit",
        "--config",
        str(profile),
        "--password-stdin",
        "--offline",
        "-f",
        "json",
        stdin=b"correct horse battery staple orbit\npassword\n",
    )
    assert result.code == 0, result.err
    findings = json.loads(result.out)["findings"]
    weak = {f["subject"]: f["status"] for f in findings if f["check_id"] == "PW101"}
    assert weak == {"Mail": "pass", "Shop": "fail"}


def test_password_stdin_count_mismatch_is_one_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    profile = tmp_path / "p.toml"
    profile.write_text('[[accounts]]\nservice = "Mail"\n')
    result = cli("audit", "--config", str(profile), "--password-stdin", stdin=b"a\nb\n")
    assert result.code == 2
    assert "got 2 line(s) for 1 profile account(s)" in result.err


def test_empty_audit_is_not_a_pass(cli) -> None:  # type: ignore[no-untyped-def]
    # Nothing to audit is bad input, not an empty report: exit 2, the three ways to give
    # input, and no history row that a later --since-last would compare with.
    result = cli("audit", "-f", "json", "--fail-under", "50")
    assert result.code == ExitCode.USAGE, result.err
    assert result.out == ""
    assert "--accounts FILE" in result.err and "--config FILE" in result.err
    assert "privaudit checklist run" in result.err
    assert "No audits recorded yet" in cli("history").out


def test_env_config_error_is_exit_2(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PRIVAUDIT_FAIL_UNDER", "high")
    result = cli("audit")
    assert result.code == 2 and "PRIVAUDIT_FAIL_UNDER" in result.err


def test_checks_explain(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("checks", "explain", "weak-password")
    assert result.code == 0
    assert result.out.startswith("PW101 weak-password: Weak or short password")
    assert "Why:" in result.out and "Fix:" in result.out


def test_checks_list_table_fits_80_columns() -> None:
    result = run_privaudit("checks", "list", env={"COLUMNS": "80"})
    assert result.code == 0
    assert all(len(line) <= 80 for line in result.out.splitlines())
    assert "PW101" in result.out and "built-in" in result.out


def test_no_color_env_is_honoured_even_when_forced() -> None:
    result = run_privaudit("demo", env={"NO_COLOR": "1", "TERM": "xterm-256color"})
    assert "\x1b" not in result.out


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("quiet", [False, True])
def test_colour_progress_and_width_on_a_real_terminal(quiet: bool) -> None:
    """On a TTY the report is coloured, fits the terminal, and a progress bar shows
    (on stderr) unless --quiet."""
    import pexpect

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    env.update(TERM="xterm-256color")
    child = pexpect.spawn(
        os.sys.executable,
        ["-m", "privaudit", "demo", *(["--quiet"] if quiet else [])],
        env=env,
        encoding="utf-8",
        dimensions=(40, 100),
        timeout=60,
    )
    child.expect(pexpect.EOF)
    output = child.before
    child.close()
    assert child.exitstatus == 0
    assert "\x1b[" in output
    assert ("Auditing" in output or "Checking" in output) is not quiet
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", output).replace("\r", "\n")
    assert all(len(line) <= 100 for line in plain.split("\n"))


def test_an_internal_error_is_one_line_without_its_message(
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from privaudit.cli import run
    from tests.conftest import CANARY_PASSWORD

    def explode(*_args: object) -> int:
        raise KeyError(CANARY_PASSWORD)

    monkeypatch.setattr(run, "run_audit_command", explode)
    result = cli("audit")
    assert result.code == ExitCode.INCOMPLETE
    assert result.err.startswith(
        "privaudit: error: internal error: privaudit crashed (KeyError at "
    )
    assert len(result.err.strip().splitlines()) == 1
    assert CANARY_PASSWORD not in result.err + result.out

    monkeypatch.setenv("PRIVAUDIT_DEBUG", "1")
    with pytest.raises(KeyError):
        cli("audit")


def test_the_version_literal_is_the_installed_version() -> None:
    from importlib.metadata import version

    assert version("privaudit") == __version__


def test_password_check_stdin_that_is_not_utf8_is_one_line(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("password", "check", "--password-stdin", stdin=b"\xff\xfe\n")
    assert result.code == 2
    assert result.err == "privaudit: error: --password-stdin: input is not UTF-8 text\n"
