"""`incident verify` catches every kind of tampering and names the first bad entry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def _lines(log_dir: Path) -> list[bytes]:
    return (log_dir / "log.jsonl").read_bytes().splitlines(keepends=True)


def _write(log_dir: Path, lines: list[bytes]) -> None:
    (log_dir / "log.jsonl").write_bytes(b"".join(lines))


def _canonical(entry: dict[str, object]) -> bytes:
    return (json.dumps(entry, sort_keys=True, separators=(",", ":")) + "\n").encode()


def test_an_untouched_log_verifies(cli, filled_log: Path) -> None:
    result = cli("incident", "verify")
    assert result.code == 0
    assert "all 4 entries verify" in result.out


@pytest.mark.parametrize("position", [1, 2, 4])
def test_an_edited_entry_is_named(cli, filled_log: Path, position: int) -> None:
    lines = _lines(filled_log)
    entry = json.loads(lines[position - 1])
    entry["url"] = "https://example.com/something-else"
    lines[position - 1] = _canonical(entry)  # a careful forger keeps privaudit's form
    _write(filled_log, lines)
    result = cli("incident", "verify")
    assert result.code == 1
    assert f"entry {position} " in result.err and "edited" in result.err


def test_a_hand_edit_is_named(cli, filled_log: Path) -> None:
    lines = _lines(filled_log)
    lines[1] = lines[1].replace(b"copy number 2", b"copy number 9")
    _write(filled_log, lines)
    result = cli("incident", "verify")
    assert result.code == 1
    assert "entry 2 was edited" in result.err


def test_a_removed_entry_is_named(cli, filled_log: Path) -> None:
    lines = _lines(filled_log)
    del lines[1]
    _write(filled_log, lines)
    result = cli("incident", "verify")
    assert result.code == 1
    assert "entry 2 has number 3" in result.err


def test_a_removed_last_entry_is_named(cli, filled_log: Path) -> None:
    _write(filled_log, _lines(filled_log)[:-1])
    result = cli("incident", "verify")
    assert result.code == 1
    assert "entry 4 to 4 were removed" in result.err


def test_reordered_entries_are_named(cli, filled_log: Path) -> None:
    lines = _lines(filled_log)
    lines[1], lines[2] = lines[2], lines[1]
    _write(filled_log, lines)
    result = cli("incident", "verify")
    assert result.code == 1
    assert "entry 2 has number 3" in result.err


def test_an_entry_appended_out_of_band_is_named(cli, filled_log: Path) -> None:
    import hashlib

    lines = _lines(filled_log)
    last = json.loads(lines[-1])
    forged = dict(last, seq=5, url="https://example.com/forged")
    forged["prev"] = hashlib.sha256(lines[-1].rstrip(b"\n")).hexdigest()
    _write(filled_log, [*lines, _canonical(forged)])
    result = cli("incident", "verify")
    assert result.code == 1
    assert "entry 5 was appended outside privaudit" in result.err


def test_a_rebuilt_chain_without_the_key_fails(cli, filled_log: Path) -> None:
    """Rewriting every link after an edit still cannot forge the signed head."""
    import hashlib

    lines = _lines(filled_log)
    prev = "0" * 64
    rebuilt = []
    for line in lines:
        entry = json.loads(line)
        entry["prev"] = prev
        if entry["seq"] == 2:
            entry["note"] = "rewritten"
        encoded = _canonical(entry)
        rebuilt.append(encoded)
        prev = hashlib.sha256(encoded.rstrip(b"\n")).hexdigest()
    _write(filled_log, rebuilt)
    head = json.loads((filled_log / "head.json").read_text())
    head["head"] = prev
    (filled_log / "head.json").write_text(json.dumps(head))
    result = cli("incident", "verify")
    assert result.code == 1
    assert "signature does not verify" in result.err


def test_adding_to_a_tampered_log_is_refused(cli, filled_log: Path) -> None:
    _write(filled_log, _lines(filled_log)[:-1])
    result = cli("incident", "add", "--url", "https://example.com/new")
    assert result.code == 2
    assert "does not verify" in result.err
    assert len(_lines(filled_log)) == 3


def test_update_is_a_new_entry_never_an_edit(cli, filled_log: Path) -> None:
    before = _lines(filled_log)
    result = cli("incident", "update", "2", "--status", "removed", "--note", "gone after 30h")
    assert result.code == 0
    after = _lines(filled_log)
    assert after[:4] == before and len(after) == 5
    assert json.loads(after[4])["ref"] == 2
    listing = json.loads(cli("incident", "list", "--format", "json").out)
    assert [row["status"] for row in listing] == ["recorded", "removed", "recorded", "recorded"]
    assert cli("incident", "verify").code == 0


def test_update_rejects_unknown_ids_and_statuses(cli, filled_log: Path) -> None:
    bad_status = cli("incident", "update", "1", "--status", "deleted")
    assert bad_status.code == 2 and "reported, removed, refused" in bad_status.err
    bad_id = cli("incident", "update", "99", "--status", "removed")
    assert bad_id.code == 2 and "no incident 99" in bad_id.err
