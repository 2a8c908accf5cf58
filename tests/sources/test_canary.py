"""No importer path, successful or failing, ever prints the canary password or TOTP seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from privaudit.errors import InputError
from privaudit.sources import ReadOptions, import_accounts
from tests.conftest import CANARY_PASSWORD, CANARY_TOTP, assert_no_canary, files_under
from tests.sources.conftest import FIXTURES
from tests.sources.test_formats import CASES

CANARIES = (CANARY_PASSWORD, CANARY_TOTP)
REPORT_FORMATS = ("terminal", "json", "markdown")
# Error paths render every subject but skip the slow strength estimate (covered above).
QUICK = ("--offline", "--no-input", "--skip", "PW101")


@pytest.mark.parametrize("name", [c[0] for c in CASES])
def test_every_importer_and_report_format(
    name: str, cli, tmp_path: Path, isolated_home: Path
) -> None:  # type: ignore[no-untyped-def]
    export = str(FIXTURES / name)
    for fmt in REPORT_FORMATS:
        result = cli("audit", "--offline", "--no-input", "--format", fmt, "-a", export)
        assert result.code in (0, 1), result.err
        assert_no_canary(result.out, result.err, canaries=CANARIES)
    written = tmp_path / "report.json"
    result = cli("audit", "--offline", "-q", "--format", "json", "-a", export, "-o", str(written))
    assert result.code in (0, 1), result.err
    for path in [written, *files_under(isolated_home)]:
        assert_no_canary(path.read_bytes(), canaries=CANARIES)


@pytest.mark.parametrize(("name", "fmt"), [(c[0], c[1]) for c in CASES])
def test_error_paths(name: str, fmt: str, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = (FIXTURES / name).read_bytes()
    at = max(data.find(CANARY_PASSWORD.encode()), data.find(CANARY_PASSWORD.encode("utf-16-le")))
    damaged = [
        data[: at + 7] if at >= 0 else data[: len(data) // 2],  # cut inside the password
        data[: len(data) // 2],
        data.replace(b",", b'"', 3),
        b"\x80" + data,
    ]
    for i, blob in enumerate(damaged):
        export = tmp_path / f"damaged-{i}-{name}"
        export.write_bytes(blob)
        for forced in (("--source-format", fmt),) if i else (("--source-format", fmt), ()):
            result = cli("audit", *QUICK, "-a", str(export), *forced)
            assert result.code in (0, 1, 2), result.err
            assert "Traceback" not in result.err
            assert_no_canary(result.out, result.err, canaries=CANARIES)


def test_wrong_format_forced_on_every_fixture() -> None:
    """Importer level (the CLI is covered above): an error or skip never quotes a secret."""
    formats = sorted({c[1] for c in CASES})
    for name, *_ in CASES:
        for fmt in formats:
            message = ""
            try:
                result, _, _ = import_accounts(
                    FIXTURES / name, fmt=fmt, stdin=lambda _n: b"", options=ReadOptions()
                )
            except InputError as exc:
                message = str(exc)
            else:
                message = " ".join([*result.problems, *result.skipped])
                message += " ".join(a.subject for a in result.accounts)
            assert_no_canary(message, canaries=CANARIES)


def test_stdin_path(cli) -> None:  # type: ignore[no-untyped-def]
    data = (FIXTURES / "bitwarden.json").read_bytes()
    for blob in (data, data[: len(data) // 3]):
        result = cli("audit", "--offline", "-a", "-", stdin=blob)
        assert_no_canary(result.out, result.err, canaries=CANARIES)
