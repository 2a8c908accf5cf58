"""Shared fixtures: an isolated home for every test, the CLI in-process and as a
real subprocess, and the canary secrets that must never show up anywhere."""

from __future__ import annotations

import inspect
import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from privaudit.cli import main

# Unique values that appear nowhere else: if one shows up in any output, file or
# request, a secret leaked. Kept apart from anything zxcvbn would call common.
CANARY_PASSWORD = "cAnArY-7f3b9e21-Pw!d0"
CANARY_TOTP = "JBSWY3DPCANARYQQOJ5GK4TFON2A4ZLU"


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own config/data/cache dirs and no PRIVAUDIT_* from the caller."""
    home = tmp_path_factory.mktemp("privaudit-home")
    for var in list(os.environ):
        if var.startswith("PRIVAUDIT_"):
            monkeypatch.delenv(var)
    monkeypatch.setenv("PRIVAUDIT_HOME", str(home))
    # Breach lookups never reach the internet from a test: a closed loopback port
    # (fails at once) unless the test starts its own server (tests/pwned/conftest.py).
    monkeypatch.setenv("PRIVAUDIT_PWNED_API_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("PRIVAUDIT_PWNED_RETRIES", "0")
    # A bare `data update` refreshes only the 2FA data unless a test serves the others
    # (tests/exposure/conftest.py): HIBP and the passkeys API are never asked.
    monkeypatch.setenv("PRIVAUDIT_EXPOSURE_UPDATE", "false")
    # No test may read or write the real OS keyring (the HIBP API key for --check-emails).
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    # privaudit speaks the locale's language: tests start in English whatever the
    # caller's locale, and set LANG (or --lang) themselves to test another.
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return home


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run privaudit in-process: cli("audit", "--demo", stdin=b"...") -> Result."""

    def run(*args: str, stdin: bytes = b"") -> Result:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        code = main(list(args))
        out, err = capsys.readouterr()
        return Result(int(code), out, err)

    return run


def run_privaudit(
    *args: str,
    stdin: bytes = b"",
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 120,
) -> Result:
    """Run privaudit as a real process (python -m privaudit), no TTY."""
    proc = subprocess.run(
        [sys.executable, "-m", "privaudit", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=timeout,
        check=False,
    )
    return Result(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


@pytest.fixture
def shared_dir() -> Path:
    """../shared beside the checkout (third-party samples); tests using it skip without it."""
    root = Path(__file__).resolve().parents[1].parent / "shared"
    if not root.is_dir():
        pytest.skip("../shared is not present beside this checkout")
    return root


def files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def assert_no_canary(
    *texts: str | bytes, canaries: tuple[str, ...] = (CANARY_PASSWORD, CANARY_TOTP)
) -> None:
    for text in texts:
        blob = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
        for canary in canaries:
            assert canary.encode() not in blob, "a canary secret leaked"
            assert canary.lower().encode() not in blob.lower(), "a canary leaked (case-folded)"


# A test that starts privaudit (or anything) as a process costs a second or more on a
# shared machine: it is marked slow wherever it is written, so `-m "not slow"` gives
# a quick loop while CI still runs everything.
_PROCESS_MARKERS = ("run_privaudit(", "subprocess.", "pexpect.", "spawn(")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        function = getattr(item, "function", None)
        if function is None or item.get_closest_marker("slow"):
            continue
        try:
            source = inspect.getsource(function)
        except (OSError, TypeError):
            continue
        if any(marker in source for marker in _PROCESS_MARKERS):
            item.add_marker(pytest.mark.slow)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="Rewrite golden files from the current output (review the diff like code).",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """golden("name.ext", text): compare with tests/golden/name.ext byte for byte.

    The one golden-file fixture. Regenerate with `pytest --update-goldens` (or
    UPDATE_GOLDENS=1) and review the diff like code.
    """
    folder = Path(__file__).parent / "golden"
    update = bool(request.config.getoption("--update-goldens")) or (
        os.environ.get("UPDATE_GOLDENS") == "1"
    )

    def check(name: str, text: str) -> None:
        path = folder / name
        if update:
            folder.mkdir(exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
            return
        assert path.is_file(), f"no golden file {path}; run pytest --update-goldens"
        assert text == path.read_bytes().decode("utf-8"), f"output differs from {path}"

    return check
