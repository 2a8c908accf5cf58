"""--quiet silences progress and status lines, never the reason for exit code 1 or 3:
a scheduled job's log is often all a user sees of a failed run."""

from __future__ import annotations

from pathlib import Path

from privaudit.exitcodes import ExitCode

STRONG = b"vivid-Otter-lamp-92-orbit\n"


def _profile(tmp_path: Path) -> Path:
    profile = tmp_path / "p.toml"
    profile.write_text('[[accounts]]\nservice = "Mail"\nmfa = ["passkey"]\n', encoding="utf-8")
    return profile


def test_quiet_exit_1_says_which_policy_failed(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    args = ("audit", "--config", str(_profile(tmp_path)), "--password-stdin", "--quiet")
    result = cli(
        *args,
        "--select",
        "PW101",
        "--fail-on",
        "critical",
        "--format",
        "json",
        "--output",
        str(tmp_path / "r.json"),
        stdin=b"abc\n",
    )
    assert result.code == ExitCode.POLICY
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("privaudit: exit 1, policy not met: ")
    assert "critical" in lines[0]


def test_quiet_exit_3_says_what_was_not_checked(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    args = ("audit", "--config", str(_profile(tmp_path)), "--no-input", "--quiet")
    result = cli(
        *args, "--fail-under", "70", "--format", "json", "--output", str(tmp_path / "r.json")
    )
    assert result.code == ExitCode.INCOMPLETE
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("privaudit: exit 3, audit incomplete: ")
    assert "--fail-under cannot be met" in lines[0]


def test_quiet_clean_run_prints_nothing(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    args = ("audit", "--config", str(_profile(tmp_path)), "--password-stdin", "--quiet")
    result = cli(
        *args,
        "--select",
        "PW101",
        "--format",
        "json",
        "--output",
        str(tmp_path / "r.json"),
        stdin=STRONG,
    )
    assert result.code == ExitCode.OK, result.err
    assert result.err == ""
