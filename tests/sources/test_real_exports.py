"""Third-party sample exports (../shared/real-exports, read in place, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

from privaudit.sources import import_accounts

# From ../shared/real-exports/README.md: logins each file holds.
EXPECTED = {
    "firefoxCsv-simplePasswordData.csv": ("firefox-csv", 1),
    "firefoxCsv-firefoxAccountsData.csv": ("firefox-csv", 1),
    "safariCsv-simplePasswordData.csv": ("safari-csv", 1),
    "safariCsv-oldSimplePasswordData.csv": ("safari-csv", 1),
    "dashlaneCsv-credentials.csv": ("dashlane-csv", 1),
    "nordpassCsv-nordpass.login.csv": ("nordpass-csv", 1),
    "mykiCsv-UserAccount.csv": ("myki-csv", 1),
    "onePasswordCsv-multipleItems.mac.csv": ("1password-csv", 1),
    "onePasswordCsv-multipleItems.windows.csv": ("1password-csv", 1),
    "keeper.json": ("keeper-json", 3),
    "1password-1pux-export.data": ("1password-1pux", 1),
}
WITH_TOTP = {
    "safariCsv-simplePasswordData.csv",
    "dashlaneCsv-credentials.csv",
    "1password-1pux-export.data",
    "mykiCsv-UserAccount.csv",
}


@pytest.mark.parametrize(("name", "expected"), sorted(EXPECTED.items()))
def test_real_export_parses_with_the_right_count(
    shared_dir: Path, name: str, expected: tuple[str, int]
) -> None:
    path = shared_dir / "real-exports" / name
    if not path.is_file():
        pytest.skip(f"{name} is not in ../shared/real-exports")
    result, summary, plaintext = import_accounts(path, fmt=None, stdin=lambda _n: b"")
    assert (summary.format, summary.used) == expected
    assert plaintext
    assert all(a.password for a in result.accounts)
    if name in WITH_TOTP:
        assert any(a.totp is not None for a in result.accounts)


def test_real_exports_run_the_full_audit(shared_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    folder = shared_dir / "real-exports"
    args = [a for name in sorted(EXPECTED) for a in ("--accounts", str(folder / name))]
    result = cli("audit", "--offline", "--no-input", "-q", "--format", "json", *args)
    assert result.code in (0, 1), result.err
    # The mac and windows 1Password files, the two Firefox and the two Safari files each
    # hold one same login: three logins kept twice are three accounts, not six.
    assert '"accounts": 10' in result.out
