"""The fast paths give the findings a straightforward reference gives, end to end.

A generated vault, large enough for strength worker processes, is audited by
the real CLI against each offline corpus form (sorted text searched by
interpolation, compact index with lazy block checks, per-prefix folder). The
reference is the obvious program: a dict of every corpus line for breaches,
and plain zxcvbn (its own dictionary matcher, one password at a time, in this
process) for strength scores.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from privaudit.accounts import Account
from privaudit.checks.context_words import strength_inputs
from privaudit.pwned.build import build_index
from privaudit.secret import Secret
from privaudit.strength import MAX_ANALYSED, PARALLEL_THRESHOLD
from tests.pwned.conftest import sha1
from tests.pwned.test_offline import make_entries, write_text
from tests.reliability.vaults import password, write_vault

pytestmark = pytest.mark.slow
LOGINS = PARALLEL_THRESHOLD + 100


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    import random

    tmp = tmp_path_factory.mktemp("fast-paths")
    vault = write_vault(tmp / "vault.json", LOGINS)
    items = json.loads(vault.read_text())["items"]
    rng = random.Random(7)
    assert [i["login"]["password"] for i in items] == [password(rng, i) for i in range(LOGINS)]
    entries = make_entries(2000)
    for n, item in enumerate(items[::3]):
        entries[sha1(item["login"]["password"])] = n + 1
    text = write_text(tmp / "corpus.txt", entries)
    build_index(text, tmp / "corpus.idx")
    folder = tmp / "ranges"
    folder.mkdir()
    groups: dict[str, list[str]] = {}
    for h, c in sorted(entries.items()):
        groups.setdefault(h[:5], []).append(f"{h[5:]}:{c}")
    # Every prefix the vault needs has its file, as in a full download.
    for prefix in ["00000", *(sha1(i["login"]["password"])[:5] for i in items)]:
        groups.setdefault(prefix, [f"{'0' * 35}:0"])
    for prefix, lines in groups.items():
        (folder / f"{prefix}.txt").write_text("\r\n".join(lines) + "\r\n", encoding="ascii")
    return {
        "vault": vault,
        "items": items,
        "entries": entries,
        "corpora": {"text": text, "index": tmp / "corpus.idx", "folder": folder},
    }


def audit(vault: Path, corpus: Path) -> dict[str, dict[str, Any]]:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "privaudit",
            "audit",
            "--accounts",
            str(vault),
            "--offline",
            "--pwned-corpus",
            str(corpus),
            "--select",
            "BR101",
            "--select",
            "PW101",
            "--format",
            "json",
            "-q",
        ],
        capture_output=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr
    out: dict[str, dict[str, Any]] = {}
    for f in json.loads(proc.stdout)["findings"]:
        out[f"{f['check_id']} {f['subject']}"] = f
    return out


@pytest.mark.parametrize("form", ["text", "index", "folder"])
def test_breach_findings_match_a_dict_of_the_corpus(setup: dict[str, Any], form: str) -> None:
    findings = audit(setup["vault"], setup["corpora"][form])
    for item in setup["items"]:
        login = item["login"]
        expected = setup["entries"].get(sha1(login["password"]), 0)
        found = findings[f"BR101 {item['name']} ({login['username']})"]
        assert found["status"] == ("fail" if expected else "pass"), item["name"]
        assert found["details"].get("breach_count", 0) == expected


def test_strength_scores_match_plain_zxcvbn_one_at_a_time(setup: dict[str, Any]) -> None:
    from zxcvbn import matching, zxcvbn

    from privaudit.tfa.dataset import load_builtin
    from privaudit.tfa.match import Directory

    findings = audit(setup["vault"], setup["corpora"]["index"])
    site_of = Directory(load_builtin()).matcher.registrable_domain
    fast = matching.dictionary_match
    matching.dictionary_match = getattr(fast, "original", fast)  # zxcvbn's own matcher
    try:
        for item in setup["items"]:
            login = item["login"]
            account = Account(
                label=item["name"],
                urls=tuple(u["uri"] for u in login["uris"]),
                username=login["username"],
                password=Secret(login["password"]),
            )
            rated, words = strength_inputs(account, site_of)  # what PW101 gives zxcvbn
            inputs = [w[:MAX_ANALYSED] for w in words]
            plain = zxcvbn(rated[:MAX_ANALYSED], user_inputs=inputs)
            found = findings[f"PW101 {account.subject}"]
            assert found["details"]["zxcvbn_score"] == plain["score"], item["name"]
    finally:
        matching.dictionary_match = fast
