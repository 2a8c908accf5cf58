"""Webhook keys are keyed with a per-profile secret: a guess list cannot recover a
label, and the same problem keeps its key from run to run of one profile."""

from __future__ import annotations

import hashlib
import json
import stat
from itertools import product
from pathlib import Path

from privaudit.store.history import HISTORY_FILE
from privaudit.store.profile_key import key_path, outbound_key, profile_secret
from tests.history.exports import WEAK, write_export
from tests.scheduling.conftest import Receiver

SERVICES = ["Mail", "Gmail", "Bank", "GitHub", "Shop", "Work", "Cloud", "Social"]
USERS = ["alice", "bob", "carol", "dave"]


def _audit(cli, export: Path, url: str, config: Path | None = None):  # type: ignore[no-untyped-def]
    extra = ["--config", str(config)] if config else []
    return cli(
        "audit", *extra, "-a", str(export), "--offline", "--no-input", "-f", "json", "--notify", url
    )


def _sent_keys(webhook: Receiver, index: int = -1) -> set[str]:
    return {f["key"] for f in json.loads(webhook.requests[index][2])["new_findings"]}


def test_a_guess_list_cannot_recover_a_label(cli, tmp_path: Path, webhook: Receiver) -> None:  # type: ignore[no-untyped-def]
    export = write_export(tmp_path / "v.json", {"Mail": WEAK})
    result = _audit(cli, export, webhook.url)
    assert result.code in (0, 1), result.err
    sent = _sent_keys(webhook)
    assert sent
    report = json.loads(result.out)
    check_ids = {f["check_id"] for f in report["findings"]}
    subjects = {f["subject"] for f in report["findings"]}
    # The 8x4 guess list of the red-team pass, in every label form, plus the real subjects:
    guesses = {f"{s} ({u})" for s, u in product(SERVICES, USERS)} | subjects
    unsalted = {
        hashlib.sha256(f"{c}\x00{g}".encode()).hexdigest()[:16] for c in check_ids for g in guesses
    }
    assert sent.isdisjoint(unsalted)
    local = {f["key"] for f in report["findings"]}
    assert sent.isdisjoint(local), "the report's own keys never leave the machine"


def test_keys_are_stable_within_a_profile_and_differ_across_profiles(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, webhook: Receiver, isolated_home: Path
) -> None:
    export = write_export(tmp_path / "v.json", {"Mail": WEAK})
    one, two = tmp_path / "one.toml", tmp_path / "two.toml"
    one.write_text("")
    two.write_text("")
    _audit(cli, export, webhook.url, one)
    first = _sent_keys(webhook)
    # Forget the history so the same problems are new again; the profile secret stays.
    for db in (isolated_home / "data").glob(f"{HISTORY_FILE}*"):
        db.unlink()
    _audit(cli, export, webhook.url, one)
    assert _sent_keys(webhook) == first, "a receiver can follow a problem from run to run"
    _audit(cli, export, webhook.url, two)
    assert first.isdisjoint(_sent_keys(webhook)), "two profiles cannot be linked by their keys"


def test_the_secret_is_0600_and_reused(tmp_path: Path) -> None:
    secret = profile_secret("/home/a/profile.toml", tmp_path)
    path = key_path("/home/a/profile.toml", tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert profile_secret("/home/a/profile.toml", tmp_path) == secret
    assert profile_secret("/home/b/profile.toml", tmp_path) != secret
    assert outbound_key(secret, "abc") == outbound_key(secret, "abc")
    assert len(outbound_key(secret, "abc")) == 16
