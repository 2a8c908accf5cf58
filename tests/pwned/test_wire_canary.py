"""The canary test extended to the wire: a real privaudit process against the
loopback server. No request carries more than 5 hex characters of any hash, and
the canary's SHA-1 suffix appears nowhere: requests, output, cache, temp dir."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import CANARY_PASSWORD, assert_no_canary, files_under, run_privaudit
from tests.pwned.conftest import HibpServer, sha1
from tests.pwned.test_cli_breach import STRONG, bitwarden_export

PASSWORDS = {"Mail": "P@ssw0rd", "Bank": STRONG, "Shop": CANARY_PASSWORD, "Forum": "hunter2"}


def test_no_hash_beyond_the_prefix_leaves_and_the_canary_stays_home(
    tmp_path: Path, hibp_server: HibpServer, isolated_home: Path
) -> None:
    export = bitwarden_export(tmp_path / "export.json", PASSWORDS)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {"TMPDIR": str(tmp)}
    audit = run_privaudit(
        "audit",
        "--accounts",
        str(export),
        "--pwned-api-url",
        hibp_server.url,
        "--format",
        "json",
        "--no-input",
        env=env,
    )
    assert audit.code == 0, audit.err
    assert json.loads(audit.out)["findings"]
    check = run_privaudit(
        "password",
        "check",
        "--password-stdin",
        "--no-cache",
        "--pwned-api-url",
        hibp_server.url,
        stdin=f"{CANARY_PASSWORD}\n".encode(),
        env=env,
    )
    assert check.code in (0, 1), check.err

    wire = "\n".join(r.text for r in hibp_server.requests)
    assert len(hibp_server.requests) == len({sha1(p)[:5] for p in PASSWORDS.values()}) + 1
    for password in PASSWORDS.values():
        digest = sha1(password)
        for i in range(len(digest) - 5):
            assert digest[i : i + 6] not in wire.upper(), "6+ hash characters on the wire"
    suffix = sha1(CANARY_PASSWORD)[5:]
    stored = [p.read_bytes() for p in files_under(isolated_home) + files_under(tmp)]
    assert files_under(isolated_home / "cache"), "the cache should have been written"
    texts = [wire, audit.out, audit.err, check.out, check.err, *stored]
    assert_no_canary(*texts, canaries=(CANARY_PASSWORD, suffix, sha1(CANARY_PASSWORD)))
    assert_no_canary(*texts, canaries=(sha1(STRONG)[5:],))
