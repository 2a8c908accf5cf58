"""The canary never leaks through the paths the ground-truth work added: KeePass field
references and KeePass 2 OTP fields, and Google Authenticator migration exports."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parents[1] / "sources" / "fixtures" / "keepass"


@pytest.mark.slow
def test_canary_through_references_keepass_otp_fields_and_a_migration_export(
    cli, tmp_path: Path, isolated_home: Path, write_export
) -> None:  # type: ignore[no-untyped-def]
    import base64

    from privaudit.tfa.migration import encode_migration
    from tests.conftest import CANARY_PASSWORD, CANARY_TOTP, assert_no_canary, files_under

    xml = (FIXTURES / "keepass2.xml").read_text(encoding="utf-8")
    xml = xml.replace("Shared-By-Reference-77", CANARY_PASSWORD)
    xml = xml.replace("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", CANARY_TOTP)
    vault = tmp_path / "canary.xml"
    vault.write_text(xml, encoding="utf-8")
    secret = base64.b32decode(CANARY_TOTP + "=" * (-len(CANARY_TOTP) % 8))
    migration = encode_migration([(secret, "me", "Acme", 1, 1, 2, 0)])
    export = write_export([{"name": "Phone", "uri": "https://p.example", "totp": migration}])
    data = migration.split("data=", 1)[1]
    canaries = (CANARY_PASSWORD, CANARY_TOTP, data[:32])
    for fmt in ("terminal", "json"):
        result = cli(
            "audit", "--offline", "--no-input", "-f", fmt, "-a", str(vault), "-a", str(export)
        )
        assert result.code in (0, 1), result.err
        assert_no_canary(result.out, result.err, canaries=canaries)
    for path in files_under(isolated_home):
        assert_no_canary(path.read_bytes(), canaries=canaries)
