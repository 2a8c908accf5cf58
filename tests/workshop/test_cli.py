"""The workshop's command line: bad usage is one line and exit 2, the deck is written
atomically and privately, in the language asked for."""

from __future__ import annotations

import stat
from pathlib import Path


def test_deck_is_written_private_and_in_the_language_asked_for(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "deck.html"
    result = cli("workshop", "deck", "--lang", "es", "--output", str(out))
    assert result.code == 0, result.err
    assert result.err.strip() == f"Presentación guardada en {out}"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="es">' in page
    assert "Cuentas más seguras en una hora" in page
    assert list(tmp_path.iterdir()) == [out], "no temporary file left behind"


def test_bad_usage_is_one_line_and_exit_2(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cases = [
        (("workshop", "deck", "--lang", "fr", "--output", str(tmp_path / "d.html")), "--lang fr"),
        (("workshop", "deck", "--output", str(tmp_path)), str(tmp_path)),
        (("workshop", "deck"), "--output"),
        (("workshop", "--practice"), "needs a terminal"),
        (("workshop", "--lang", "es", "--practice"), "necesita una terminal"),
        (("workshop", "--practice", "--accounts", "x.csv"), "--practice"),
    ]
    for args, words in cases:
        result = cli(*args)
        assert result.code == 2, (args, result.err)
        assert words in result.err, (args, result.err)
        assert len(result.err.strip().splitlines()) == 1, result.err
        assert "Traceback" not in result.err
    assert list(tmp_path.iterdir()) == []


def test_demo_takes_share_and_code_as_audit_demo_does(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from privaudit.classroom.share import parse_share

    target = tmp_path / "share.json"
    first = cli("demo", "--share", str(target), "--code", "ROOM-4")
    assert "No such option" not in first.err and "Share file" in first.err, first.err
    mine = parse_share(target.read_bytes())
    again = cli("audit", "--demo", "--share", str(target), "--code", "ROOM-4")
    assert again.code == first.code
    theirs = parse_share(target.read_bytes())
    assert mine["demo"] is True and theirs["round"] == mine["round"] + 1
    assert {k: v for k, v in mine.items() if k != "round"} == {
        k: v for k, v in theirs.items() if k != "round"
    }
    lone = cli("demo", "--share-to", "http://127.0.0.1:9/")  # needs --code: one line, exit 2
    assert lone.code == 2 and len(lone.err.strip().splitlines()) == 1, lone.err
