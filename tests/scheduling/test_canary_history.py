"""The canary password never reaches any format, the history database, a lock,
a webhook or any file privaudit leaves in its home."""

from __future__ import annotations

from pathlib import Path

from privaudit.render import format_names
from tests.conftest import CANARY_PASSWORD, assert_no_canary, files_under, run_privaudit
from tests.history.exports import STRONG, WEAK, write_export
from tests.scheduling.conftest import Receiver


def test_canary_never_leaks_into_formats_history_or_webhook(
    tmp_path: Path, isolated_home: Path, webhook: Receiver
) -> None:
    export = write_export(
        tmp_path / "v.json", {"Canary": CANARY_PASSWORD, "Gmail": WEAK, "GitHub": STRONG}
    )
    outputs: list[str | bytes] = []
    for fmt in format_names():
        out = tmp_path / f"report.{fmt}"
        result = run_privaudit(
            "audit", "-a", str(export), "--offline", "--no-input", "-f", fmt, "-o", str(out),
            "--since-last", "--notify", webhook.url,
        )  # fmt: skip
        assert result.code in (0, 1), result.err
        outputs += [result.out, result.err, out.read_bytes()]
    for args in (("history",), ("history", "-f", "json"), ("diff",), ("diff", "-f", "json")):
        result = run_privaudit(*args)
        assert result.code == 0, result.err
        outputs += [result.out, result.err]
    rendered = run_privaudit("report", "render", str(tmp_path / "report.json"), "-f", "html")
    outputs.append(rendered.out)

    db = isolated_home / "data" / "history.sqlite3"
    assert db.is_file()
    home_files = files_under(isolated_home)
    assert any(p.name.endswith(".lock") for p in home_files)
    assert_no_canary(*outputs, *(p.read_bytes() for p in home_files))
    assert_no_canary(*(body for _, _, body in webhook.requests))
    assert webhook.requests, "the first run notified, so the webhook check saw a payload"
    for path in home_files:
        assert path.stat().st_mode & 0o077 == 0, f"{path} is readable by others"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_scheduled_output_has_no_ansi_and_status_goes_to_stderr(tmp_path: Path) -> None:
    export = write_export(tmp_path / "v.json", {"Gmail": WEAK})
    out = tmp_path / "r.txt"
    result = run_privaudit(
        "audit", "-a", str(export), "--offline", "-o", str(out), "--fail-under", "90"
    )
    assert result.code == 1
    assert result.out == ""
    assert "report written to" in result.err
    assert "policy not met" in result.err
    assert "\x1b" not in result.err
    assert "\x1b" not in out.read_text("utf-8")
    history = run_privaudit("history")
    assert "\x1b" not in history.out
